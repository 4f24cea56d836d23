// Snippets of long articles, made here rather than by FTS5's snippet(), whose cost grows with the
// square of a document's matches (a 500 KB article and the word "the": 1.5 s per hit, with the
// database, and so the server, blocked meanwhile). Linear: the first window holding a search word.
import { matchesSearch, nameKey } from '../../text/fold.ts';

/** Texts longer than this get their snippet here (snippet() takes ~15 ms at this size and a common word). */
export const LONG_TEXT_CHARS = 50_000;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * About `size` words around the first one a search word matches (the last search word as a prefix,
 * as in the query), matches marked U+0002 … U+0003 and cuts marked '…', like snippet()'s.
 */
export function longSnippet(text: string, words: string[], size = 24): string {
  const matches = (w: string) => matchesSearch(nameKey(w), words);
  const spans: { start: number; end: number; hit: boolean }[] = [];
  let first = -1;
  for (const m of text.matchAll(WORD)) {
    const hit = matches(m[0]);
    spans.push({ start: m.index!, end: m.index! + m[0].length, hit });
    if (hit && first < 0) first = spans.length - 1;
    // Enough words after the first hit: the rest of the text is not read.
    if (first >= 0 && spans.length - first > size) break;
  }
  // No word of the text matched (the title did): its opening words.
  const from = first < 0 ? 0 : Math.max(0, first - Math.floor(size / 2));
  const window = spans.slice(from, from + size);
  if (!window.length) return '';
  let out = '';
  let at = window[0].start;
  for (const s of window) {
    out += text.slice(at, s.start) + (s.hit ? `\u0002${text.slice(s.start, s.end)}\u0003` : text.slice(s.start, s.end));
    at = s.end;
  }
  // The punctuation right after the last word belongs to it ("snow."); more words mean a cut.
  const rest = text.slice(at, at + 200);
  out += /^[^\s\p{L}\p{N}]*/u.exec(rest)![0];
  const cutBefore = /[\p{L}\p{N}]/u.test(text.slice(Math.max(0, window[0].start - 200), window[0].start));
  const cutAfter = /[\p{L}\p{N}]/u.test(rest);
  return `${cutBefore ? '…' : ''}${out.trim()}${cutAfter ? '…' : ''}`;
}
