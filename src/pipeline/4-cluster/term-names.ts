// The vocabulary's names by id. Names loaded from a snapshot stay in the one string they came in
// (630k names at 100k articles: as separate strings they cost a restart 0.1 s to split and the
// garbage collector far more to move); a name is cut out of it only when asked for.

export class TermNames {
  private extra: string[] = [];

  constructor(
    /** Names joined by U+0000, and where each starts (one more offset than names). */
    private joined = '',
    private starts: Int32Array = new Int32Array(1),
  ) {}

  get length(): number {
    return this.starts.length - 1 + this.extra.length;
  }

  get(id: number): string {
    const base = this.starts.length - 1;
    return id < base ? this.joined.slice(this.starts[id], this.starts[id + 1] - 1) : this.extra[id - base];
  }

  /** Whether the name of `id` is `term`, without cutting the name out. */
  is(id: number, term: string): boolean {
    const base = this.starts.length - 1;
    if (id >= base) return this.extra[id - base] === term;
    const start = this.starts[id];
    return this.starts[id + 1] - 1 - start === term.length && this.joined.startsWith(term, start);
  }

  /** Whether the name of `id` begins with `prefix`. */
  startsWith(id: number, prefix: string): boolean {
    const base = this.starts.length - 1;
    return id < base ? this.joined.startsWith(prefix, this.starts[id]) : this.extra[id - base].startsWith(prefix);
  }

  push(term: string): void {
    this.extra.push(term);
  }

  /** Every name joined by U+0000 with the starts (a name holding U+0000 itself: null, saved as a list). */
  pack(): { joined: string; starts: Int32Array } | null {
    const names = Array.from({ length: this.length }, (_, id) => this.get(id));
    if (names.some((n) => n.includes('\u0000'))) return null;
    const starts = new Int32Array(names.length + 1);
    for (let i = 0, at = 0; i < names.length; i++) starts[i + 1] = at += names[i].length + 1;
    return { joined: names.map((n) => `${n}\u0000`).join(''), starts };
  }

  static fromList(names: string[]): TermNames {
    const t = new TermNames();
    for (const n of names) t.push(n);
    return t;
  }
}
