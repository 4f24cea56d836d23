import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bisect } from './story-split.ts';

/** Similarity matrix of `sizes` groups: `inside` within a group, `across` between groups, a little noise. */
function blocks(sizes: number[], inside: number, across: number): Float64Array[] {
  const group = sizes.flatMap((n, g) => Array<number>(n).fill(g));
  return group.map((gi, i) => Float64Array.from(group, (gj, j) => (i === j ? 0 : (gi === gj ? inside : across) + ((i * 7 + j * 13) % 5) * 0.01)));
}

describe('bisect (spectral)', () => {
  it('cuts two events apart, whichever order their articles come in', () => {
    const [a, b, ncut] = bisect(blocks([6, 5], 0.6, 0.1));
    const sides = [a, b].map((s) => [...s].sort((x, y) => x - y));
    assert.deepEqual(sides.sort((x, y) => x[0] - y[0]), [[0, 1, 2, 3, 4, 5], [6, 7, 8, 9, 10]]);
    assert.ok(ncut < 0.5, `ncut ${ncut}`);
  });

  it('finds the small event rather than cutting off one outlier', () => {
    const w = blocks([8, 3], 0.5, 0.15);
    const [a, b] = bisect(w);
    const small = a.length < b.length ? a : b;
    assert.deepEqual([...small].sort((x, y) => x - y), [8, 9, 10]);
  });

  it('reports a high cut for one event told alike throughout', () => {
    const [, , ncut] = bisect(blocks([10], 0.5, 0));
    assert.ok(ncut > 0.8, `ncut ${ncut}`);
  });
});
