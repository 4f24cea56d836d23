// Copies a SQLite store's rows into an empty PostgreSQL store as they are (ids, versions, ingest
// order, ingest times, features, feeds and their items, watches with their events (read or not, in
// write order) and deliveries; not the deliverer's lease, which lapses anyway), in one transaction of set-based
// statements, a page of rows each: a failed copy leaves the target empty. Derived rows are not
// read from SQLite: the runner derives them into the target afterwards (as for any store written
// before it kept them), from the same articles.
import { StoreError } from '../store.ts';
import type { Client } from './connection.ts';
import type { SqliteSource, SourceCounts } from './sqlite-source.ts';

/** Articles (or versions) per statement: about 5-20 MB of JSON at gva-dev sizes. */
const PAGE = 500;
/** The same bound as the batch write's (write.ts). */
const SEARCH_CHARS = 1_000_000;

export type ImportProgress = (what: string, done: number, total: number) => void;

const noNul = (s: string | null): string | null =>
  s === null || !s.includes('\u0000') ? s : s.replaceAll('\u0000', '');
const col = <T, K extends keyof T>(rows: T[], k: K): T[K][] => rows.map((r) => r[k]);

export async function importSqlite(
  c: Client,
  src: SqliteSource,
  onProgress: ImportProgress,
): Promise<SourceCounts> {
  const counts = src.counts();
  const { rows } = await c.query<{ n: number }>(
    `SELECT (SELECT COUNT(*) FROM articles) + (SELECT COUNT(*) FROM stories) + (SELECT COUNT(*) FROM feeds)
          + (SELECT COUNT(*) FROM watches) AS n`,
  );
  if (Number(rows[0].n) > 0)
    throw new StoreError(
      'store: the PostgreSQL store is not empty; migrate-store copies into an empty one only',
    );
  const stories = src.stories();
  for (let i = 0; i < stories.length; i += 5 * PAGE) {
    const part = stories.slice(i, i + 5 * PAGE);
    await c.query(
      'INSERT INTO stories (id, title, created_at, updated_at) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])',
      [col(part, 'id'), part.map((r) => noNul(r.title)), col(part, 'created_at'), col(part, 'updated_at')],
    );
  }
  onProgress('stories', stories.length, counts.stories);
  let done = 0;
  for (const page of src.articles(PAGE)) {
    // The text is indexed from the article itself, as the batch write does (write.ts).
    const texts = page.map((r) => noNul((JSON.parse(r.article_json) as { text?: string }).text ?? ''));
    await c.query(
      `INSERT INTO articles (id, story_id, copy_of, version, content_hash, source, title, url, path, language, published,
                             article_json, mentions_json, features_json, ingested_at, search)
         SELECT t.id, t.story_id, t.copy_of, t.version, t.content_hash, t.source, t.title, t.url, t.path, t.language,
                t.published, t.article_json, t.mentions_json, t.features_json, t.ingested_at,
                setweight(to_tsvector('parallax_search', t.title), 'A')
                  || setweight(to_tsvector('parallax_search', t.source), 'B')
                  || to_tsvector('parallax_search', left(t.body, ${SEARCH_CHARS}))
           FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[],
                       $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[])
                WITH ORDINALITY AS t(id, story_id, copy_of, version, content_hash, source, title, url, path, language,
                                     published, article_json, mentions_json, features_json, ingested_at, body, ord)
          ORDER BY t.ord`,
      [
        col(page, 'id'),
        col(page, 'story_id'),
        col(page, 'copy_of'),
        col(page, 'version'),
        col(page, 'content_hash'),
        page.map((r) => noNul(r.source)),
        page.map((r) => noNul(r.title)),
        page.map((r) => noNul(r.url)),
        page.map((r) => noNul(r.path)),
        col(page, 'language'),
        col(page, 'published'),
        col(page, 'article_json'),
        col(page, 'mentions_json'),
        col(page, 'features_json'),
        col(page, 'ingested_at'),
        texts,
      ],
    );
    onProgress('articles', (done += page.length), counts.articles);
  }
  done = 0;
  for (const page of src.versions(PAGE)) {
    await c.query(
      `INSERT INTO article_versions (article_id, version, content_hash, article_json, mentions_json, stored_at)
         SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[])`,
      [
        col(page, 'article_id'),
        col(page, 'version'),
        col(page, 'content_hash'),
        col(page, 'article_json'),
        col(page, 'mentions_json'),
        col(page, 'stored_at'),
      ],
    );
    onProgress('earlier versions', (done += page.length), counts.versions);
  }
  const feeds = src.feeds();
  if (feeds.length)
    await c.query(
      `INSERT INTO feeds (id, url, title, interval_seconds, added_at, etag, last_modified, last_checked_at, last_success_at,
                          failures, last_error, next_check_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[],
                              $9::text[], $10::int[], $11::text[], $12::text[])`,
      (
        [
          'id',
          'url',
          'title',
          'interval_seconds',
          'added_at',
          'etag',
          'last_modified',
          'last_checked_at',
          'last_success_at',
          'failures',
          'last_error',
          'next_check_at',
        ] as const
      ).map((k) => col(feeds, k)),
    );
  const items = src.feedItems();
  for (let i = 0; i < items.length; i += 5 * PAGE) {
    const part = items.slice(i, i + 5 * PAGE);
    await c.query(
      `INSERT INTO feed_items (feed_id, item_key, fingerprint, article_id, seen_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`,
      (['feed_id', 'item_key', 'fingerprint', 'article_id', 'seen_at'] as const).map((k) => col(part, k)),
    );
  }
  onProgress('feeds', feeds.length, counts.feeds);
  await importAlerts(c, src, onProgress, counts);
  // Past the source's revision: a process that restored its grouping from either store sees a change.
  await c.query('UPDATE store_revision SET revision = $1', [counts.revision + 1]);
  return counts;
}

async function importAlerts(c: Client, src: SqliteSource, onProgress: ImportProgress, counts: SourceCounts) {
  const watches = src.watches();
  if (watches.length)
    await c.query(
      `INSERT INTO watches (id, name, story_id, topic_json, kinds_json, muted, rate_per_hour, webhook_url, webhook_secret,
                            email, email_mode, created_at)
         SELECT t.id, t.name, t.story_id, t.topic_json, t.kinds_json, t.muted <> 0, t.rate_per_hour, t.webhook_url,
                t.webhook_secret, t.email, t.email_mode, t.created_at
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::text[],
                       $9::text[], $10::text[], $11::text[], $12::text[])
                AS t(id, name, story_id, topic_json, kinds_json, muted, rate_per_hour, webhook_url, webhook_secret, email,
                     email_mode, created_at)`,
      (
        [
          'id',
          'name',
          'story_id',
          'topic_json',
          'kinds_json',
          'muted',
          'rate_per_hour',
          'webhook_url',
          'webhook_secret',
          'email',
          'email_mode',
          'created_at',
        ] as const
      ).map((k) => col(watches, k)),
    );
  onProgress('watches', watches.length, counts.watches);
  let done = 0;
  for (const page of src.alertEvents(5 * PAGE)) {
    // WITH ORDINALITY … ORDER BY: the new sequence numbers keep the inbox's order.
    await c.query(
      `INSERT INTO alert_events (id, watch_id, story_id, kind, notification_id, event_json, created_at, read_at)
         SELECT t.id, t.watch_id, t.story_id, t.kind, t.notification_id, t.event_json, t.created_at, t.read_at
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
                WITH ORDINALITY AS t(id, watch_id, story_id, kind, notification_id, event_json, created_at, read_at, ord)
          ORDER BY t.ord`,
      (
        [
          'id',
          'watch_id',
          'story_id',
          'kind',
          'notification_id',
          'event_json',
          'created_at',
          'read_at',
        ] as const
      ).map((k) => col(page, k)),
    );
    onProgress('alert events', (done += page.length), counts.alertEvents);
  }
  done = 0;
  for (const page of src.alertDeliveries(5 * PAGE)) {
    await c.query(
      `INSERT INTO alert_deliveries (notification_id, channel, watch_id, state, attempts, next_attempt_at, last_error,
                                     delivered_at, created_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[],
                              $8::text[], $9::text[])`,
      (
        [
          'notification_id',
          'channel',
          'watch_id',
          'state',
          'attempts',
          'next_attempt_at',
          'last_error',
          'delivered_at',
          'created_at',
        ] as const
      ).map((k) => col(page, k)),
    );
    onProgress('alert deliveries', (done += page.length), counts.alertDeliveries);
  }
}

/** The target's counts of the copied tables, to compare with the source's. */
export async function targetCounts(c: Client): Promise<Omit<SourceCounts, 'revision'>> {
  const { rows } = await c.query<Record<string, number>>(
    `SELECT (SELECT COUNT(*)::int FROM stories) AS stories, (SELECT COUNT(*)::int FROM articles) AS articles,
            (SELECT COUNT(*)::int FROM article_versions) AS versions, (SELECT COUNT(*)::int FROM feeds) AS feeds,
            (SELECT COUNT(*)::int FROM feed_items) AS "feedItems", (SELECT COUNT(*)::int FROM watches) AS watches,
            (SELECT COUNT(*)::int FROM alert_events) AS "alertEvents",
            (SELECT COUNT(*)::int FROM alert_deliveries) AS "alertDeliveries"`,
  );
  const r = rows[0];
  return {
    stories: r.stories,
    articles: r.articles,
    versions: r.versions,
    feeds: r.feeds,
    feedItems: r.feedItems,
    watches: r.watches,
    alertEvents: r.alertEvents,
    alertDeliveries: r.alertDeliveries,
  };
}
