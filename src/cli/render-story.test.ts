import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoryReport } from '../model/index.ts';
import { renderStories, renderStory } from './render.ts';

const art = (id: string, source: string, copy_of: string | null = null) => ({
  id, source, title: `${source} headline`, published: '2026-03-14', event_date: null, language: 'en', path: null, url: null, copy_of,
});

const report: StoryReport = {
  id: 's-1', title: 'Croatia declares border emergency', when: '2026-03-13', where: null,
  articles: [art('hl', 'Harbor Ledger'), art('et', 'Eastbridge Times'), art('vc', 'Valley Courier', 'et')],
  entities: [], places: [], dates: [], figures: [], quotes: [],
  comparison: {
    agreed: [{ fact: 'Ana Kovač (person)', articles: ['hl', 'et'] }],
    single_source: [{ fact: 'troops: 600', articles: ['hl'] }],
    conflicts: [
      { kind: 'value', about: 'crossed', values: [
        { value: 'some 12,000', articles: ['et'], evidence: [{ article: 'et', start: 0, end: 11 }], side: 0 },
        { value: 'about 12,000', articles: ['vc'], evidence: [{ article: 'vc', start: 0, end: 12 }], side: 0 },
        { value: 'More than 15,000', articles: ['hl'], evidence: [{ article: 'hl', start: 0, end: 16 }], side: 1 },
      ] },
    ],
    coverage: [{ article: 'hl', source: 'Harbor Ledger', copy_of: null, facts: 3, adds: ['troops: 600'] }],
  },
  brief: [{ text: 'Croatia declared a state of emergency.', articles: ['hl', 'et'] }],
  timeline: [{ date: '2026-03-13', what: 'the reported event', text: 'Friday', articles: ['hl', 'et'] }],
};

test('renderStory: conflicts first, brief with citation markers, facts × sources table', () => {
  const out = renderStory(report);
  assert.ok(out.indexOf('Conflicts (1)') < out.indexOf('Brief:'), 'conflicts before the brief');
  assert.match(out, /Croatia declared a state of emergency\. \[1\]\[2\]/);
  assert.match(out, /"some 12,000" \[2\] \/ "about 12,000" \[3\]\s+vs\s+"More than 15,000" \[1\]/);
  assert.match(out, /\[3\] 2026-03-14 Valley Courier: Valley Courier headline {2}\(copy of \[2\]\)/);
  const table = out.slice(out.indexOf('Facts × sources'));
  const row = (label: string) => table.split('\n').find((l) => l.includes(label))!.replace(/\s+/g, ' ').trim();
  assert.equal(row('crossed'), '! crossed b a a');
  assert.equal(row('Ana Kovač'), '= Ana Kovač (person) ● ● ·');
  assert.equal(row('troops: 600'), '1 troops: 600 ● · ·');
  assert.match(out, /What each source alone adds:\n {2}\[1\] Harbor Ledger: troops: 600/);
});

test('renderStory: a disputed event day shows both days as sides, with the sources of each', () => {
  const disputed: StoryReport = {
    ...report,
    when_disputed: [
      { date: '2026-03-13', articles: ['hl', 'et'], evidence: [{ article: 'hl', start: 0, end: 6 }, { article: 'et', start: 0, end: 8 }] },
      { date: '2026-03-14', articles: ['vc'], evidence: [{ article: 'vc', start: 0, end: 8 }] },
    ],
  };
  const head = renderStory(disputed).split('\n')[1];
  assert.match(head, /when disputed: a 2026-03-13 \[1\]\[2\] {2}vs {2}b 2026-03-14 \[3\]/);
  assert.doesNotMatch(head, /when 2026-03-13/);
  assert.match(renderStory(report).split('\n')[1], /· when 2026-03-13$/);
  assert.match(renderStories([disputed]).split('\n')[1], /· when disputed: 2026-03-13 vs 2026-03-14$/);
});

test('renderStory: how many, each count with its status and the sides of a disputed one', () => {
  const text = renderStory({
    ...report,
    how_many: [
      { what: 'killed', status: 'agreed', value: 3, values: [{ value: 3, text: 'three', articles: ['hl', 'et'], evidence: [] }] },
      { what: 'injured', status: 'disputed', value: null, values: [
        { value: 2, text: 'two', articles: ['hl'], evidence: [] },
        { value: 4, text: 'four', articles: ['et'], evidence: [] },
      ] },
    ],
  });
  assert.match(text, /How many:\n {2}killed: 3 \(agreed\) "three" \[1\]\[2\]\n {2}injured: disputed — "two" \[1\] vs "four" \[2\]/);
});

test('renderStory: a count shown with other totals that are no dispute carries its note', () => {
  const text = renderStory({
    ...report,
    how_many: [
      { what: 'killed', status: 'single-source', value: 5, values: [{ value: 5, text: 'five', articles: ['hl'], evidence: [] }], note: 'reports also give 6; not a dispute (with and without the attacker)' },
    ],
  });
  assert.match(text, /killed: 5 \(single-source\) "five" \[1\] — reports also give 6; not a dispute/);
});
