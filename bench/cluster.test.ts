// bench/cluster.ts's comparison of one corpus's stories between two runs (run: npx tsx --test bench/cluster.test.ts).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { differingStories } from './cluster.ts';

it('lists only the groups of the corpus that differ between two runs, with their gold labels', () => {
  const gold = new Map([['a1', '1a'], ['a2', '1a'], ['b1', '1b'], ['c1', '2a'], ['c2', '2a']]);
  // Run A: 1a and 1b apart; run B: 1b merged into 1a, 'g9' (another corpus) in 2a's story.
  const a = new Map([['a1', 's1'], ['a2', 's1'], ['b1', 's2'], ['c1', 's3'], ['c2', 's3']]);
  const b = new Map([['a1', 'x'], ['a2', 'x'], ['b1', 'x'], ['c1', 'y'], ['c2', 'y'], ['g9', 'y']]);
  assert.deepEqual(differingStories(a, b, gold), { onlyA: ['a1[1a] a2[1a]', 'b1[1b]'], onlyB: ['a1[1a] a2[1a] b1[1b]'] });
  assert.deepEqual(differingStories(a, a, gold), { onlyA: [], onlyB: [] });
});
