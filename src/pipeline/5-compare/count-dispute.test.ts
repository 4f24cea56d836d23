// One dispute test for counts: on made-up, real-looking stories, the story's `how_many` is
// disputed exactly when the comparison's conflict list shows that count's dispute (issue #18), and
// when reports state different totals without a dispute, the value shown is the best-supported one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFigures } from '../3-analyze/figures/figures.ts';
import { compareSources } from './compare.ts';
import { countVerdict } from './count-dispute.ts';
import type { Fact } from './fact.ts';
import { draft, published } from './fixtures.ts';
import { storyHowMany } from './story-counts.ts';

function story(texts: (string | [string, string])[]) {
  const articles = texts.map((t, i) => {
    const [text, day] = typeof t === 'string' ? [t, '2026-03-02'] : t;
    const d = published(draft(`r${i}`, `outlet${i}.example`, text), day);
    d.mentions.figures = extractFigures({ text, language: 'en' });
    return d;
  });
  const { comparison, facts } = compareSources(articles, []);
  return { conflicts: comparison.conflicts.filter((c) => c.kind === 'value'), howMany: storyHowMany(articles, new Map(), facts) };
}

// [name, reports, what, disputed, value shown when not disputed, other totals noted beside it]
type Row = [name: string, texts: (string | [string, string])[], what: 'killed' | 'injured', disputed: boolean, shown: number | null, noted?: boolean];

const rows: Row[] = [
  ['four vs six killed at a market', [
    'Four people were killed when a gunman opened fire at the market on Tuesday, police said.',
    'Six people were killed when a gunman opened fire at a crowded market on Tuesday.',
  ], 'killed', true, null],
  ['five vs eight wounded at a parade', [
    'Five people were wounded when shots rang out at the parade on Sunday, police said.',
    'Eight people were wounded when shots rang out at the Sunday parade, police said.',
  ], 'injured', true, null],
  ['six dead vs five relatives shot before he turned the gun on himself', [
    'Six bodies were found at two homes in Millbrook in what police call a murder-suicide.',
    'Dale Ferris, 31, shot and killed five relatives before turning the gun on himself, police said.',
  ], 'killed', false, null, true],
  ['two found dead at a home vs four killed across three homes', [
    'Officers responded to a call and found two people dead at a home on Pine Street early Friday.',
    'Four people were killed and one was hurt on Friday in a killing spree that spanned three homes, police said.',
  ], 'killed', false, 4, true],
  ['"at least three killed" vs "five killed": the exact count is shown', [
    'At least three people were killed when a gunman opened fire at the mall on Friday.',
    'Five people were killed when a gunman opened fire at the mall on Friday.',
  ], 'killed', false, 5, true],
  ['one killed and three others wounded vs four wounded: the wounded are three', [
    'One man was killed and three others were wounded in a shooting outside a bar on Saturday, police said.',
    'Four people were wounded in a shooting outside a bar on Saturday, one of them fatally, police said.',
  ], 'injured', false, 3],
  ['one killed and three others wounded vs "four wounded" counting everyone hit: three shown', [
    'One man was killed and three others were wounded in a shooting outside a bar on Saturday, police said.',
    'Police said four people were wounded in the shooting outside a bar on Saturday.',
  ], 'injured', false, 3],
  ['a toll that rose from one day to the next is its latest count', [
    ['Two people were killed when the bridge collapsed on Sunday.', '2026-03-02'],
    ['Three people were killed when the bridge collapsed, officials said on Monday.', '2026-03-03'],
  ], 'killed', false, 3],
  ['two killed vs a victim described', [
    'Two men were killed in a shooting outside a bar early Sunday.',
    'A man was killed in a fatal shooting outside a bar early Sunday, police said.',
  ], 'killed', false, 2],
  ['"at least five killed" vs "three killed" is a dispute', [
    'At least five people were killed when a gunman opened fire at the mall on Friday.',
    'Three people were killed when a gunman opened fire at the mall on Friday.',
  ], 'killed', true, null],
];

describe('one dispute test: how_many is disputed exactly when the conflict list shows it', () => {
  for (const [name, texts, what, disputed, shown, noted] of rows) {
    it(`${disputed ? 'disputed' : 'not disputed'}: ${name}`, () => {
      const { conflicts, howMany } = story(texts);
      const listed = conflicts.filter((c) => c.about === `number ${what}` && !c.over_time);
      const entry = howMany.find((h) => h.what === what);
      assert.ok(entry, `no how_many entry for ${what}`);
      assert.equal(listed.length, disputed ? 1 : 0, 'conflict list');
      assert.equal(entry.status === 'disputed', disputed, 'how_many status');
      if (disputed) {
        assert.equal(entry.value, null);
        // The same sides in both places, as numbers with the conflict's text.
        assert.deepEqual(entry.values.map((v) => v.text).sort(), listed[0].values.map((v) => v.value).sort());
        for (const v of entry.values) assert.ok(v.evidence.length && Number.isFinite(v.value));
        return;
      }
      if (shown !== null) assert.equal(entry.value, shown);
      else assert.ok(entry.values.some((v) => v.value === entry.value), 'the value shown is one a report gives');
      // Other stated totals are noted beside the value, so it is not read as settled by all reports.
      assert.equal(!!entry.note, !!noted, `note: ${entry.note}`);
    });
  }
});

describe('countVerdict: the dead among the wounded', () => {
  const claim = (article: string, value: number, group: number) => ({ article, written: String(value), value: String(value), evidence: { article, start: 0, end: 1 }, group });
  const killed = (dead: number): Fact => ({ kind: 'how-many', key: 'how-many:killed|', label: 'killed', claims: [claim('a', dead, 0), claim('b', dead, 0)], conflict: null });
  const injured = (conflict: boolean): Fact => ({
    kind: 'how-many', key: 'how-many:injured|', label: 'injured', claims: [claim('a', 3, 0), claim('b', 4, 1)],
    conflict: conflict ? { kind: 'value', about: 'number injured', values: [{ value: '3', articles: ['a'], evidence: [] }, { value: '4', articles: ['b'], evidence: [] }] } : null,
  });
  it('wounded counts one apart with one dead: no dispute, the smaller is the wounded', () => {
    const v = countVerdict(injured(true), [killed(1), injured(true)]);
    assert.deepEqual([v.conflict, v.wounded], [null, 3]);
  });
  it('asked again once the conflict list has settled, the same answer', () => {
    const v = countVerdict(injured(false), [killed(1), injured(false)]);
    assert.deepEqual([v.conflict, v.wounded], [null, 3]);
  });
  it('wounded counts one apart with two dead are still a dispute', () => {
    const v = countVerdict(injured(true), [killed(2), injured(true)]);
    assert.equal(v.conflict?.about, 'number injured');
    assert.equal(v.wounded, null);
  });
});

describe('other counted things follow the conflict about the same figures', () => {
  const cases: [name: string, texts: string[], disputed: boolean][] = [
    ['12 vs 20 arrested at a protest', [
      'Police said 12 people were arrested after the protest outside city hall turned violent on Monday.',
      'Police said 20 people were arrested after the protest outside city hall turned violent on Monday.',
    ], true],
    ['12 arrested in both reports', [
      'Police said 12 people were arrested after the protest outside city hall turned violent on Monday.',
      'Officers said 12 people were arrested after the protest outside city hall turned violent on Monday.',
    ], false],
  ];
  for (const [name, texts, disputed] of cases)
    it(`${disputed ? 'disputed' : 'not disputed'}: ${name}`, () => {
      const { conflicts, howMany } = story(texts);
      const entry = howMany.find((h) => h.what === 'arrested');
      assert.ok(entry);
      assert.equal(conflicts.length, disputed ? 1 : 0);
      assert.equal(entry.status === 'disputed', disputed);
      if (disputed) assert.deepEqual(entry.values.map((v) => v.value).sort((a, b) => a - b), [12, 20]);
    });
});
