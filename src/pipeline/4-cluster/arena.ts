// Typed-array views handed out from large chunks: a few big array buffers instead of one per
// article (300k small ones at 100k articles cost the garbage collector far more).
/** Hands out typed-array views of large chunks (never freed: forgotten entries keep theirs, as before). */
export class Arena<T extends Int32Array | Float32Array | Uint32Array> {
  private chunk: T;
  private used = 0;
  constructor(private make: (n: number) => T) {
    this.chunk = make(ARENA_CHUNK);
  }
  take(n: number): T {
    if (this.used + n > this.chunk.length) {
      this.chunk = this.make(Math.max(ARENA_CHUNK, n));
      this.used = 0;
    }
    const view = this.chunk.subarray(this.used, this.used + n) as T;
    this.used += n;
    return view;
  }
}

const ARENA_CHUNK = 1 << 18;
