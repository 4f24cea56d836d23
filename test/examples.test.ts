// The bundled examples are grouped as examples/expected.json says (issue acceptance: BCubed F1 ≥ 0.9),
// every report is read, and the output honours the contract.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../bench/lib/data.ts';
import { scoreExamples } from '../bench/lib/examples-score.ts';
import { reportSchema } from './contract-schema.ts';

describe('examples/', () => {
  it('groups every report into the expected stories (BCubed F1 ≥ 0.9)', async () => {
    const r = await scoreExamples(join(PROJECT_ROOT, 'examples'));
    assert.deepEqual(r.summary.skipped, [], 'no example report is skipped');
    assert.deepEqual(r.unmatched, [], 'every expected report is in the output');
    assert.deepEqual(r.unexpected, [], 'every output article is in expected.json');
    console.log(`examples BCubed: P ${r.score.precision.toFixed(3)} R ${r.score.recall.toFixed(3)} F1 ${r.score.f1.toFixed(3)}`);
    assert.ok(r.score.f1 >= 0.9, `F1 ${r.score.f1.toFixed(3)} < 0.9`);
    reportSchema.parse({ stories: r.stories });
  });
});
