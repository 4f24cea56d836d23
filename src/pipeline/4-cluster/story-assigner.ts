// Online story assignment over weighted terms, names, figures and time (design: docs/CLUSTERING.md).
// Each article is compared with the candidates an inverted index finds; it joins the story of
// its most similar article when similar enough, and a link to a second story merges the two
// (so the result depends little on arrival order). Near-copies join their original's story.
import { shortHash } from '../../util/hash.ts';
import type { Assignment, ClusterDoc, StoryAssigner } from './assigner.ts';
import { articleFeatures, readFeatures, type ArticleFeatures, type FeatureOptions } from './features.ts';
import { NearCopyIndex, signatureSimilarity } from './near-copy.ts';

export interface StoryAssignerOptions extends FeatureOptions {
  /** Similarity at or above which an article joins its nearest neighbour's story. */
  joinThreshold: number;
  /** Similarity to a second story at or above which that story is merged in. */
  mergeThreshold: number;
  /** Estimated shingle Jaccard at or above which an article is a near-copy. */
  copyThreshold: number;
  /** Days apart beyond which similarity starts to shrink, and how fast (days to halve). */
  timeGrace: number;
  timeHalf: number;
  /** Query terms looked up in the index, and postings lists longer than this are skipped (too common to tell stories apart). */
  queryTerms: number;
  maxPostings: number;
  /** Candidates re-scored exactly. */
  rescore: number;
}

export const defaultStoryAssignerOptions = {
  titleWeight: 3,
  nameWeight: 2.5,
  figureWeight: 2,
  maxTerms: 100,
  joinThreshold: 0.3,
  mergeThreshold: 0.4,
  copyThreshold: 0.5,
  timeGrace: 2,
  timeHalf: 10,
  queryTerms: 40,
  maxPostings: 5000,
  rescore: 30,
} satisfies StoryAssignerOptions;

interface Entry {
  id: string;
  storyId: string;
  copyOf: string | null;
  f: ArticleFeatures;
  alive: boolean;
}

export class OnlineStoryAssigner implements StoryAssigner {
  private entries: Entry[] = [];
  private byId = new Map<string, number>();
  private postings = new Map<string, number[]>();
  private df = new Map<string, number>();
  private alive = 0;
  private stories = new Map<string, Set<number>>();
  private copies = new NearCopyIndex();
  readonly opts: StoryAssignerOptions;

  constructor(opts: Partial<StoryAssignerOptions> = {}) {
    this.opts = { ...defaultStoryAssignerOptions, ...opts };
  }

  private idf(term: string): number {
    return Math.log((this.alive + 1) / ((this.df.get(term) ?? 0) + 1)) + 1;
  }

  private add(id: string, storyId: string, copyOf: string | null, f: ArticleFeatures): void {
    this.forget(id);
    const idx = this.entries.length;
    this.entries.push({ id, storyId, copyOf, f, alive: true });
    this.byId.set(id, idx);
    this.alive++;
    for (const [t] of f.t) {
      this.df.set(t, (this.df.get(t) ?? 0) + 1);
      const list = this.postings.get(t);
      if (list) list.push(idx);
      else this.postings.set(t, [idx]);
    }
    this.members(storyId).add(idx);
    this.copies.add(idx, f.m);
  }

  private members(storyId: string): Set<number> {
    let m = this.stories.get(storyId);
    if (!m) this.stories.set(storyId, (m = new Set()));
    return m;
  }

  private forget(id: string): void {
    const idx = this.byId.get(id);
    if (idx === undefined) return;
    const e = this.entries[idx];
    e.alive = false;
    this.alive--;
    for (const [t] of e.f.t) this.df.set(t, (this.df.get(t) ?? 1) - 1);
    this.stories.get(e.storyId)?.delete(idx);
    this.byId.delete(id);
  }

  /** Unit-length TF-IDF weights under the current IDF. */
  private vector(f: ArticleFeatures): Map<string, number> {
    const w = new Map<string, number>();
    let norm = 0;
    for (const [t, raw] of f.t) {
      const v = raw * this.idf(t);
      w.set(t, v);
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, v] of w) w.set(t, v / norm);
    return w;
  }

  /** 1 within a few days, shrinking with the gap: one story is about one time. */
  private timeFactor(a: ArticleFeatures, b: ArticleFeatures): number {
    const da = a.e ?? a.d;
    const db = b.e ?? b.d;
    if (da === null || db === null) return 1;
    const gap = Math.max(0, Math.abs(da - db) - this.opts.timeGrace);
    return 1 / (1 + gap / this.opts.timeHalf);
  }

  /** Similarity of the article to each candidate story: its best link into that story. */
  private storyScores(id: string, f: ArticleFeatures): Map<string, number> {
    const query = this.vector(f);
    const strongest = [...query].sort((a, b) => b[1] - a[1]).slice(0, this.opts.queryTerms);
    const rough = new Map<number, number>();
    for (const [t, qw] of strongest) {
      const list = this.postings.get(t);
      if (!list || list.length > this.opts.maxPostings) continue;
      for (const idx of list) rough.set(idx, (rough.get(idx) ?? 0) + qw);
    }
    const candidates = [...rough].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, this.opts.rescore);
    const scores = new Map<string, number>();
    for (const [idx] of candidates) {
      const e = this.entries[idx];
      if (!e.alive || e.id === id) continue;
      let sim = 0;
      for (const [t, v] of this.vector(e.f)) sim += v * (query.get(t) ?? 0);
      sim *= this.timeFactor(f, e.f);
      if (sim > (scores.get(e.storyId) ?? 0)) scores.set(e.storyId, sim);
    }
    return scores;
  }

  /** The earliest-stored original this article nearly copies, if any. */
  private findOriginal(id: string, f: ArticleFeatures): Entry | null {
    let best: Entry | null = null;
    let bestSim = this.opts.copyThreshold;
    for (const idx of [...this.copies.candidates(f.m)].sort((a, b) => a - b)) {
      const e = this.entries[idx];
      if (!e.alive || e.id === id) continue;
      const sim = signatureSimilarity(f.m, e.f.m);
      if (sim >= bestSim && (!best || sim > bestSim)) [best, bestSim] = [e, sim];
    }
    if (!best) return null;
    const original = best.copyOf ? this.entries[this.byId.get(best.copyOf) ?? -1] : undefined;
    return original?.alive ? original : best;
  }

  restore(articleId: string, storyId: string, copyOf: string | null, features: unknown): void {
    const f = readFeatures(features);
    if (f) this.add(articleId, storyId, copyOf, f);
  }

  assign({ article, mentions }: ClusterDoc): Assignment {
    const f = articleFeatures(article, mentions, this.opts);
    const original = this.findOriginal(article.id, f);
    const moves: Assignment['moves'] = [];
    let storyId: string;
    let isNew = false;
    if (original) {
      storyId = original.storyId;
    } else {
      const ranked = [...this.storyScores(article.id, f)]
        .filter(([, s]) => s >= this.opts.joinThreshold)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      if (!ranked.length) {
        storyId = `s-${shortHash(article.id, 10)}`;
        isNew = true;
      } else {
        // The article bridges every story it is strongly similar to: merge them into the largest.
        const joined = [ranked[0][0], ...ranked.slice(1).filter(([, s]) => s >= this.opts.mergeThreshold).map(([id]) => id)];
        joined.sort((a, b) => this.members(b).size - this.members(a).size || (a < b ? -1 : 1));
        storyId = joined[0];
        for (const other of joined.slice(1)) moves.push(...this.mergeStory(other, storyId));
      }
    }
    this.add(article.id, storyId, original?.id ?? null, f);
    return { storyId, isNew, copyOf: original?.id ?? null, features: f, moves };
  }

  private mergeStory(from: string, into: string): Assignment['moves'] {
    const moved = [...(this.stories.get(from) ?? [])];
    const target = this.members(into);
    for (const idx of moved) {
      this.entries[idx].storyId = into;
      target.add(idx);
    }
    this.stories.delete(from);
    return moved.map((idx) => ({ articleId: this.entries[idx].id, storyId: into }));
  }

  /** Current story of every live article (for benchmarks and tests). */
  assignments(): Map<string, string> {
    return new Map(this.entries.filter((e) => e.alive).map((e) => [e.id, e.storyId]));
  }
}
