// The words around a figure, so that two counts of "people" are only compared when they are
// about the same thing ("people have crossed from Bosnia" vs "people spent the night in halls").
import type { Span } from '../../model/index.ts';
import { STOPWORDS } from '../4-cluster/stopwords.ts';
import { foldLetters } from '../../text/fold.ts';

const WINDOW = 60;

/** Crude stem: folded, common suffixes off, at most six letters ("crossed"/"crossing" → "cross"). */
export const stem = (w: string) =>
  foldLetters(w)
    .replace(/(?:ing|ed|es|s|ions?)$/u, '')
    .slice(0, 6);

/** The clause of a sentence that holds the span: clauses end at ; : dashes and commas. */
export function clauseOf(text: string, s: Span, span: Span): Span {
  const sentence = text.slice(s.start, s.end);
  let start = 0;
  for (const m of sentence.slice(0, span.start - s.start).matchAll(/[;:—–]|,\s/g))
    start = m.index! + m[0].length;
  const rest = sentence.slice(span.end - s.start).search(/[;:—–]|,\s/);
  return { start: s.start + start, end: rest < 0 ? s.end : span.end + rest };
}

/**
 * Stems of the words around a span. `window` characters each side within its sentence, or, with
 * `window: 'clause'`, its whole clause (for amounts that have no counted noun to anchor them).
 */
export function contextStems(
  text: string,
  sentences: Span[],
  span: Span,
  skip: string[] = [],
  window: number | 'clause' = WINDOW,
): Set<string> {
  const sentence = sentences.find((x) => x.start <= span.start && span.start < x.end) ?? {
    start: 0,
    end: text.length,
  };
  const s = window === 'clause' ? clauseOf(text, sentence, span) : sentence;
  const reach = window === 'clause' ? Infinity : window;
  const before = text.slice(Math.max(s.start, span.start - reach), span.start);
  const after = text.slice(span.end, Math.min(s.end, span.end + reach));
  const skipped = new Set(skip.map(stem));
  const out = new Set<string>();
  for (const w of `${before} ${after}`.match(/\p{L}{4,}/gu) ?? []) {
    const lower = w.toLowerCase();
    if (STOPWORDS.has(lower)) continue;
    const st = stem(w);
    if (!skipped.has(st)) out.add(st);
  }
  return out;
}

export function shared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}
