// The contract between the runner and any story-grouping algorithm: online (one article at a
// time), restorable from the store, free to repair earlier assignments through `moves`.
import type { Article, Mentions } from '../../model/index.ts';

export interface ClusterDoc {
  article: Article;
  mentions: Mentions;
  /**
   * Per-article features already computed off the main thread (prepareReport, with the default
   * options); an assigner may use them instead of recomputing, and must ignore what it cannot read.
   */
  features?: unknown;
}

export interface Assignment {
  storyId: string;
  /** True when this article starts a new story. */
  isNew: boolean;
  /** The article this one is a near-copy of, or null. */
  copyOf: string | null;
  /** JSON the assigner wants back in `restore` after a restart. */
  features: unknown;
  /** Earlier articles moved to another story by a repair step. */
  moves: { articleId: string; storyId: string }[];
}

export interface StoryAssigner {
  /** Re-adds an article already stored, without reassigning it. */
  restore(articleId: string, storyId: string, copyOf: string | null, features: unknown): void;
  /** Assigns a new article (or a new version of a stored one) to a story. */
  assign(doc: ClusterDoc): Assignment;
  /** Optional repair of recent stories (merge converged ones, move or split off drifted articles); returns the moves. */
  repair?(): Assignment['moves'];
  /** The story's title from what the assigner holds in memory, or null when it cannot tell (the runner then reads the store). */
  storyTitle?(storyId: string): string | null;
}
