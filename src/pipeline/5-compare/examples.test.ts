// End to end on examples/: every planted discrepancy found with the right kind, no conflict on the
// agreeing traps, and every evidence span and brief sentence faithful to its articles.
// A planted conflict whose values the extractors do not produce at all is reported as a todo
// (an extraction gap, not a comparison failure); every other miss fails.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareExamples, sameValue } from '../../../bench/compare.ts';
import { checkBrief, checkEvidence } from '../6-brief/faithfulness.ts';

describe('examples/ comparison', async () => {
  const ex = await compareExamples();
  const texts = new Map(ex.reports.flatMap((r) => r.articles.map((a) => [a.id, a.text ?? ''] as const)));

  for (const f of ex.found) {
    const extracted = ex.reports.some((r) =>
      f.kind === 'value' ? r.figures.filter((x) => ex.expectedValues(f).some((v) => sameValue(v, x.text))).length >= 2 : true,
    );
    it(`finds ${f.kind} in ${f.story}`, { todo: !f.ok && !extracted ? 'the extractors give no figures for these values' : undefined }, () => {
      assert.ok(f.ok, `${f.about} — got ${f.got}`);
    });
  }

  it('reports no conflict on the agreeing traps, and none that was not planted', () => {
    assert.deepEqual(ex.traps.filter((t) => !t.ok), []);
    assert.deepEqual(ex.unexpected, []);
  });

  it('every evidence span holds its value; every brief sentence is in the articles it cites', () => {
    for (const r of ex.reports) {
      assert.deepEqual(checkEvidence(r, (id) => texts.get(id)).failures, []);
      assert.deepEqual(checkBrief(r, (id) => texts.get(id)).failures, []);
      if (r.articles.length > 1) assert.ok(r.brief.length >= 3 && r.brief.length <= 7, `${r.title}: ${r.brief.length} brief sentences`);
    }
  });
});
