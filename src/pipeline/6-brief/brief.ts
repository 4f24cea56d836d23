// The story brief: 3–7 sentences taken verbatim from the articles, chosen greedily to cover the
// agreed facts with little repetition, each citing every article that carries it word for word.
// A disputed value is never stated as settled: sentences carrying one are left out, and the
// dispute is told once, both sides joined with their sources (a disputed event day always).
import type { BriefSentence, Comparison, DateMention, Evidence, HowMany, Span } from '../../model/index.ts';
import { formatDay, parseDay } from '../3-analyze/dates/calendar.ts';
import { Sources, type Fact, type SourceArticle } from '../5-compare/fact.ts';
import { foldLetters } from '../../text/fold.ts';
import { EVENT_KEY } from '../5-compare/when.ts';
import { namesDay } from '../5-compare/written-day.ts';
import { disputeSentence } from './dispute.ts';
import { isPageFurniture } from '../../text/furniture/index.ts';

/** A report as the brief reads it; its headline, when known, tells its own sentences from other stories'. */
type BriefArticle = SourceArticle & { article: { title?: string | null } };

export interface BriefOptions {
  min: number;
  max: number;
  /** Disputes told in the brief, most important first. */
  maxDisputes: number;
  /** Sentences outside this length (characters) are not candidates. */
  minChars: number;
  maxChars: number;
}

export const defaultBriefOptions = { min: 3, max: 7, maxDisputes: 2, minChars: 30, maxChars: 360 } satisfies BriefOptions;

const DISPUTE_ORDER = ['value', 'date', 'speaker'];
// The event's own day first: the story's When must never read as settled, however many counts are disputed.
const disputeRank = (f: Fact) => (f.key === EVENT_KEY ? -1 : DISPUTE_ORDER.indexOf(f.conflict!.kind));
// "On Wednesday, a day after the fire": a day stated through the one written next to it.
const DAY_APART = /\b(?:a|one|the) day (after|before)\b/i;
const SAME_ARTICLE_COST = 0.75;

// A line in capitals is a heading or a broadcast transcript's line; the brief quotes reporting as written.
const SHOUTED = (s: string) => !/\p{Ll}/u.test(s.replace(/\d(?:st|nd|rd|th)\b/g, ''));
// A brief sentence is a sentence: a headline or a label without a final stop is not one.
const ENDS_SENTENCE = /[.!?]["”’)]?$/;
// A lede names its subject: a sentence opening on a pronoun or a clause leans on one before it.
const LEANS_BACK = /^(?:he|she|they|it|we|i|his|her|their|its|this|that|these|those|when|but|and|so|also|then)\b/i;

/** A sentence that opens or closes inside a quotation (the segmenter split the quote): a fragment. */
const splitQuote = (s: string) => (s.match(/"/g) ?? []).length % 2 === 1 || (s.match(/“/g) ?? []).length !== (s.match(/”/g) ?? []).length;

// A page often carries other stories: a scrape whose text is a teaser rail, a playlist or another
// report under this report's headline. A report speaks of the story when its opening shares a content
// word with a headline of the story, or with an opening that does; a report that does not lends the
// brief nothing (a line of it that meets a headline by one word is as likely another story's). A headline of fewer than three content words (a section
// name, "Open Investigations") is too little to judge its own report by.
const FUNCTION_WORDS = new Set(
  ('about above after again against also among around because been before being below between both could does doing during each ' +
    'from further have having here into just like more most much only other over same should some such than that their them then ' +
    'there these they this those through under until very were what when where which while will with would your said says told ' +
    'according people time year years today monday tuesday wednesday thursday friday saturday sunday january february march april ' +
    'june july august september october november december night morning afternoon evening news update').split(' '),
);
/** Content words cut to five letters ("shooting" meets "shooter"), and numbers of two digits or more ("30 people"). */
const stems = (s: string) =>
  new Set((foldLetters(s).match(/\p{L}{4,}|\d{2,}/gu) ?? []).filter((w) => !FUNCTION_WORDS.has(w)).map((w) => w.slice(0, 5)));
/** A headline's words without the site's name after it ("Man shot in Dayton - Metro Daily"), unless that leaves too few ("CBS 58 - Man shot"). */
function headlineStems(title: string): Set<string> {
  const parts = title.split(/\s+(?:[|–—·-]|::)\s+/);
  const head = stems(parts.slice(0, Math.max(1, parts.length - 1)).join(' '));
  return head.size >= 3 ? head : stems(title);
}
const sharesStem = (a: Set<string>, b: Set<string>) => [...a].some((w) => b.has(w));

/** Whether a report speaks of the story. */
export function storyTopic(articles: BriefArticle[]): (a: BriefArticle) => boolean {
  const heads = new Map(articles.map((a) => [a, headlineStems(a.article.title ?? '')]));
  // A report's opening: its first five sentences (a feature may open on a scene, "For Kim, her phone is her lifeline").
  const ledes = new Map(articles.map((a) => {
    const opening = a.article.sentences.slice(0, 5);
    return [a, stems(opening.length ? a.article.text.slice(opening[0].start, opening.at(-1)!.end) : '')];
  }));
  const topic = new Set([...heads.values()].flatMap((h) => [...h]));
  const judged = (a: BriefArticle) => heads.get(a)!.size >= 3;
  const onTopic = new Set(articles.filter((a) => !judged(a) || sharesStem(ledes.get(a)!, topic)));
  // A report under a section's name, whose lede meets another report's: the same story.
  for (const a of onTopic) for (const w of ledes.get(a)!) topic.add(w);
  for (const a of articles) if (!onTopic.has(a) && sharesStem(ledes.get(a)!, topic)) onTopic.add(a);
  return (a) => onTopic.has(a);
}

export const normalizeSpace = (s: string) => s.replace(/\s+/g, ' ').trim();
const words = (s: string) => new Set(foldLetters(s).match(/[\p{L}\p{N}]+/gu) ?? []);
const inside = (e: Evidence | null, article: string, s: Span) => !!e && e.article === article && e.start >= s.start && e.end <= s.end;
const touches = (e: Evidence, article: string, s: Span) => e.article === article && e.start < s.end && e.end > s.start;

interface Candidate {
  article: SourceArticle;
  span: Span;
  text: string;
  index: number;
  covers: Fact[];
  words: Set<string>;
  /** It states a disputed value: told only through the dispute's own sentence. */
  disputed: boolean;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let same = 0;
  for (const w of a) if (b.has(w)) same++;
  return same / (a.size + b.size - same || 1);
}

/** What a sentence must not state as settled: spans and written forms of disputed values. */
function disputed(facts: Fact[], articles: SourceArticle[]) {
  const spans: Evidence[] = [];
  const forms: string[] = [];
  for (const f of facts) {
    if (!f.conflict) continue;
    for (const c of f.claims) if (c.evidence) spans.push(c.evidence);
    if (f.conflict.kind === 'value') forms.push(...f.conflict.values.map((v) => foldLetters(normalizeSpace(v.value))));
    if (f.conflict.kind === 'speaker') forms.push(...f.conflict.about.match(/"(.{12,})/)?.slice(1, 2).map((q) => foldLetters(q.slice(0, 40))) ?? []);
  }
  // Any date on a disputed day takes a side; an undated report's "evening of March 9" as much as a resolved one.
  const days = new Set(facts.flatMap((f) => (f.conflict?.kind === 'date' ? f.conflict.values.map((v) => v.value) : [])));
  const onDisputedDay = (d: DateMention) => (d.date ? days.has(d.date) : [...days].some((day) => namesDay(d.text, day)));
  for (const a of articles) for (const d of a.mentions.dates) if (onDisputedDay(d)) spans.push({ article: a.article.id, start: d.start, end: d.end });
  const byId = new Map(articles.map((a) => [a.article.id, a]));
  // Spans by article: a sentence is checked against its own article's spans, not the story's.
  const spansOf = new Map<string, Evidence[]>();
  for (const e of spans) spansOf.set(e.article, [...(spansOf.get(e.article) ?? []), e]);
  return (article: string, span: Span, text: string) =>
    (spansOf.get(article) ?? []).some((e) => touches(e, article, span)) ||
    forms.some((f) => f.length >= 2 && foldLetters(normalizeSpace(text)).includes(f)) ||
    impliedDays(byId.get(article)!, span, text).some((d) => days.has(d));
}

/** The days a sentence states through "a day after"/"a day before" one of its dates. */
function impliedDays(a: SourceArticle, span: Span, text: string): string[] {
  const apart = DAY_APART.exec(text);
  if (!apart) return [];
  const shift = apart[1].toLowerCase() === 'after' ? -1 : 1;
  return a.mentions.dates
    .filter((d) => d.date && d.granularity === 'day' && d.start >= span.start && d.end <= span.end)
    .map((d) => formatDay(parseDay(d.date!)! + shift));
}

function mainLanguage(articles: SourceArticle[]): string {
  const n = new Map<string, number>();
  for (const a of articles) if (!a.copyOf) n.set(a.article.language, (n.get(a.article.language) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'und';
}

/**
 * The report the others most agree with: the most facts it shares with other outlets, then the
 * most words its opening shares with theirs. Its lede opens the brief.
 */
function centralArticle(candidates: Candidate[], facts: Fact[], sources: Sources): SourceArticle | null {
  const articles = [...new Set(candidates.map((c) => c.article))];
  if (!articles.length) return null;
  // Each count made once per story, not once per pair of articles (that was cubic: a 600-article
  // story's brief took 6 s).
  const sharedBy = new Map<string, number>();
  for (const f of facts) {
    if (sources.independent(f.claims.map((c) => c.article)) < 2) continue;
    for (const id of new Set(f.claims.map((c) => c.article))) sharedBy.set(id, (sharedBy.get(id) ?? 0) + 1);
  }
  const shared = (a: SourceArticle) => sharedBy.get(a.article.id) ?? 0;
  const openings = new Map(articles.map((a) => [a, new Set<string>()]));
  for (const c of candidates) if (c.index < 3) for (const w of c.words) openings.get(c.article)!.add(w);
  const overlap = (a: SourceArticle) => articles.filter((b) => b !== a).reduce((s, b) => s + jaccard(openings.get(a)!, openings.get(b)!), 0);
  const score = new Map(articles.map((a) => [a, [shared(a), overlap(a)] as const]));
  return articles.sort((a, b) => score.get(b)![0] - score.get(a)![0] || score.get(b)![1] - score.get(a)![1])[0];
}

/** The sentences stating the story's key counts (how_many, undisputed), the central report's first. */
function figureSentences(howMany: HowMany[], candidates: Candidate[], central: SourceArticle | null, taken: Candidate[], max: number): Candidate[] {
  const out: Candidate[] = [];
  for (const h of howMany) {
    if (out.length >= max) break;
    if (h.status === 'disputed' || !h.value) continue;
    // By article: a candidate looks only at its own article's evidence (the story's is quadratic).
    const spans = new Map<string, Evidence[]>();
    for (const e of h.values.filter((v) => v.value === h.value).flatMap((v) => v.evidence)) spans.set(e.article, [...(spans.get(e.article) ?? []), e]);
    const stating = (c: Candidate) => (spans.get(c.article.article.id) ?? []).some((e) => inside(e, c.article.article.id, c.span));
    if ([...taken, ...out].some(stating)) continue; // the lede already states it
    const options = candidates.filter(stating).sort((a, b) => Number(b.article === central) - Number(a.article === central) || a.index - b.index);
    if (options[0]) out.push(options[0]);
  }
  return out;
}

export function writeBrief(articles: BriefArticle[], facts: Fact[], _comparison: Comparison, opts: BriefOptions = defaultBriefOptions, howMany: HowMany[] = []): BriefSentence[] {
  const sources = new Sources(articles);
  const isDisputed = disputed(facts, articles);
  const lang = mainLanguage(articles);
  // Kept per fact: a shared fact has a claim from most articles, and every candidate asks again.
  const weights = new Map<Fact, number>();
  const weight = (f: Fact) => {
    let w = weights.get(f);
    if (w === undefined) weights.set(f, (w = sources.independent(f.claims.map((c) => c.article)) >= 2 ? 2 : 0.3));
    return w;
  };
  // Each article's undisputed claims, so a sentence only looks at its own article's facts.
  const claimsOf = new Map<string, { fact: Fact; evidence: Evidence }[]>();
  for (const f of facts) {
    if (f.conflict) continue;
    for (const c of f.claims) if (c.evidence) claimsOf.set(c.article, [...(claimsOf.get(c.article) ?? []), { fact: f, evidence: c.evidence }]);
  }
  const candidates: Candidate[] = [];
  const onTopic = storyTopic(articles.filter((a) => !a.copyOf));
  for (const a of articles) {
    const own = claimsOf.get(a.article.id) ?? [];
    if (a.copyOf || (a.article.language !== lang && lang !== 'und') || !onTopic(a)) continue;
    a.article.sentences.forEach((span, index) => {
      const text = a.article.text.slice(span.start, span.end);
      if (text.length < opts.minChars || text.length > opts.maxChars || !ENDS_SENTENCE.test(text.trimEnd()) || SHOUTED(text) || isPageFurniture(text) || splitQuote(text)) return;
      const covers = [...new Set(own.filter((c) => inside(c.evidence, a.article.id, span)).map((c) => c.fact))];
      candidates.push({ article: a, span, text, index, covers, words: words(text), disputed: isDisputed(a.article.id, span, text) });
    });
  }
  const disputes = facts
    .filter((f) => f.conflict && f.conflict.kind !== 'spelling-variant')
    .sort((a, b) => disputeRank(a) - disputeRank(b))
    .slice(0, opts.maxDisputes)
    .flatMap((f) => disputeSentence(f, articles, lang) ?? []);
  const budget = Math.max(opts.min, opts.max - disputes.length);
  // The lede of the most central report first (who did what, where, when), then the key counts.
  const open = candidates.filter((c) => !c.disputed);
  const central = centralArticle(open, facts, sources);
  const own = candidates.filter((c) => c.article === central).sort((a, b) => a.index - b.index);
  const opening = own.find((c) => !LEANS_BACK.test(c.text.trimStart())) ?? own[0];
  // A lede that states a disputed value ("At least 12 killed", later "Fourteen") is told by the
  // dispute's sentence, which then opens the brief; another sentence would open on a side detail.
  const ledeInDispute = !!opening?.disputed && disputes.length > 0;
  const lede = opening?.disputed ? (ledeInDispute ? undefined : own.find((c) => !c.disputed && !LEANS_BACK.test(c.text.trimStart()))) : opening;
  const chosen: Candidate[] = lede ? [lede] : [];
  const figures = figureSentences(howMany, open, central, chosen, 2);
  chosen.push(...figures);
  const covered = new Set<string>(chosen.flatMap((c) => c.covers.map((f) => f.key)));
  while (chosen.length < budget) {
    let best: Candidate | null = null;
    let bestScore = -Infinity;
    for (const c of open) {
      if (chosen.includes(c) || chosen.some((x) => jaccard(x.words, c.words) > 0.45)) continue;
      const gain = c.covers.reduce((s, f) => s + (covered.has(f.key) ? 0 : weight(f)), 0);
      // Spread the brief over sources: each sentence already taken from the same article costs a little.
      const reuse = chosen.filter((x) => x.article === c.article).length * SAME_ARTICLE_COST;
      const score = gain + (c.index === 0 ? 1.5 : c.index === 1 ? 0.5 : 0) - reuse;
      if (score > bestScore) [best, bestScore] = [c, score];
    }
    if (!best || (bestScore < 1 && chosen.length + disputes.length >= opts.min)) break;
    chosen.push(best);
    for (const f of best.covers) covered.add(f.key);
  }
  const normalized = new Map(articles.map((a) => [a, normalizeSpace(a.article.text)]));
  const cite = (c: Candidate): BriefSentence => ({
    text: normalizeSpace(c.text),
    articles: citing(normalized, c),
    parts: [{ article: c.article.article.id, start: c.span.start, end: c.span.end }],
  });
  const plain = chosen.map(cite);
  if (ledeInDispute) return [...disputes, ...plain].slice(0, opts.max);
  const lead = chosen.length ? 1 + figures.length : figures.length;
  return [...plain.slice(0, lead), ...disputes, ...plain.slice(lead)].slice(0, opts.max);
}

/** The sentence's article first, then every other article that carries it word for word (copies). */
function citing(normalized: Map<SourceArticle, string>, c: Candidate): string[] {
  const needle = normalizeSpace(c.text);
  const others = [...normalized].filter(([a, text]) => a !== c.article && text.includes(needle));
  return [c.article.article.id, ...others.map(([a]) => a.article.id)];
}
