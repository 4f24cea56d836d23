import assert from 'node:assert/strict';
import { test } from 'node:test';
import { figureRange, hedgeBefore, overlaps, roundingUnit, type Hedge } from './figures.ts';

type Fig = [value: number | null, hedge: Hedge, text: string];
const range = ([value, hedge, text]: Fig) => figureRange({ value, vague: value === null, text, low: null, high: null }, hedge);

test('figures that agree and figures that really differ', () => {
  const cases: [Fig, Fig, boolean][] = [
    [[120000, 'exact', '120,000'], [120000, 'approx', 'some 120,000'], true],
    [[24, 'exact', 'two dozen'], [24, 'exact', '24'], true],
    [[null, 'exact', 'dozens'], [50, 'approx', 'about 50'], true],
    [[12400, 'exact', '12,400'], [12000, 'lower', 'more than 12,000'], true],
    [[43, 'exact', '43C'], [40, 'lower', 'above 40'], true],
    [[12000, 'approx', 'about 12,000'], [12000, 'approx', 'unas 12.000'], true],
    [[3, 'exact', '3'], [4, 'exact', '4'], false],
    [[12, 'lower', 'at least 12'], [14, 'exact', '14'], false],
    [[15000, 'lower', 'more than 15,000'], [12000, 'approx', 'about 12,000'], false],
    [[5000, 'approx', 'about 5,000'], [3400, 'exact', '3,400'], false],
    [[31, 'exact', '31'], [40, 'lower', 'more than 40'], false],
  ];
  for (const [a, b, agree] of cases) {
    const ra = range(a);
    const rb = range(b);
    assert.ok(ra && rb, `${a[2]} / ${b[2]} have ranges`);
    assert.equal(overlaps(ra, rb), agree, `${a[2]} vs ${b[2]}`);
  }
});

test('a vague word with no known range is not comparable', () => {
  assert.equal(range([null, 'exact', 'many']), null);
});

test('hedges are read from the words before the figure', () => {
  const text = 'Officials said more than 15,000 people crossed, and unas 12.000 personas.';
  assert.deepEqual(hedgeBefore(text, text.indexOf('15,000')), { hedge: 'lower', start: text.indexOf('more') });
  assert.equal(hedgeBefore(text, text.indexOf('12.000'))?.hedge, 'approx');
  assert.equal(hedgeBefore('a total of 12', 11), null);
});

test('rounding unit', () => {
  assert.deepEqual([12000, 40, 12, 1_300_000].map(roundingUnit), [1000, 10, 1, 100000]);
});
