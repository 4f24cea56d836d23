import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TermSums } from './term-sums.ts';

describe('TermSums', () => {
  it('sums as a map would, through growth, removals and terms that come back', () => {
    const sums = new TermSums(2);
    const model = new Map<number, number>();
    // Deterministic pseudo-random adds and removals over 3,000 term ids (ids in order, as handed out).
    let x = 7;
    for (let step = 0; step < 40_000; step++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const term = x % 3000;
      const delta = (x >>> 12) % 5 === 0 ? -((x >>> 16) % 4000) : (x >>> 16) % 3000;
      sums.add(term, delta);
      const v = (model.get(term) ?? 0) + delta;
      if (v > 0) model.set(term, v);
      else model.delete(term);
    }
    for (let term = 0; term < 3000; term++) assert.equal(sums.get(term), model.get(term) ?? 0, `term ${term}`);
    assert.deepEqual(sums.terms().sort((a, b) => a - b), [...model.keys()].sort((a, b) => a - b));
    let total = 0;
    sums.forEach((v) => (total += v));
    assert.equal(total, [...model.values()].reduce((a, b) => a + b, 0));
  });

  it('has nothing for a term never added or added at zero', () => {
    const sums = new TermSums();
    sums.add(5, 0);
    sums.add(6, -3);
    assert.equal(sums.get(5), 0);
    assert.equal(sums.get(6), 0);
    assert.deepEqual(sums.terms(), []);
  });
});
