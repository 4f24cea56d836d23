// Reads a SQLite store file, read-only, as the rows `migrate-store` copies: stories, articles in
// ingest order with their history, feeds and the items seen per feed, watches with their events and
// deliveries. Pages of rows, so a store of any size is copied in bounded memory. Knows the SQLite
// schema's base tables (migrations 1, 2, 5) and the alert tables (7; none in a file older than it).
import Database from 'better-sqlite3';
import { StoreError } from '../store.ts';
import { toAlertEvent } from '../rows.ts';

export interface StoryRow {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
}

export interface ArticleRow {
  seq: number;
  id: string;
  story_id: string;
  copy_of: string | null;
  version: number;
  content_hash: string;
  source: string;
  title: string;
  url: string | null;
  path: string | null;
  language: string;
  published: string | null;
  article_json: string;
  mentions_json: string;
  features_json: string;
  ingested_at: string;
}

export interface VersionRow {
  article_id: string;
  version: number;
  content_hash: string;
  article_json: string;
  mentions_json: string;
  stored_at: string;
}

export interface FeedRow {
  id: string;
  url: string;
  title: string | null;
  interval_seconds: number;
  added_at: string;
  etag: string | null;
  last_modified: string | null;
  last_checked_at: string | null;
  last_success_at: string | null;
  failures: number;
  last_error: string | null;
  next_check_at: string;
}

export interface FeedItemRow {
  feed_id: string;
  item_key: string;
  fingerprint: string;
  article_id: string | null;
  seen_at: string;
}

export interface WatchRow {
  id: string;
  name: string;
  story_id: string | null;
  topic_json: string | null;
  kinds_json: string | null;
  muted: number;
  rate_per_hour: number | null;
  webhook_url: string | null;
  webhook_secret: string | null;
  email: string | null;
  email_mode: string;
  created_at: string;
}

export interface AlertEventRow {
  seq: number;
  id: string;
  watch_id: string;
  story_id: string;
  kind: string;
  notification_id: string;
  event_json: string;
  created_at: string;
  read_at: string | null;
}

/**
 * SQLite keeps in an event's JSON only what its columns do not (summary, detail, evidence); the
 * PostgreSQL store reads the whole event from its JSON, so the copy puts the columns back in.
 */
const wholeEvent = (r: AlertEventRow): AlertEventRow => ({ ...r, event_json: JSON.stringify(toAlertEvent(r)) });

export interface AlertDeliveryRow {
  notification_id: string;
  channel: string;
  watch_id: string;
  state: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
}

export interface SourceCounts {
  stories: number;
  articles: number;
  versions: number;
  feeds: number;
  feedItems: number;
  watches: number;
  alertEvents: number;
  alertDeliveries: number;
  revision: number;
}

export class SqliteSource {
  private db: Database.Database;

  constructor(file: string) {
    try {
      this.db = new Database(file, { readonly: true, fileMustExist: true });
      this.db.prepare('SELECT 1 FROM articles LIMIT 1').get();
    } catch (err) {
      throw new StoreError(`store: cannot read the SQLite store ${file}: ${(err as Error).message}`);
    }
  }

  counts(): SourceCounts {
    const n = (sql: string) => (this.db.prepare(sql).pluck().get() as number | undefined) ?? 0;
    const rows = (table: string) => (this.hasAlerts() ? n(`SELECT COUNT(*) FROM ${table}`) : 0);
    return {
      stories: n('SELECT COUNT(*) FROM stories'),
      articles: n('SELECT COUNT(*) FROM articles'),
      versions: n('SELECT COUNT(*) FROM article_versions'),
      feeds: n('SELECT COUNT(*) FROM feeds'),
      feedItems: n('SELECT COUNT(*) FROM feed_items'),
      watches: rows('watches'),
      alertEvents: rows('alert_events'),
      alertDeliveries: rows('alert_deliveries'),
      revision: n('SELECT revision FROM store_revision'),
    };
  }

  /** A file older than the alerts migration has no alert tables (opened read-only, it is not migrated). */
  private hasAlerts(): boolean {
    return !!this.db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alert_deliveries'")
      .get();
  }

  stories(): StoryRow[] {
    return this.db
      .prepare('SELECT id, title, created_at, updated_at FROM stories ORDER BY id')
      .all() as StoryRow[];
  }

  /** Articles in ingest order, `size` at a time. */
  *articles(size: number): Generator<ArticleRow[]> {
    const page = this.db.prepare(
      `SELECT seq, id, story_id, copy_of, version, content_hash, source, title, url, path, language, published,
              article_json, mentions_json, features_json, ingested_at FROM articles WHERE seq > ? ORDER BY seq LIMIT ?`,
    );
    for (let after = 0; ;) {
      const rows = page.all(after, size) as ArticleRow[];
      if (rows.length) yield rows;
      if (rows.length < size) return;
      after = rows[rows.length - 1].seq;
    }
  }

  *versions(size: number): Generator<VersionRow[]> {
    const page = this.db.prepare(
      `SELECT article_id, version, content_hash, article_json, mentions_json, stored_at FROM article_versions
        ORDER BY article_id, version LIMIT ? OFFSET ?`,
    );
    for (let offset = 0; ; offset += size) {
      const rows = page.all(size, offset) as VersionRow[];
      if (rows.length) yield rows;
      if (rows.length < size) return;
    }
  }

  feeds(): FeedRow[] {
    return this.db
      .prepare(
        `SELECT id, url, title, interval_seconds, added_at, etag, last_modified, last_checked_at, last_success_at, failures,
                last_error, next_check_at FROM feeds ORDER BY added_at, id`,
      )
      .all() as FeedRow[];
  }

  feedItems(): FeedItemRow[] {
    return this.db
      .prepare(
        'SELECT feed_id, item_key, fingerprint, article_id, seen_at FROM feed_items ORDER BY feed_id, item_key',
      )
      .all() as FeedItemRow[];
  }

  watches(): WatchRow[] {
    if (!this.hasAlerts()) return [];
    return this.db
      .prepare(
        `SELECT id, name, story_id, topic_json, kinds_json, muted, rate_per_hour, webhook_url, webhook_secret, email,
                email_mode, created_at FROM watches ORDER BY created_at, id`,
      )
      .all() as WatchRow[];
  }

  /** Alert events in write order (the inbox's order), `size` at a time. */
  *alertEvents(size: number): Generator<AlertEventRow[]> {
    if (!this.hasAlerts()) return;
    const page = this.db.prepare(
      `SELECT seq, id, watch_id, story_id, kind, notification_id, event_json, created_at, read_at FROM alert_events
        WHERE seq > ? ORDER BY seq LIMIT ?`,
    );
    for (let after = 0; ;) {
      const rows = (page.all(after, size) as AlertEventRow[]).map(wholeEvent);
      if (rows.length) yield rows;
      if (rows.length < size) return;
      after = rows[rows.length - 1].seq;
    }
  }

  *alertDeliveries(size: number): Generator<AlertDeliveryRow[]> {
    if (!this.hasAlerts()) return;
    const page = this.db.prepare(
      `SELECT notification_id, channel, watch_id, state, attempts, next_attempt_at, last_error, delivered_at, created_at
         FROM alert_deliveries ORDER BY notification_id, channel LIMIT ? OFFSET ?`,
    );
    for (let offset = 0; ; offset += size) {
      const rows = page.all(size, offset) as AlertDeliveryRow[];
      if (rows.length) yield rows;
      if (rows.length < size) return;
    }
  }

  close(): void {
    this.db.close();
  }
}
