// The scale-out block of store.ts (`ClusterLog`, `FeedClaims`) on PostgreSQL, for the PostgreSQL
// store to delegate to: articles in store order for the grouping snapshot, a random store id,
// feed claims with a lease (FOR UPDATE SKIP LOCKED: two pollers never get one feed) and a
// next-allowed time per host. Its tables are its own, made if missing (under a transaction-level
// advisory lock, as two processes may open a new store at once).
import type pg from 'pg';
import type { ClusterAssignment, ClusterLogRow } from '../store.ts';

/** Rows per page of the cluster queries. */
const PAGE = 5_000;

const TABLES = `
  CREATE TABLE IF NOT EXISTS feed_claims (feed_id text COLLATE "C" PRIMARY KEY, owner text NOT NULL, until text COLLATE "C" NOT NULL);
  CREATE TABLE IF NOT EXISTS host_pace (host text COLLATE "C" PRIMARY KEY, next_at bigint NOT NULL);
  CREATE TABLE IF NOT EXISTS store_identity (one integer PRIMARY KEY CHECK (one = 1), id text NOT NULL);
  INSERT INTO store_identity (one, id) VALUES (1, md5(random()::text || clock_timestamp()::text)) ON CONFLICT DO NOTHING;
`;

interface AssignmentRow {
  seq: string;
  version: number;
  id: string;
  story_id: string;
  copy_of: string | null;
}

const toAssignment = (r: AssignmentRow): ClusterAssignment => ({ seq: Number(r.seq), version: r.version, articleId: r.id, storyId: r.story_id, copyOf: r.copy_of });

export class PgScaleOut {
  constructor(private pool: pg.Pool) {}

  /** Makes the tables if missing; call once when the store opens. */
  async createTables(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("SELECT pg_advisory_xact_lock(hashtext('parallax scale-out tables'))");
      await client.query(TABLES);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  async storeId(): Promise<string> {
    return (await this.pool.query<{ id: string }>('SELECT id FROM store_identity')).rows[0].id;
  }

  async clusterExtent(): Promise<{ articles: number; maxSeq: number }> {
    const r = (await this.pool.query<{ n: string; max: string }>('SELECT COUNT(*) AS n, COALESCE(MAX(seq), 0) AS max FROM articles')).rows[0];
    return { articles: Number(r.n), maxSeq: Number(r.max) };
  }

  async *clusterAssignments(upToSeq: number): AsyncIterable<ClusterAssignment> {
    for (let after = 0; ; ) {
      const { rows } = await this.pool.query<AssignmentRow>('SELECT seq, version, id, story_id, copy_of FROM articles WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3', [after, upToSeq, PAGE]);
      for (const r of rows) yield toAssignment(r);
      if (rows.length < PAGE) return;
      after = Number(rows[rows.length - 1].seq);
    }
  }

  async *clusterStateAfter(seq: number): AsyncIterable<ClusterLogRow> {
    for (let after = seq; ; ) {
      const { rows } = await this.pool.query<AssignmentRow & { features_json: string }>(
        'SELECT seq, version, id, story_id, copy_of, features_json FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2',
        [after, PAGE / 2],
      );
      for (const r of rows) yield { ...toAssignment(r), features: JSON.parse(r.features_json) };
      if (rows.length < PAGE / 2) return;
      after = Number(rows[rows.length - 1].seq);
    }
  }

  /**
   * Ids of the feeds claimed, in one statement: due rows another claimant has locked are skipped,
   * and a claim row another committed meanwhile is not taken over while its lease lasts.
   */
  async claimDueFeedIds(now: string, owner: string, leaseSeconds: number, limit: number): Promise<string[]> {
    const until = new Date(Date.parse(now) + leaseSeconds * 1000).toISOString();
    const { rows } = await this.pool.query<{ feed_id: string }>(
      `WITH due AS (
         SELECT f.id, f.next_check_at FROM feeds f LEFT JOIN feed_claims c ON c.feed_id = f.id
          WHERE f.next_check_at <= $1 AND (c.until IS NULL OR c.until <= $1)
          ORDER BY f.next_check_at, f.id LIMIT $4
          FOR UPDATE OF f SKIP LOCKED)
       , claimed AS (
         INSERT INTO feed_claims (feed_id, owner, until) SELECT id, $2, $3 FROM due
         ON CONFLICT (feed_id) DO UPDATE SET owner = excluded.owner, until = excluded.until WHERE feed_claims.until <= $1
         RETURNING feed_id)
       SELECT c.feed_id FROM claimed c JOIN due d ON d.id = c.feed_id ORDER BY d.next_check_at, d.id`,
      [now, owner, until, limit],
    );
    return rows.map((r) => r.feed_id);
  }

  async releaseFeedClaims(owner: string, feedIds: string[]): Promise<void> {
    await this.pool.query('DELETE FROM feed_claims WHERE owner = $1 AND feed_id = ANY($2)', [owner, feedIds]);
  }

  async reserveHostSlot(host: string, earliest: number, gapMs: number): Promise<number> {
    const { rows } = await this.pool.query<{ at: string }>(
      `INSERT INTO host_pace (host, next_at) VALUES ($1, $2::bigint + $3::bigint)
       ON CONFLICT (host) DO UPDATE SET next_at = GREATEST(host_pace.next_at, $2::bigint) + $3::bigint
       RETURNING next_at - $3::bigint AS at`,
      [host, Math.round(earliest), Math.round(gapMs)],
    );
    return Number(rows[0].at);
  }
}
