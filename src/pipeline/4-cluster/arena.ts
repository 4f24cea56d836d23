// A column of numbers in a few large blocks: each article's run of values (its terms, weights or
// signature) is an offset into one block, not an array or view of its own. 300k small array
// buffers at 100k articles cost the garbage collector far more, and 300k views of a snapshot's
// columns cost its load a third of its time; offsets cost neither.

type Column = Int32Array | Float32Array | Uint32Array;

/** Hands out runs of large blocks (never freed: forgotten entries keep theirs). */
export class Arena<T extends Column> {
  /** The block of the run last taken. */
  block = 0;
  private used: number;

  /** `blocks`: columns taken over as they are (a snapshot's), new runs go to new blocks after them. */
  constructor(
    private make: (n: number) => T,
    readonly blocks: T[] = [],
  ) {
    this.used = blocks.length ? blocks[blocks.length - 1].length : 0;
  }

  /** Room for `n` values in one block: their offset in it (the block is `this.block`). */
  take(n: number): number {
    const last = this.blocks.length - 1;
    if (last < 0 || this.used + n > this.blocks[last].length) {
      this.blocks.push(this.make(Math.max(ARENA_CHUNK, n)));
      this.used = 0;
    }
    this.block = this.blocks.length - 1;
    const at = this.used;
    this.used += n;
    return at;
  }
}

const ARENA_CHUNK = 1 << 18;
