// The bench's arithmetic (run by hand: npx tsx --test bench/scaleout/scaleout.test.ts; npm test
// looks under src/ and test/ only): the CPU profile's split by module and the N-core estimate.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { profileShares } from './profile-split.ts';
import { estimate, type ThroughputResult } from './throughput.ts';

const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({ id, callFrame: { functionName, url }, children });

test('profile split: a sample goes to the innermost project module on its stack; idle and samples outside the window are left out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scaleout-prof-'));
  try {
    const nodes = [
      frame(1, '(root)', '', [2, 6, 7]),
      frame(2, 'lead', 'file:///p/src/pipeline/run-assigner.ts', [3, 5]),
      frame(3, 'writeBatch', 'file:///p/src/store/postgres/write.ts', [4]),
      frame(4, 'stringify', ''), // native, under the store: the store's
      frame(5, 'assign', 'file:///p/src/pipeline/4-cluster/story-index.ts'),
      frame(6, '(idle)', ''),
      frame(7, '(garbage collector)', ''),
    ];
    // Samples 10 µs apart from t=1000: stringify, assign, assign, idle, gc, runner; then one past the window.
    const samples = [4, 5, 5, 6, 7, 2, 5];
    writeFileSync(join(dir, 'a.cpuprofile'), JSON.stringify({ nodes, samples, timeDeltas: samples.map(() => 10), startTime: 1000 }));
    const shares = profileShares(dir, 1000, 1060)!;
    assert.deepEqual(shares, { 'store client': 0.2, grouping: 0.4, gc: 0.2, runner: 0.2 });
    assert.equal(profileShares(dir, 5000, 6000), null, 'no sample in the window: no split');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const run = (cpuMs: ThroughputResult['cpuMs'], assignerAlone: boolean): ThroughputResult => ({
  store: 'postgres', workers: 2, assignerAlone, reports: 100, stored: 100, articlesPerSecond: 0, preparedPerSecond: 0, cpuMs, seconds: 1, load: '',
});

test('estimate: the cores bound while workers are the cost, then the assigner or its server backend, whichever is slower', () => {
  const withWorkers = run({ workers: 9, assigner: 0, assignerSplit: null, server: { 'parallax-worker': 1, 'parallax-bench': 50 } }, false);
  const alone = run({ workers: 0, assigner: 4, assignerSplit: null, server: { 'parallax-assigner': 2, walwriter: 1, 'parallax-bench': 50 } }, true);
  // Per article: workers 9 + their backends 1 + assigner 4 + its backend 2 + server 1 = 17 ms (the bench's queries left out).
  assert.deepEqual(estimate(withWorkers, alone, 1), { rate: 1000 / 17, bound: 'cores', perArticle: 17 });
  assert.equal(estimate(withWorkers, alone, 4).bound, 'cores');
  assert.deepEqual(estimate(withWorkers, alone, 8), { rate: 250, bound: 'assigner process', perArticle: 17 });
  const slowBackend = run({ ...alone.cpuMs, server: { 'parallax-assigner': 5 } }, true);
  assert.deepEqual(estimate(withWorkers, slowBackend, 64), { rate: 200, bound: "assigner's server backend", perArticle: 19 });
});
