// Genders learned from the article itself: which cues count and which do not (issue #18).
// Sentences written for this table.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractEntities } from '../entities/extract.ts';
import { roughSentences } from './extract.ts';
import { articleGenders } from './gender.ts';

const genders = (text: string) => {
  const people = extractEntities(text)
    .filter((e) => e.type === 'person')
    .sort((a, b) => a.start - b.start);
  return Object.fromEntries(articleGenders(text, people, roughSentences(text)));
};

/** [cue, text, the genders learned] */
const cases: [string, string, Record<string, string>][] = [
  [
    'courtesy titles',
    'Maria Ocampo met Peter Lindqvist. Mrs. Ocampo spoke first; Mr. Lindqvist listened.',
    { 'Maria Ocampo': 'f', 'Peter Lindqvist': 'm' },
  ],
  [
    'a gendered role noun in apposition',
    'Tessa Varga, a spokeswoman for the county, declined to comment.',
    { 'Tessa Varga': 'f' },
  ],
  [
    'a reflexive after the sentence subject',
    'Omar Sadeq found himself alone on the stage.',
    { 'Omar Sadeq': 'm' },
  ],
  [
    '"He" opening the sentence after one naming only that person',
    'Omar Sadeq arrived late. He apologised to the hosts.',
    { 'Omar Sadeq': 'm' },
  ],
  ['"spokesman" is no cue', 'Campaign spokesman Dana Hollis confirmed the schedule.', {}],
  ['an object pronoun is no cue', 'Sen. Dana Kessler scolded him for an hour.', {}],
  ['a subject pronoun in reported speech is no cue', 'Merle Kunst said he would lose the primary.', {}],
  [
    'a bare surname two people share gives no cue',
    'Ada Marlow and Tom Marlow run the farm. Marlow found himself alone.',
    {},
  ],
  ['conflicting cues give no gender', 'Kim Ridley arrived with his wife. Mrs. Ridley left early.', {}],
];

for (const [name, text, expected] of cases)
  test(`article genders: ${name}`, () => assert.deepEqual(genders(text), expected));
