// Name forms: when two spellings are the same name, a spelling variant, or different names.
// Acute, grave and circumflex accents on vowels are routinely dropped in English copy
// ("Martínez"/"Martinez") and change nothing; marks that make a distinct letter in the
// name's own alphabet (č, ü, ñ, ø, ł, å, ç, ş...) do, so dropping them is a spelling variant.
import { foldLetters } from '../../text/fold.ts';

const ACCENT_MARKS = /[\u0300\u0301\u0302]/g; // grave, acute, circumflex

/** Lowercase with only accents that never make a distinct letter removed, and one apostrophe ("O’Neil" = "O'Neil"). */
export function strictName(s: string): string {
  return s.normalize('NFD').toLowerCase().replace(ACCENT_MARKS, '').replace(/[’‘ʼ`]/g, "'").normalize('NFC');
}

/** Name words as written, with their offsets; possessive 's dropped. */
export function nameTokens(s: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  for (const m of s.matchAll(/[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*/gu)) {
    const text = m[0].replace(/['’]s$/u, '');
    out.push({ text, start: m.index!, end: m.index! + text.length });
  }
  return out;
}

/** Damerau–Levenshtein (optimal string alignment) distance, stopping early above `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      rowMin = Math.min(rowMin, d[i][j]);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length][b.length];
}

/** Two name words that are plausibly one word spelled or transliterated differently. */
export function similarWords(a: string, b: string): boolean {
  const fa = foldLetters(a);
  const fb = foldLetters(b);
  if (fa === fb) return true;
  const shorter = Math.min(fa.length, fb.length);
  if (shorter < 4) return false;
  // "Kovač"/"Kovach", "Oleksandr"/"Aleksandr": one or two edits on a long enough word.
  return editDistance(fa, fb, 2) <= (shorter >= 7 ? 2 : 1);
}

/** True when two person names can be the same person: same surname, and first names that fit. */
export function samePerson(a: string, b: string): boolean {
  const ta = nameTokens(a).map((t) => t.text);
  const tb = nameTokens(b).map((t) => t.text);
  if (!ta.length || !tb.length) return false;
  if (!similarWords(ta[ta.length - 1], tb[tb.length - 1])) return false;
  if (ta.length === 1 || tb.length === 1) return true;
  return similarWords(ta[0], tb[0]);
}

// Endings that make a plural, a possessive or a demonym of a name: "the Griswoulds", "Texans".
const INFLECTIONS = ['s', 'es', "'s", 'n', 'an', 'ian', 'ns', 'ans', 'ians'];

/** Whether one word is the other with an inflection ending: one name, not two spellings. */
export function isInflection(a: string, b: string): boolean {
  const [x, y] = [foldLetters(a), foldLetters(b)].sort((p, q) => p.length - q.length);
  if (x === y) return false;
  if (y.startsWith(x)) return INFLECTIONS.includes(y.slice(x.length));
  // "Texas" → "Texans": the demonym drops the final s of the place.
  const demonym = (p: string, q: string) => p.endsWith('s') && q.startsWith(p.slice(0, -1)) && INFLECTIONS.includes(q.slice(p.length - 1));
  return demonym(x, y) || (x.length === y.length && demonym(y, x));
}


// Endings that make another word of the same stem: "Democrat"/"Democratic", "German"/"Germany",
// "Continent"/"Continental", "Columbia"/"Columbus". A slip does not change a word's ending into a
// suffix; paired with none or a short vowel, a suffix makes two words, not two spellings of one.
const DERIVATIONS = ['ic', 'al', 'ical', 'ian', 'ism', 'ist', 'ese', 'ish', 'ite', 'us', 'ics', 'y', 'ity'];
const PLAIN_ENDINGS = ['', 's', 'e', 'o', 'a'];
const MIN_STEM = 4;

/** Whether two words are one stem with different derivational endings: two words, never two spellings. */
export function isDerivation(a: string, b: string): boolean {
  const [x, y] = [foldLetters(a), foldLetters(b)];
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  if (i < MIN_STEM) return false;
  const [p, q] = [x.slice(i), y.slice(i)];
  const either = (u: string, v: string) => DERIVATIONS.includes(u) && (DERIVATIONS.includes(v) || PLAIN_ENDINGS.includes(v));
  return p !== q && (either(p, q) || either(q, p));
}
