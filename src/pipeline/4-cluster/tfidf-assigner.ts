// A first honest online grouping: each article joins the story of its most similar earlier
// article (TF-IDF cosine, candidates from an inverted index) when similar enough, else starts a
// story. Replaceable through the StoryAssigner interface.
import { shortHash } from '../../util/hash.ts';
import type { Assignment, ClusterDoc, StoryAssigner } from './assigner.ts';
import { termCounts } from './terms.ts';

export interface TfidfOptions {
  /** Cosine at or above which an article joins its nearest neighbour's story. */
  joinThreshold: number;
  /** Cosine at or above which an article is a near-copy of its nearest neighbour. */
  copyThreshold: number;
  /** Terms per article kept in the index (highest weights). */
  maxTerms: number;
}

export const defaultTfidfOptions = { joinThreshold: 0.3, copyThreshold: 0.9, maxTerms: 80 } satisfies TfidfOptions;

interface Entry {
  id: string;
  storyId: string;
  copyOf: string | null;
  terms: [string, number][];
  norm: number;
  alive: boolean;
}

export class TfidfAssigner implements StoryAssigner {
  private entries: Entry[] = [];
  private byId = new Map<string, number>();
  private postings = new Map<string, number[]>();
  private df = new Map<string, number>();
  private readonly opts: TfidfOptions;

  constructor(opts: Partial<TfidfOptions> = {}) {
    this.opts = { ...defaultTfidfOptions, ...opts };
  }

  private idf(term: string): number {
    const n = this.entries.length + 1;
    return Math.log((n + 1) / ((this.df.get(term) ?? 0) + 1)) + 1;
  }

  private add(id: string, storyId: string, copyOf: string | null, terms: [string, number][]): void {
    this.forget(id);
    const idx = this.entries.length;
    this.entries.push({ id, storyId, copyOf, terms, norm: 0, alive: true });
    this.byId.set(id, idx);
    for (const [t] of terms) {
      this.df.set(t, (this.df.get(t) ?? 0) + 1);
      let list = this.postings.get(t);
      if (!list) this.postings.set(t, (list = []));
      list.push(idx);
    }
  }

  private forget(id: string): void {
    const idx = this.byId.get(id);
    if (idx === undefined) return;
    const e = this.entries[idx];
    e.alive = false;
    for (const [t] of e.terms) this.df.set(t, (this.df.get(t) ?? 1) - 1);
    this.byId.delete(id);
  }

  private weights(terms: [string, number][]): Map<string, number> {
    const w = new Map<string, number>();
    let norm = 0;
    for (const [t, tf] of terms) {
      const v = (1 + Math.log(tf)) * this.idf(t);
      w.set(t, v);
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, v] of w) w.set(t, v / norm);
    return w;
  }

  restore(articleId: string, storyId: string, copyOf: string | null, features: unknown): void {
    const terms = (features as { terms?: [string, number][] } | null)?.terms ?? [];
    this.add(articleId, storyId, copyOf, terms);
  }

  assign({ article }: ClusterDoc): Assignment {
    const counts = [...termCounts(article.title, article.text)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const terms = counts.slice(0, this.opts.maxTerms);
    const query = this.weights(terms);
    const scores = new Map<number, number>();
    for (const [t, qw] of query) {
      for (const idx of this.postings.get(t) ?? []) {
        const e = this.entries[idx];
        if (!e.alive || e.id === article.id) continue;
        scores.set(idx, (scores.get(idx) ?? 0) + qw);
      }
    }
    // Re-score the strongest candidates exactly.
    const candidates = [...scores].sort((a, b) => b[1] - a[1]).slice(0, 50);
    let best = -1;
    let bestSim = 0;
    for (const [idx] of candidates) {
      const other = this.weights(this.entries[idx].terms);
      let sim = 0;
      for (const [t, v] of query) sim += v * (other.get(t) ?? 0);
      if (sim > bestSim) [best, bestSim] = [idx, sim];
    }
    const neighbour = best >= 0 && bestSim >= this.opts.joinThreshold ? this.entries[best] : null;
    const storyId = neighbour?.storyId ?? `s-${shortHash(article.id, 10)}`;
    const copyOf = neighbour && bestSim >= this.opts.copyThreshold ? (neighbour.copyOf ?? neighbour.id) : null;
    this.add(article.id, storyId, copyOf, terms);
    return { storyId, isNew: !neighbour, copyOf, features: { terms }, moves: [] };
  }
}
