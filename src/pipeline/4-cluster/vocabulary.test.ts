import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TermSums } from './term-sums.ts';
import { Vocabulary } from './vocabulary.ts';

/** A vocabulary that has counted `n` one-term articles of term `a`, every third also of term `b`. */
function counted(n: number): { v: Vocabulary; a: number; b: number } {
  const v = new Vocabulary();
  const a = v.id('w:a');
  const b = v.id('w:b');
  for (let i = 0; i < n; i++) v.count(i % 3 ? [a] : [a, b], 1);
  return { v, a, b };
}

describe('Vocabulary norms', () => {
  it('take the document frequencies of the last fixed point, whenever they are computed', () => {
    // Two counts inside one stretch between fixed points: the norms' IDF does not move, the IDF does.
    const early = counted(200);
    const late = counted(202);
    assert.equal(early.v.epoch, late.v.epoch, 'no fixed point between 200 and 202 articles');
    assert.equal(early.v.normIdf(early.b), late.v.normIdf(late.b));
    assert.deepEqual(early.v.norms(new Map([[early.b, 2]])), late.v.norms(new Map([[late.b, 2]])));
    assert.notEqual(early.v.idf(early.b), late.v.idf(late.b));
  });

  it('are taken afresh as the stream grows, and survive a state round trip', () => {
    const { v, b } = counted(2_000);
    const before = v.normIdf(b);
    for (let i = 0; i < 100; i++) v.count([b], 1);
    assert.ok(v.normIdf(b) < before, 'b grew commoner past a fixed point');
    const copy = Vocabulary.fromState(v.state());
    assert.equal(copy.normIdf(b), v.normIdf(b));
    const id = copy.id('w:new');
    assert.equal(copy.normIdf(id), Math.log(v.state().fixedAt + 1) + 1, 'a term new since the fixed point counts as unseen then');
  });

  it('read from a table\'s slots add up as over its entries, bit for bit', () => {
    const { v, a, b } = counted(500);
    const c = v.id('p:dayton');
    const sums = new TermSums();
    for (const [t, w] of [[a, 1234], [b, 77], [c, 5000], [a, -1234], [c, 1]] as const) sums.add(t, w);
    // a fell to 0: kept in the table, counted as none by both.
    assert.deepEqual(v.slotNorms(sums.state().slots), v.norms(sums));
    assert.ok(v.slotNorms(sums.state().slots)[1] > 0);
  });
});

describe('Vocabulary IDF', () => {
  it('is the formula at every count, memoised or not, and moves with every article counted', () => {
    const { v, a, b } = counted(30);
    const idf = (df: number, docs: number) => Math.log((docs + 1) / (df + 1)) + 1;
    const version = v.version;
    assert.equal(v.idf(b), idf(10, 30));
    assert.equal(v.idf(b), idf(10, 30), 'asked again under one version');
    assert.equal(v.idf(a), idf(30, 30));
    v.count([b], 1);
    assert.notEqual(v.version, version);
    assert.equal(v.idf(b), idf(11, 31));
    assert.equal(v.idf(a), idf(30, 31), 'a term whose own count did not move: the document count did');
    v.count([b], -1);
    assert.equal(v.idf(b), idf(10, 30));
  });
});
