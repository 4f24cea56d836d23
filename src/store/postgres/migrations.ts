// Append-only: never edit a released migration, add a new one. Every text column that lists sort
// on is COLLATE "C" (bytewise, the order SQLite gives), whatever the database's default collation.
// UNACCENT and TRGM_OPS stand for the schema-qualified unaccent dictionary and trigram
// operator class (wherever the extensions live).
export const migrations: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'articles, versions, stories, the write revision',
    sql: `
      CREATE TABLE stories (
        id text COLLATE "C" PRIMARY KEY,
        title text COLLATE "C" NOT NULL,
        created_at text COLLATE "C" NOT NULL,
        updated_at text COLLATE "C" NOT NULL
      );
      CREATE TABLE articles (
        seq bigserial NOT NULL UNIQUE, -- ingest order: kept when a new version replaces the row
        id text COLLATE "C" PRIMARY KEY,
        story_id text COLLATE "C" NOT NULL REFERENCES stories(id),
        copy_of text COLLATE "C",
        version integer NOT NULL,
        content_hash text COLLATE "C" NOT NULL,
        source text COLLATE "C" NOT NULL,
        title text COLLATE "C" NOT NULL,
        url text COLLATE "C",
        path text COLLATE "C",
        language text COLLATE "C" NOT NULL,
        published text COLLATE "C",
        article_json text NOT NULL,
        mentions_json text NOT NULL,
        features_json text NOT NULL,
        ingested_at text COLLATE "C" NOT NULL
      );
      CREATE INDEX articles_story ON articles (story_id, published);
      CREATE INDEX articles_hash ON articles (content_hash);
      CREATE INDEX articles_url ON articles (url);
      CREATE TABLE article_versions (
        article_id text COLLATE "C" NOT NULL,
        version integer NOT NULL,
        content_hash text COLLATE "C" NOT NULL,
        article_json text NOT NULL,
        mentions_json text NOT NULL,
        stored_at text COLLATE "C" NOT NULL,
        PRIMARY KEY (article_id, version)
      );
      -- One row; every write raises it, and locking it is the write lock (writes run one at a time).
      CREATE TABLE store_revision (id integer PRIMARY KEY CHECK (id = 1), revision bigint NOT NULL);
      INSERT INTO store_revision (id, revision) VALUES (1, 0);
    `,
  },
  {
    version: 2,
    name: 'feed subscriptions and the items seen per feed',
    sql: `
      CREATE TABLE feeds (
        id text COLLATE "C" PRIMARY KEY,
        url text COLLATE "C" NOT NULL UNIQUE,
        title text,
        interval_seconds integer NOT NULL,
        added_at text COLLATE "C" NOT NULL,
        etag text,
        last_modified text,
        last_checked_at text,
        last_success_at text,
        failures integer NOT NULL DEFAULT 0,
        last_error text,
        next_check_at text COLLATE "C" NOT NULL
      );
      CREATE INDEX feeds_due ON feeds (next_check_at);
      CREATE TABLE feed_items (
        feed_id text COLLATE "C" NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        item_key text COLLATE "C" NOT NULL,
        fingerprint text NOT NULL,
        article_id text,
        seen_at text NOT NULL,
        PRIMARY KEY (feed_id, item_key)
      );
    `,
  },
  {
    version: 3,
    name: 'full-text search: case and diacritics folded by unaccent, a GIN index',
    // No stemming (simple), as SQLite's unicode61: a word matches itself whatever its case and marks.
    // \`search\`: title, source and text; \`variants\`: the runner's folded variants (derived rows),
    // searched together through one index on the two.
    sql: `
      CREATE TEXT SEARCH CONFIGURATION parallax_search (COPY = pg_catalog.simple);
      ALTER TEXT SEARCH CONFIGURATION parallax_search
        ALTER MAPPING FOR hword, hword_part, word, asciihword, asciiword, hword_asciipart WITH UNACCENT, simple;
      ALTER TABLE articles ADD COLUMN search tsvector NOT NULL DEFAULT ''::tsvector;
      ALTER TABLE articles ADD COLUMN variants tsvector NOT NULL DEFAULT ''::tsvector;
      CREATE INDEX articles_search ON articles USING gin ((search || variants));
    `,
  },
  {
    version: 4,
    name: 'derived rows per article, and the story list rows aggregated from them',
    // The per-article rows come in the write batch as the runner derived them (keys folded there);
    // the story_* rows are SQL aggregates of them, refreshed for every story a write touches.
    sql: `
      CREATE TABLE article_index (
        article_id text COLLATE "C" PRIMARY KEY,
        source_key text COLLATE "C" NOT NULL -- the search variants are in articles.variants
      );
      CREATE TABLE article_places (
        article_id text COLLATE "C" NOT NULL,
        place_key text COLLATE "C" NOT NULL,
        name text COLLATE "C" NOT NULL,
        country text COLLATE "C",
        lat double precision NOT NULL,
        lon double precision NOT NULL,
        PRIMARY KEY (article_id, place_key)
      );
      CREATE TABLE article_entity_forms (
        article_id text COLLATE "C" NOT NULL,
        entity_key text COLLATE "C" NOT NULL,
        name text COLLATE "C" NOT NULL,
        type text COLLATE "C" NOT NULL,
        form text COLLATE "C" NOT NULL,
        PRIMARY KEY (article_id, entity_key, form)
      );
      CREATE TABLE story_stats (
        story_id text COLLATE "C" PRIMARY KEY,
        article_count integer NOT NULL,
        source_count integer NOT NULL,
        first_pub text COLLATE "C",
        last_pub text COLLATE "C",
        updated_at text COLLATE "C" NOT NULL,
        conflicts integer -- NULL until the read side has compared this version of the story
      );
      CREATE INDEX story_stats_recent ON story_stats (last_pub DESC NULLS LAST, updated_at DESC, story_id);
      CREATE INDEX story_stats_size ON story_stats (article_count DESC, last_pub DESC NULLS LAST, story_id);
      CREATE INDEX story_stats_conflicts ON story_stats (conflicts DESC NULLS LAST, last_pub DESC NULLS LAST, story_id);
      CREATE TABLE story_sources (
        story_id text COLLATE "C" NOT NULL,
        source_key text COLLATE "C" NOT NULL,
        source text COLLATE "C" NOT NULL,
        PRIMARY KEY (story_id, source_key)
      );
      CREATE INDEX story_sources_key ON story_sources (source_key, story_id);
      CREATE TABLE story_places (
        story_id text COLLATE "C" NOT NULL,
        place_key text COLLATE "C" NOT NULL,
        name text COLLATE "C" NOT NULL,
        country text COLLATE "C",
        lat double precision NOT NULL,
        lon double precision NOT NULL,
        article_count integer NOT NULL,
        PRIMARY KEY (story_id, place_key)
      );
      CREATE INDEX story_places_key ON story_places (place_key, story_id);
      CREATE TABLE story_entity_forms (
        story_id text COLLATE "C" NOT NULL,
        entity_key text COLLATE "C" NOT NULL,
        name text COLLATE "C" NOT NULL,
        type text COLLATE "C" NOT NULL,
        form text COLLATE "C" NOT NULL,
        article_count integer NOT NULL,
        PRIMARY KEY (story_id, entity_key, form)
      );
      CREATE INDEX story_entity_forms_key ON story_entity_forms (entity_key, story_id);
      -- Entity names are matched by the start of any word ('% kov%'): trigrams serve that LIKE.
      CREATE INDEX story_entity_forms_trgm ON story_entity_forms USING gin (entity_key TRGM_OPS);
    `,
  },
  {
    version: 5,
    name: 'alerts: watches, their events (the inbox), the outbox of deliveries and the deliverer lease',
    // As on SQLite (sqlite/migrations.ts v7): no foreign keys to watches, so a batch never fails
    // for a watch removed while it was grouped; alerts.ts writes no event for a missing watch, and
    // removal (holding the write lock) deletes what the watch had. JSON in text, as the other tables.
    sql: `
      CREATE TABLE watches (
        id text COLLATE "C" PRIMARY KEY,
        name text NOT NULL,
        story_id text COLLATE "C",
        topic_json text,
        kinds_json text,
        muted boolean NOT NULL DEFAULT false,
        rate_per_hour integer,
        webhook_url text,
        webhook_secret text,
        email text,
        email_mode text NOT NULL DEFAULT 'immediate',
        created_at text COLLATE "C" NOT NULL
      );
      CREATE TABLE alert_events (
        seq bigserial PRIMARY KEY, -- write order: the inbox lists newest first
        id text COLLATE "C" NOT NULL UNIQUE,
        watch_id text COLLATE "C" NOT NULL,
        story_id text COLLATE "C" NOT NULL,
        kind text COLLATE "C" NOT NULL,
        notification_id text COLLATE "C" NOT NULL,
        event_json text NOT NULL,
        created_at text COLLATE "C" NOT NULL,
        read_at text COLLATE "C"
      );
      CREATE INDEX alert_events_watch ON alert_events (watch_id, seq);
      CREATE INDEX alert_events_notification ON alert_events (notification_id, seq);
      CREATE TABLE alert_deliveries (
        notification_id text COLLATE "C" NOT NULL,
        channel text COLLATE "C" NOT NULL,
        watch_id text COLLATE "C" NOT NULL,
        state text COLLATE "C" NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at text COLLATE "C" NOT NULL,
        last_error text,
        delivered_at text COLLATE "C",
        created_at text COLLATE "C" NOT NULL,
        PRIMARY KEY (notification_id, channel)
      );
      CREATE INDEX alert_deliveries_due ON alert_deliveries (state, next_attempt_at, created_at);
      CREATE INDEX alert_deliveries_watch ON alert_deliveries (watch_id, channel, state);
      CREATE TABLE alert_lease (name text COLLATE "C" PRIMARY KEY, holder text COLLATE "C" NOT NULL, until text COLLATE "C" NOT NULL);
    `,
  },
];
