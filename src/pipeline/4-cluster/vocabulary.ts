// The terms the story index has seen: interned to integer ids (typed arrays of ids, not strings,
// in every article), each with its channel and document frequency, and the IDF they give.

import { TermIds } from './term-ids.ts';

export interface VocabularyState {
  names: string[];
  df: number[];
  docs: number;
  /** The term → id table (term-ids.ts) over `names`. */
  table: Int32Array;
}

export class Vocabulary {
  private names: string[] = [];
  private ids = new TermIds(this.names);
  /** Channel of each term id: 0 words, 1 names/figures/places. */
  readonly channels: number[] = [];
  private df: number[] = [];
  /** Live articles: the IDF's document count. */
  private docs = 0;

  state(): VocabularyState {
    return { names: this.names, df: this.df, docs: this.docs, table: this.ids.table };
  }

  static fromState(s: VocabularyState): Vocabulary {
    const v = new Vocabulary();
    v.names = s.names;
    v.ids = new TermIds(s.names, s.table);
    v.df = s.df;
    v.docs = s.docs;
    for (let id = 0; id < s.names.length; id++) v.channels.push(s.names[id].startsWith('w:') ? 0 : 1);
    return v;
  }

  /** The term's id, interned on first sight. */
  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.channels.length;
      this.names.push(term);
      this.ids.add(term, id);
      this.channels.push(term.startsWith('w:') ? 0 : 1);
      this.df.push(0);
    }
    return id;
  }

  name(id: number): string {
    return this.names[id];
  }

  /** Number of term ids handed out (scratch arrays indexed by term id need this length). */
  get size(): number {
    return this.channels.length;
  }

  /** Live articles counted. */
  get documents(): number {
    return this.docs;
  }

  /** Counts an article's terms in (+1) or out (-1) of the document frequencies. */
  count(terms: ArrayLike<number>, sign: 1 | -1): void {
    this.docs += sign;
    for (let i = 0; i < terms.length; i++) this.df[terms[i]] += sign;
  }

  idf(id: number): number {
    return Math.log((this.docs + 1) / ((this.df[id] ?? 0) + 1)) + 1;
  }

  /** Per-channel norms of raw weights (term id → weight) under the current IDF. */
  norms(weights: { forEach(fn: (w: number, t: number) => void): void }): [number, number] {
    const n: [number, number] = [0, 0];
    weights.forEach((w, t) => (n[this.channels[t]] += (w * this.idf(t)) ** 2));
    return [Math.sqrt(n[0]), Math.sqrt(n[1])];
  }

  /** The same for terms and weights in two arrays. */
  arrayNorms(terms: ArrayLike<number>, weights: ArrayLike<number>): [number, number] {
    const n: [number, number] = [0, 0];
    for (let i = 0; i < terms.length; i++) n[this.channels[terms[i]]] += (weights[i] * this.idf(terms[i])) ** 2;
    return [Math.sqrt(n[0]), Math.sqrt(n[1])];
  }
}
