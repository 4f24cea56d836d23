// A story's centroid: term id → sum of its members' weights (integer thousandths), in an IntTable.
// As JS maps, the 22k centroids of a 100k-article store held 2.6 million entries, about 105 MB of
// heap for the garbage collector to trace.
import { IntTable, type IntTableState } from './int-table.ts';

export class TermSums {
  /** A term whose sum fell to 0 keeps its entry: it counts as none. */
  private table: IntTable;

  constructor(expected = 8) {
    this.table = new IntTable(expected);
  }

  state(): IntTableState {
    return this.table.state();
  }

  static fromState(s: IntTableState): TermSums {
    const sums = Object.create(TermSums.prototype) as TermSums;
    sums.table = IntTable.fromState(s);
    return sums;
  }

  /** The term's sum, 0 when it has none. */
  get(term: number): number {
    return this.table.get(term) ?? 0;
  }

  /** Adds to the term's sum; a sum at or below 0 is none. */
  add(term: number, delta: number): void {
    const had = this.table.get(term);
    if (had === undefined && delta <= 0) return;
    this.table.set(term, Math.max(0, (had ?? 0) + delta));
  }

  /** Each term with a sum above 0. */
  forEach(fn: (sum: number, term: number) => void): void {
    this.table.forEach((sum, term) => {
      if (sum > 0) fn(sum, term);
    });
  }

  /** The terms with a sum above 0. */
  terms(): number[] {
    const out: number[] = [];
    this.forEach((_, term) => out.push(term));
    return out;
  }
}
