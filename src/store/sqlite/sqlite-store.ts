// The embedded store: one SQLite file in WAL mode through better-sqlite3 (large writes on a
// writer thread of its own, writer.ts; reads on this connection).
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { RawReport, StoryRecord } from '../../model/index.ts';
import {
  StoreBusy,
  StoreError,
  type ArticleVersion,
  type AssignerFence,
  type IntakeOutcome,
  type ClusterStateRow,
  type DerivedRows,
  type FeedPoll,
  type NewFeed,
  type StoryQuery,
  type Store,
  type StoredArticle,
  type StorySummary,
  type WriteBatch,
} from '../store.ts';
import { BatchWriter, pack, post, tune } from './batch-write.ts';
import { busyError, DEFAULT_BUSY_MS, TRY_MS, whenFree } from './busy.ts';
import { createStoreId, sqliteClusterLog } from './cluster-log.ts';
import { createClaimTables, SqliteFeedClaims } from './feed-claims.ts';
import { SqliteAlerts } from './alerts.ts';
import { createIntakeTables, SqliteIntake } from './intake.ts';
import { SqliteFeeds } from './feeds.ts';
import { migrations } from './migrations.ts';
import { StorySearch } from './search.ts';
import { Searcher } from './searcher.ts';
import { WriterBusy, WriterStopped, WriterThread } from './writer.ts';

/** Longest a search may run (on its thread) before it is stopped: 12 common words over 15k articles take 0.08 s. */
const SEARCH_BUDGET_MS = 2_000;
/** Articles in one write from which a store file gets its writer thread (smaller ones stay inline). */
const THREAD_FROM = 256;
/** Rows of `clusterState` per page: about 0.15 s of restoring between turns of the event loop (smaller pages made the restore slower). */
const CLUSTER_PAGE = 2_000;

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
  private claims: SqliteFeedClaims;
  private intake: SqliteIntake;
  private search: StorySearch;
  readonly alerts: SqliteAlerts;

  private batches: BatchWriter;
  /** A store file (not ':memory:'), which a writer thread can open too. */
  private onDisk: boolean;
  private writer: WriterThread | null = null;
  /** The last queued write: writes run one at a time, in the order they were asked for. */
  private writes: Promise<void> = Promise.resolve();

  /** How long a write waits for another writer's transaction before it fails as busy. */
  private busyMs: number;
  private searcher: Searcher | null = null;
  private searchBudgetMs: number;

  /** Opens (creating if needed) the store at `file`; ':memory:' gives a temporary store. */
  constructor(
    private file: string,
    opts: { busyMs?: number; searchBudgetMs?: number } = {},
  ) {
    this.busyMs = opts.busyMs ?? DEFAULT_BUSY_MS;
    this.searchBudgetMs = opts.searchBudgetMs ?? SEARCH_BUDGET_MS;
    try {
      // Opening may wait its whole bound (another process migrating the same file), later tries TRY_MS.
      this.db = new Database(file, { timeout: this.busyMs });
      tune(this.db);
      this.migrate();
      createClaimTables(this.db);
      createIntakeTables(this.db);
      createStoreId(this.db);
    } catch (err) {
      if (err instanceof StoreError) throw err;
      throw new StoreError(`store: cannot open ${file}: ${(err as Error).message}`);
    }
    this.db.pragma(`busy_timeout = ${TRY_MS}`);
    this.feeds = new SqliteFeeds(this.db);
    this.claims = new SqliteFeedClaims(this.db, (sql) => this.stmt(sql));
    this.intake = new SqliteIntake(this.db, (sql) => this.stmt(sql));
    this.search = new StorySearch(this.db);
    this.batches = new BatchWriter(this.db);
    this.alerts = new SqliteAlerts((sql) => this.stmt(sql), this.db, (attempt, what) => this.settled().then(() => this.whenFree(attempt, what)));
    this.onDisk = file !== ':memory:' && file !== '' && !file.startsWith('file:');
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
    const done = this.db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      this.db.transaction(() => {
        // Another process opening the same new store may have applied it while this one waited for the lock.
        if (done.get(m.version)) return;
        this.db.exec(m.sql);
        this.db
          .prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)')
          .run(m.version, m.name, new Date().toISOString());
      }).immediate();
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

  /**
   * Writes run one after another; a full batch into a store file moves the writing to a thread
   * of its own (writer.ts) for the rest of the store's life, so the caller's next batch can be
   * prepared meanwhile. Either way the promise settles when the transaction has committed.
   */
  async write(batch: WriteBatch): Promise<void> {
    const run = this.writes.then(() => this.apply(batch));
    this.writes = run.catch(() => {});
    return run;
  }

  private async apply(batch: WriteBatch): Promise<void> {
    const now = new Date().toISOString();
    try {
      if (!this.writer && this.onDisk && batch.articles.length >= THREAD_FROM)
        this.writer = new WriterThread(resolve(this.file), this.busyMs);
      if (this.writer) await this.writer.write(post(batch), now);
      else {
        const packed = pack(post(batch));
        await whenFree(() => this.batches.write(packed, now), this.busyMs);
      }
    } catch (err) {
      if (err instanceof StoreBusy) throw err;
      if (err instanceof WriterBusy) throw busyError(this.busyMs);
      if (err instanceof WriterStopped)
        throw new StoreError(`store: write failed, the last batch may not have been written: ${err.message}`);
      throw new StoreError(`store: write failed, nothing written: ${(err as Error).message}`);
    }
  }

  async articlesWithoutDerivedRows(limit: number): Promise<StoredArticle[]> {
    const rows = this.stmt('SELECT * FROM articles WHERE source_key IS NULL ORDER BY seq LIMIT ?').all(limit) as ArticleRow[];
    return rows.map(toStored);
  }

  async writeDerived(rows: DerivedRows): Promise<void> {
    await this.settled();
    try {
      await this.whenFree(() => this.batches.writeDerived(rows), 'derived rows');
    } catch (err) {
      if (err instanceof StoreError) throw err;
      throw new StoreError(`store: write failed, nothing written: ${(err as Error).message}`);
    }
  }

  /** Waits for queued writes: writes on this connection must not contend with the writer thread's. */
  private async settled(): Promise<void> {
    await this.writes;
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

  /**
   * Read in pages of CLUSTER_PAGE rows, each page a statement of its own, with a turn of the event
   * loop between pages: a server restoring 100,000 articles (seconds) keeps answering requests on
   * this connection meanwhile (an open iterator would hold the connection for the whole read).
   */
  async *clusterState(): AsyncIterable<ClusterStateRow> {
    const page = this.stmt('SELECT seq, id, story_id, copy_of, features_json FROM articles WHERE seq > ? ORDER BY seq LIMIT ?');
    let after = 0;
    for (;;) {
      const rows = page.all(after, CLUSTER_PAGE) as { seq: number; id: string; story_id: string; copy_of: string | null; features_json: string }[];
      for (const r of rows) {
        yield { articleId: r.id, storyId: r.story_id, copyOf: r.copy_of, features: JSON.parse(r.features_json) };
      }
      if (rows.length < CLUSTER_PAGE) return;
      after = rows[rows.length - 1].seq;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  // The grouping snapshot's queries: cluster-log.ts.
  private clusterLog = sqliteClusterLog((sql) => this.stmt(sql));
  storeId = () => this.clusterLog.storeId();
  clusterExtent = () => this.clusterLog.clusterExtent();
  clusterAssignments = (upToSeq: number) => this.clusterLog.clusterAssignments(upToSeq);
  clusterStateAfter = (seq: number) => this.clusterLog.clusterStateAfter(seq);
  // Feed claims and host pacing across processes: feed-claims.ts.
  claimDueFeeds = async (now: string, owner: string, leaseSeconds: number, limit: number) => {
    const ids = await this.settled().then(() => this.whenFree(() => this.claims.claimDue(now, owner, leaseSeconds, limit), 'feed claim'));
    return (await Promise.all(ids.map((id) => this.feeds.getFeed(id)))).filter((f) => f !== null);
  };
  releaseFeedClaims = async (owner: string, ids: string[]) => this.whenFree(() => this.claims.release(owner, ids), 'feed claim');
  reserveHostSlot = async (host: string, earliest: number, gapMs: number) => this.whenFree(() => this.claims.reserveHost(host, earliest, gapMs), 'host pace');
  // The intake queue and the assigner's post: intake.ts.
  enqueueReports = async (raws: RawReport[]) => this.whenFree(() => this.intake.enqueue(raws), 'intake');
  claimIntake = async (owner: string, leaseSeconds: number, limit: number, maxClaims: number) =>
    this.whenFree(() => this.intake.claim(owner, leaseSeconds, limit, maxClaims), 'intake claim');
  finishIntake = async (owner: string, outcomes: IntakeOutcome[]) => this.whenFree(() => this.intake.finish(owner, outcomes), 'intake');
  retryIntake = async (owner: string, seq: number, error: string, notBefore: number) =>
    this.whenFree(() => this.intake.retry(owner, seq, error, notBefore), 'intake');
  intakeStatus = async (seqs: number[]) => this.intake.status(seqs);
  readyIntake = async (afterSeq: number, limit: number) => this.intake.ready(afterSeq, limit);
  intakeCounts = async () => this.intake.counts();
  failedIntake = async (limit: number) => this.intake.failed(limit);
  takeAssigner = async (owner: string, leaseSeconds: number) => this.whenFree(() => this.intake.take(owner, leaseSeconds), 'assigner post');
  renewAssigner = async (fence: AssignerFence, leaseSeconds: number) => this.whenFree(() => this.intake.renew(fence, leaseSeconds), 'assigner post');
  resignAssigner = async (fence: AssignerFence) => this.whenFree(() => this.intake.resign(fence), 'assigner post');
  /** Always on this connection (not the writer thread): the fence, the batch and the rows are one transaction. */
  writeAssigned = async (fence: AssignerFence, batch: WriteBatch | null, doneSeqs: number[]) => {
    await this.settled();
    const packed = batch && pack(post(batch));
    const now = new Date().toISOString();
    await this.whenFree(() => this.intake.writeAssigned(fence, doneSeqs, () => packed && this.batches.write(packed, now)), 'assigned batch');
  };
  sidecarFile = (name: string) => (this.onDisk ? `${resolve(this.file)}.${name}` : null);

  async revision(): Promise<number> {
    await this.settled();
    return (this.stmt('SELECT revision FROM store_revision').pluck().get() as number | undefined) ?? 0;
  }

  async counts(): Promise<{ articles: number; stories: number }> {
    const a = this.stmt('SELECT COUNT(*) AS n FROM articles').get() as { n: number };
    const s = this.stmt('SELECT COUNT(DISTINCT story_id) AS n FROM articles').get() as { n: number };
    return { articles: a.n, stories: s.n };
  }

  // Story list, search and entities: the read-side indexes in search.ts.
  findStories = async (q: StoryQuery) => this.search.findStories(q);
  /** On a store file, searches run on a thread of their own (searcher.ts), under a time budget. */
  searchArticles = async (q: string, o: { limit?: number; offset?: number } = {}) =>
    this.onDisk ? (this.searcher ??= new Searcher(resolve(this.file), this.searchBudgetMs)).search(q, o.limit, o.offset) : this.search.searchArticles(q, o.limit, o.offset);
  entities = async (o: { q?: string; limit?: number } = {}) => this.search.entities(o);
  entity = async (name: string) => this.search.entity(name);
  facets = async (o: { limit?: number } = {}) => this.search.facets(o.limit);
  setStoryConflicts = async (id: string, n: number, asOf: string) => {
    await this.settled();
    await this.whenFree(() => this.search.setConflicts(id, n, asOf), 'conflict count');
  };
  storiesWithoutConflicts = async (limit: number) => this.search.storiesWithoutConflicts(limit);

  // Feed subscriptions: feeds.ts.
  addFeed = async (f: NewFeed) => this.settled().then(() => this.whenFree(() => this.feeds.addFeed(f), 'feed'));
  getFeed = async (idOrUrl: string) => this.feeds.getFeed(idOrUrl);
  listFeeds = async () => this.feeds.listFeeds();
  removeFeed = async (id: string) => this.settled().then(() => this.whenFree(() => this.feeds.removeFeed(id), 'feed'));
  recordFeedPoll = async (id: string, poll: FeedPoll) =>
    this.settled().then(() => this.whenFree(() => this.feeds.recordFeedPoll(id, poll), 'feed poll'));

  private whenFree = <T>(attempt: () => T | Promise<T>, what: string) => whenFree(attempt, this.busyMs, what);
  feedItemFingerprints = async (feedId: string, keys: string[]) =>
    this.feeds.feedItemFingerprints(feedId, keys);

  async close(): Promise<void> {
    await this.settled();
    await this.searcher?.close();
    this.searcher = null;
    await this.writer?.close();
    this.writer = null;
    if (this.db.open) this.db.close();
  }
}
