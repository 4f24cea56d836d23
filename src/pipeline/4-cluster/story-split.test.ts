import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bisect, nearest, normalisedCut } from './story-split.ts';

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

  it('on nearest neighbours, parts two alike events that the full matrix keeps together', () => {
    const w = blocks([8, 8], 0.5, 0.4);
    assert.ok(bisect(w)[2] > 0.8, 'full matrix: one event');
    const [a, b, ncut] = bisect(nearest(w, 3));
    assert.ok(ncut < 0.22, `ncut ${ncut}`);
    const sides = [a, b].map((s) => [...s].sort((x, y) => x - y)).sort((x, y) => x[0] - y[0]);
    assert.deepEqual(sides, [[0, 1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14, 15]]);
  });

  it('keeps an edge either end chose, so the graph stays symmetric', () => {
    const raw = blocks([5, 4], 0.5, 0.1);
    const w = nearest(raw.map((row, i) => row.map((x, j) => (x + raw[j][i]) / 2)), 2);
    for (let i = 0; i < w.length; i++) for (let j = 0; j < w.length; j++) assert.equal(w[i][j], w[j][i]);
    assert.ok(w.every((row) => row.filter((x) => x > 0).length >= 2));
  });

  it('scores any partition as the sweep scores its own: low along the events, high across them', () => {
    const raw = blocks([6, 5], 0.5, 0.3);
    const w = nearest(raw.map((row, i) => row.map((x, j) => (x + raw[j][i]) / 2)), 3);
    const [a, , ncut] = bisect(w);
    const sideA = new Set(a);
    assert.ok(Math.abs(normalisedCut(w, w.map((_, i) => sideA.has(i))) - ncut) < 1e-6);
    // Two of the second event on the first one's side: the line a repartition would redraw.
    const crossed = normalisedCut(w, w.map((_, i) => i < 6 || i >= 9));
    assert.ok(crossed > 0.22 && crossed > 2 * ncut, `crossed ${crossed}, events ${ncut}`);
  });
});
