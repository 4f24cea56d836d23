// Feed subscriptions in PostgreSQL: the feeds table (health, schedule, validators) and the items
// seen per feed. A poll's outcome is one transaction; its items are one statement.
import type pg from 'pg';
import { StoreError, type FeedPoll, type FeedRecord, type NewFeed } from '../store.ts';
import { toFeed, type FeedRow } from '../rows.ts';
import { read, transaction } from './connection.ts';

const SELECT = `SELECT f.*, (SELECT COUNT(*)::int FROM feed_items i WHERE i.feed_id = f.id) AS item_count FROM feeds f`;

export class PgFeeds {
  constructor(
    private pool: pg.Pool,
    private lockMs: number,
  ) {}

  async addFeed(feed: NewFeed): Promise<FeedRecord> {
    await transaction(
      this.pool,
      async (c) => {
        const r = await c.query(
          `INSERT INTO feeds (id, url, title, interval_seconds, added_at, next_check_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT DO NOTHING`,
          [feed.id, feed.url, feed.title, feed.intervalSeconds, feed.addedAt, feed.nextCheckAt],
        );
        if (!r.rowCount) throw new StoreError(`store: feed already subscribed: ${feed.url}`);
      },
      { lockMs: this.lockMs, what: 'feed' },
    );
    return (await this.getFeed(feed.id))!;
  }

  async getFeed(idOrUrl: string): Promise<FeedRecord | null> {
    const rows = await read<FeedRow>(
      this.pool,
      `${SELECT} WHERE f.id = $1 OR f.url = $1 ORDER BY f.id = $1 DESC LIMIT 1`,
      [idOrUrl],
    );
    return rows[0] ? toFeed(rows[0]) : null;
  }

  async listFeeds(): Promise<FeedRecord[]> {
    return (await read<FeedRow>(this.pool, `${SELECT} ORDER BY f.added_at, f.id`)).map(toFeed);
  }

  async removeFeed(id: string): Promise<boolean> {
    return transaction(
      this.pool,
      async (c) => ((await c.query('DELETE FROM feeds WHERE id = $1', [id])).rowCount ?? 0) > 0, // items cascade
      { lockMs: this.lockMs, what: 'feed' },
    );
  }

  async recordFeedPoll(id: string, poll: FeedPoll): Promise<void> {
    await transaction(
      this.pool,
      async (c) => {
        const changed = await c.query(
          `UPDATE feeds SET last_checked_at = $2, failures = $3, last_error = $4, next_check_at = $5,
             last_success_at = CASE WHEN $6 THEN $2 ELSE last_success_at END,
             etag = CASE WHEN $7 THEN $8 ELSE etag END,
             last_modified = CASE WHEN $9 THEN $10 ELSE last_modified END,
             title = COALESCE($11, title)
           WHERE id = $1`,
          [
            id,
            poll.checkedAt,
            poll.failures,
            poll.error,
            poll.nextCheckAt,
            poll.ok,
            poll.etag !== undefined,
            poll.etag ?? null,
            poll.lastModified !== undefined,
            poll.lastModified ?? null,
            poll.title ?? null,
          ],
        );
        if (!changed.rowCount) throw new StoreError(`store: no feed with id ${id}`);
        // The last record of a key wins, as when they are written one by one.
        const items = [...new Map(poll.items.map((i) => [i.key, i])).values()];
        if (!items.length) return;
        await c.query(
          `INSERT INTO feed_items (feed_id, item_key, fingerprint, article_id, seen_at)
             SELECT $1, k, f, a, $2 FROM unnest($3::text[], $4::text[], $5::text[]) AS t(k, f, a)
           ON CONFLICT (feed_id, item_key) DO UPDATE SET fingerprint = excluded.fingerprint,
             article_id = COALESCE(excluded.article_id, feed_items.article_id), seen_at = excluded.seen_at`,
          [
            id,
            poll.checkedAt,
            items.map((i) => i.key),
            items.map((i) => i.fingerprint),
            items.map((i) => i.articleId),
          ],
        );
      },
      { lockMs: this.lockMs, what: 'feed poll' },
    );
  }

  async feedItemFingerprints(feedId: string, keys: string[]): Promise<Map<string, string>> {
    const rows = await read<{ item_key: string; fingerprint: string }>(
      this.pool,
      'SELECT item_key, fingerprint FROM feed_items WHERE feed_id = $1 AND item_key = ANY($2::text[])',
      [feedId, keys],
    );
    return new Map(rows.map((r) => [r.item_key, r.fingerprint]));
  }
}
