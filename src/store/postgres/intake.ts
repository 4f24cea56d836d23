// The intake queue and the assigner's post on PostgreSQL (store.ts `IntakeQueue`), for the
// PostgreSQL store to delegate to. Workers claim rows in one statement (FOR UPDATE SKIP LOCKED,
// with a lease); enqueues take a transaction-level advisory lock, so rows commit in seq order and
// the assigner never passes a row still being enqueued. The assigner's post is a session advisory
// lock held on a connection of its own (it goes with the process, however it dies); each takeover
// raises the epoch, and every assigned batch checks it under a row lock in its own transaction.
import type pg from 'pg';
import type { RawReport } from '../../model/index.ts';
import { StaleEpoch, StoreError, type AssignerFence, type IntakeClaim, type IntakeCounts, type IntakeOutcome, type IntakeReady, type IntakeStatus, type WriteBatch } from '../store.ts';

/** How long a worker's outcome is kept past its row. */
const RESULTS_KEPT_MS = 24 * 3600_000;
import { read, transaction, type Client } from './connection.ts';
import { checkDerivedRows, writeBatch } from './write.ts';

const TABLES = `
  CREATE TABLE IF NOT EXISTS intake (
    seq bigserial PRIMARY KEY,
    raw_json text NOT NULL,
    state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'claimed', 'prepared', 'failed')),
    owner text,
    until bigint,
    claims integer NOT NULL DEFAULT 0,
    prepared_json text,
    error text
  );
  CREATE INDEX IF NOT EXISTS intake_state ON intake (state, seq);
  -- A worker's outcome, kept past its row (the assigner deletes it) for whoever queued it.
  CREATE TABLE IF NOT EXISTS intake_results (seq bigint PRIMARY KEY, article_id text, error text, at bigint NOT NULL);
  CREATE TABLE IF NOT EXISTS assigner_post (one integer PRIMARY KEY CHECK (one = 1), owner text NOT NULL, epoch bigint NOT NULL);
`;

/**
 * Keys of the advisory locks (hashtext of a name: no clash with the migrations' or scale-out's),
 * per schema: advisory locks are the database's, and stores in two schemas are two stores.
 */
const ENQUEUE_LOCK = "hashtext('parallax intake order ' || current_schema())";
const POST_LOCK = "hashtext('parallax assigner post ' || current_schema())";

interface ReadyRow {
  seq: string;
  state: string;
  raw_json: string;
  prepared_json: string | null;
  error: string | null;
}

export class PgIntake {
  /** The connection holding the assigner's advisory lock while this process holds the post. */
  private post: { client: Client; owner: string; epoch: number } | null = null;

  constructor(
    private pool: pg.Pool,
    private busyMs: number,
  ) {}

  async createTables(): Promise<void> {
    await transaction(
      this.pool,
      async (c) => {
        await c.query("SELECT pg_advisory_xact_lock(hashtext('parallax intake tables'))");
        await c.query(TABLES);
      },
      { what: 'intake tables' },
    );
  }

  async enqueue(raws: RawReport[]): Promise<number[]> {
    if (!raws.length) return [];
    return transaction(
      this.pool,
      async (c) => {
        await c.query(`SELECT pg_advisory_xact_lock(${ENQUEUE_LOCK})`);
        const { rows } = await c.query<{ seq: string }>(
          `INSERT INTO intake (raw_json) SELECT r FROM unnest($1::text[]) WITH ORDINALITY AS u(r, n) ORDER BY n RETURNING seq`,
          [raws.map((r) => JSON.stringify(r))],
        );
        return rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
      },
      { lockMs: this.busyMs, what: 'intake' },
    );
  }

  async claim(owner: string, leaseSeconds: number, limit: number, maxClaims: number): Promise<IntakeClaim[]> {
    const now = Date.now();
    const rows = await transaction(
      this.pool,
      async (c) =>
        (
          await c.query<{ seq: string; state: string; raw_json: string; claims: number }>(
            `WITH free AS (
               SELECT seq FROM intake WHERE state = 'pending' OR (state = 'claimed' AND until <= $1)
                ORDER BY seq LIMIT $2 FOR UPDATE SKIP LOCKED),
             taken AS (UPDATE intake i SET
               state = CASE WHEN i.claims >= $5 THEN 'failed' ELSE 'claimed' END,
               owner = CASE WHEN i.claims >= $5 THEN NULL ELSE $3 END,
               until = $4, claims = i.claims + 1,
               error = CASE WHEN i.claims >= $5 THEN 'given up: claimed ' || i.claims || ' times without an outcome (its worker died or hung)' ELSE i.error END
             FROM free WHERE i.seq = free.seq
             RETURNING i.seq, i.state, i.raw_json, i.claims, i.error),
             given_up AS (
               INSERT INTO intake_results (seq, article_id, error, at) SELECT seq, NULL, error, $1 FROM taken WHERE state = 'failed'
               ON CONFLICT (seq) DO UPDATE SET article_id = NULL, error = excluded.error, at = excluded.at)
             SELECT seq, state, raw_json, claims FROM taken`,
            [now, limit, owner, now + leaseSeconds * 1000, maxClaims],
          )
        ).rows,
      { lockMs: this.busyMs, what: 'intake claim' },
    );
    return rows
      .filter((r) => r.state === 'claimed')
      .map((r) => ({ seq: Number(r.seq), raw: JSON.parse(r.raw_json) as RawReport, attempt: Number(r.claims) }))
      .sort((a, b) => a.seq - b.seq);
  }

  async finish(owner: string, outcomes: IntakeOutcome[]): Promise<number> {
    if (!outcomes.length) return 0;
    const seqs = outcomes.map((o) => o.seq);
    const prepared = outcomes.map((o) => ('error' in o ? null : JSON.stringify(o.prepared)));
    const errors = outcomes.map((o) => ('error' in o ? o.error : null));
    const ids = outcomes.map((o) => ('error' in o ? null : o.prepared.article.id));
    const now = Date.now();
    return transaction(
      this.pool,
      async (c) => {
        const { rows } = await c.query<{ n: string }>(
          `WITH done AS (
             UPDATE intake i SET state = CASE WHEN u.p IS NULL THEN 'failed' ELSE 'prepared' END,
                    prepared_json = u.p, error = u.e, owner = NULL, until = NULL
               FROM unnest($1::bigint[], $2::text[], $3::text[], $5::text[]) AS u(s, p, e, a)
              WHERE i.seq = u.s AND i.state = 'claimed' AND i.owner = $4
             RETURNING i.seq, u.a, u.e),
           kept AS (
             INSERT INTO intake_results (seq, article_id, error, at) SELECT seq, a, e, $6 FROM done
             ON CONFLICT (seq) DO UPDATE SET article_id = excluded.article_id, error = excluded.error, at = excluded.at)
           SELECT COUNT(*) AS n FROM done`,
          [seqs, prepared, errors, owner, ids, now],
        );
        await c.query('DELETE FROM intake_results WHERE at < $1', [now - RESULTS_KEPT_MS]);
        return Number(rows[0].n);
      },
      { lockMs: this.busyMs, what: 'intake' },
    );
  }

  async retry(owner: string, seq: number, error: string, notBefore: number): Promise<boolean> {
    // Claimed by no one until `notBefore`: a claim takes it then, as it takes an ended lease.
    const r = await transaction(
      this.pool,
      (c) => c.query("UPDATE intake SET owner = NULL, until = $1, error = $2 WHERE seq = $3 AND state = 'claimed' AND owner = $4", [notBefore, error, seq, owner]),
      { lockMs: this.busyMs, what: 'intake' },
    );
    return r.rowCount === 1;
  }

  async status(seqs: number[]): Promise<IntakeStatus[]> {
    const rows = await read<{ seq: string; state: IntakeStatus['state']; error: string | null; article_id: string | null }>(
      this.pool,
      `SELECT s.seq, COALESCE(i.state, 'done') AS state, COALESCE(i.error, CASE WHEN i.seq IS NULL THEN r.error END) AS error,
              CASE WHEN i.state = 'prepared' OR i.seq IS NULL THEN r.article_id END AS article_id
         FROM unnest($1::bigint[]) AS s(seq)
         LEFT JOIN intake i ON i.seq = s.seq LEFT JOIN intake_results r ON r.seq = s.seq`,
      [seqs],
    );
    const got = new Map(rows.map((r) => [Number(r.seq), r]));
    return seqs.map((seq) => {
      const r = got.get(seq)!;
      return { seq, state: r.state, articleId: r.article_id, error: r.error };
    });
  }

  async ready(afterSeq: number, limit: number): Promise<IntakeReady[]> {
    // States first (the assigner asks often while it waits at a row): the JSON only of the ready run.
    const states = await read<{ seq: string; state: string }>(this.pool, 'SELECT seq, state FROM intake WHERE seq > $1 ORDER BY seq LIMIT $2', [afterSeq, limit]);
    const gap = states.findIndex((r) => r.state !== 'prepared' && r.state !== 'failed');
    const run = gap === -1 ? states : states.slice(0, gap);
    if (!run.length) return [];
    const rows = await read<ReadyRow>(
      this.pool,
      'SELECT seq, state, raw_json, prepared_json, error FROM intake WHERE seq > $1 AND seq <= $2 ORDER BY seq',
      [afterSeq, run[run.length - 1].seq],
    );
    const out: IntakeReady[] = [];
    for (const r of rows) {
      const raw = JSON.parse(r.raw_json) as RawReport;
      if (r.state === 'prepared') out.push({ seq: Number(r.seq), raw, prepared: JSON.parse(r.prepared_json!) });
      else if (r.state === 'failed') out.push({ seq: Number(r.seq), raw, error: r.error ?? 'failed' });
      else break; // the assigner waits here: intake order is kept
    }
    return out;
  }

  async counts(): Promise<IntakeCounts> {
    const rows = await read<{ state: keyof IntakeCounts; n: string }>(this.pool, 'SELECT state, COUNT(*) AS n FROM intake GROUP BY state');
    const c: IntakeCounts = { pending: 0, claimed: 0, prepared: 0, failed: 0 };
    for (const r of rows) c[r.state] = Number(r.n);
    return c;
  }

  async failed(limit: number): Promise<{ seq: number; error: string; raw: RawReport }[]> {
    const rows = await read<{ seq: string; error: string; raw_json: string }>(
      this.pool,
      "SELECT seq, error, raw_json FROM intake WHERE state = 'failed' ORDER BY seq LIMIT $1",
      [limit],
    );
    return rows.map((r) => ({ seq: Number(r.seq), error: r.error, raw: JSON.parse(r.raw_json) as RawReport }));
  }

  /** The post's lock lives with its connection: no lease to keep, `leaseSeconds` is for SQLite. */
  async take(owner: string): Promise<number | null> {
    if (this.post && (await this.renew(this.post))) return this.post.owner === owner ? this.post.epoch : null;
    await this.dropPost();
    let client: Client;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw new StoreError(`store: cannot reach PostgreSQL: ${(err as Error).message}`);
    }
    try {
      const got = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${POST_LOCK}) AS ok`);
      if (!got.rows[0]?.ok) {
        client.release();
        return null;
      }
      const { rows } = await client.query<{ epoch: string }>(
        `INSERT INTO assigner_post (one, owner, epoch) VALUES (1, $1, 1)
         ON CONFLICT (one) DO UPDATE SET owner = excluded.owner, epoch = assigner_post.epoch + 1 RETURNING epoch`,
        [owner],
      );
      this.post = { client, owner, epoch: Number(rows[0].epoch) };
      return this.post.epoch;
    } catch (err) {
      client.release(true);
      throw new StoreError(`store: assigner post: ${(err as Error).message}`);
    }
  }

  /** True while the lock's connection answers and no one raised the epoch. */
  async renew(fence: AssignerFence): Promise<boolean> {
    const post = this.post;
    if (!post || post.owner !== fence.owner || post.epoch !== fence.epoch) return false;
    try {
      const { rows } = await post.client.query<{ epoch: string; owner: string }>('SELECT epoch, owner FROM assigner_post');
      return Number(rows[0]?.epoch) === fence.epoch && rows[0]?.owner === fence.owner;
    } catch {
      return false;
    }
  }

  async resign(fence: AssignerFence): Promise<void> {
    if (this.post?.owner === fence.owner && this.post.epoch === fence.epoch) await this.dropPost();
  }

  private async dropPost(): Promise<void> {
    const post = this.post;
    this.post = null;
    if (!post) return;
    try {
      await post.client.query(`SELECT pg_advisory_unlock(${POST_LOCK})`);
      post.client.release();
    } catch {
      post.client.release(true);
    }
  }

  /** The fence read under a share lock: a takeover (which updates the row) waits for this batch, or this batch sees it. */
  async writeAssigned(fence: AssignerFence, batch: WriteBatch | null, doneSeqs: number[]): Promise<void> {
    if (batch) checkDerivedRows(batch);
    const now = new Date().toISOString();
    await transaction(
      this.pool,
      async (c) => {
        const { rows } = await c.query<{ epoch: string; owner: string }>('SELECT epoch, owner FROM assigner_post FOR SHARE');
        if (Number(rows[0]?.epoch) !== fence.epoch || rows[0]?.owner !== fence.owner)
          throw new StaleEpoch(`store: batch refused, nothing written: assigner epoch ${fence.epoch} is stale (another assigner took over)`);
        if (batch) await writeBatch(c, batch, now);
        if (doneSeqs.length) await c.query('DELETE FROM intake WHERE seq = ANY($1::bigint[])', [doneSeqs]);
      },
      { lockMs: this.busyMs, what: 'assigned batch' },
    );
  }

  async close(): Promise<void> {
    await this.dropPost();
  }
}
