// Folding for matching names and search words whatever their case and diacritics.
const stripMarks = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

// Letters Unicode does not decompose into base + mark, so NFD alone would not fold them.
const LETTERS: Record<string, string> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};

/** Case- and diacritic-insensitive key for names (places, entities, sources): "Tromsø" → "tromso". */
export const foldName = (s: string): string =>
  stripMarks(s)
    .replace(/[øłđßæœþıħ]/g, (c) => LETTERS[c])
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A user's search words as a safe FTS5 query: each word quoted, the last one a prefix; '' when none.
 * Only marks are stripped, as FTS5's remove_diacritics does to the indexed text (it keeps ø, ł…).
 */
export function ftsQuery(q: string): string {
  const words = stripMarks(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 12);
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}
