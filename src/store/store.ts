// The Store interface: everything the runner and the edges may ask of storage. SQLite implements
// it now, PostgreSQL later; both must pass store.contract.ts.
import type { Article, Mentions, StoryRecord } from '../model/index.ts';

export interface StoredArticle {
  article: Article;
  mentions: Mentions;
  storyId: string;
  /** Id of the report this one is a near-copy of, or null. */
  copyOf: string | null;
  version: number;
  ingestedAt: string;
}

export interface ArticleWrite {
  article: Article;
  mentions: Mentions;
  storyId: string;
  copyOf: string | null;
  /** Whatever the story assigner needs to restore its index without recomputing (JSON). */
  features: unknown;
}

export interface WriteBatch {
  /** New articles, or new versions of stored ones (same id): the earlier version is kept in history. */
  articles: ArticleWrite[];
  /** Stories created or changed (title, updatedAt). */
  stories: StoryRecord[];
  /** Articles moved to another story (story repair); the target must exist or be in `stories`. */
  moves?: { articleId: string; storyId: string }[];
}

export interface StorySummary extends StoryRecord {
  articleCount: number;
  sources: string[];
  firstPublished: string | null;
  lastPublished: string | null;
}

export interface ClusterStateRow {
  articleId: string;
  storyId: string;
  copyOf: string | null;
  features: unknown;
}

export interface ArticleVersion {
  version: number;
  contentHash: string;
  storedAt: string;
}

export interface Store {
  getArticle(id: string): Promise<StoredArticle | null>;
  /** Id of the stored article whose current version has this content hash. */
  findByContentHash(hash: string): Promise<string | null>;
  /** Applies the whole batch or nothing. */
  write(batch: WriteBatch): Promise<void>;
  /** Every version of an article, oldest first, current last. */
  articleVersions(id: string): Promise<ArticleVersion[]>;
  getStory(id: string): Promise<StoryRecord | null>;
  /** Stories with most recently updated first; stories left without articles are not listed. */
  listStories(opts?: { limit?: number; offset?: number }): Promise<StorySummary[]>;
  /** The story's articles, in publication order (undated last). */
  storyArticles(storyId: string): Promise<StoredArticle[]>;
  /** Every article's assignment and clustering features, in ingest order. */
  clusterState(): AsyncIterable<ClusterStateRow>;
  counts(): Promise<{ articles: number; stories: number }>;
  close(): Promise<void>;
}

/** A failure inside the store, with the store's prefix. */
export class StoreError extends Error {
  override name = 'StoreError';
}
