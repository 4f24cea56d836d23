// One LSH band's buckets: an open-addressing hash table from 30-bit band hashes to article ids,
// in typed arrays. As 16 JS maps these held 1.6 million entries at 100k articles, heap the
// garbage collector traced at every full collection, and restoring a store spent a second
// growing them.

const FREE = -1;

export class BandTable {
  private keys = new Int32Array(1024).fill(FREE);
  /** An article id (≥ 0), or -(i + 1) for `lists[i]` once a bucket holds two or more. */
  private vals = new Int32Array(1024);
  private used = 0;
  private lists: number[][] = [];

  /** `key` is a non-negative 30-bit hash (already mixed, so its low bits index the table). */
  constructor(private maxBucket: number) {}

  /** Adds an article to the key's bucket; a bucket over twice `maxBucket` keeps its newest `maxBucket`. */
  add(key: number, id: number): void {
    const slot = this.slot(key);
    if (this.keys[slot] === FREE) {
      this.keys[slot] = key;
      this.vals[slot] = id;
      if (++this.used * 2 > this.keys.length) this.grow();
      return;
    }
    const v = this.vals[slot];
    if (v >= 0) {
      this.lists.push([v, id]);
      this.vals[slot] = -this.lists.length;
      return;
    }
    const list = this.lists[-v - 1];
    list.push(id);
    // A band shared by very many articles is boilerplate, not a copy: a lookup then costs the
    // same at any store size.
    if (list.length > this.maxBucket * 2) list.splice(0, list.length - this.maxBucket);
  }

  /** Adds the key's articles, oldest first, to `out`. */
  collect(key: number, out: Set<number>): void {
    const slot = this.slot(key);
    if (this.keys[slot] === FREE) return;
    const v = this.vals[slot];
    if (v >= 0) out.add(v);
    else for (const id of this.lists[-v - 1]) out.add(id);
  }

  /** The key's slot, or the free slot where it would go (linear probing). */
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let i = key & mask;
    while (this.keys[i] !== FREE && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  private grow(): void {
    const { keys, vals } = this;
    this.keys = new Int32Array(keys.length * 2).fill(FREE);
    this.vals = new Int32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === FREE) continue;
      const slot = this.slot(keys[i]);
      this.keys[slot] = keys[i];
      this.vals[slot] = vals[i];
    }
  }
}
