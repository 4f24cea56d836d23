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

/** Letters (either case) that the FTS index keeps as they are: a cheap test before any folding. */
const UNFOLDED = /[øłđßæœþıħØŁĐẞÆŒÞĦ]/;
// Marks count as word letters: text in NFD ("Ło\u0301dz\u0301") must stay one word.
const WORDS_UNFOLDED = new RegExp(`[\\p{L}\\p{N}\\p{M}]*${UNFOLDED.source}[\\p{L}\\p{N}\\p{M}]*`, 'gu');

/**
 * The folded forms of the words of `s` that hold a letter FTS5's remove_diacritics keeps, in order
 * ("Tromsø and Łódź" → "tromso lodz"), '' when there are none (most text: one regex test). Indexed
 * beside the original so a folded query word matches "Tromsø" while snippets still show it.
 * Repeats are kept so that bm25 weighs a variant by how often it occurs, as it does any word.
 */
export function searchVariants(s: string | null | undefined): string {
  if (!s || !UNFOLDED.test(s)) return '';
  return foldName((s.match(WORDS_UNFOLDED) ?? []).join(' '));
}

/**
 * A user's search words as a safe FTS5 query: each word quoted, the last one a prefix; '' when none.
 * Words are fully folded: a plain word matches the indexed text (remove_diacritics strips its marks)
 * and a folded one the variants columns ("tromso" and "tromsø" both find "Tromsø").
 */
export function ftsQuery(q: string): string {
  const words = searchWords(q);
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

/**
 * The folded words of a search, each once, at most 12 (ftsQuery quotes them; markVariants reuses
 * them): "the the the …" asked FTS5 to intersect the same long list twelve times.
 */
export const searchWords = (q: string): string[] =>
  [...new Set(foldName(q).split(/[^\p{L}\p{N}]+/u).filter(Boolean))].slice(0, 12);

/**
 * FTS5's snippet() marks only the words matched in the text column, so a "Tromsø" found through
 * its variant "tromso" comes back unmarked: marks (U+0002 … U+0003) the snippet's words holding
 * such letters whose folded form is a search word (or starts with the last one, a prefix).
 */
export function markVariants(snippet: string, words: string[]): string {
  if (!words.length || !UNFOLDED.test(snippet)) return snippet;
  // eslint-disable-next-line no-control-regex -- snippet()'s match markers
  return snippet.replace(/\u0002[^\u0003]*\u0003|[\p{L}\p{N}\p{M}]+/gu, (m) => {
    if (m[0] === '\u0002' || !UNFOLDED.test(m)) return m;
    return matchesSearch(foldName(m), words) ? `\u0002${m}\u0003` : m;
  });
}

/** Whether a folded word is one of the search words, or starts with the last one (the query's prefix). */
export const matchesSearch = (folded: string, words: string[]): boolean =>
  words.some((w, i) => folded === w || (i === words.length - 1 && folded.startsWith(w)));
