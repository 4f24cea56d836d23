// Term → id lookups for the vocabulary: an open-addressing table of ids in one typed array, keyed
// by an FNV-1a hash of the term and checked against the names list. A JS Map of 630k terms (a
// 100k-article store) took 0.35 s to rebuild at every restart; this table is saved as it is.

import type { TermNames } from './term-names.ts';

const EMPTY = -1;

/** FNV-1a over the term's UTF-16 code units (deterministic: the table is saved with snapshots). */
function hash(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class TermIds {
  private slots: Int32Array;
  private used = 0;

  constructor(
    /** The vocabulary's names by id: the table holds ids only. */
    private names: TermNames,
    slots?: Int32Array,
  ) {
    this.slots = slots ?? new Int32Array(1024).fill(EMPTY);
    if (!slots) for (let id = 0; id < names.length; id++) this.add(names.get(id), id);
    else this.used = names.length;
  }

  get(term: string): number | undefined {
    const s = this.slots;
    const mask = s.length - 1;
    for (let i = hash(term) & mask; ; i = (i + 1) & mask) {
      const id = s[i];
      if (id === EMPTY) return undefined;
      if (this.names.is(id, term)) return id;
    }
  }

  /** Adds a term not yet in the table under `id` (its place in `names`). */
  add(term: string, id: number): void {
    if ((this.used + 1) * 2 > this.slots.length) this.grow();
    this.place(term, id);
    this.used++;
  }

  /** The raw table, for a snapshot (with the names it indexes). */
  get table(): Int32Array {
    return this.slots;
  }

  private place(term: string, id: number): void {
    const s = this.slots;
    const mask = s.length - 1;
    let i = hash(term) & mask;
    while (s[i] !== EMPTY) i = (i + 1) & mask;
    s[i] = id;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(EMPTY);
    for (const id of old) if (id !== EMPTY) this.place(this.names.get(id), id);
  }
}
