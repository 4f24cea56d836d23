// The one place where text is folded for matching, whatever its case and diacritics: stages, the
// runner and the stores all fold through here, with one letter table. Pure, model-free.
//
// Different purposes keep different functions, because their keys are compared or stored apart:
//   foldMarks    marks off, lower case; clustering's words and names (stored in every article's
//                features, so its rule stays as it was: ø, ł, ß… are kept as letters).
//   foldLetters  foldMarks plus the letter table; comparing two spellings of a name (5-compare).
//   nameKey      foldLetters with spaces collapsed; the key of places, entities and sources in the
//                story list, and of search words (written by the runner, asked by the stores).
//   entityKey    nameKey without punctuation ("O'Neill" → "oneill"); resolving entity mentions.
//   placeKey     nameKey with St./Ft./Mt. spelled out and no trailing dots; gazetteer lookups.
//   phoneticKey  transliteration-level equivalences ("ue"/"ü", "ph"/"f") over an entityKey.
//   searchVariants / searchWords / matchesSearch / markVariants  full-text search's folding.

// Letters Unicode does not decompose into base + mark, so NFD alone would not fold them (lower
// case: every function lower-cases before this table; Ø, Ł, ẞ… lower-case into it).
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
const LETTER = /[øłđßæœþıħ]/g;
const MARKS = /\p{M}+/gu;

const foldTable = (s: string): string => s.replace(LETTER, (c) => LETTERS[c]);

/** Diacritic marks stripped and lower-cased: "São João" → "sao joao" (letters such as ø kept). */
export function foldMarks(s: string): string {
  return s.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** Lower case, every diacritic and the table's letters folded: the key under which spellings of one name meet. */
export function foldLetters(s: string): string {
  return foldTable(foldMarks(s)).normalize('NFC');
}

/** Case- and diacritic-insensitive key for names (places, entities, sources): "Tromsø" → "tromso". */
export function nameKey(s: string): string {
  return foldTable(foldMarks(s)).replace(/\s+/g, ' ').trim();
}

/** Lower case without diacritics or punctuation: "Kovač" → "kovac", "O'Neill" → "oneill". */
export function entityKey(s: string): string {
  // Fast path: plain ASCII letters and spaces need no Unicode normalisation.
  if (/^[A-Za-z ]*$/.test(s)) return s.toLowerCase().replace(/\s+/g, ' ').trim();
  return foldTable(foldMarks(s))
    .replace(/[^\p{L}\p{N} ]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const ABBREVIATIONS: Record<string, string> = { st: 'saint ', ste: 'sainte ', ft: 'fort ', mt: 'mount ' };

/** Lowercase, no diacritics, one space, St./Ft./Mt. spelled out, no trailing dots. */
export function placeKey(s: string): string {
  // Fast path for the common case, one plain ASCII word (called for every token of every article).
  if (/^[A-Za-z]+$/.test(s)) return s.toLowerCase();
  return foldTable(foldMarks(s).replace(/[’`]/g, "'"))
    .replace(/\s+/g, ' ')
    .replace(/\b(st|ste|ft|mt)\.? (?=\p{L})/gu, (_, a: string) => ABBREVIATIONS[a])
    .replace(/\.+$/, '')
    .trim();
}

/** Keys already made: a story's linking compares each name with every cluster's, again and again. */
const phoneticKeys = new Map<string, string>();
const PHONETIC_KEYS_KEPT = 50_000;

/** Transliteration-level equivalences folded away before comparing ("ue"/"ü", "ph"/"f", doubled letters). */
export function phoneticKey(folded: string): string {
  let key = phoneticKeys.get(folded);
  if (key === undefined) {
    if (phoneticKeys.size >= PHONETIC_KEYS_KEPT) phoneticKeys.clear();
    phoneticKeys.set(folded, (key = soundKey(folded)));
  }
  return key;
}

function soundKey(folded: string): string {
  return folded
    .replace(/ue/g, 'u')
    .replace(/oe/g, 'o')
    .replace(/ae/g, 'a')
    .replace(/ph/g, 'f')
    .replace(/x/g, 'ks')
    .replace(/q/g, 'k')
    .replace(/dh/g, 'd')
    .replace(/ou/g, 'u')
    .replace(/kh/g, 'h')
    .replace(/ck/g, 'k')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

// Full-text search. FTS5's remove_diacritics (and PostgreSQL's unaccent) strip marks but keep the
// table's letters, so words holding them are also indexed folded, beside the original.

/** Letters (either case) that a full-text index keeps as they are: a cheap test before any folding. */
const UNFOLDED = /[øłđßæœþıħØŁĐẞÆŒÞĦ]/;
// Marks count as word letters: text in NFD ("Ło\u0301dz\u0301") must stay one word.
const WORDS_UNFOLDED = new RegExp(`[\\p{L}\\p{N}\\p{M}]*${UNFOLDED.source}[\\p{L}\\p{N}\\p{M}]*`, 'gu');

/**
 * The folded forms of the words of `s` that hold a letter the full-text index keeps, in order
 * ("Tromsø and Łódź" → "tromso lodz"), '' when there are none (most text: one regex test). Indexed
 * beside the original so a folded query word matches "Tromsø" while snippets still show it.
 * Repeats are kept so that ranking weighs a variant by how often it occurs, as it does any word.
 */
export function searchVariants(s: string | null | undefined): string {
  if (!s || !UNFOLDED.test(s)) return '';
  return nameKey((s.match(WORDS_UNFOLDED) ?? []).join(' '));
}

/**
 * The folded words of a search, each once, at most 12: "the the the …" asked the index to
 * intersect the same long list twelve times.
 */
export const searchWords = (q: string): string[] =>
  [...new Set(nameKey(q).split(/[^\p{L}\p{N}]+/u).filter(Boolean))].slice(0, 12);

/** Whether a folded word is one of the search words, or starts with the last one (the query's prefix). */
export const matchesSearch = (folded: string, words: string[]): boolean =>
  words.some((w, i) => folded === w || (i === words.length - 1 && folded.startsWith(w)));

/**
 * A snippet's matches are marked only where the text itself matched, so a "Tromsø" found through
 * its variant "tromso" comes back unmarked: marks (U+0002 … U+0003) the snippet's words holding
 * such letters whose folded form is a search word (or starts with the last one, a prefix).
 */
export function markVariants(snippet: string, words: string[]): string {
  if (!words.length || !UNFOLDED.test(snippet)) return snippet;
  // eslint-disable-next-line no-control-regex -- snippet()'s match markers
  return snippet.replace(/\u0002[^\u0003]*\u0003|[\p{L}\p{N}\p{M}]+/gu, (m) => {
    if (m[0] === '\u0002' || !UNFOLDED.test(m)) return m;
    return matchesSearch(nameKey(m), words) ? `\u0002${m}\u0003` : m;
  });
}
