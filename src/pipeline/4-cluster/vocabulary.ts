// The terms the story index has seen: interned to integer ids (typed arrays of ids, not strings,
// in every article), each with its channel and document frequency, and the IDF they give.
// Norms (cached per story and article: they are sums over all their terms) use the document
// frequencies as they stood at the last of fixed points of the stream (`NORM_STEP`), not as
// they stand when a norm happens to be computed: a cached norm then depends only on the stream,
// so an assigner restored part-way (a standby, a restart) scores exactly as one that ran through.

import { TermIds } from './term-ids.ts';
import { TermNames } from './term-names.ts';

export interface VocabularyState {
  names: TermNames;
  /** Per term id (the arrays may be longer than the names: room to grow). */
  df: Int32Array;
  channels: Uint8Array;
  docs: number;
  /** The term → id table (term-ids.ts) over `names`. */
  table: Int32Array;
  /** The document frequencies and count norms use: as they were at the last fixed point (`fixedAt` documents). */
  fixedDf: Int32Array;
  fixedAt: number;
}

/** Norms' document frequencies are taken afresh each time the count of live articles grows by this share. */
const NORM_STEP = 1.02;

/** The next fixed point after `docs` live articles: a function of the count alone. */
const nextFixed = (docs: number) => Math.max(docs + 1, Math.ceil(docs * NORM_STEP));

export class Vocabulary {
  private names = new TermNames();
  private ids = new TermIds(this.names);
  /** Channel of each term id: 0 words, 1 names/figures/places (replaced as it grows: read it here each time). */
  channels: Uint8Array = new Uint8Array(1024);
  /** Document frequency of each term id. */
  private df: Int32Array = new Int32Array(1024);
  private terms = 0;
  /** Live articles: the IDF's document count. */
  private docs = 0;
  /** Norms' document frequencies and count, taken at the last fixed point; the count that takes them next. */
  private fixedDf: Int32Array = new Int32Array(0);
  private fixedAt = 0;
  private nextFix = 1;
  /** Bumped whenever norms' frequencies are taken afresh: a norm cached under another epoch is stale. */
  epoch = 0;
  /**
   * Bumped whenever the document frequencies move (an article counted in or out): the IDF is the
   * same until then. A repair scores many articles and stories in a row without adding any.
   */
  version = 1;
  /**
   * The IDF (and normIdf) by document frequency, as last computed, and the version (epoch + 1)
   * it was computed in (0: none): under one version the IDF is a function of a term's frequency
   * alone, and most terms share a few small frequencies. The same expression as computed each
   * time, so the same value; by frequency, not term: a column per term id would grow with the
   * vocabulary (millions of terms at 100k articles).
   */
  private idfMemo = new Float64Array(0);
  private idfAt = new Int32Array(0);
  private normIdfMemo = new Float64Array(0);
  private normIdfAt = new Int32Array(0);

  state(): VocabularyState {
    return { names: this.names, df: this.df.subarray(0, this.terms), channels: this.channels.subarray(0, this.terms), docs: this.docs, table: this.ids.table, fixedDf: this.fixedDf, fixedAt: this.fixedAt };
  }

  static fromState(s: VocabularyState): Vocabulary {
    const v = new Vocabulary();
    v.names = s.names;
    v.ids = new TermIds(s.names, s.table);
    v.terms = s.names.length;
    if (s.df.length !== v.terms || s.channels.length !== v.terms) throw new Error('vocabulary: term columns disagree');
    v.df = s.df;
    v.channels = s.channels;
    v.docs = s.docs;
    if (s.fixedDf.length > v.terms) throw new Error('vocabulary: fixed frequencies disagree');
    v.fixedDf = s.fixedDf;
    v.fixedAt = s.fixedAt;
    v.nextFix = nextFixed(s.fixedAt);
    return v;
  }

  /** The term's id, interned on first sight. */
  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms++;
      if (id >= this.df.length) this.grow();
      this.names.push(term);
      this.ids.add(term, id);
      this.channels[id] = term.startsWith('w:') ? 0 : 1;
    }
    return id;
  }

  private grow(): void {
    const df = new Int32Array(Math.max(1024, this.df.length * 2));
    df.set(this.df);
    const channels = new Uint8Array(df.length);
    channels.set(this.channels);
    [this.df, this.channels] = [df, channels];
  }

  /** Whether a term's name begins with this (no string made). */
  startsWith(id: number, prefix: string): boolean {
    return this.names.startsWith(id, prefix);
  }

  name(id: number): string {
    return this.names.get(id);
  }

  /** Number of term ids handed out (scratch arrays indexed by term id need this length). */
  get size(): number {
    return this.terms;
  }

  /** Live articles counted. */
  get documents(): number {
    return this.docs;
  }

  /** Counts an article's terms (`terms` from `from` to `to`) in (+1) or out (-1) of the document frequencies. */
  count(terms: ArrayLike<number>, sign: 1 | -1, from = 0, to = terms.length): void {
    this.docs += sign;
    this.version++;
    for (let i = from; i < to; i++) this.df[terms[i]] += sign;
    if (this.docs >= this.nextFix) this.fix();
  }

  /** Takes the document frequencies norms use afresh (a copy: the live ones move with every article). */
  private fix(): void {
    this.fixedDf = this.df.slice(0, this.terms);
    this.fixedAt = this.docs;
    this.nextFix = nextFixed(this.docs);
    this.epoch++;
  }

  idf(id: number): number {
    const df = this.df[id] ?? 0;
    if (df >= this.idfAt.length) this.growMemo(df);
    if (this.idfAt[df] === this.version) return this.idfMemo[df];
    this.idfAt[df] = this.version;
    return (this.idfMemo[df] = Math.log((this.docs + 1) / (df + 1)) + 1);
  }

  /** The IDF norms use: from the frequencies of the last fixed point (a term new since counts as unseen then). */
  normIdf(id: number): number {
    const df = id < this.fixedDf.length ? this.fixedDf[id] : 0;
    if (df >= this.normIdfAt.length) this.growMemo(df);
    if (this.normIdfAt[df] === this.epoch + 1) return this.normIdfMemo[df];
    this.normIdfAt[df] = this.epoch + 1;
    return (this.normIdfMemo[df] = Math.log((this.fixedAt + 1) / (df + 1)) + 1);
  }

  /** Room in the memo columns for this frequency. */
  private growMemo(df: number): void {
    const n = Math.max(1024, df + 1, 2 * this.idfAt.length);
    const idfMemo = new Float64Array(n);
    const idfAt = new Int32Array(n);
    const normIdfMemo = new Float64Array(n);
    const normIdfAt = new Int32Array(n);
    idfMemo.set(this.idfMemo);
    idfAt.set(this.idfAt);
    normIdfMemo.set(this.normIdfMemo);
    normIdfAt.set(this.normIdfAt);
    [this.idfMemo, this.idfAt, this.normIdfMemo, this.normIdfAt] = [idfMemo, idfAt, normIdfMemo, normIdfAt];
  }

  /** Per-channel norms of raw weights (term id → weight) under the norms' IDF. */
  norms(weights: { forEach(fn: (w: number, t: number) => void): void }): [number, number] {
    const n: [number, number] = [0, 0];
    weights.forEach((w, t) => (n[this.channels[t]] += (w * this.normIdf(t)) ** 2));
    return [Math.sqrt(n[0]), Math.sqrt(n[1])];
  }

  /**
   * The same for a table's raw [key, value] slots (int-table.ts; free slots are negative keys,
   * values ≤ 0 count as none), in slot order as `forEach` visits them: no callback per term.
   */
  slotNorms(slots: Int32Array): [number, number] {
    let n0 = 0;
    let n1 = 0;
    const channels = this.channels;
    for (let at = 0; at < slots.length; at += 2) {
      const t = slots[at];
      const w = slots[at + 1];
      if (t < 0 || w <= 0) continue;
      const x = (w * this.normIdf(t)) ** 2;
      if (channels[t] === 0) n0 += x;
      else n1 += x;
    }
    return [Math.sqrt(n0), Math.sqrt(n1)];
  }

  /** The same for terms and weights in two arrays (from `from` to `to`). */
  arrayNorms(terms: ArrayLike<number>, weights: ArrayLike<number>, from = 0, to = terms.length): [number, number] {
    const n: [number, number] = [0, 0];
    for (let i = from; i < to; i++) n[this.channels[terms[i]]] += (weights[i] * this.normIdf(terms[i])) ** 2;
    return [Math.sqrt(n[0]), Math.sqrt(n[1])];
  }
}
