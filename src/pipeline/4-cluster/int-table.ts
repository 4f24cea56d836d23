// Non-negative integer keys to integer values in one typed array of [key, value] slots (open
// addressing, linear probing). The grouping's big per-key tables (near-copy bands, story
// centroids) live in these, not in JS maps: at 100k articles the maps held millions of entries,
// heap the garbage collector traced at every full collection.

const FREE = -1;

export interface IntTableState {
  slots: Int32Array;
  used: number;
}

export class IntTable {
  private slots: Int32Array;
  private used = 0;

  constructor(expected = 8) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * 2).fill(FREE);
  }

  get(key: number): number | undefined {
    const at = this.slot(key);
    return this.slots[at] === FREE ? undefined : this.slots[at + 1];
  }

  set(key: number, value: number): void {
    let at = this.slot(key);
    if (this.slots[at] === FREE) {
      if ((this.used + 1) * 4 > this.slots.length) {
        this.grow();
        at = this.slot(key);
      }
      this.slots[at] = key;
      this.used++;
    }
    this.slots[at + 1] = value;
  }

  /** The raw slots (views, not copies) for a snapshot (pipeline/snapshot/). */
  state(): IntTableState {
    return { slots: this.slots, used: this.used };
  }

  /** A table back from `state()`: the same slots, so the same iteration order. */
  static fromState(s: IntTableState): IntTable {
    const t = Object.create(IntTable.prototype) as IntTable;
    t.slots = s.slots;
    t.used = s.used;
    return t;
  }

  /** Every entry, in slot order. */
  forEach(fn: (value: number, key: number) => void): void {
    const s = this.slots;
    for (let at = 0; at < s.length; at += 2) if (s[at] !== FREE) fn(s[at + 1], s[at]);
  }

  /** The key's slot, or the free slot where it would go. */
  private slot(key: number): number {
    const s = this.slots;
    const mask = (s.length >> 1) - 1;
    // Keys handed out in order (term ids) would crowd together: multiplying spreads them.
    let i = ((Math.imul(key, 0x9e3779b1) >>> 0) >>> 7) & mask;
    while (s[i * 2] !== FREE && s[i * 2] !== key) i = (i + 1) & mask;
    return i * 2;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(FREE);
    for (let at = 0; at < old.length; at += 2) {
      if (old[at] === FREE) continue;
      const to = this.slot(old[at]);
      this.slots[to] = old[at];
      this.slots[to + 1] = old[at + 1];
    }
  }
}
