// Counts of things other than casualties (points, games, villages, days): one counted noun is not
// one fact. Two reports' numbers dispute only when they are said of the same thing in the same way.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFigures } from '../3-analyze/figures/figures.ts';
import { compareSources } from './compare.ts';
import { draft, person } from './fixtures.ts';
import { isDerivation } from './names.ts';

function report(id: string, text: string, people: string[] = []) {
  const d = draft(id, `${id}.example`, text);
  d.mentions.figures = extractFigures({ text, language: 'en' });
  for (const p of people) person(d, p, p);
  return d;
}
const values = (texts: [string, string[]?][]) =>
  compareSources(texts.map(([t, people], i) => report(`r${i}`, t, people)), [])
    .comparison.conflicts.filter((c) => c.kind === 'value')
    .map((c) => c.values.map((v) => v.value).sort());

describe('counts said of different things are no dispute', () => {
  const different: [string, [string, string[]?][]][] = [
    ['"scored 20 points" vs "needed nine points"', [['Hansbrough scored 20 points on Thursday night in the win over Evansville.'], ['Hansbrough needed nine points on Thursday night in the win over Evansville.']]],
    ['"five villages had been damaged" vs "four villages destroyed"', [['Officials said homes in five villages had been damaged by the quake on the island.'], ['The governor said four villages were destroyed by the quake on the island.']]],
    ['two players\' points', [['Marcus Webb scored 31 points as the Hawks beat the Lions on Friday.', ['Marcus Webb']], ['Dion Carter scored 12 points as the Hawks beat the Lions on Friday.', ['Dion Carter']]]],
    ['"seven consecutive life sentences" vs "four sentences of life without parole"', [['The judge sentenced Hollis to seven consecutive life sentences for the courthouse rampage.'], ['The judge handed Hollis four consecutive life sentences without parole for the courthouse rampage.']]],
    ['each player\'s own points in one sentence', [['Ned Ruiz scored 14 points off the bench and Omar Pike had 11 points in the win.', ['Ned Ruiz', 'Omar Pike']], ['The team also got 14 points from Ned Ruiz, while Omar Pike scored 11 points in the win.', ['Ned Ruiz', 'Omar Pike']]]],
    ['"shot three co-workers — killing two" vs "killed two co-workers"', [['The woman who shot three co-workers — killing two — at the plant was charged on Friday.'], ['The woman who killed two co-workers at the plant was charged on Friday.']]],
    ['"one day after" vs "in two days"', [['The team placed Ortiz on injured reserve one day after losing its leading rusher to the same list.'], ['Ortiz is the second running back in two days placed on injured reserve by the team.']]],
  ];
  for (const [name, texts] of different)
    it(`no conflict: ${name}`, () => assert.deepEqual(values(texts), []));

  it('the same thing said the same way still disputes', () => {
    assert.deepEqual(values([['The storm destroyed 40 homes in the valley on Monday, officials said.'], ['The storm destroyed 55 homes in the valley on Monday, officials said.']]), [['40', '55']]);
  });
});

describe('a stem with another ending is another word, not a spelling', () => {
  const pairs: [string, string, boolean][] = [
    ['Democrat', 'Democratic', true],
    ['German', 'Germany', true],
    ['Continent', 'Continental', true],
    ['Universe', 'Universal', true],
    ['Columbus', 'Columbia', false], // no suffix pair: left to the other tests
    ['Alexandra', 'Alexandria', false],
    ['Tyre', 'Tyree', false],
    ['Kendal', 'Kendall', false],
    ['Charles', 'Charlie', false],
    ['Holly', 'Holley', false],
    ['Lily', 'Lilly', false],
  ];
  for (const [a, b, derived] of pairs) it(`${a} / ${b}: ${derived ? 'two words' : 'maybe one name'}`, () => assert.equal(isDerivation(a, b), derived));
});
