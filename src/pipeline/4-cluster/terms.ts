// Bag-of-words terms for grouping: folded, stop words out, title terms counted extra.
import { foldMarks } from '../../text/fold.ts';
import { STOPWORDS } from './stopwords.ts';

export const TITLE_WEIGHT = 3;

export function termCounts(title: string, text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (s: string, w: number) => {
    for (const m of foldMarks(s).matchAll(/[\p{L}\p{N}]+/gu)) {
      const t = m[0];
      if (t.length < 3 || STOPWORDS.has(t) || /^\d{1,2}$/.test(t)) continue;
      counts.set(t, (counts.get(t) ?? 0) + w);
    }
  };
  add(title, TITLE_WEIGHT);
  add(text, 1);
  return counts;
}
