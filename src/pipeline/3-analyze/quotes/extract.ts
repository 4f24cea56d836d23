// Quotes of one article with their speakers: direct quotes from quotation marks (multi-paragraph and
// split quotes included) and reported speech, each speaker resolved to the article's entity name.
import type { EntityMention, QuoteMention, Span } from '../../../model/index.ts';
import { quoteContent, quotedPassages, type QuotedPassage } from './marks.ts';
import { reportedSpeech } from './reported.ts';
import { PERSON_NOUNS, SPEECH_VERBS } from '../entities/lexicon.ts';
import { articleGenders, type Gender } from './gender.ts';
import { attributionAfter, attributionBefore, between, sentenceEnd, type Attribution } from './speaker.ts';

export interface QuoteOptions {
  /** Sentence spans of the text (the article's); a rough split is used when absent. */
  sentences?: Span[];
  /** Longest text searched for quotes; the rest is ignored (hostile or runaway input). */
  maxChars?: number;
}

const DEFAULT_MAX_CHARS = 200_000;

/** Titles and scare quotes are not quotes: fewer than three words, or every word capitalised. */
function isQuote(content: string): boolean {
  const words = content.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < 3) return false;
  const long = words.filter((w) => w.replace(/\P{L}/gu, '').length > 3);
  const capital = (w: string) => /^\P{L}*\p{Lu}/u.test(w);
  // One capitalised long word is a name in a sentence ("I'm a big fan of Paul"), not a title.
  const titled = long.length >= 2 || 2 * words.filter(capital).length >= words.length;
  return !(words.length <= 10 && long.length && titled && long.every(capital));
}

export function roughSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    if (text.slice(start, end).trim()) out.push({ start, end });
  };
  // Linear: find the boundaries, never a lazy match to the end of a long line.
  for (const m of text.matchAll(/[.!?]+["”»’]?(?=\s+["“«]?\p{Lu})|\n+/gu)) {
    const end = m[0][0] === '\n' ? m.index! : m.index! + m[0].length;
    push(end);
    start = m.index! + m[0].length;
  }
  push(text.length);
  return out;
}

interface Previous {
  end: number;
  speaker: EntityMention | null;
}

export function extractQuotes(
  fullText: string,
  entities: EntityMention[],
  opts: QuoteOptions = {},
): QuoteMention[] {
  const max = opts.maxChars ?? DEFAULT_MAX_CHARS;
  const text = fullText.length > max ? fullText.slice(0, max) : fullText;
  const sorted = entities.filter((e) => e.end <= text.length).sort((a, b) => a.start - b.start);
  const sentences = opts.sentences ?? roughSentences(text);
  const subjects = subjectPeople(text, sorted, sentences);
  const people = sorted.filter((e) => e.type === 'person');
  const relations = namedRelations(text, sorted);
  const genders = articleGenders(text, people, sentences);
  const quotes: QuoteMention[] = [];
  let previous = null as Previous | null;
  for (const p of quotedPassages(text)) {
    if (p.unclosed) p.end = untagged(text, p);
    const content = quoteContent(text, p);
    if (!isQuote(content)) continue;
    const last = p.segments[p.segments.length - 1];
    let a: Attribution = attributionAfter(text, { start: last.start, end: p.end }, content, sorted);
    if (!a.speaker && !a.anonymous && !a.anaphoric && !tagOfPrevious(text, previous, p))
      a = attributionBefore(text, p, sorted, previous?.end ?? 0);
    let speaker = a.speaker;
    if (a.relation) speaker = relations.get(a.relation) ?? null;
    else if (a.anaphoric) speaker = (a.role && bearer(text, people, p.start, a.role)) || antecedent(previous, subjects, p.start, a.pronoun, genders);
    else if (!speaker && !a.anonymous) speaker = continuation(text, previous, people, p);
    quotes.push({
      text: content,
      start: p.start,
      end: p.end,
      kind: 'direct',
      speaker: speaker?.name ?? null,
      speakerSpan: speaker ? { start: speaker.start, end: speaker.end } : null,
    });
    previous = { end: p.end, speaker };
  }
  const reported = reportedSpeech(text, sentences, sorted, quotes);
  return [...quotes, ...reported].sort((x, y) => x.start - y.start);
}

/** An unclosed quote that swallowed its own tag ('“The suspect took a stance, said Monahan.'): end it before the tag. */
function untagged(text: string, p: QuotedPassage): number {
  const tail = text.slice(p.end - Math.min(90, p.end - p.start), p.end);
  const m =
    /,\s+(?:(?:said|says|added|told)\s+[^,.;"“”]{2,60}|[^,.;"“”]{2,60}\s+(?:said|says|added))\.?$/u.exec(
      tail,
    );
  return m ? p.end - tail.length + m.index + 1 : p.end;
}

/** "Pietrewicz's daughter, Sandy Blampied," / "Kyle Mothershead, his attorney,": relation noun → the person. */
function namedRelations(text: string, entities: EntityMention[]): Map<string, EntityMention> {
  const out = new Map<string, EntityMention>();
  for (const e of entities) {
    if (e.type !== 'person' && e.type !== 'other') continue;
    const before = /(?:['’]s?|\bhis|\bher|\btheir)\s+(\p{Ll}+),\s+$/u.exec(
      text.slice(Math.max(0, e.start - 40), e.start),
    )?.[1];
    const after = /^,\s+(?:his|her|their|the\s+\p{L}+['’]s?|\p{Lu}\p{L}+['’]s?)\s+(\p{Ll}+)\b/u.exec(
      text.slice(e.end, e.end + 50),
    )?.[1];
    for (const noun of [before, after])
      if (noun && PERSON_NOUNS.has(noun) && !out.has(noun)) out.set(noun, e);
  }
  return out;
}

/** People mentioned as the subject of their sentence: near its start, or right before a speech verb. */
function subjectPeople(text: string, entities: EntityMention[], sentences: Span[]): EntityMention[] {
  const out: EntityMention[] = [];
  let si = 0;
  for (const e of entities) {
    const unknownName = e.type === 'other' && /^\p{Lu}\S*(?: \p{Lu}\S*){1,2}$/u.test(e.name);
    if (e.type !== 'person' && !unknownName) continue;
    while (si < sentences.length - 1 && sentences[si].end <= e.start) si++;
    const sentenceStart = sentences[si] && sentences[si].start <= e.start ? sentences[si].start : e.start;
    const next = /^[\s,]*(?:\([^)]{0,20}\)\s*)?(?:,[^,]{0,60},\s*)?(\p{L}+)/u.exec(
      text.slice(e.end, e.end + 90),
    )?.[1];
    // "said General Secretary … Nguyen Phu Trong": the one named after a speech verb spoke too.
    const verbBefore = /(\p{L}+)\s+(?:[\p{Lu}][\p{L}.]*\s+|of\s+|the\s+){0,8}$/u.exec(
      text.slice(Math.max(sentenceStart, e.start - 90), e.start),
    )?.[1];
    const nearStart = e.start - sentenceStart <= 50 && !unknownName; // an unknown name needs a speech verb beside it
    if (nearStart || (next && SPEECH_VERBS.has(next)) || (verbBefore && SPEECH_VERBS.has(verbBefore)))
      out.push(e);
  }
  return out;
}

/** "he said", "the minister added": the later of the previous quote's speaker and the last subject.
 * A pronoun skips people whose gender (learned from the article) is not its own: "she said" after
 * "Mr. Ridley" goes back to "Mrs. Okafor". Once someone is skipped, only a person known to fit is
 * taken; one of unknown gender would be a guess, so the quote keeps no speaker. */
function antecedent(
  previous: Previous | null,
  subjects: EntityMention[],
  at: number,
  pronoun: Gender | undefined,
  genders: Map<string, Gender>,
): EntityMention | null {
  const candidates: { who: EntityMention; at: number }[] = [];
  for (const e of between(subjects, at - 1700, at))
    if (e.end <= at && at - e.end <= 1500) candidates.push({ who: e, at: e.start });
  // The previous speaker counts from the end of their quote.
  if (previous?.speaker && at - previous.end <= 1500)
    candidates.push({ who: previous.speaker, at: previous.end });
  candidates.sort((x, y) => x.at - y.at);
  const gender = (c: { who: EntityMention }) => genders.get(c.who.name);
  const latest = candidates[candidates.length - 1];
  if (!latest || !pronoun || (gender(latest) ?? pronoun) === pronoun) return latest?.who ?? null;
  const known = candidates.filter((c) => gender(c) === pronoun);
  return known[known.length - 1]?.who ?? null;
}

/**
 * "the judge said": the latest person before the quote introduced with that noun ("Superior Court
 * Judge James Bodiford", "Bodiford, the judge"), not merely the latest person (the defendant).
 */
function bearer(text: string, people: EntityMention[], at: number, role: string): EntityMention | null {
  const noun = new RegExp(`\\b${role.replace(/[^\p{L}]/gu, '')}`, 'iu');
  const titled = between(people, at - 1700, at).filter(
    (e) => e.end <= at && at - e.end <= 1500 && (noun.test(e.role ?? '') || noun.test(text.slice(Math.max(0, e.start - 40), e.start)) || noun.test(text.slice(e.end, e.end + 30).split(/[.;]/)[0])),
  );
  return titled.sort((x, y) => x.start - y.start).at(-1) ?? null;
}

/** '"…," said Rep. Beto O'Rourke, a Clinton endorser who suggested …. "…"': the words between two quotes
 * are one sentence in one paragraph, the first quote's tag, so they do not introduce the second. */
function tagOfPrevious(text: string, previous: Previous | null, p: Span): boolean {
  if (!previous?.speaker || p.start - previous.end > 400) return false;
  const gap = text.slice(previous.end, p.start);
  if (gap.includes('\n') || /:\s*$/.test(gap)) return false;
  return sentenceEnd(text, previous.end, 400) >= trimmedEnd(gap, previous.end) - 1;
}

const trimmedEnd = (gap: string, from: number) => from + gap.trimEnd().length;

/** An unattributed quote right after another, with no one else named between, continues that speaker. */
function continuation(
  text: string,
  previous: Previous | null,
  people: EntityMention[],
  p: Span,
): EntityMention | null {
  if (!previous?.speaker || p.start - previous.end > 400) return null;
  // '"…," said Scott Reed, a longtime Manafort friend. "…"': names in the tag's own sentence are
  // its apposition, not a new speaker, when the next quote opens right after it in the paragraph.
  const tagEnd = sentenceEnd(text, previous.end, 300);
  const from =
    tagEnd < p.start &&
    !text.slice(previous.end, p.start).includes('\n') &&
    !/\p{L}/u.test(text.slice(tagEnd + 1, p.start))
      ? tagEnd
      : previous.end;
  const someoneElse = between(people, from, p.start).some(
    (e) => e.end <= p.start && e.name !== previous.speaker?.name,
  );
  return someoneElse ? null : previous.speaker;
}
