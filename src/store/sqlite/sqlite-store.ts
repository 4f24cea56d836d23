// The embedded store: one SQLite file in WAL mode through better-sqlite3.
import Database from 'better-sqlite3';
import type { StoryRecord } from '../../model/index.ts';
import {
  StoreError,
  type ArticleVersion,
  type ClusterStateRow,
  type FeedPoll,
  type NewFeed,
  type StoryQuery,
  type Store,
  type StoredArticle,
  type StorySummary,
  type WriteBatch,
} from '../store.ts';
import { SqliteFeeds } from './feeds.ts';
import { migrations } from './migrations.ts';
import { StorySearch } from './search.ts';

interface ArticleRow {
  id: string;
  story_id: string;
  copy_of: string | null;
  version: number;
  article_json: string;
  mentions_json: string;
  ingested_at: string;
}

const toStored = (r: ArticleRow): StoredArticle => ({
  article: JSON.parse(r.article_json),
  mentions: JSON.parse(r.mentions_json),
  storyId: r.story_id,
  copyOf: r.copy_of,
  version: r.version,
  ingestedAt: r.ingested_at,
});

const toStory = (r: { id: string; title: string; created_at: string; updated_at: string }): StoryRecord => ({
  id: r.id,
  title: r.title,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export class SqliteStore implements Store {
  private db: Database.Database;
  private feeds: SqliteFeeds;
  private search: StorySearch;

  /** Opens (creating if needed) the store at `file`; ':memory:' gives a temporary store. */
  constructor(file: string) {
    try {
      this.db = new Database(file);
    } catch (err) {
      throw new StoreError(`store: cannot open ${file}: ${(err as Error).message}`);
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    // Every article write lands on random pages of several indexes (id, hash, story, FTS): with
    // SQLite's default 2 MB page cache those become reads once the store outgrows it. 64 MB
    // (bounded, counted in RSS) keeps more of them in memory.
    this.db.pragma('cache_size = -65536');
    this.db.pragma('temp_store = MEMORY');
    this.migrate();
    this.feeds = new SqliteFeeds(this.db);
    this.search = new StorySearch(this.db);
  }

  private statements = new Map<string, Database.Statement>();

  /** A prepared statement, compiled once per store: most calls run per article on the hot path. */
  private stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)));
    return st;
  }

  private migrate(): void {
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)',
    );
    const applied = new Set(
      (this.db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
        (r) => r.version,
      ),
    );
    const newest = Math.max(0, ...applied);
    const known = Math.max(...migrations.map((m) => m.version));
    if (newest > known)
      throw new StoreError(`store: database schema v${newest} is newer than this Parallax (v${known})`);
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db
          .prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)')
          .run(m.version, m.name, new Date().toISOString());
      })();
    }
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const row = this.stmt('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
    return row ? toStored(row) : null;
  }

  async findByContentHash(hash: string): Promise<string | null> {
    const row = this.stmt('SELECT id FROM articles WHERE content_hash = ? LIMIT 1').get(hash) as
      { id: string } | undefined;
    return row?.id ?? null;
  }

  async write(batch: WriteBatch): Promise<void> {
    const now = new Date().toISOString();
    const upsertStory = this.stmt(
      `INSERT INTO stories (id, title, created_at, updated_at) VALUES (@id, @title, @createdAt, @updatedAt)
       ON CONFLICT(id) DO UPDATE SET title = excluded.title, updated_at = excluded.updated_at`,
    );
    const current = this.stmt(
      'SELECT version, content_hash, article_json, mentions_json, ingested_at FROM articles WHERE id = ?',
    );
    const keepVersion = this.stmt(
      'INSERT OR IGNORE INTO article_versions (article_id, version, content_hash, article_json, mentions_json, stored_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const upsertArticle = this.stmt(
      `INSERT INTO articles (id, story_id, copy_of, version, content_hash, source, title, url, path, language, published,
                             article_json, mentions_json, features_json, ingested_at)
       VALUES (@id, @storyId, @copyOf, @version, @contentHash, @source, @title, @url, @path, @language, @published,
               @articleJson, @mentionsJson, @featuresJson, @ingestedAt)
       ON CONFLICT(id) DO UPDATE SET story_id = excluded.story_id, copy_of = excluded.copy_of, version = excluded.version,
         content_hash = excluded.content_hash, source = excluded.source, title = excluded.title, url = excluded.url,
         path = excluded.path, language = excluded.language, published = excluded.published,
         article_json = excluded.article_json, mentions_json = excluded.mentions_json,
         features_json = excluded.features_json, ingested_at = excluded.ingested_at`,
    );
    const move = this.stmt('UPDATE articles SET story_id = ? WHERE id = ?');
    try {
      this.db.transaction(() => {
        const touched = this.search.storiesTouchedBy(batch);
        for (const s of batch.stories) upsertStory.run(s);
        for (const w of batch.articles) {
          const prev = current.get(w.article.id) as
            | {
                version: number;
                content_hash: string;
                article_json: string;
                mentions_json: string;
                ingested_at: string;
              }
            | undefined;
          if (prev)
            keepVersion.run(
              w.article.id,
              prev.version,
              prev.content_hash,
              prev.article_json,
              prev.mentions_json,
              prev.ingested_at,
            );
          upsertArticle.run({
            id: w.article.id,
            storyId: w.storyId,
            copyOf: w.copyOf,
            version: prev ? prev.version + 1 : 1,
            contentHash: w.article.contentHash,
            source: w.article.source,
            title: w.article.title,
            url: w.article.url,
            path: w.article.path,
            language: w.article.language,
            published: w.article.published?.date ?? null,
            articleJson: JSON.stringify(w.article),
            mentionsJson: JSON.stringify(w.mentions),
            featuresJson: JSON.stringify(w.features ?? null),
            ingestedAt: now,
          });
        }
        for (const m of batch.moves ?? []) move.run(m.storyId, m.articleId);
        this.search.afterWrite(touched, batch);
      })();
    } catch (err) {
      throw new StoreError(`store: write failed, nothing written: ${(err as Error).message}`);
    }
  }

  async articleVersions(id: string): Promise<ArticleVersion[]> {
    const old = this.stmt(
      'SELECT version, content_hash AS contentHash, stored_at AS storedAt FROM article_versions WHERE article_id = ? ORDER BY version',
    ).all(id) as ArticleVersion[];
    const cur = this.stmt(
      'SELECT version, content_hash AS contentHash, ingested_at AS storedAt FROM articles WHERE id = ?',
    ).get(id) as ArticleVersion | undefined;
    return cur ? [...old, cur] : old;
  }

  async getStory(id: string): Promise<StoryRecord | null> {
    const row = this.stmt('SELECT * FROM stories WHERE id = ?').get(id) as
      Parameters<typeof toStory>[0] | undefined;
    return row ? toStory(row) : null;
  }

  async listStories(opts: { limit?: number; offset?: number } = {}): Promise<StorySummary[]> {
    const rows = this.stmt(
      `SELECT s.*, COUNT(a.id) AS n, json_group_array(DISTINCT a.source) AS sources,
                MIN(a.published) AS first_pub, MAX(a.published) AS last_pub
         FROM stories s JOIN articles a ON a.story_id = s.id
         GROUP BY s.id ORDER BY s.updated_at DESC, s.id LIMIT ? OFFSET ?`,
    ).all(opts.limit ?? -1, opts.offset ?? 0) as (Parameters<typeof toStory>[0] & {
      n: number;
      sources: string;
      first_pub: string | null;
      last_pub: string | null;
    })[];
    return rows.map((r) => ({
      ...toStory(r),
      articleCount: r.n,
      sources: (JSON.parse(r.sources) as string[]).sort(),
      firstPublished: r.first_pub,
      lastPublished: r.last_pub,
    }));
  }

  async storyArticles(storyId: string): Promise<StoredArticle[]> {
    const rows = this.stmt(
      'SELECT * FROM articles WHERE story_id = ? ORDER BY published IS NULL, published, seq',
    ).all(storyId) as ArticleRow[];
    return rows.map(toStored);
  }

  async *clusterState(): AsyncIterable<ClusterStateRow> {
    const rows = this.db
      .prepare('SELECT id, story_id, copy_of, features_json FROM articles ORDER BY seq')
      .iterate() as IterableIterator<{
      id: string;
      story_id: string;
      copy_of: string | null;
      features_json: string;
    }>;
    for (const r of rows) {
      yield {
        articleId: r.id,
        storyId: r.story_id,
        copyOf: r.copy_of,
        features: JSON.parse(r.features_json),
      };
    }
  }

  async counts(): Promise<{ articles: number; stories: number }> {
    const a = this.stmt('SELECT COUNT(*) AS n FROM articles').get() as { n: number };
    const s = this.stmt('SELECT COUNT(DISTINCT story_id) AS n FROM articles').get() as { n: number };
    return { articles: a.n, stories: s.n };
  }

  // Story list, search and entities: the read-side indexes in search.ts.
  findStories = async (q: StoryQuery) => this.search.findStories(q);
  searchArticles = async (q: string, o: { limit?: number; offset?: number } = {}) =>
    this.search.searchArticles(q, o.limit, o.offset);
  entities = async (o: { q?: string; limit?: number } = {}) => this.search.entities(o);
  entity = async (name: string) => this.search.entity(name);
  facets = async (o: { limit?: number } = {}) => this.search.facets(o.limit);
  setStoryConflicts = async (id: string, n: number, asOf: string) => this.search.setConflicts(id, n, asOf);
  storiesWithoutConflicts = async (limit: number) => this.search.storiesWithoutConflicts(limit);

  // Feed subscriptions: feeds.ts.
  addFeed = async (f: NewFeed) => this.feeds.addFeed(f);
  getFeed = async (idOrUrl: string) => this.feeds.getFeed(idOrUrl);
  listFeeds = async () => this.feeds.listFeeds();
  removeFeed = async (id: string) => this.feeds.removeFeed(id);
  recordFeedPoll = async (id: string, poll: FeedPoll) => this.feeds.recordFeedPoll(id, poll);
  feedItemFingerprints = async (feedId: string, keys: string[]) =>
    this.feeds.feedItemFingerprints(feedId, keys);

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
