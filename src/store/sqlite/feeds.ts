// Feed subscriptions in SQLite: the feeds table (health, schedule, validators) and the items seen
// per feed (key → fingerprint), so a poll can tell new and changed items from ones already read.
import type Database from 'better-sqlite3';
import { StoreError, type FeedPoll, type FeedRecord, type NewFeed } from '../store.ts';
import { toFeed, type FeedRow } from '../rows.ts';

const SELECT = `SELECT f.*, (SELECT COUNT(*) FROM feed_items i WHERE i.feed_id = f.id) AS item_count FROM feeds f`;

/** SQLite's limit on bound parameters is 32766 in current builds; stay far below it. */
const CHUNK = 500;

export class SqliteFeeds {
  constructor(private db: Database.Database) {}

  async addFeed(feed: NewFeed): Promise<FeedRecord> {
    try {
      this.db
        .prepare(
          `INSERT INTO feeds (id, url, title, interval_seconds, added_at, next_check_at)
           VALUES (@id, @url, @title, @intervalSeconds, @addedAt, @nextCheckAt)`,
        )
        .run(feed);
    } catch (err) {
      if ((err as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT'))
        throw new StoreError(`store: feed already subscribed: ${feed.url}`);
      throw err;
    }
    return (await this.getFeed(feed.id))!;
  }

  async getFeed(idOrUrl: string): Promise<FeedRecord | null> {
    const row = this.db.prepare(`${SELECT} WHERE f.id = ? OR f.url = ? LIMIT 1`).get(idOrUrl, idOrUrl) as
      FeedRow | undefined;
    return row ? toFeed(row) : null;
  }

  async listFeeds(): Promise<FeedRecord[]> {
    return (this.db.prepare(`${SELECT} ORDER BY f.added_at, f.id`).all() as FeedRow[]).map(toFeed);
  }

  async removeFeed(id: string): Promise<boolean> {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM feed_items WHERE feed_id = ?').run(id);
      return this.db.prepare('DELETE FROM feeds WHERE id = ?').run(id).changes > 0;
    }).immediate();
  }

  async recordFeedPoll(id: string, poll: FeedPoll): Promise<void> {
    const update = this.db.prepare(
      `UPDATE feeds SET last_checked_at = @checkedAt, failures = @failures, last_error = @error, next_check_at = @nextCheckAt,
         last_success_at = CASE WHEN @ok THEN @checkedAt ELSE last_success_at END,
         etag = CASE WHEN @setEtag THEN @etag ELSE etag END,
         last_modified = CASE WHEN @setLastModified THEN @lastModified ELSE last_modified END,
         title = COALESCE(@title, title)
       WHERE id = @id`,
    );
    const upsertItem = this.db.prepare(
      `INSERT INTO feed_items (feed_id, item_key, fingerprint, article_id, seen_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(feed_id, item_key) DO UPDATE SET fingerprint = excluded.fingerprint,
         article_id = COALESCE(excluded.article_id, feed_items.article_id), seen_at = excluded.seen_at`,
    );
    this.db.transaction(() => {
      const changed = update.run({
        id,
        checkedAt: poll.checkedAt,
        failures: poll.failures,
        error: poll.error,
        nextCheckAt: poll.nextCheckAt,
        ok: poll.ok ? 1 : 0,
        setEtag: poll.etag !== undefined ? 1 : 0,
        etag: poll.etag ?? null,
        setLastModified: poll.lastModified !== undefined ? 1 : 0,
        lastModified: poll.lastModified ?? null,
        title: poll.title ?? null,
      }).changes;
      if (!changed) throw new StoreError(`store: no feed with id ${id}`);
      for (const it of poll.items) upsertItem.run(id, it.key, it.fingerprint, it.articleId, poll.checkedAt);
    }).immediate();
  }

  async feedItemFingerprints(feedId: string, keys: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < keys.length; i += CHUNK) {
      const part = keys.slice(i, i + CHUNK);
      const rows = this.db
        .prepare(
          `SELECT item_key, fingerprint FROM feed_items WHERE feed_id = ? AND item_key IN (${part.map(() => '?').join(',')})`,
        )
        .all(feedId, ...part) as { item_key: string; fingerprint: string }[];
      for (const r of rows) out.set(r.item_key, r.fingerprint);
    }
    return out;
  }
}
