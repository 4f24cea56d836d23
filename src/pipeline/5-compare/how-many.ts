// How-many facts: figures aligned by what they count, grouped by whether their ranges agree.
import type { FigureMention } from '../../model/index.ts';
import { articleCasualties, type Casualties } from '../3-analyze/figures/casualties.ts';
import { PERSON_NOUNS } from '../3-analyze/figures/casualty-words.ts';
import { isStatedTotal } from '../3-analyze/figures/stated.ts';
import { countVerdict, sidesDispute, type CountFact } from './count-dispute.ts';
import {
  conflictValues,
  type Claim,
  type Fact,
  type SourceArticle,
  type Sources,
} from './fact.ts';
import { clauseOf, contextStems, shared, stem } from './context.ts';
import { foldLetters } from '../../text/fold.ts';
import { figureRange, hedgeBefore, hedgeWithin, overlaps, type Range } from './figures.ts';
import { risingInTime } from './over-time.ts';

interface FigureClaim extends Claim {
  range: Range | null;
  position: number;
  sentence: number;
  vague: boolean;
  /** A total as written ("three"), not a victim described ("a man", "a fatal shooting"). */
  stated: boolean;
  /** Whether it can take a side in a dispute: a total in the lede, not a part or a city-wide tally. */
  side: boolean;
  context: Set<string>;
  /** Counts some of the people only ("three men", "two officers"), not everyone. */
  subgroup: boolean;
  /** Counts the dead of one place ("found two dead at a home", "dead at the scene"). */
  atOnePlace: boolean;
  /** "at least N", "up to N": a bound, which disputes only values on its wrong side. */
  bound: 'lower' | 'upper' | null;
  /** Whose count it is: the words of the name nearest it in its clause ("Hansbrough scored 20 points"), folded. */
  holders: Set<string>;
  /** What the count is said of: the word before it and the verb after its noun, stemmed ("scored", "destroy"). */
  frame: Set<string>;
}

// The counted noun right after a figure, when it names only some of the people.
const SUBGROUP_AFTER = /^\s+(?:[\p{Ll}-]+\s+)?(?:men|women|boys|girls|teens|teenagers|children|kids|juveniles|adults|officers|deputies|troopers|students|males|females|brothers|sisters)\b/u;
// The dead where they were found: "found two people dead at a home", "two men were pronounced dead
// at the scene". A count of one place's dead, below a report's count of all, is a part of it (others
// died at another scene or later in hospital).
const FOUND_BEFORE = /\bfound\s+$/i;
const DEAD_AFTER = /^\s+(?:[\p{L}-]+\s+){0,2}dead\b/iu;
const AT_THE_SCENE_AFTER = /^[^.;]{0,40}?\b(?:dead|died) at the scene\b/i;
// "more than a dozen" is a size ("12 to 23"), not an open bound.
const BOUNDED_IDIOM = /\b(?:a|one)\s+(?:dozen|hundred|thousand|million)\b/i;

// Counts that name nothing by themselves ("twenty-four of them") cannot be aligned across articles.
const UNALIGNABLE = /^(?:them|they|those|these|others?|ones?|times|which|who|us|we|you)$/i;
// "No other injuries", "no further deaths": a zero that says nothing about the total.
const NOTHING_MORE = /\b(?:other|further|additional|more|new|otras?|otros?|más)\b/i;
// Casualty counts are already about one thing; other counts must share words around them to be compared.
const CASUALTY = /^(?:killed|injured|shot)$/;
const MIN_SHARED_CONTEXT = 2;
// A count can take a side in a dispute only when the report leads with it: further down, counts
// recall other events, tally a city's weekend, or break a total into parts.
const LEDE_SENTENCES = 4;
// "two of the injured", "three more", "nine additional victims": a part, not the total.
const PARTIAL = /^\s+(?:of\s+(?:the|them|those|these|whom)\b|(?:more|additional|further)\b)/i;
// "six people wounded, two mortally": the count includes the dead, so it is no count of the wounded.
const WITH_THE_DEAD = /^[^.;]{0,40}?(?:,|--|—|–)\s*(?:\w+\s+)?(?:of them\s+)?(?:mortally|fatally)\b|^[^.;]{0,40}?\bincluding the (?:suspected |alleged )?(?:gunman|shooter|suspect|attacker)\b/i;
// "six children and two adults": one part of a sum; "he and six others were shot": one fewer than all.
const PART_OF_SUM = /^\s+(?:[\p{L}-]+\s+){0,2}and\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\b/iu;
// Only after a person ("Kendall and six others", "he and two others"): "one dead and two others hurt" is a total.
const ONE_MORE = /(?:\b(?:he|she|him|her)|\b\p{Lu}\p{Ll}+)\s+and\s+$/u;
// "two other children" is a part too, except for casualties ("killing one and wounding two others").
const OTHER = /^\s+others?\b/i;
// "N others" is a total of the hurt only after the dead ("one dead and two others hurt"); after one
// of the hurt ("one is in critical condition and two others were treated") it is the rest of them.
const DEATH_BEFORE = /\b(?:dead|killed|died|dies|fatally|death|slain|murdered)\b/i;
// A tally over many events: "in shootings across the city", "over the weekend", "so far this year".
export const ROUNDUP = /\bshootings\b|\bacross the (?:city|county|state|region)\b|\bover the (?:weekend|holiday)\b|\bthis year\b|\bso far\b|\bcitywide\b|\bseparate (?:incidents|shootings|attacks)\b/i;
// Auxiliaries and adverbs between a counted noun and what the count did: "have reportedly crossed".
const AUXILIARY = /^(?:were|was|have|has|had|are|is|been|being|be|who|that|reportedly|also|all|\p{L}+ly)$/iu;
const MIN_SHARED_AMOUNT_CONTEXT = 3;
const TIME_UNIT = /^(?:second|minute|hour|day|week|month|year|segundo|minuto|hora|d[ií]a|semana|mes|año)s?$/i;
const RELATIVE_AFTER = /^\s*(?:[\p{L}-]+\s+)?(?:after|before|later|earlier|ago|prior|since|despu[eé]s|antes|atr[aá]s)\b/iu;

/** A report whose lede tallies many events ("20 shot across the city since Friday"): its counts are its incidents', not one story's. */
const opensOnRoundup = (a: SourceArticle) =>
  a.article.sentences.slice(0, LEDE_SENTENCES).some((s) => ROUNDUP.test(a.article.text.slice(s.start, s.end)));

/**
 * Whose count it is: the words of the name nearest the figure in its clause (folded, three letters
 * or more). "Will Artino scored 14 points and Gregory Echenique had 11" gives each count its own
 * player; a count of points, seasons or miles belongs to someone.
 */
function holdersOf(a: SourceArticle, f: FigureMention): Set<string> {
  const sentence = a.article.sentences.find((x) => x.start <= f.start && f.start < x.end) ?? { start: 0, end: a.article.text.length };
  const clause = clauseOf(a.article.text, sentence, f);
  const distance = (e: { start: number; end: number }) => (e.end <= f.start ? f.start - e.end : e.start - f.end);
  const nearest = a.mentions.entities
    .filter((e) => e.start >= clause.start && e.end <= clause.end && (e.end <= f.start || e.start >= f.end))
    .sort((x, y) => distance(x) - distance(y))[0];
  return new Set(nearest ? foldLetters(nearest.name).split(/[^\p{L}]+/u).filter((w) => w.length >= 3) : []);
}

/**
 * The words a count is said with: the word right before it (its hedge aside) and the verb after
 * its counted noun. "scored 20 points" and "needed nine points", "five villages had been damaged"
 * and "four villages destroyed" share neither: they count different things with the same noun.
 */
function frameOf(text: string, f: FigureMention, start: number): Set<string> {
  const out = new Set<string>();
  const before = /([\p{L}'-]+)[^\p{L}]*$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1];
  if (before) out.add(stem(before.toLowerCase()));
  const did = predicateAfter(text, f);
  if (did) out.add(stem(did));
  return out;
}

function claimOf(a: SourceArticle, f: FigureMention): FigureClaim {
  // An amount with no counted noun ("six hours") has only its clause to say what it measures.
  const window = f.counts ? undefined : 'clause';
  const context = contextStems(
    a.article.text,
    a.article.sentences,
    f,
    [f.counts ?? '', f.unit ?? ''],
    window,
  );
  const written = hedgeWithin(f.text);
  const before = written ? null : hedgeBefore(a.article.text, f.start);
  const hedge = written ?? before?.hedge ?? (f.approx ? 'approx' : 'exact');
  const start = before?.start ?? f.start;
  const sentence = a.article.sentences.findIndex((x) => x.end > f.start);
  const span = a.article.sentences[sentence];
  const after = a.article.text.slice(f.end, f.end + 30);
  const casualty = CASUALTY.test(f.counts ?? '');
  const atOnePlace =
    f.counts === 'killed' &&
    ((FOUND_BEFORE.test(a.article.text.slice(Math.max(0, start - 12), start)) && DEAD_AFTER.test(a.article.text.slice(f.end, f.end + 40))) ||
      AT_THE_SCENE_AFTER.test(a.article.text.slice(f.end, f.end + 60)));
  const side =
    sentence >= 0 && sentence < LEDE_SENTENCES && (!casualty || isStatedTotal(f)) &&
    !PARTIAL.test(after) && !PART_OF_SUM.test(after) && !(ONE_MORE.test(a.article.text.slice(Math.max(0, f.start - 20), f.start)) && OTHER.test(after)) &&
    !WITH_THE_DEAD.test(a.article.text.slice(f.end, f.end + 60)) && (!OTHER.test(after) || (casualty && f.counts !== 'killed' && DEATH_BEFORE.test(a.article.text.slice(span?.start ?? f.start, f.start)))) && !opensOnRoundup(a);
  return {
    article: a.article.id,
    written: a.article.text.slice(start, f.end),
    value: f.value === null ? f.text : String(f.value),
    evidence: { article: a.article.id, start, end: f.end },
    group: -1,
    range: figureRange(f, hedge),
    position: f.start,
    sentence,
    vague: f.vague,
    stated: isStatedTotal(f),
    side,
    context,
    subgroup: SUBGROUP_AFTER.test(a.article.text.slice(f.end, f.end + 40)),
    atOnePlace,
    bound: (hedge === 'lower' || hedge === 'upper') && !BOUNDED_IDIOM.test(f.text) ? hedge : null,
    holders: holdersOf(a, f),
    frame: frameOf(a.article.text, f, start),
  };
}

/** A bound as the values it allows: "at least N" is N or more, "up to N" is N or fewer. */
const openBound = (c: FigureClaim): FigureClaim =>
  !c.range || !c.bound ? c : { ...c, range: c.bound === 'lower' ? { low: c.range.low, high: Infinity } : { low: 0, high: c.range.high } };

const fits = (c: FigureClaim, members: FigureClaim[]) =>
  members.every((m) => !m.range || !c.range || overlaps(m.range, c.range));

/** Splits claims into groups that agree among themselves; the first fitting group wins. */
function groupClaims(claims: FigureClaim[]): FigureClaim[][] {
  const groups: FigureClaim[][] = [];
  for (const c of claims.filter((x) => x.range)) {
    const g = groups.find((members) => fits(c, members));
    if (g) g.push(c);
    else groups.push([c]);
  }
  // Vague figures with no range ("many") side with the largest group: they dispute nothing.
  const vague = claims.filter((x) => !x.range);
  if (vague.length) {
    if (!groups.length) groups.push([]);
    groups.sort((a, b) => b.length - a.length)[0].push(...vague);
  }
  return groups;
}

/**
 * One article's claim for a counted thing: its most repeated figure, the earliest on a tie. For
 * casualties, the count the casualty reading gives (its largest: later counts are often partial),
 * else the first: the lead states the toll.
 */
function articleClaim(claims: FigureClaim[], casualty: boolean, reading: number | null): FigureClaim | null {
  // The casualty reading of the analysis stage decides which count is the article's. When no
  // count states it (it was worked out: "five shot, one fatally"), the stated ones are partial
  // ("two of the victims are in critical condition") and the article makes no claim we can cite.
  if (reading !== null)
    return (
      claims.filter((c) => Number(c.value) === reading).sort((a, b) => a.position - b.position)[0] ?? null
    );
  if (casualty) return [...claims].sort((a, b) => a.position - b.position)[0];
  const groups = groupClaims(claims);
  groups.sort(
    (a, b) =>
      b.length - a.length || Math.min(...a.map((c) => c.position)) - Math.min(...b.map((c) => c.position)),
  );
  return groups[0].sort((a, b) => a.position - b.position)[0];
}

const DAY_MS = 86_400_000;

/**
 * A casualty count in a sentence dated to another time ("436 people were murdered through the end
 * of October", "last summer, one man was killed") is about other events, not this story's.
 */
function datedElsewhen(a: SourceArticle, f: FigureMention): boolean {
  const sentence = a.article.sentences.find((s) => s.start <= f.start && f.start < s.end);
  if (!sentence) return false;
  const anchor = a.mentions.eventDate?.date ?? null;
  return a.mentions.dates.some((d) => {
    if (d.start < sentence.start || d.end > sentence.end || !d.date) return false;
    if (d.granularity === 'month' || d.granularity === 'year') return true;
    if (!anchor) return false;
    return (Date.parse(anchor) - Date.parse(d.date)) / DAY_MS > (d.granularity === 'week' ? 10 : 3);
  });
}

const PREPOSITION = /^(?:at|in|inside|outside|on|near|from|with|of|for|to|by|into|during|after|before)$/i;

/**
 * What a count of people did, stemmed: "15,000 people have crossed" → "cross". Two counts of men
 * (three "were fighting", five "were at the club") are counts of one thing only if they did the same.
 */
function predicateAfter(text: string, f: FigureMention): string | null {
  // Within the count's own clause: "shot three co-workers — killing two" says nothing more of the three.
  const words = text.slice(f.end, f.end + 80).split(/[,;:—–()]/)[0].match(/[\p{L}'-]+/gu) ?? [];
  let i = words.findIndex((w) => PERSON_NOUNS.has(w.toLowerCase()) || w.toLowerCase() === f.counts);
  if (i < 0) return null;
  i++;
  while (i < words.length && AUXILIARY.test(words[i])) i++;
  const verb = words[i]?.toLowerCase();
  if (!verb || PREPOSITION.test(verb) || !/^\p{Ll}/u.test(words[i])) return null;
  return verb.replace(/(?:ing|ed|es|s)$/, '');
}

/** Both counts name whose they are, and no name is the same: two people's points, two places' shares. */
const otherHolders = (a: FigureClaim, b: FigureClaim) => a.holders.size > 0 && b.holders.size > 0 && shared(a.holders, b.holders) === 0;
/** Counts said with different words ("scored 20 points", "needed nine points") are not one count disputed. Amounts have their clause instead. */
const otherFrames = (a: FigureClaim, b: FigureClaim) => shared(a.frame, b.frame) === 0;

/** Mentions of one counted thing split into topics: linked when they share words around them. */
function topics(key: string, mentions: FigureClaim[]): FigureClaim[][] {
  if (CASUALTY.test(key.slice('how-many:'.length).split('|')[0])) return [mentions];
  // Amounts are linked on their clause's words, so they need more of them in common.
  const need = key.startsWith('amount:') ? MIN_SHARED_AMOUNT_CONTEXT : MIN_SHARED_CONTEXT;
  // An amount ("six hours", "150 miles") is linked on its whole clause; a counted noun on how it is said.
  const counted = !key.startsWith('amount:');
  const parent = mentions.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < mentions.length; i++) {
    for (let j = i + 1; j < mentions.length; j++) {
      if (
        mentions[i].article !== mentions[j].article &&
        shared(mentions[i].context, mentions[j].context) >= need &&
        !otherHolders(mentions[i], mentions[j]) &&
        !(counted && otherFrames(mentions[i], mentions[j]))
      )
        parent[find(i)] = find(j);
    }
  }
  const out = new Map<number, FigureClaim[]>();
  mentions.forEach((m, i) => out.set(find(i), [...(out.get(find(i)) ?? []), m]));
  return [...out.values()];
}

export function howManyFacts(articles: SourceArticle[], sources: Sources): Fact[] {
  const byKey = new Map<string, FigureClaim[]>();
  const labels = new Map<string, string>();
  const readings = new Map<string, Casualties>();
  for (const a of articles) {
    const counted: FigureMention[] = [];
    for (const f of a.mentions.figures) {
      let key: string;
      if (f.counts && !UNALIGNABLE.test(f.counts)) key = `how-many:${f.counts.toLowerCase()}|${f.unit ?? ''}`;
      // Amounts ("six hours") align by unit, then by the words around them (see topics).
      else if (f.unit && f.value !== null) {
        // "one day after", "two weeks later", "tres días después": when, relative to another moment, not how long.
        if (TIME_UNIT.test(f.unit) && RELATIVE_AFTER.test(a.article.text.slice(f.end, f.end + 25))) continue;
        key = `amount:${f.unit}`;
      }
      else continue; // a bare number with nothing counted cannot be aligned
      if (f.value === 0 && NOTHING_MORE.test(a.article.text.slice(Math.max(0, f.start - 12), f.end)))
        continue;
      if (f.counts && CASUALTY.test(f.counts) && datedElsewhen(a, f)) continue;
      // People counted (not as casualties) are one thing only when they did the same.
      if (f.counts && !CASUALTY.test(f.counts) && (PERSON_NOUNS.has(f.counts) || f.counts === 'people')) {
        const did = predicateAfter(a.article.text, f);
        if (!did) continue;
        key = `${key}>${did}`;
      }
      counted.push(f);
      labels.set(
        key,
        f.counts && !UNALIGNABLE.test(f.counts) ? `${f.counts}${f.unit ? ` (${f.unit})` : ''}` : f.unit!,
      );
      byKey.set(key, [...(byKey.get(key) ?? []), claimOf(a, f)]);
    }
    readings.set(a.article.id, articleCasualties(counted));
  }
  addShotAsInjured(byKey, labels, readings);
  const texts = new Map(articles.map((a) => [a.article.id, a.article.text]));
  const days = new Map(articles.map((a) => [a.article.id, a.article.published?.date ?? null]));
  const facts: Fact[] = [];
  for (const [key, mentions] of byKey) {
    const split = topics(key, mentions);
    const thing = key.slice('how-many:'.length).split('|')[0];
    const reading = (article: string) =>
      thing === 'killed' || thing === 'injured' ? (readings.get(article)?.[thing] ?? null) : null;
    split.forEach((topic, t) => {
      const fact = countFact(t ? `${key}#${t}` : key, labels.get(key)!, topic, sources, reading, texts, days);
      if (fact) facts.push(fact);
    });
  }
  // The one dispute test decides, in the light of the story's other counts (count-dispute.ts).
  for (const f of facts) f.conflict = countVerdict(f, facts).conflict;
  return facts;
}

/**
 * "Four people were shot" with no one killed is four injured: when an article's injured reading
 * was worked out from its shot count, that count is its citable injured claim.
 */
function addShotAsInjured(
  byKey: Map<string, FigureClaim[]>,
  labels: Map<string, string>,
  readings: Map<string, Casualties>,
): void {
  const injured = byKey.get('how-many:injured|') ?? [];
  const shot = byKey.get('how-many:shot|') ?? [];
  // When any report tells of a death, someone else's "seven shot" may include the dead.
  if ([...readings.values()].some((r) => r.killed)) return;
  for (const [article, r] of readings) {
    if (r.injured === null || r.killed) continue;
    if (injured.some((c) => c.article === article && Number(c.value) === r.injured)) continue;
    const count = shot
      .filter((c) => c.article === article && Number(c.value) === r.injured)
      .sort((a, b) => a.position - b.position)[0];
    if (count) injured.push({ ...count });
  }
  if (injured.length && !byKey.has('how-many:injured|')) {
    byKey.set('how-many:injured|', injured);
    labels.set('how-many:injured|', 'injured');
  }
}

/** What a disputed count counts, for a reader: "number killed", "number of people (have crossed from Bosnia…)". */
function describeCount(
  counts: string,
  casualty: boolean,
  lead: FigureClaim,
  articles: Map<string, string>,
): string {
  if (casualty) return `number ${counts}`;
  const text = articles.get(lead.article) ?? '';
  const after =
    /^[^.;:!?\n]{0,60}(?=[\s.;:!?]|$)/u.exec(text.slice(lead.evidence?.end ?? 0))?.[0].trim() ?? '';
  return after ? `number of ${counts} ("${lead.written} ${after}")` : `number of ${counts}`;
}

/**
 * For a count conflict whose sides follow one another in time, rising: `over_time` and a note
 * giving the values in the order they were published. Nothing when the order says nothing.
 */
function overTime(groups: FigureClaim[][], days: Map<string, string | null>): { over_time: 'rose'; note: string } | object {
  const sides = groups.map((g) => g.filter((c) => c.range)).filter((g) => g.length).map((g) => ({
    days: g.map((c) => days.get(c.article) ?? null),
    range: { low: Math.min(...g.map((c) => c.range!.low)), high: Math.max(...g.map((c) => c.range!.high)) },
    written: g[0].written.replace(/\s+/g, ' ').trim(),
  }));
  const inOrder = risingInTime(sides);
  if (!inOrder) return {};
  const told = inOrder.map((s) => `"${s.written}" (${[...s.days].sort()[0]})`).join(', then ');
  return { over_time: 'rose', note: `the count rose from one day's reports to the next: ${told}; likely an updated count, not sources disputing one` };
}

function countFact(
  key: string,
  about: string,
  mentions: FigureClaim[],
  sources: Sources,
  reading: (article: string) => number | null,
  articles: Map<string, string>,
  days: Map<string, string | null>,
): CountFact | null {
  const perArticle = new Map<string, FigureClaim[]>();
  for (const m of mentions) perArticle.set(m.article, [...(perArticle.get(m.article) ?? []), m]);
  const casualty = CASUALTY.test(key.slice('how-many:'.length).split('|')[0]);
  // A victim described, a part or a far-down count sides with the others and disputes nothing.
  for (const cs of perArticle.values()) cs.forEach((c, i) => (cs[i] = c.side ? c : { ...c, range: null }));
  let claims = [...perArticle].flatMap(([article, cs]) => articleClaim(cs, casualty, reading(article)) ?? []);
  if (!claims.length) return null;
  // "at least two men were shot" against "four people wounded": a count of some of them (men,
  // children, officers) below another report's count of everyone is a part of it, no dispute.
  // So is a count of the dead found at one place below a count of all the dead.
  const above = (c: FigureClaim, part: 'subgroup' | 'atOnePlace') =>
    c[part] && c.range && claims.some((d) => !d[part] && d.range && d.range.low > c.range!.high);
  const fired = claims.filter((c) => above(c, 'subgroup') || above(c, 'atOnePlace'));
  claims = claims.map((c) => (fired.includes(c) ? { ...c, range: null } : c));
  let groups = groupClaims(claims);
  const bySupport = (a: FigureClaim[], b: FigureClaim[]) =>
    sources.independent(b.map((c) => c.article)) - sources.independent(a.map((c) => c.article));
  groups.sort(bySupport);
  if (groups.length > 1) {
    // An article that states the main figure before its own does not dispute it: its later, larger
    // count recalls another event or adds a later update ("a week after floods killed 12 in Valencia").
    // An amount is measured by its clause alone: a report that also writes the main figure, before
    // or after its own, measures two things ("seven years before parole" of a "20 years" sentence).
    const main = groups[0];
    const amount = key.startsWith('amount:');
    const earlier = (c: FigureClaim) =>
      perArticle.get(c.article)!.find((m) => m.range && (amount || m.position < c.position) && fits(m, main));
    claims = claims.map((c) => (main.includes(c) ? c : (earlier(c) ?? c)));
    groups = groupClaims(claims).sort(bySupport);
  }
  groups.forEach((g, i) => g.forEach((c) => (c.group = i)));
  const plain: Claim[] = claims.map(
    ({ range: _r, position: _p, context: _c, sentence: _s, vague: _v, stated: _t, side: _d, subgroup: _g, atOnePlace: _o, bound: _b, holders: _h, frame: _f, ...c }) => c,
  );
  // A conflict's sides are numbers as written: descriptions and vague words are left out of its values.
  const sides = plain.filter((_, i) => claims[i].range);
  const lead = groups[0].find((c) => c.range) ?? groups[0][0];
  const rose = overTime(groups, days);
  // A bound that allows the other values ("at least three" of "five") disputes nothing, unless the
  // count rose from one day's reports to the next: then it is shown as the count over time.
  const boundsAllow = !('over_time' in rose) && groupClaims(claims.map(openBound)).filter((g) => g.some((c) => c.range)).length < 2;
  const conflict = sidesDispute({ key, sides, boundsAllow, texts: articles.values() }, sources)
    ? {
        kind: 'value' as const,
        about: describeCount(about, casualty, lead, articles),
        values: conflictValues(sides, sources),
        ...rose,
      }
    : null;
  return {
    kind: 'how-many',
    key,
    label: key.startsWith('amount:') ? lead.written : `${about}: ${lead.written}`,
    claims: plain,
    conflict,
    best: bestSide(groups, sources),
  };
}

/** The value of the side most independent reports give, an exact count before a bound on a tie: shown when nothing is disputed. */
function bestSide(groups: FigureClaim[][], sources: Sources): number | null {
  const sided = groups.map((g) => g.filter((c) => c.range)).filter((g) => g.length);
  const support = (g: FigureClaim[]) => sources.independent(g.map((c) => c.article));
  const most = Math.max(0, ...sided.map(support));
  const top = sided.filter((g) => support(g) === most);
  const pick = top.map((g) => g.find((c) => !c.bound)).find((c) => c) ?? top[0]?.[0];
  const value = Number(pick?.value);
  return pick && Number.isFinite(value) ? value : null;
}
