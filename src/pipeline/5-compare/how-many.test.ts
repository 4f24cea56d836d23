// Count conflicts whose two sides may count different things (issue #18, false conflicts on the
// hand-labelled gva-dev sample): the dead with or without an attacker who killed himself, the dead
// found at one of several scenes, a bound against a value it allows, and two durations one report
// writes side by side. Each class has a row that must still be a dispute.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFigures } from '../3-analyze/figures/figures.ts';
import { compareSources } from './compare.ts';
import { draft, published } from './fixtures.ts';

function report(id: string, text: string, day?: string) {
  const d = draft(id, `${id}.example`, text);
  d.mentions.figures = extractFigures({ text, language: 'en' });
  return day ? published(d, day) : d;
}
const counts = (texts: (string | [string, string])[]) =>
  compareSources(texts.map((t, i) => (typeof t === 'string' ? report(`r${i}`, t) : report(`r${i}`, t[0], t[1]))), [])
    .comparison.conflicts.filter((c) => c.kind === 'value')
    .map((c) => c.values.map((v) => v.value).sort());

type Row = [name: string, texts: string[], disputed: boolean];

function table(title: string, rows: Row[]) {
  describe(title, () => {
    for (const [name, texts, disputed] of rows)
      it(`${disputed ? 'dispute' : 'no dispute'}: ${name}`, () => assert.equal(counts(texts).length, disputed ? 1 : 0));
  });
}

table('the dead with or without an attacker who killed himself', [
  ['six dead vs five relatives shot before he turned the gun on himself', [
    'Six bodies were found at two homes in Millbrook in what police call a murder-suicide.',
    'Dale Ferris, 31, shot and killed five relatives before turning the gun on himself, police said.',
  ], false],
  ['four dead vs three killed by a woman who then killed herself', [
    'Four people were killed on Sunday at a farmhouse outside Granger, deputies said.',
    'A woman shot and killed three family members on Sunday and then killed herself, deputies said.',
  ], false],
  ['two dead vs three dead with no attacker\'s death told is still a dispute', [
    'Two people were killed on Sunday at a farmhouse outside Granger, deputies said.',
    'Three people were killed on Sunday at a farmhouse outside Granger, deputies said.',
  ], true],
  ['an attacker who killed himself does not excuse counts two apart', [
    'Six people were killed at two homes in Millbrook before the gunman killed himself.',
    'Four people were killed at two homes in Millbrook on Sunday, police said.',
  ], true],
]);

table('the dead found at one scene are a part of the dead at several', [
  ['two found dead at a home vs four killed across three scenes', [
    'Officers responded to a call and found two people dead at a home on Pine Street early Friday.',
    'Four people were killed and one was hurt on Friday in a killing spree that spanned three homes, police said.',
  ], false],
  ['two dead at the scene vs three killed (one died later)', [
    'Two men were pronounced dead at the scene of the shooting on Oak Street, police said.',
    'Three men were killed in the shooting on Oak Street on Saturday, police said.',
  ], false],
  ['four found dead vs two killed: the scene count is the larger, still a dispute', [
    'Officers found four people dead at a home on Pine Street early Friday.',
    'Two people were killed at a home on Pine Street early Friday, police said.',
  ], true],
]);

table('a bound disputes only a value outside it', [
  ['"at least three killed" vs "five killed" on one day', [
    'At least three people were killed when a gunman opened fire at the mall on Friday.',
    'Five people were killed when a gunman opened fire at the mall on Friday.',
  ], false],
  ['"up to eight hurt" vs "six hurt"', [
    'Up to eight people were injured when a gunman opened fire at the mall on Friday.',
    'Six people were injured when a gunman opened fire at the mall on Friday.',
  ], false],
  ['"at least five killed" vs "three killed" is a dispute', [
    'At least five people were killed when a gunman opened fire at the mall on Friday.',
    'Three people were killed when a gunman opened fire at the mall on Friday.',
  ], true],
  ['"fewer than five hurt" vs "eight hurt" is a dispute', [
    'Fewer than five people were injured when a gunman opened fire at the mall on Friday.',
    'Eight people were injured when a gunman opened fire at the mall on Friday.',
  ], true],
]);

table('two durations one report writes side by side are two things', [
  ['seven years before parole vs a 20-year sentence', [
    'A Millbrook man who shot his neighbour was sentenced to serve at least seven years in prison before he is eligible for parole. The judge sentenced him on Monday to 20 years in prison.',
    'A Millbrook man who shot his neighbour was sentenced on Monday to 20 years in prison. He must serve seven years before he is eligible for parole.',
  ], false],
  ['12 years vs 15 years in prison, each report writing one, is a dispute', [
    'The judge sentenced the Millbrook man to 12 years in prison on Monday for the shooting.',
    'The judge sentenced the Millbrook man to 15 years in prison on Monday for the shooting.',
  ], true],
]);

it('a bound below a later, larger toll is still shown as the count rising over time', () => {
  const got = compareSources([
    report('a', 'Flash floods killed at least 12 people in towns south of the city, officials said.', '2026-02-03'),
    report('b', 'Flash floods killed 14 people in towns south of the city, officials said on Wednesday.', '2026-02-04'),
  ], []).comparison.conflicts.filter((c) => c.kind === 'value');
  assert.equal(got.length, 1);
  assert.equal(got[0].over_time, 'rose');
});
