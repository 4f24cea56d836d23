import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFigures } from '../3-analyze/figures/figures.ts';
import { draft, published } from './fixtures.ts';
import { storyHowMany } from './story-counts.ts';

/** A report with its figures read by the real extractor. */
function report(id: string, source: string, text: string, day = '2026-03-02') {
  const d = published(draft(id, source, text), day);
  d.mentions.figures = extractFigures({ text, language: 'en' });
  return d;
}

type Expect = Record<string, [status: string, value: number | null, texts?: string[]]>;

describe('storyHowMany', () => {
  const cases: [name: string, reports: [string, string][], expected: Expect][] = [
    [
      'a stated total agreed by two outlets',
      [['a', 'Three officers were killed in an ambush on Tuesday night, the sheriff said.'], ['b', 'A gunman opened fire on deputies on Tuesday, killing three officers.']],
      { killed: ['agreed', 3] },
    ],
    [
      'one victim described is a victim, not a count that disputes a total',
      [['a', 'Two men were killed in a shooting outside a bar early Sunday.'], ['b', 'A man was killed in a fatal shooting outside a bar early Sunday, police said.']],
      { killed: ['single-source', 2, ['Two', 'A man']] },
    ],
    [
      'a victim described is combined into a total when no report gives one',
      [['a', 'A 16-year-old boy was shot near the park on Friday and is in stable condition.']],
      { injured: ['single-source', 1] },
    ],
    [
      'stated totals that differ are disputed, with both sides as numbers',
      [['a', 'Four people were killed when the gunman opened fire at the market.'], ['b', 'Six people were killed when a gunman opened fire at a crowded market.']],
      { killed: ['disputed', null, ['Four', 'Six']] },
    ],
    [
      'other counted things: arrests and evacuations',
      [['a', 'Police said 12 people were arrested after the protest turned violent.'], ['b', 'Officers arrested 12 people outside the city hall on Monday.'], ['c', 'About 300 residents were evacuated as the fire spread.']],
      { arrested: ['agreed', 12], evacuated: ['single-source', 300] },
    ],
    [
      'a toll that rose from one day to the next is told at its latest count',
      [['a', 'Two people were killed when the bridge collapsed on Sunday.'], ['later-b', 'Three people were killed when the bridge collapsed, officials said on Monday.']],
      { killed: ['single-source', 3] },
    ],
    [
      'no casualty words: no killed or injured entry',
      [['a', 'The council approved a budget of $3 million for road repairs on Monday.']],
      {},
    ],
  ];
  for (const [name, reports, expected] of cases) {
    it(name, () => {
      const got = storyHowMany(reports.map(([id, text], i) => report(id, `outlet${i}.example`, text, id.startsWith('later') ? '2026-03-03' : '2026-03-02')));
      const shown = Object.fromEntries(got.map((h) => [h.what, [h.status, h.value, ...(expected[h.what]?.[2] ? [h.values.map((v) => v.text)] : [])]]));
      assert.deepEqual(shown, expected);
      // Every value cites its reports and is a number.
      for (const h of got) for (const v of h.values) assert.ok(Number.isFinite(v.value) && v.articles.length);
    });
  }
});
