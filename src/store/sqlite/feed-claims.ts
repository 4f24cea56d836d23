// Feed claims and per-host pacing shared by every process on one store file (store.ts
// `FeedClaims`): a due feed is handed to one poller for a lease, and requests to one host are
// spaced across processes by a next-allowed time per host. Each is one IMMEDIATE transaction, so
// two pollers never read the same unclaimed row. The tables are this file's own (created if
// missing), apart from the numbered migrations, which another change owns at the moment.
import type Database from 'better-sqlite3';

type Statements = (sql: string) => Database.Statement;

export function createClaimTables(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS feed_claims (
      feed_id TEXT PRIMARY KEY,
      owner TEXT NOT NULL,
      until TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS host_pace (
      host TEXT PRIMARY KEY,
      next_at INTEGER NOT NULL
    );
  `);
}

export class SqliteFeedClaims {
  constructor(
    private db: Database.Database,
    private stmt: Statements,
  ) {}

  /** Ids of the feeds claimed: due at `now`, not claimed by anyone (or their claim expired). */
  claimDue(now: string, owner: string, leaseSeconds: number, limit: number): string[] {
    const due = this.stmt(
      `SELECT f.id FROM feeds f LEFT JOIN feed_claims c ON c.feed_id = f.id
        WHERE f.next_check_at <= ? AND (c.until IS NULL OR c.until <= ?)
        ORDER BY f.next_check_at, f.id LIMIT ?`,
    ).pluck();
    const claim = this.stmt('INSERT INTO feed_claims (feed_id, owner, until) VALUES (?, ?, ?) ON CONFLICT(feed_id) DO UPDATE SET owner = excluded.owner, until = excluded.until');
    const until = new Date(Date.parse(now) + leaseSeconds * 1000).toISOString();
    return this.db.transaction(() => {
      const ids = due.all(now, now, limit) as string[];
      for (const id of ids) claim.run(id, owner, until);
      return ids;
    }).immediate();
  }

  release(owner: string, feedIds: string[]): void {
    const drop = this.stmt('DELETE FROM feed_claims WHERE feed_id = ? AND owner = ?');
    this.db.transaction(() => {
      for (const id of feedIds) drop.run(id, owner);
    }).immediate();
  }

  /** The time (epoch ms) from which this caller may send a request to `host`; the next caller's comes `gapMs` later. */
  reserveHost(host: string, earliest: number, gapMs: number): number {
    const get = this.stmt('SELECT next_at FROM host_pace WHERE host = ?').pluck();
    const put = this.stmt('INSERT INTO host_pace (host, next_at) VALUES (?, ?) ON CONFLICT(host) DO UPDATE SET next_at = excluded.next_at');
    return this.db.transaction(() => {
      const at = Math.max(earliest, (get.get(host) as number | undefined) ?? 0);
      put.run(host, at + gapMs);
      return at;
    }).immediate();
  }
}
