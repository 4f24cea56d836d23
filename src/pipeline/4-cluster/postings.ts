// The inverted index's postings (term id → article indexes, oldest first), in typed arrays: one
// JS array per term meant a million small arrays at 100k articles, all of which the garbage
// collector walks at every full collection (its time per article grew with the store). Here a
// term's postings are a chain of fixed-size blocks, newest block first, in large pages of plain
// integers the collector never looks inside.

/** Slots per block: one link to the older block, then postings. */
const BLOCK = 8;
const PER_BLOCK = BLOCK - 1;
const PAGE_BITS = 20;
const PAGE = 1 << PAGE_BITS;

export interface PostingsState {
  pages: Int32Array[];
  free: number;
  head: Int32Array;
  count: Int32Array;
}

export class Postings {
  private pages: Int32Array[] = [];
  /** Next free block (as a slot address); block addresses are multiples of BLOCK. */
  private free = 0;
  /** Per term: address of its newest block (-1: none), and how many postings it has. */
  private head: Int32Array = new Int32Array(1024).fill(-1);
  private count: Int32Array = new Int32Array(1024);

  /** The raw pages (views, the unused tail of the last page left out) for a snapshot. */
  state(): PostingsState {
    const last = this.free >>> PAGE_BITS;
    const pages = this.pages.map((p, i) => (i === last ? p.subarray(0, this.free & (PAGE - 1)) : p));
    return { pages, free: this.free, head: this.head, count: this.count };
  }

  static fromState(s: PostingsState): Postings {
    const p = new Postings();
    // Pages are written into as postings grow: each back at full size.
    p.pages = s.pages.map((page) => {
      if (page.length === PAGE) return page;
      const full = new Int32Array(PAGE);
      full.set(page);
      return full;
    });
    p.free = s.free;
    p.head = s.head;
    p.count = s.count;
    return p;
  }

  /** Number of postings of a term. */
  size(term: number): number {
    return term < this.count.length ? this.count[term] : 0;
  }

  add(term: number, article: number): void {
    this.reserve(term);
    const n = this.count[term];
    if (n % PER_BLOCK === 0) {
      const block = this.allocate();
      this.set(block, this.head[term]);
      this.head[term] = block;
    }
    this.set(this.head[term] + 1 + (n % PER_BLOCK), article);
    this.count[term] = n + 1;
  }

  /** Writes the term's newest `max` postings, newest first, into `out` (length ≥ max); returns how many. */
  newest(term: number, max: number, out: Int32Array): number {
    const n = this.size(term);
    const want = Math.min(n, max);
    let k = 0;
    let block = n ? this.head[term] : -1;
    let fill = ((n - 1) % PER_BLOCK) + 1;
    while (k < want && block >= 0) {
      const page = this.pages[block >>> PAGE_BITS];
      const at = block & (PAGE - 1);
      for (let slot = fill; slot >= 1 && k < want; slot--) out[k++] = page[at + slot];
      block = page[at];
      fill = PER_BLOCK;
    }
    return k;
  }

  private reserve(term: number): void {
    if (term < this.head.length) return;
    let size = this.head.length;
    while (size <= term) size *= 2;
    const head = new Int32Array(size).fill(-1);
    head.set(this.head);
    const count = new Int32Array(size);
    count.set(this.count);
    [this.head, this.count] = [head, count];
  }

  private allocate(): number {
    if (this.free >>> PAGE_BITS >= this.pages.length) this.pages.push(new Int32Array(PAGE));
    const block = this.free;
    this.free += BLOCK;
    return block;
  }

  private set(address: number, value: number): void {
    this.pages[address >>> PAGE_BITS][address & (PAGE - 1)] = value;
  }
}
