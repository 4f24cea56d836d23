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
];
