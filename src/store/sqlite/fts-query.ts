// A user's search as FTS5 query syntax; the words come folded from text/fold.ts (searchWords).
import { searchWords } from '../../text/fold.ts';

/**
 * A user's search words as a safe FTS5 query: each word quoted, the last one a prefix; '' when none.
 * Words are fully folded: a plain word matches the indexed text (remove_diacritics strips its marks)
 * and a folded one the variants columns ("tromso" and "tromsø" both find "Tromsø").
 */
export function ftsQuery(q: string): string {
  const words = searchWords(q);
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}
