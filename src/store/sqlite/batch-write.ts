// One write batch as one transaction: articles (earlier versions kept), stories, moves, the
// runner's derived rows, and the read-side indexes (full-text search, story list) brought up to
// date in the same transaction, so a batch is all-or-nothing. Used on the store's own connection
// and on the writer thread's. Nothing here derives anything: rows are written as given.
import type Database from 'better-sqlite3';
import type { AlertEvent, Article, StoryRecord } from '../../model/index.ts';
import type { ArticleIndexRow, DerivedRows, NewDelivery, WriteBatch } from '../store.ts';
import { writeAlerts } from './alerts.ts';
import { refreshStories } from './story-list.ts';

/** Connection settings shared by every connection to a store file. */
export function tune(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // Under WAL, NORMAL loses at most the last commits on power loss, never consistency.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Every article write lands on random pages of several indexes (id, hash, story, FTS): with
  // SQLite's default 2 MB page cache those become reads once the store outgrows it. 64 MB
  // (bounded, counted in RSS) keeps more of them in memory.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  // Checkpoint every 32 MB of WAL rather than 4 MB: a checkpoint copies each page once however
  // many commits changed it, and index pages change in most; the file is cut back to 64 MB after.
  // The writer thread's connection turns this off and checkpoints on a thread of its own (checkpoints.ts).
  db.pragma('wal_autocheckpoint = 8192');
  db.pragma('journal_size_limit = 67108864');
}

/** A place row as posted: key, name, country, lat, lon (arrays clone cheaper than objects: no key names). */
type PlaceTuple = [string, string, string | null, number, number];
/** An entity-form row as posted: key, form, name, type. */
type FormTuple = [string, string, string, string];

/**
 * An article as posted to the thread that writes: the parts that are large object graphs
 * (mentions, features) already JSON, its derived rows as tuples. A string crosses threads as
 * one copy, an object graph as one value per property each way: measured on 100k-article
 * batches, cloning the mentions and features cost the writer thread 0.22 ms/article to rebuild
 * and 0.08 to re-serialise, the posting thread 0.08 to clone, against 0.10 for JSON made there.
 * The article itself (mostly one long text) clones cheaply and is made JSON on the writing side.
 */
export interface PostedWrite {
  article: Article;
  storyId: string;
  copyOf: string | null;
  mentionsJson: string;
  featuresJson: string;
  /** Source key, title variants, text variants. */
  index: [string, string, string];
  places: PlaceTuple[];
  forms: FormTuple[];
}

/** A write batch as posted to the writing thread (made on the caller's thread by `post`). */
export interface PostedBatch {
  articles: PostedWrite[];
  stories: StoryRecord[];
  moves: { articleId: string; storyId: string }[];
  alertEvents: AlertEvent[];
  alertDeliveries: NewDelivery[];
}

/** An article as written: its columns, JSON made, and its derived rows. */
export interface PackedWrite extends Omit<PostedWrite, 'article'> {
  id: string;
  contentHash: string;
  source: string;
  title: string;
  url: string | null;
  path: string | null;
  language: string;
  published: string | null;
  text: string;
  articleJson: string;
}

/** A write batch made ready for SQLite (on the writing thread, by `pack`). */
export interface PackedBatch extends Omit<PostedBatch, 'articles'> {
  articles: PackedWrite[];
}

/** The batch's derived rows grouped by article; throws when an article has no index row or a row no article. */
function rowsByArticle(ids: string[], rows: DerivedRows, what: string) {
  const byId = new Map(ids.map((id) => [id, { index: undefined as ArticleIndexRow | undefined, places: [] as PlaceTuple[], forms: [] as FormTuple[] }]));
  const of = (id: string, kind: string) => {
    const r = byId.get(id);
    if (!r) throw new Error(`${kind} row for article ${id}, which is not in the ${what}`);
    return r;
  };
  for (const r of rows.articleIndex) {
    const got = of(r.articleId, 'index');
    if (got.index) throw new Error(`two index rows for article ${r.articleId}`);
    got.index = r;
  }
  for (const r of rows.articlePlaces) of(r.articleId, 'place').places.push([r.key, r.name, r.country, r.lat, r.lon]);
  for (const r of rows.articleEntityForms) of(r.articleId, 'entity form').forms.push([r.key, r.form, r.name, r.type]);
  return byId;
}

/** The batch as posted to the writing thread (or written on this one): see PostedWrite. */
export function post(batch: WriteBatch): PostedBatch {
  const derived = rowsByArticle(batch.articles.map((w) => w.article.id), batch, 'batch');
  const articles = batch.articles.map(({ article, mentions, storyId, copyOf, features }): PostedWrite => {
    const rows = derived.get(article.id)!;
    if (!rows.index) throw new Error(`no index row for article ${article.id}`);
    const { sourceKey, titleVariants, textVariants } = rows.index;
    return {
      article,
      storyId,
      copyOf,
      mentionsJson: JSON.stringify(mentions),
      featuresJson: JSON.stringify(features ?? null),
      index: [sourceKey, titleVariants, textVariants],
      places: rows.places,
      forms: rows.forms,
    };
  });
  return {
    articles,
    stories: batch.stories,
    moves: batch.moves ?? [],
    alertEvents: batch.alertEvents ?? [],
    alertDeliveries: batch.alertDeliveries ?? [],
  };
}

/** The posted batch's columns, on the thread that writes. */
export function pack(batch: PostedBatch): PackedBatch {
  const articles = batch.articles.map(({ article: a, ...rest }): PackedWrite => ({
    ...rest,
    id: a.id,
    contentHash: a.contentHash,
    source: a.source,
    title: a.title,
    url: a.url,
    path: a.path,
    language: a.language,
    published: a.published?.date ?? null,
    text: a.text,
    articleJson: JSON.stringify(a),
  }));
  return { ...batch, articles };
}

interface Previous {
  seq: number;
  story_id: string;
  version: number;
  content_hash: string;
  article_json: string;
  mentions_json: string;
  ingested_at: string;
}

export class BatchWriter {
  private statements = new Map<string, Database.Statement>();

  constructor(private db: Database.Database) {}

  /** A prepared statement, compiled once per connection: most run once per article. */
  private stmt = (sql: string): Database.Statement => {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)));
    return st;
  };

  /** Applies the batch in one transaction; throws (with nothing written) on failure. */
  write(batch: PackedBatch, now = new Date().toISOString()): void {
    const upsertStory = this.stmt(
      `INSERT INTO stories (id, title, created_at, updated_at) VALUES (@id, @title, @createdAt, @updatedAt)
       ON CONFLICT(id) DO UPDATE SET title = excluded.title, updated_at = excluded.updated_at`,
    );
    const current = this.stmt(
      'SELECT seq, story_id, version, content_hash, article_json, mentions_json, ingested_at FROM articles WHERE id = ?',
    );
    const keepVersion = this.stmt(
      'INSERT OR IGNORE INTO article_versions (article_id, version, content_hash, article_json, mentions_json, stored_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    // RETURNING seq: the FTS row shares the article's rowid, no second lookup needed.
    const upsertArticle = this.stmt(
      `INSERT INTO articles (id, story_id, copy_of, version, content_hash, source, source_key, title, url, path, language,
                             published, article_json, mentions_json, features_json, ingested_at)
       VALUES (@id, @storyId, @copyOf, @version, @contentHash, @source, @sourceKey, @title, @url, @path, @language,
               @published, @articleJson, @mentionsJson, @featuresJson, @ingestedAt)
       ON CONFLICT(id) DO UPDATE SET story_id = excluded.story_id, copy_of = excluded.copy_of, version = excluded.version,
         content_hash = excluded.content_hash, source = excluded.source, source_key = excluded.source_key,
         title = excluded.title, url = excluded.url, path = excluded.path, language = excluded.language,
         published = excluded.published, article_json = excluded.article_json, mentions_json = excluded.mentions_json,
         features_json = excluded.features_json, ingested_at = excluded.ingested_at
       RETURNING seq`,
    ).pluck();
    const storyOf = this.stmt('SELECT story_id FROM articles WHERE id = ?').pluck();
    const move = this.stmt('UPDATE articles SET story_id = ? WHERE id = ?');
    const unsearch = this.stmt('DELETE FROM article_search WHERE rowid = ?');
    const search = this.stmt(
      `INSERT INTO article_search (rowid, article_id, title, source, text, title_variants, text_variants)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    // IMMEDIATE: the write lock first (busy.ts); another writer's commit cannot fail this one midway.
    this.db.transaction(() => {
      const touched = new Set<string>(batch.stories.map((s) => s.id));
      const searchRows: [number, PackedWrite][] = [];
      const replaced: number[] = [];
      const replacedIds = new Set<string>();
      // Stories changed otherwise than by gaining new articles: those are recomputed (story-list.ts).
      const changed = new Set<string>();
      const added: string[] = [];
      for (const s of batch.stories) upsertStory.run(s);
      for (const a of batch.articles) {
        const prev = current.get(a.id) as Previous | undefined;
        if (prev) {
          keepVersion.run(a.id, prev.version, prev.content_hash, prev.article_json, prev.mentions_json, prev.ingested_at);
          replaced.push(prev.seq);
          replacedIds.add(a.id);
          touched.add(prev.story_id);
          changed.add(prev.story_id).add(a.storyId);
        } else added.push(a.id);
        touched.add(a.storyId);
        const { index, places: _p, forms: _f, text: _text, ...columns } = a;
        const seq = upsertArticle.get({
          ...columns,
          sourceKey: index[0],
          version: prev ? prev.version + 1 : 1,
          ingestedAt: now,
        }) as number;
        searchRows.push([seq, a]);
      }
      for (const m of batch.moves) {
        const from = storyOf.get(m.articleId) as string | undefined;
        if (from === undefined) continue;
        touched.add(from).add(m.storyId);
        changed.add(from).add(m.storyId);
        move.run(m.storyId, m.articleId);
      }
      this.putRows(batch.articles, (id) => replacedIds.has(id));
      this.raiseRevision();
      refreshStories(this.stmt, { touched, changed, added });
      // The outbox commits with the batch that caused it: a crash after this never loses an alert.
      writeAlerts(this.stmt, batch.alertEvents, batch.alertDeliveries, now);
      // Full-text rows last, all together: FTS5 writes its pending rows out at every statement
      // savepoint (the upserts above open one each), so with the inserts interleaved each article
      // was flushed on its own. Measured on 40k gva-dev replicas: the article upsert (where that
      // flush lands) took 0.18-0.24 ms instead of 0.05-0.08 ms, a third of the whole write.
      for (const seq of replaced) unsearch.run(seq);
      for (const [seq, a] of searchRows)
        search.run(seq, a.id, a.title, a.source, a.text, a.index[1], a.index[2]);
    }).immediate();
  }

  /**
   * Replaces the derived rows of stored articles (written before the store kept them) and
   * refreshes their stories; rows of articles not stored are skipped.
   */
  writeDerived(rows: DerivedRows): void {
    const setKey = this.stmt('UPDATE articles SET source_key = ? WHERE id = ? RETURNING seq, story_id');
    // Only rows whose variants change: an FTS5 update re-indexes the whole text (most articles
    // have none, and stores from before migration 6 mostly hold the same ones already).
    const setVariants = this.stmt(
      `UPDATE article_search SET title_variants = @title, text_variants = @text
        WHERE rowid = @seq AND (title_variants IS NOT @title OR text_variants IS NOT @text)`,
    );
    this.db.transaction(() => {
      const ids = [...new Set([...rows.articleIndex, ...rows.articlePlaces, ...rows.articleEntityForms].map((r) => r.articleId))];
      const byId = rowsByArticle(ids, rows, 'rows given');
      const touched = new Set<string>();
      const stored: { id: string; places: PlaceTuple[]; forms: FormTuple[] }[] = [];
      for (const [id, r] of byId) {
        if (!r.index) throw new Error(`no index row for article ${id}`);
        const hit = setKey.get(r.index.sourceKey, id) as { seq: number; story_id: string } | undefined;
        if (!hit) continue;
        setVariants.run({ title: r.index.titleVariants, text: r.index.textVariants, seq: hit.seq });
        touched.add(hit.story_id);
        stored.push({ id, places: r.places, forms: r.forms });
      }
      this.putRows(stored, () => true);
      this.raiseRevision();
      refreshStories(this.stmt, { touched, changed: touched, added: [] });
    }).immediate();
  }

  private raiseRevision(): void {
    this.stmt('UPDATE store_revision SET revision = revision + 1').run();
  }

  /** Each article's place and entity-form rows, replacing those it had (`hadRows`: it may have had some). */
  private putRows(
    articles: { id: string; places: PlaceTuple[]; forms: FormTuple[] }[],
    hadRows: (id: string) => boolean,
  ): void {
    const dropPlaces = this.stmt('DELETE FROM article_places WHERE article_id = ?');
    const dropForms = this.stmt('DELETE FROM article_entity_forms WHERE article_id = ?');
    const putPlace = this.stmt(
      'INSERT OR IGNORE INTO article_places (article_id, place_key, name, country, lat, lon) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const putForm = this.stmt(
      'INSERT OR IGNORE INTO article_entity_forms (article_id, entity_key, form, name, type) VALUES (?, ?, ?, ?, ?)',
    );
    for (const a of articles) {
      if (hadRows(a.id)) {
        dropPlaces.run(a.id);
        dropForms.run(a.id);
      }
      for (const p of a.places) putPlace.run(a.id, p[0], p[1], p[2], p[3], p[4]);
      for (const f of a.forms) putForm.run(a.id, f[0], f[1], f[2], f[3]);
    }
  }
}
