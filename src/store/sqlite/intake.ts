// The intake queue and the assigner's post on one store file (store.ts `IntakeQueue`): workers
// claim rows for a lease and write back what they prepared; one assigner, elected by a lease row
// renewed by heartbeat and fenced by an epoch raised at each takeover, deletes the rows in the
// transaction that writes their articles. Every change is one IMMEDIATE transaction (busy.ts), so
// two processes never read the same unclaimed row. Tables of this file's own, made if missing.
import type Database from 'better-sqlite3';
import type { RawReport } from '../../model/index.ts';
import { StaleEpoch, type AssignerFence, type IntakeClaim, type IntakeCounts, type IntakeOutcome, type IntakeReady, type IntakeStatus } from '../store.ts';

/** How long a worker's outcome is kept past its row. */
const RESULTS_KEPT_MS = 24 * 3600_000;

type Statements = (sql: string) => Database.Statement;

export function createIntakeTables(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS intake (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      raw_json TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'claimed', 'prepared', 'failed')),
      owner TEXT,
      until INTEGER,
      claims INTEGER NOT NULL DEFAULT 0,
      prepared_json TEXT,
      error TEXT
    );
    CREATE INDEX IF NOT EXISTS intake_state ON intake (state, seq);
    -- A worker's outcome, kept past its row (the assigner deletes it) for whoever queued it.
    CREATE TABLE IF NOT EXISTS intake_results (seq INTEGER PRIMARY KEY, article_id TEXT, error TEXT, at INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS assigner_post (
      one INTEGER PRIMARY KEY CHECK (one = 1),
      owner TEXT NOT NULL,
      epoch INTEGER NOT NULL,
      until INTEGER NOT NULL
    );
  `);
}

interface ReadyRow {
  seq: number;
  state: string;
  raw_json: string;
  prepared_json: string | null;
  error: string | null;
}

export class SqliteIntake {
  constructor(
    private db: Database.Database,
    private stmt: Statements,
  ) {}

  enqueue(raws: RawReport[]): number[] {
    const put = this.stmt('INSERT INTO intake (raw_json) VALUES (?) RETURNING seq').pluck();
    return this.db.transaction(() => raws.map((r) => put.get(JSON.stringify(r)) as number)).immediate();
  }

  claim(owner: string, leaseSeconds: number, limit: number, maxClaims: number, now = Date.now()): IntakeClaim[] {
    const free = this.stmt(
      `SELECT seq, raw_json, claims FROM intake
        WHERE state = 'pending' OR (state = 'claimed' AND until <= ?) ORDER BY seq LIMIT ?`,
    );
    const take = this.stmt("UPDATE intake SET state = 'claimed', owner = ?, until = ?, claims = claims + 1 WHERE seq = ?");
    const give = this.stmt("UPDATE intake SET state = 'failed', owner = NULL, error = ? WHERE seq = ?");
    const result = this.stmt('INSERT OR REPLACE INTO intake_results (seq, article_id, error, at) VALUES (?, NULL, ?, ?)');
    return this.db.transaction(() => {
      const out: IntakeClaim[] = [];
      // A row past its claims is failed and does not count against the limit (the next one is taken).
      for (;;) {
        const rows = free.all(now, limit - out.length) as { seq: number; raw_json: string; claims: number }[];
        if (!rows.length) return out;
        for (const r of rows) {
          if (r.claims >= maxClaims) {
            const why = `given up: claimed ${r.claims} times without an outcome (its worker died or hung)`;
            give.run(why, r.seq);
            result.run(r.seq, why, now);
          } else {
            take.run(owner, now + leaseSeconds * 1000, r.seq);
            out.push({ seq: r.seq, raw: JSON.parse(r.raw_json) as RawReport, attempt: r.claims + 1 });
          }
        }
        if (out.length >= limit) return out;
      }
    }).immediate();
  }

  finish(owner: string, outcomes: IntakeOutcome[]): number {
    const prepared = this.stmt(
      "UPDATE intake SET state = 'prepared', prepared_json = ?, owner = NULL, until = NULL WHERE seq = ? AND state = 'claimed' AND owner = ?",
    );
    const failed = this.stmt("UPDATE intake SET state = 'failed', error = ?, owner = NULL, until = NULL WHERE seq = ? AND state = 'claimed' AND owner = ?");
    const result = this.stmt('INSERT OR REPLACE INTO intake_results (seq, article_id, error, at) VALUES (?, ?, ?, ?)');
    const now = Date.now();
    return this.db.transaction(() => {
      let n = 0;
      for (const o of outcomes) {
        const done = ('error' in o ? failed.run(o.error, o.seq, owner) : prepared.run(JSON.stringify(o.prepared), o.seq, owner)).changes;
        if (done) result.run(o.seq, 'error' in o ? null : o.prepared.article.id, 'error' in o ? o.error : null, now);
        n += done;
      }
      this.stmt('DELETE FROM intake_results WHERE at < ?').run(now - RESULTS_KEPT_MS);
      return n;
    }).immediate();
  }

  retry(owner: string, seq: number, error: string, notBefore: number): boolean {
    // Claimed by no one until `notBefore`: a claim takes it then, as it takes an ended lease.
    const give = this.stmt("UPDATE intake SET owner = NULL, until = ?, error = ? WHERE seq = ? AND state = 'claimed' AND owner = ?");
    return give.run(notBefore, error, seq, owner).changes === 1;
  }

  status(seqs: number[]): IntakeStatus[] {
    const row = this.stmt('SELECT state, error, prepared_json FROM intake WHERE seq = ?');
    const result = this.stmt('SELECT article_id, error FROM intake_results WHERE seq = ?');
    return seqs.map((seq) => {
      const r = row.get(seq) as { state: IntakeStatus['state']; error: string | null; prepared_json: string | null } | undefined;
      if (r) {
        const articleId = r.prepared_json ? ((JSON.parse(r.prepared_json) as { article: { id: string } }).article.id ?? null) : null;
        return { seq, state: r.state, articleId, error: r.error };
      }
      const got = result.get(seq) as { article_id: string | null; error: string | null } | undefined;
      return { seq, state: 'done', articleId: got?.article_id ?? null, error: got?.error ?? null };
    });
  }

  ready(afterSeq: number, limit: number): IntakeReady[] {
    // States first (the assigner asks often while it waits at a row): the JSON only of the ready run.
    const states = this.stmt('SELECT seq, state FROM intake WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as { seq: number; state: string }[];
    const gap = states.findIndex((r) => r.state !== 'prepared' && r.state !== 'failed');
    const run = gap === -1 ? states : states.slice(0, gap);
    if (!run.length) return [];
    const rows = this.stmt('SELECT seq, state, raw_json, prepared_json, error FROM intake WHERE seq > ? AND seq <= ? ORDER BY seq').all(afterSeq, run[run.length - 1].seq) as ReadyRow[];
    const out: IntakeReady[] = [];
    for (const r of rows) {
      const raw = JSON.parse(r.raw_json) as RawReport;
      if (r.state === 'prepared') out.push({ seq: r.seq, raw, prepared: JSON.parse(r.prepared_json!) });
      else if (r.state === 'failed') out.push({ seq: r.seq, raw, error: r.error ?? 'failed' });
      else break; // the assigner waits here: intake order is kept
    }
    return out;
  }

  counts(): IntakeCounts {
    const rows = this.stmt('SELECT state, COUNT(*) AS n FROM intake GROUP BY state').all() as { state: keyof IntakeCounts; n: number }[];
    const c: IntakeCounts = { pending: 0, claimed: 0, prepared: 0, failed: 0 };
    for (const r of rows) c[r.state] = r.n;
    return c;
  }

  failed(limit: number): { seq: number; error: string; raw: RawReport }[] {
    const rows = this.stmt("SELECT seq, error, raw_json FROM intake WHERE state = 'failed' ORDER BY seq LIMIT ?").all(limit) as { seq: number; error: string; raw_json: string }[];
    return rows.map((r) => ({ seq: r.seq, error: r.error, raw: JSON.parse(r.raw_json) as RawReport }));
  }

  /** The new epoch when the post was free (or its lease ran out) or already this owner's; null when another holds it. */
  take(owner: string, leaseSeconds: number, now = Date.now()): number | null {
    const get = this.stmt('SELECT owner, epoch, until FROM assigner_post');
    const put = this.stmt(
      'INSERT INTO assigner_post (one, owner, epoch, until) VALUES (1, ?, ?, ?) ON CONFLICT(one) DO UPDATE SET owner = excluded.owner, epoch = excluded.epoch, until = excluded.until',
    );
    return this.db.transaction(() => {
      const post = get.get() as { owner: string; epoch: number; until: number } | undefined;
      if (post && post.owner !== owner && post.until > now) return null;
      const epoch = post?.owner === owner && post.until > now ? post.epoch : (post?.epoch ?? 0) + 1;
      put.run(owner, epoch, now + leaseSeconds * 1000);
      return epoch;
    }).immediate();
  }

  renew(fence: AssignerFence, leaseSeconds: number, now = Date.now()): boolean {
    return (
      this.stmt('UPDATE assigner_post SET until = ? WHERE owner = ? AND epoch = ?').run(now + leaseSeconds * 1000, fence.owner, fence.epoch).changes === 1
    );
  }

  resign(fence: AssignerFence): void {
    this.stmt('UPDATE assigner_post SET until = 0 WHERE owner = ? AND epoch = ?').run(fence.owner, fence.epoch);
  }

  /** One transaction: the fence checked, then `write` (the batch, as a savepoint inside it), then the rows deleted. */
  writeAssigned(fence: AssignerFence, doneSeqs: number[], write: () => void): void {
    const epoch = this.stmt('SELECT epoch FROM assigner_post WHERE owner = ?').pluck();
    const drop = this.stmt('DELETE FROM intake WHERE seq = ?');
    this.db.transaction(() => {
      const current = epoch.get(fence.owner) as number | undefined;
      if (current !== fence.epoch)
        throw new StaleEpoch(`store: batch refused, nothing written: assigner epoch ${fence.epoch} is stale (another assigner took over)`);
      write();
      for (const s of doneSeqs) drop.run(s);
    }).immediate();
  }
}
