// The PostgreSQL store: any number of processes on one database. Writes are one transaction each,
// run one at a time across every process (the revision row is the write lock, waited for up to
// the bound, then StoreBusy); reads go to a pool of connections.
import type pg from 'pg';
import type { RawReport, StoryRecord } from '../../model/index.ts';
import {
  StoreError,
  type ArticleVersion,
  type AssignerFence,
  type IntakeOutcome,
  type ClusterStateRow,
  type DerivedRows,
  type FeedPoll,
  type FeedRecord,
  type NewFeed,
  type Store,
  type StoredArticle,
  type StoryQuery,
  type StorySummary,
  type WriteBatch,
} from '../store.ts';
import { PgAlerts } from './alerts.ts';
import { openPool, read, safeUrl, transaction } from './connection.ts';
import { PgFeeds } from './feeds.ts';
import { importSqlite, targetCounts, type ImportProgress } from './import.ts';
import { migrate } from './migrate.ts';
import { PgIntake } from './intake.ts';
import { PgScaleOut } from './scale-out.ts';
import { PgSearch } from './search.ts';
import { refreshStories, replaceDerivedRows } from './story-rows.ts';
import type { SourceCounts, SqliteSource } from './sqlite-source.ts';
import { checkDerivedRows, writeBatch } from './write.ts';

export interface PgStoreOptions {
  /** How long a write waits for another writer's transaction before StoreBusy (ms). */
  busyMs?: number;
  /** Longest a full-text search may run (ms). */
  searchBudgetMs?: number;
  /** Tables in this schema (created when missing) instead of the connection's default. */
  schema?: string;
  /** Connections in the pool. */
  connections?: number;
}

const DEFAULTS = { busyMs: 5_000, searchBudgetMs: 2_000, connections: 8 } satisfies PgStoreOptions;
/** Rows of `clusterState` per page: one statement each, other reads answered in between. */
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

const ARTICLE_COLUMNS = 'id, story_id, copy_of, version, article_json, mentions_json, ingested_at';

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

export class PgStore implements Store {
  private feeds: PgFeeds;
  private search: PgSearch;
  private scaleOut: PgScaleOut;
  private intake: PgIntake;
  private busyMs: number;
  /** Watches, the inbox, the outbox of deliveries and the deliverer's lease: alerts.ts. */
  readonly alerts: PgAlerts;

  private constructor(
    private pool: pg.Pool,
    opts: Required<Omit<PgStoreOptions, 'schema'>>,
  ) {
    this.busyMs = opts.busyMs;
    this.feeds = new PgFeeds(pool, opts.busyMs);
    this.search = new PgSearch(pool, opts.searchBudgetMs, opts.busyMs);
    this.scaleOut = new PgScaleOut(pool);
    this.alerts = new PgAlerts(pool, opts.busyMs);
    this.intake = new PgIntake(pool, opts.busyMs);
  }

  /** Connects and migrates; a server that cannot be reached is a StoreError naming the URL without its password. */
  static async open(url: string, options: PgStoreOptions = {}): Promise<PgStore> {
    const opts = { ...DEFAULTS, ...options };
    const pool = openPool(url, opts.schema, opts.connections);
    try {
      await migrate(pool, opts.schema);
      await new PgScaleOut(pool).createTables();
      await new PgIntake(pool, opts.busyMs).createTables();
    } catch (err) {
      await pool.end().catch(() => {});
      const why = (err as Error).message.replace(
        /^store: (cannot reach PostgreSQL|migration failed, nothing written): /,
        '',
      );
      throw new StoreError(`store: cannot open ${safeUrl(url)}: ${why}`);
    }
    return new PgStore(pool, opts);
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const rows = await read<ArticleRow>(this.pool, `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = $1`, [
      id,
    ]);
    return rows[0] ? toStored(rows[0]) : null;
  }

  async findByContentHash(hash: string): Promise<string | null> {
    const rows = await read<{ id: string }>(
      this.pool,
      'SELECT id FROM articles WHERE content_hash = $1 ORDER BY seq LIMIT 1',
      [hash],
    );
    return rows[0]?.id ?? null;
  }

  async write(batch: WriteBatch): Promise<void> {
    const now = new Date().toISOString();
    checkDerivedRows(batch);
    await transaction(this.pool, (c) => writeBatch(c, batch, now), { lockMs: this.busyMs, what: 'write' });
  }

  async articlesWithoutDerivedRows(limit: number): Promise<StoredArticle[]> {
    const rows = await read<ArticleRow>(
      this.pool,
      `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_index i WHERE i.article_id = a.id)
        ORDER BY seq LIMIT $1`,
      [limit],
    );
    return rows.map(toStored);
  }

  async writeDerived(rows: DerivedRows): Promise<void> {
    await transaction(
      this.pool,
      async (c) => {
        await c.query('UPDATE store_revision SET revision = revision + 1');
        await replaceDerivedRows(c, rows, { variants: true });
        const stories = await c.query<{ story_id: string }>(
          'SELECT DISTINCT story_id FROM articles WHERE id = ANY($1::text[])',
          [rows.articleIndex.map((r) => r.articleId)],
        );
        await refreshStories(
          c,
          stories.rows.map((r) => r.story_id),
        );
      },
      { lockMs: this.busyMs, what: 'write' },
    );
  }

  async revision(): Promise<number> {
    const rows = await read<{ revision: string }>(this.pool, 'SELECT revision FROM store_revision');
    return Number(rows[0]?.revision ?? 0);
  }

  async articleVersions(id: string): Promise<ArticleVersion[]> {
    return read<ArticleVersion>(
      this.pool,
      `SELECT version, content_hash AS "contentHash", stored_at AS "storedAt" FROM article_versions WHERE article_id = $1
       UNION ALL
       SELECT version, content_hash, ingested_at FROM articles WHERE id = $1
       ORDER BY version`,
      [id],
    );
  }

  async getStory(id: string): Promise<StoryRecord | null> {
    const rows = await read<Parameters<typeof toStory>[0]>(this.pool, 'SELECT * FROM stories WHERE id = $1', [
      id,
    ]);
    return rows[0] ? toStory(rows[0]) : null;
  }

  async listStories(opts: { limit?: number; offset?: number } = {}): Promise<StorySummary[]> {
    const rows = await read<
      Parameters<typeof toStory>[0] & {
        n: number;
        sources: string[];
        first_pub: string | null;
        last_pub: string | null;
      }
    >(
      this.pool,
      `SELECT s.id, s.title, s.created_at, s.updated_at, COUNT(a.id)::int AS n, array_agg(DISTINCT a.source) AS sources,
              MIN(a.published) AS first_pub, MAX(a.published) AS last_pub
         FROM stories s JOIN articles a ON a.story_id = s.id
        GROUP BY s.id ORDER BY s.updated_at DESC, s.id LIMIT $1 OFFSET $2`,
      [opts.limit ?? null, opts.offset ?? 0],
    );
    return rows.map((r) => ({
      ...toStory(r),
      articleCount: r.n,
      sources: r.sources.sort(),
      firstPublished: r.first_pub,
      lastPublished: r.last_pub,
    }));
  }

  async storyArticles(storyId: string): Promise<StoredArticle[]> {
    const rows = await read<ArticleRow>(
      this.pool,
      `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE story_id = $1 ORDER BY published IS NULL, published, seq`,
      [storyId],
    );
    return rows.map(toStored);
  }

  /** In pages, each a statement of its own: no connection is held for a whole restore. */
  async *clusterState(): AsyncIterable<ClusterStateRow> {
    let after = '0';
    for (;;) {
      const rows = await read<{
        seq: string;
        id: string;
        story_id: string;
        copy_of: string | null;
        features_json: string;
      }>(
        this.pool,
        'SELECT seq, id, story_id, copy_of, features_json FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2',
        [after, CLUSTER_PAGE],
      );
      for (const r of rows)
        yield {
          articleId: r.id,
          storyId: r.story_id,
          copyOf: r.copy_of,
          features: JSON.parse(r.features_json),
        };
      if (rows.length < CLUSTER_PAGE) return;
      after = rows[rows.length - 1].seq;
    }
  }

  async counts(): Promise<{ articles: number; stories: number }> {
    const [r] = await read<{ articles: number; stories: number }>(
      this.pool,
      'SELECT COUNT(*)::int AS articles, COUNT(DISTINCT story_id)::int AS stories FROM articles',
    );
    return r;
  }

  // Story list, search, entities: search.ts.
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

  // Store order, identity and feed claims for several processes: scale-out.ts. A server store has
  // no file beside it, so no grouping snapshot: a restart restores from the store.
  storeId = async () => this.scaleOut.storeId();
  clusterExtent = async () => this.scaleOut.clusterExtent();
  clusterAssignments = (upToSeq: number) => this.scaleOut.clusterAssignments(upToSeq);
  clusterStateAfter = (seq: number) => this.scaleOut.clusterStateAfter(seq);
  sidecarFile = (): string | null => null;
  async claimDueFeeds(now: string, owner: string, leaseSeconds: number, limit: number): Promise<FeedRecord[]> {
    const ids = await this.scaleOut.claimDueFeedIds(now, owner, leaseSeconds, limit);
    const feeds = await Promise.all(ids.map((id) => this.feeds.getFeed(id)));
    return feeds.filter((f): f is FeedRecord => f !== null);
  }
  releaseFeedClaims = async (owner: string, feedIds: string[]) => this.scaleOut.releaseFeedClaims(owner, feedIds);
  reserveHostSlot = async (host: string, earliest: number, gapMs: number) =>
    this.scaleOut.reserveHostSlot(host, earliest, gapMs);

  /**
   * Copies a SQLite store into this one, which must be empty (`migrate-store`): one transaction,
   * committed only when every table's count matches the source's. Derived rows are then missing
   * (articlesWithoutDerivedRows) until the runner backfills them.
   */
  // The intake queue and the assigner's post: intake.ts.
  enqueueReports = async (raws: RawReport[]) => this.intake.enqueue(raws);
  claimIntake = async (owner: string, leaseSeconds: number, limit: number, maxClaims: number) => this.intake.claim(owner, leaseSeconds, limit, maxClaims);
  finishIntake = async (owner: string, outcomes: IntakeOutcome[]) => this.intake.finish(owner, outcomes);
  retryIntake = async (owner: string, seq: number, error: string, notBefore: number) => this.intake.retry(owner, seq, error, notBefore);
  intakeStatus = async (seqs: number[]) => this.intake.status(seqs);
  readyIntake = async (afterSeq: number, limit: number) => this.intake.ready(afterSeq, limit);
  intakeCounts = async () => this.intake.counts();
  failedIntake = async (limit: number) => this.intake.failed(limit);
  takeAssigner = async (owner: string) => this.intake.take(owner);
  renewAssigner = async (fence: AssignerFence) => this.intake.renew(fence);
  resignAssigner = async (fence: AssignerFence) => this.intake.resign(fence);
  writeAssigned = async (fence: AssignerFence, batch: WriteBatch | null, doneSeqs: number[]) => this.intake.writeAssigned(fence, batch, doneSeqs);

  async importSqlite(src: SqliteSource, onProgress: ImportProgress = () => {}): Promise<SourceCounts> {
    return transaction(
      this.pool,
      async (c) => {
        await c.query('SELECT revision FROM store_revision FOR UPDATE');
        const want = await importSqlite(c, src, onProgress);
        const got = await targetCounts(c);
        const off = (Object.keys(got) as (keyof typeof got)[]).filter((k) => got[k] !== want[k]);
        if (off.length)
          throw new StoreError(
            `store: copy incomplete, nothing kept: ${off.map((k) => `${k} ${got[k]} of ${want[k]}`).join(', ')}`,
          );
        return want;
      },
      { lockMs: this.busyMs, what: 'migrate-store' },
    );
  }

  private closed = false;
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.intake.close();
    await this.pool.end();
  }
}
