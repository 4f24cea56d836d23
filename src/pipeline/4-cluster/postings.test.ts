import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Postings } from './postings.ts';

describe('Postings', () => {
  it('gives back the newest postings of each term, newest first, across blocks and pages', () => {
    const p = new Postings();
    const expected = new Map<number, number[]>();
    // Terms interleaved, far apart ids (the per-term tables grow), enough postings to fill pages.
    let article = 0;
    for (let round = 0; round < 250_000; round++) {
      for (const term of [0, 7, 3000, round % 50 === 0 ? 70_000 : 5]) {
        p.add(term, article);
        (expected.get(term) ?? expected.set(term, []).get(term)!).push(article++);
      }
    }
    const out = new Int32Array(300);
    for (const [term, list] of expected) {
      assert.equal(p.size(term), list.length);
      for (const max of [1, 6, 7, 8, 300]) {
        const n = p.newest(term, max, out);
        assert.deepEqual([...out.subarray(0, n)], list.slice(-max).reverse(), `term ${term}, max ${max}`);
      }
    }
    assert.equal(p.newest(12345, 10, out), 0);
    assert.equal(p.size(999_999), 0);
  });
});
