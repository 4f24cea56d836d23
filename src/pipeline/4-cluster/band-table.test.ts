import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BandTable } from './band-table.ts';

const ids = (t: BandTable, key: number) => {
  const out = new Set<number>();
  t.collect(key, out);
  return [...out];
};

describe('BandTable', () => {
  it('keeps every key apart through growth, including keys with the same low bits', () => {
    const t = new BandTable(64);
    // 5,000 keys, many sharing their low 10 bits (the first table's slot), so probing and regrowth both run.
    for (let i = 0; i < 5000; i++) t.add(((i % 7) << 20) | (i >> 3), i);
    for (let i = 0; i < 5000; i++) {
      const key = ((i % 7) << 20) | (i >> 3);
      assert.ok(ids(t, key).includes(i), `key ${key} lost article ${i}`);
      for (const id of ids(t, key)) assert.equal(((id % 7) << 20) | (id >> 3), key);
    }
    assert.deepEqual(ids(t, (1 << 29) + 12345), []);
  });

  it('keeps a bucket in arrival order and trims a crowded one to its newest', () => {
    const t = new BandTable(4);
    t.add(42, 7);
    t.add(42, 3);
    assert.deepEqual(ids(t, 42), [7, 3]);
    for (let id = 10; id < 17; id++) t.add(42, id);
    // Nine ids is over twice 4: the newest 4 stay.
    assert.deepEqual(ids(t, 42), [13, 14, 15, 16]);
  });
});
