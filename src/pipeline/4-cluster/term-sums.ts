// A story's centroid: term id → sum of its members' weights (integer thousandths), in one typed
// array of [term, sum] slots (open addressing, linear probing). As JS maps, the 22k centroids of a
// 100k-article store held 2.6 million entries, about 105 MB of heap for the garbage collector to
// trace at every full collection; here they are plain memory it never looks inside.

const FREE = -1;

export class TermSums {
  /** [term, sum] pairs; a term whose sum fell to 0 keeps its slot (dropped when the table grows). */
  private slots: Int32Array;
  /** Slots taken, live or not. */
  private used = 0;

  constructor(expected = 8) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * 2).fill(FREE);
  }

  /** The term's sum, 0 when it has none. */
  get(term: number): number {
    const at = this.slot(term);
    return this.slots[at] === FREE ? 0 : this.slots[at + 1];
  }

  /** Adds to the term's sum; a sum at or below 0 is none. */
  add(term: number, delta: number): void {
    let at = this.slot(term);
    if (this.slots[at] === FREE) {
      if (delta <= 0) return;
      if ((this.used + 1) * 4 > this.slots.length) {
        this.grow();
        at = this.slot(term);
      }
      this.slots[at] = term;
      this.slots[at + 1] = delta;
      this.used++;
      return;
    }
    this.slots[at + 1] = Math.max(0, this.slots[at + 1] + delta);
  }

  /** Each term with a sum above 0, in slot order. */
  forEach(fn: (sum: number, term: number) => void): void {
    const s = this.slots;
    for (let at = 0; at < s.length; at += 2) if (s[at] !== FREE && s[at + 1] > 0) fn(s[at + 1], s[at]);
  }

  /** The terms with a sum above 0. */
  terms(): number[] {
    const out: number[] = [];
    this.forEach((_, term) => out.push(term));
    return out;
  }

  /** The index of the term's slot, or of the free slot where it would go. */
  private slot(term: number): number {
    const s = this.slots;
    const mask = (s.length >> 1) - 1;
    // Term ids are handed out in order: multiplying spreads neighbours over the table.
    let i = Math.imul(term, 0x9e3779b1) >>> 0;
    i = (i >>> 7) & mask;
    while (s[i * 2] !== FREE && s[i * 2] !== term) i = (i + 1) & mask;
    return i * 2;
  }

  private grow(): void {
    const old = this.slots;
    let live = 0;
    for (let at = 0; at < old.length; at += 2) if (old[at] !== FREE && old[at + 1] > 0) live++;
    let capacity = old.length >> 1;
    while ((live + 1) * 2 > capacity) capacity *= 2;
    this.slots = new Int32Array(capacity * 2).fill(FREE);
    this.used = 0;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at] === FREE || old[at + 1] <= 0) continue;
      const to = this.slot(old[at]);
      this.slots[to] = old[at];
      this.slots[to + 1] = old[at + 1];
      this.used++;
    }
  }
}
