// One LSH band's buckets: band hash → the articles sharing it, in an IntTable (as 16 JS maps these
// held 1.6 million entries at 100k articles, and restoring a store spent a second growing them).
import { IntTable, type IntTableState } from './int-table.ts';

export interface BandTableState {
  table: IntTableState;
  lists: number[][];
}

export class BandTable {
  /** An article id (≥ 0), or -(i + 1) for `lists[i]` once a bucket holds two or more. */
  private table = new IntTable(512);
  private lists: number[][] = [];

  constructor(private maxBucket: number) {}

  /** Adds an article to the key's bucket; a bucket over twice `maxBucket` keeps its newest `maxBucket`. */
  add(key: number, id: number): void {
    const v = this.table.get(key);
    if (v === undefined) return this.table.set(key, id);
    if (v >= 0) {
      this.lists.push([v, id]);
      return this.table.set(key, -this.lists.length);
    }
    const list = this.lists[-v - 1];
    list.push(id);
    // A band shared by very many articles is boilerplate, not a copy: a lookup then costs the
    // same at any store size.
    if (list.length > this.maxBucket * 2) list.splice(0, list.length - this.maxBucket);
  }

  state(): BandTableState {
    return { table: this.table.state(), lists: this.lists };
  }

  static fromState(maxBucket: number, s: BandTableState): BandTable {
    const t = new BandTable(maxBucket);
    t.table = IntTable.fromState(s.table);
    t.lists = s.lists;
    return t;
  }

  /** Adds the key's articles, oldest first, to `out`. */
  collect(key: number, out: Set<number>): void {
    const v = this.table.get(key);
    if (v === undefined) return;
    if (v >= 0) out.add(v);
    else for (const id of this.lists[-v - 1]) out.add(id);
  }
}
