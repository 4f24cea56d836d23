// Append-only: never edit a released migration, add a new one.
export const migrations: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'articles, versions, stories',
    sql: `
      CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE articles (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        story_id TEXT NOT NULL REFERENCES stories(id),
        copy_of TEXT,
        version INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        source TEXT NOT NULL,
        title TEXT NOT NULL,
        url TEXT,
        path TEXT,
        language TEXT NOT NULL,
        published TEXT,
        article_json TEXT NOT NULL,
        mentions_json TEXT NOT NULL,
        features_json TEXT NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX articles_story ON articles(story_id, published);
      CREATE INDEX articles_hash ON articles(content_hash);
      CREATE INDEX articles_url ON articles(url);
      CREATE TABLE article_versions (
        article_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        article_json TEXT NOT NULL,
        mentions_json TEXT NOT NULL,
        stored_at TEXT NOT NULL,
        PRIMARY KEY (article_id, version)
      );
    `,
  },
  {
    version: 2,
    name: 'feed subscriptions and the items seen per feed',
    sql: `
      CREATE TABLE feeds (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        interval_seconds INTEGER NOT NULL,
        added_at TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        last_checked_at TEXT,
        last_success_at TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        next_check_at TEXT NOT NULL
      );
      CREATE INDEX feeds_due ON feeds(next_check_at);
      CREATE TABLE feed_items (
        feed_id TEXT NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        item_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        article_id TEXT,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (feed_id, item_key)
      );
    `,
  },
  {
    version: 3,
    name: 'story list indexes and full-text search',
    sql: `
      CREATE TABLE story_stats (
        story_id TEXT PRIMARY KEY,
        article_count INTEGER NOT NULL,
        source_count INTEGER NOT NULL,
        first_pub TEXT,
        last_pub TEXT,
        updated_at TEXT NOT NULL,
        conflicts INTEGER -- NULL until the read side has compared this version of the story
      );
      CREATE INDEX story_stats_recent ON story_stats(last_pub DESC, updated_at DESC, story_id);
      CREATE INDEX story_stats_size ON story_stats(article_count DESC, last_pub DESC, story_id);
      CREATE INDEX story_stats_conflicts ON story_stats(conflicts DESC, last_pub DESC, story_id);
      -- Filtered lists sort a few hundred stories found by id: this lets them sort from the index alone.
      CREATE INDEX story_stats_sort ON story_stats(story_id, last_pub, updated_at, article_count, conflicts);
      CREATE TABLE story_sources (story_id TEXT NOT NULL, source_key TEXT NOT NULL, source TEXT NOT NULL);
      CREATE INDEX story_sources_story ON story_sources(story_id);
      CREATE INDEX story_sources_key ON story_sources(source_key, story_id);
      CREATE TABLE story_places (
        story_id TEXT NOT NULL, place_key TEXT NOT NULL, name TEXT NOT NULL, country TEXT,
        lat REAL NOT NULL, lon REAL NOT NULL, article_count INTEGER NOT NULL
      );
      CREATE INDEX story_places_story ON story_places(story_id);
      CREATE INDEX story_places_key ON story_places(place_key, story_id);
      CREATE TABLE story_entity_forms (
        story_id TEXT NOT NULL, entity_key TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
        form TEXT NOT NULL, article_count INTEGER NOT NULL
      );
      CREATE INDEX story_entity_forms_story ON story_entity_forms(story_id);
      CREATE INDEX story_entity_forms_key ON story_entity_forms(entity_key, story_id);
      CREATE VIRTUAL TABLE article_search USING fts5(
        article_id UNINDEXED, title, source, text, tokenize = 'unicode61 remove_diacritics 2'
      );
    `,
  },
  {
    version: 4,
    name: 'search finds ø, ł, ß, æ… from their folded forms',
    // FTS5 tables cannot gain a column: recreated, then refilled from the articles (rowid = seq).
    // Its variants are filled by the runner since migration 6 (they were computed here by a
    // function registered in SQL; the store now folds nothing): the articles it refills have no
    // derived rows yet, so the runner derives theirs (pipeline/derive/backfill.ts). Same schema.
    sql: `
      DROP TABLE article_search;
      CREATE VIRTUAL TABLE article_search USING fts5(
        article_id UNINDEXED, title, source, text, title_variants, text_variants,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO article_search (rowid, article_id, title, source, text, title_variants, text_variants)
        SELECT seq, id, title, source, text, '', ''
          FROM (SELECT seq, id, title, source, json_extract(article_json, '$.text') AS text FROM articles);
    `,
  },
  {
    version: 5,
    name: 'a write revision, so a long-running process knows when another one has written',
    sql: `
      CREATE TABLE store_revision (id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL);
      INSERT INTO store_revision (id, revision) VALUES (1, 0);
    `,
  },
  {
    version: 6,
    name: 'rows the runner derives for the story list and search: per-article places, entity spellings, source key',
    // Articles stored before have no derived rows (source_key NULL): articlesWithoutDerivedRows
    // lists them for the runner, which gives their rows back through writeDerived.
    sql: `
      ALTER TABLE articles ADD COLUMN source_key TEXT;
      CREATE INDEX articles_underived ON articles(seq) WHERE source_key IS NULL;
      CREATE TABLE article_places (
        article_id TEXT NOT NULL, place_key TEXT NOT NULL, name TEXT NOT NULL, country TEXT,
        lat REAL NOT NULL, lon REAL NOT NULL,
        PRIMARY KEY (article_id, place_key)
      ) WITHOUT ROWID;
      CREATE TABLE article_entity_forms (
        article_id TEXT NOT NULL, entity_key TEXT NOT NULL, form TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
        PRIMARY KEY (article_id, entity_key, form)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 7,
    name: 'alerts: watches, their events (the inbox), the outbox of deliveries and the deliverer lease',
    // No foreign keys to watches: a batch must not fail for a watch removed while it was grouped;
    // events of a removed watch are not written (alerts.ts), and removal deletes what it had.
    // IF NOT EXISTS: a store whose migration records were rolled back (search.test.ts) keeps its watches.
    sql: `
      CREATE TABLE IF NOT EXISTS watches (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        story_id TEXT,
        topic_json TEXT,
        kinds_json TEXT,
        muted INTEGER NOT NULL DEFAULT 0,
        rate_per_hour INTEGER,
        webhook_url TEXT,
        webhook_secret TEXT,
        email TEXT,
        email_mode TEXT NOT NULL DEFAULT 'immediate',
        created_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS alert_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        watch_id TEXT NOT NULL,
        story_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        notification_id TEXT NOT NULL,
        event_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        read_at TEXT
      );
      CREATE INDEX IF NOT EXISTS alert_events_watch ON alert_events(watch_id, seq);
      CREATE INDEX IF NOT EXISTS alert_events_notification ON alert_events(notification_id);
      CREATE TABLE IF NOT EXISTS alert_deliveries (
        notification_id TEXT NOT NULL,
        channel TEXT NOT NULL,
        watch_id TEXT NOT NULL,
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        delivered_at TEXT,
        created_at TEXT NOT NULL,
        PRIMARY KEY (notification_id, channel)
      );
      CREATE INDEX IF NOT EXISTS alert_deliveries_due ON alert_deliveries(state, next_attempt_at);
      CREATE INDEX IF NOT EXISTS alert_deliveries_watch ON alert_deliveries(watch_id, channel, state);
      CREATE TABLE IF NOT EXISTS alert_lease (name TEXT PRIMARY KEY, holder TEXT NOT NULL, until TEXT NOT NULL);
    `,
  },
];
