// Ordinary words: the language's common vocabulary, or words the article itself writes in lower
// case. A capitalised phrase made only of them ("Loaded Firearm", "Officer Involved Shooting",
// "Crime Scene") is a heading's or a charge list's Title Case, not a person's name.
import { placeKey } from '../../../text/fold.ts';
import { nameLexicon } from '../places/lexicon.ts';
import { lowercaseWords } from '../places/recognize.ts';
import { isFirstName } from './first-names.ts';

let lowerOf: { text: string; words: Set<string> } | null = null;

/** The words the article writes in lower case (kept for the last article asked about). */
export function writtenLower(text: string): Set<string> {
  if (lowerOf?.text !== text) lowerOf = { text, words: lowercaseWords(text) };
  return lowerOf.words;
}

/**
 * Two or more words, each ordinary and none a given name or a name compromise knows. With
 * `articleOnly`, ordinary means written in lower case by this article: where a cue already says
 * "person" ("Raven Hill, a spokeswoman"), the language's vocabulary alone is not evidence enough.
 */
export function ordinaryPhrase(text: string, words: string[], articleOnly = false): boolean {
  if (words.length < 2) return false;
  const lex = nameLexicon();
  const lower = writtenLower(text);
  return words.every((w) => {
    const k = placeKey(w);
    return !isFirstName(w) && !lex.personal.has(k) && (lower.has(k) || (!articleOnly && lex.common.has(k)));
  });
}
