// End to end on examples/: every planted discrepancy found with the right kind, no conflict on the
// agreeing traps, and every evidence span and brief sentence faithful to its articles.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareExamples } from '../../../bench/compare.ts';
import { checkBrief, checkEvidence } from '../6-brief/faithfulness.ts';

describe('examples/ comparison', async () => {
  const ex = await compareExamples();
  const texts = new Map(ex.reports.flatMap((r) => r.articles.map((a) => [a.id, a.text ?? ''] as const)));

  for (const f of ex.found) {
    it(`finds ${f.kind} in ${f.story}`, () => assert.ok(f.ok, `${f.about} — got ${f.got}`));
  }

  it('reports no conflict on the agreeing traps, and none that was not planted', () => {
    assert.deepEqual(ex.traps.filter((t) => !t.ok), []);
    assert.deepEqual(ex.unexpected, []);
  });

  it('names every quote speaker by the canonical name of its entity', () => {
    for (const r of ex.reports) {
      const names = new Set(r.entities.map((e) => e.name));
      assert.deepEqual(r.quotes.filter((q) => q.speaker && !names.has(q.speaker)).map((q) => q.speaker), [], r.title);
    }
  });

  it('every evidence span holds its value; every brief sentence is in the articles it cites', () => {
    for (const r of ex.reports) {
      assert.deepEqual(checkEvidence(r, (id) => texts.get(id)).failures, []);
      assert.deepEqual(checkBrief(r, (id) => texts.get(id)).failures, []);
      if (r.articles.length > 1) assert.ok(r.brief.length >= 3 && r.brief.length <= 7, `${r.title}: ${r.brief.length} brief sentences`);
    }
  });
});
