// The story's "how many": per counted thing (killed, injured, arrested, evacuated, homes destroyed…)
// the value the story reports — agreed, single-source, or disputed with its sides — each value with
// the text it is written as and its evidence spans. Killed and injured are read the way a casualty
// toll is read per article and per story (3-analyze/figures/casualties.ts). Whether a count is
// disputed is the comparison's one dispute test (count-dispute.ts), so the story's "how many" and its
// conflict list never tell a reader two things; a disputed count's sides are the conflict's.
import type { Evidence, FigureMention, HowMany, HowManyValue } from '../../model/index.ts';
import { articleCasualties, storyCasualties, woundedGiven, type Casualties } from '../3-analyze/figures/casualties.ts';
import { extractFigures } from '../3-analyze/figures/figures.ts';
import { isStatedTotal } from '../3-analyze/figures/stated.ts';
import { countFactOf, countVerdict, disputeValues, isDispute, type CountVerdict } from './count-dispute.ts';
import { Sources, unique, type Fact, type SourceArticle } from './fact.ts';
import { hedgeWithin } from './figures.ts';
import { howManyFacts } from './how-many.ts';
import { risingInTime } from './over-time.ts';

type Casualty = 'killed' | 'injured';
// Counts read from the lede only, as the casualty reading does: further down they are background.
const LEDE_CHARS = 1500;
// Other counted things: a count of people or homes followed by what happened to them.
const EVENT_AFTER = /^(?:\s+[\p{L}'-]+){0,2}?\s+(?:(?:were|was|have been|had been|are|got|being)\s+)?(?:\w+ly\s+)?(arrested|detained|evacuated|missing|displaced|rescued|destroyed|damaged)\b/iu;
const EVENT_BEFORE = /\b(arrested|detained|evacuated|rescued|destroyed|damaged|displaced)\s+(?:at least\s+|about\s+|some\s+|more than\s+)?$/i;
const HOMES = /^(?:homes|houses|buildings|structures|residences|viviendas|casas)$/i;
const THINGS_COUNTED = new Set(['people', 'residents', 'families', 'persons', 'men', 'women', 'children', 'suspects', 'migrants', 'protesters', 'students', 'teens', 'juveniles', 'adults', 'others', 'individuals', 'civilians', 'workers', 'passengers', 'patients', 'tourists', 'villagers']);

interface ArticleCount {
  article: string;
  value: number;
  /** The figure that states it in the article's text, if any. */
  figure: FigureMention | null;
  /** As written when no figure in the text states it (the headline, or words only). */
  written: string;
  stated: boolean;
  day: string | null;
}

/** `facts`: the story's compared facts (compareSources), whose count conflicts decide what is disputed. */
export function storyHowMany(articles: SourceArticle[], titles: Map<string, string> = new Map(), facts?: Fact[]): HowMany[] {
  const sources = new Sources(articles);
  const counts = facts ?? howManyFacts(articles, sources);
  return [...casualtyCounts(articles, titles, sources, counts), ...eventCounts(articles, sources, counts)];
}

function casualtyCounts(articles: SourceArticle[], titles: Map<string, string>, sources: Sources, facts: Fact[]): HowMany[] {
  const readings = articles.map((a) => {
    const title = titles.get(a.article.id) ?? '';
    const headline = title ? extractFigures({ text: title }, [], { headline: true }) : [];
    // Headline figures sit past the text so no evidence span points into the wrong string.
    const shifted = headline.map((f) => ({ ...f, start: -1, end: -1 }));
    const c = articleCasualties([...a.mentions.figures, ...shifted], { text: a.article.text, title });
    return { a, c, headline };
  });
  const known = readings.filter((r) => r.c.killed !== null || r.c.injured !== null);
  const story = storyCasualties(known.map((r) => r.c));
  const out: HowMany[] = [];
  for (const what of ['killed', 'injured'] as const) {
    const counts = known.flatMap((r) => {
      const value = what === 'killed' ? r.c.killed : r.c.woundedUnsaid ? null : woundedGiven(r.c, story.killed);
      return value === null ? [] : [countOf(r.a, r.c, what, value, r.headline)];
    });
    const entry = summarise(what, story[what], counts, sources, facts);
    if (entry) out.push(entry);
  }
  return out;
}

/** One article's claim for a casualty count, with the figure that states it. */
function countOf(a: SourceArticle, c: Casualties, what: Casualty, value: number, headline: FigureMention[]): ArticleCount {
  const inLede = a.mentions.figures.filter((f) => f.start < LEDE_CHARS && !f.vague);
  const labels = what === 'injured' && c.injuredFromShot ? ['injured', 'shot'] : [what];
  const wanted = what === 'injured' && c.injuredFromShot && c.shot != null && value !== 0 ? c.shot : value;
  const candidates = inLede.filter((f) => labels.includes(f.counts ?? '') && f.value === wanted);
  // A stated total first ("three were killed"), then the earliest description ("a man was shot").
  const figure = candidates.find(isStatedTotal) ?? candidates[0] ?? null;
  const fromHeadline = headline.find((f) => f.counts === what && f.value === value);
  const stated = !!figure && isStatedTotal(figure) && wanted === value;
  const written = figure?.text ?? fromHeadline?.text ?? '';
  return { article: a.article.id, value, figure, written, stated, day: a.article.published?.date ?? null };
}

/** Story value, status and sides for one counted thing; null when nothing in the text supports it. */
function summarise(what: string, storyValue: number, counts: ArticleCount[], sources: Sources, facts: Fact[]): HowMany | null {
  const cited = counts.flatMap((c) => (c.figure ? [{ article: c.article, start: c.figure.start, end: c.figure.end }] : []));
  const fact = countFactOf(facts, what, cited);
  const verdict = fact ? countVerdict(fact, facts) : null;
  // Disputed exactly when the conflict list shows the dispute, with the conflict's sides.
  if (fact && isDispute(verdict!.conflict)) return { what, status: 'disputed', value: null, values: disputeValues(fact, verdict!.conflict) };
  // A value no report writes (a zero read from silence) is no side a reader can check; the
  // story's own value stays, read from words ("died at the hospital") when no number is written.
  const values = sidesOf(counts, sources)
    .filter((v) => v.text || v.value === storyValue)
    .map((v) => ({ ...v, text: v.text || String(v.value) }));
  // A zero no report writes ("no one was hurt" is written; silence is not) is "none reported": no entry.
  if (storyValue === 0 && !counts.some((c) => c.value === 0 && c.figure)) return null;
  if (!values.some((v) => v.value === storyValue)) return null;
  const stated = counts.filter((c) => c.stated);
  const statedValues = unique(stated.map((c) => c.value));
  const differ = statedValues.length > 1 && sources.independent(stated.map((c) => c.article)) > 1 && unique(stated.map((c) => sources.rootOf(c.article))).length > 1;
  // A toll that rose from one day's reports to the next is told at its latest count.
  const sides = statedValues.map((v) => ({ value: v, days: stated.filter((c) => c.value === v).map((c) => c.day), range: { low: v, high: v } }));
  const rising = differ ? risingInTime(sides) : null;
  if (rising) storyValue = rising.at(-1)!.value;
  else if (differ && verdict) storyValue = shownOf(values.filter((v) => statedValues.includes(v.value)), storyValue, verdict, sources);
  const support = counts.filter((c) => c.value === storyValue).map((c) => c.article);
  // The value shown leads its sides.
  values.sort((a, b) => Number(b.value === storyValue) - Number(a.value === storyValue));
  const entry: HowMany = { what, status: sources.independent(support) >= 2 ? 'agreed' : 'single-source', value: storyValue, values };
  // Stated totals that differ without a dispute count different things (a bound and a value it
  // allows, with and without the attacker, one scene's dead): the value is shown as reported, not settled.
  const others = values.filter((v) => v.value !== storyValue && statedValues.includes(v.value));
  if (differ && !rising && others.length)
    entry.note = `also reported: ${others.map((v) => `"${v.text}"`).join(', ')}; no dispute (a bound, a part, the dead among the wounded or with the attacker, a count further down), so the best-supported count is shown`;
  return entry;
}

/**
 * Stated totals that differ with no dispute: the one most independent reports give (a victim
 * described is no total, so it has no vote here). The dead among the
 * wounded make the larger count everyone hit, so the smaller is the wounded. On a tie an exact
 * count beats a bound ("at least four", "as many as 20"), then the comparison's best-supported
 * side (a lede total, not a far-down count), then the story's own reading.
 */
function shownOf(values: HowManyValue[], storyValue: number, verdict: CountVerdict, sources: Sources): number {
  if (verdict.wounded !== null && values.some((v) => v.value === verdict.wounded)) return verdict.wounded;
  const most = Math.max(...values.map((v) => sources.independent(v.articles)));
  let tied = values.filter((v) => sources.independent(v.articles) === most);
  const exact = tied.filter((v) => !hedgeWithin(v.text));
  if (exact.length) tied = exact;
  return (tied.find((v) => v.value === verdict.best) ?? tied.find((v) => v.value === storyValue) ?? tied[0]).value;
}

/** Each value with the reports giving it, best supported first; its text is a stated total when one gives it. */
function sidesOf(counts: ArticleCount[], sources: Sources): HowManyValue[] {
  const byValue = new Map<number, ArticleCount[]>();
  for (const c of counts) byValue.set(c.value, [...(byValue.get(c.value) ?? []), c]);
  const out = [...byValue].map(([value, cs]) => {
    const shown = cs.find((c) => c.stated) ?? cs.find((c) => c.written) ?? cs[0];
    const evidence: Evidence[] = cs.flatMap((c) => (c.figure ? [{ article: c.article, start: c.figure.start, end: c.figure.end }] : []));
    return { value, text: shown.written.replace(/\s+/g, ' ').trim(), articles: unique(cs.map((c) => c.article)), evidence };
  });
  return out.sort((a, b) => sources.independent(b.articles) - sources.independent(a.articles) || a.value - b.value);
}

/** What a count of people or homes says happened to them: "12 people were arrested" → arrested. */
function eventOf(text: string, f: FigureMention): string | null {
  if (f.value === null || f.vague || f.unit || !f.counts) return null;
  const homes = HOMES.test(f.counts);
  if (!homes && !THINGS_COUNTED.has(f.counts)) return null;
  const verb = (EVENT_AFTER.exec(text.slice(f.end, f.end + 60))?.[1] ?? EVENT_BEFORE.exec(text.slice(Math.max(0, f.start - 40), f.start))?.[1])?.toLowerCase();
  if (!verb) return null;
  if (homes) return /destroyed|damaged/.test(verb) ? `homes ${verb}` : null;
  return /destroyed|damaged/.test(verb) ? null : verb === 'detained' ? 'arrested' : verb;
}

function eventCounts(articles: SourceArticle[], sources: Sources, facts: Fact[]): HowMany[] {
  const byWhat = new Map<string, ArticleCount[]>();
  for (const a of articles) {
    const seen = new Set<string>();
    for (const f of a.mentions.figures) {
      if (f.start >= LEDE_CHARS) continue;
      const what = eventOf(a.article.text, f);
      // An article's first count of a thing is its claim: later ones are parts or other events.
      if (!what || seen.has(what)) continue;
      seen.add(what);
      const count = { article: a.article.id, value: f.value!, figure: f, written: f.text, stated: isStatedTotal(f), day: a.article.published?.date ?? null };
      byWhat.set(what, [...(byWhat.get(what) ?? []), count]);
    }
  }
  const out: HowMany[] = [];
  for (const [what, counts] of byWhat) {
    const best = sidesOf(counts, sources)[0];
    const entry = summarise(what, best.value, counts, sources, facts);
    if (entry) out.push(entry);
  }
  return out;
}
