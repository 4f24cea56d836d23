// Ordinary words: words the article itself writes in lower case. A capitalised phrase made only of
// them ("Officer Involved Shooting" beside "deputies were involved in a shooting") is a heading's or a
// charge list's Title Case, not a person's name. The language's vocabulary alone is no evidence:
// people are called "Misty Holly", "Raven Hill".
import { placeKey } from '../../../text/fold.ts';
import { lowercaseWords } from '../places/recognize.ts';
import { isFirstName } from './first-names.ts';

let lowerOf: { text: string; words: Set<string> } | null = null;

// E-mail and web addresses write names in lower case ("heidi.helwig@…"): not the article's words.
const ADDRESS = /\S+@\S+|\b(?:https?:\/\/|www\.)\S+/g;

/** The words the article writes in lower case (kept for the last article asked about). */
export function writtenLower(text: string): Set<string> {
  if (lowerOf?.text !== text) lowerOf = { text, words: lowercaseWords(text.replace(ADDRESS, ' ')) };
  return lowerOf.words;
}

/** The article writes `word` in lower case more often than capitalised (a common noun, not a name). */
export function mostlyLowerCase(word: string, text: string): boolean {
  if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  const lower = word.toLowerCase();
  let low = 0;
  let cap = 0;
  for (const m of text.replace(ADDRESS, ' ').matchAll(new RegExp(`(?<![\\p{L}\\p{M}])(?:${word}|${lower})(?![\\p{L}\\p{M}])`, 'gu'))) {
    if (m[0] === lower) low++;
    else cap++;
  }
  return low > cap;
}

/** Two or more words, each written in lower case elsewhere in the article, none a given name. */
export function ordinaryPhrase(text: string, words: string[]): boolean {
  if (words.length < 2) return false;
  const lower = writtenLower(text);
  return words.every((w) => !isFirstName(w) && lower.has(placeKey(w)));
}
