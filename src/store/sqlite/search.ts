// Read-side indexes of the SQLite store: per-story stats, sources, places and entity forms (kept
// in step with every write so story lists filter and sort fast at 10k+ stories), and FTS5 over
// article titles and text with diacritics folded ("sao joao" finds "São João").
import type Database from 'better-sqlite3';
import type { Article, Mentions } from '../../model/index.ts';
import type { ArticleHit, EntityDetail, EntitySummary, Facets, StoryListItem, StoryQuery, WriteBatch } from '../store.ts';

const stripMarks = (s: string): string => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

// Letters Unicode does not decompose into base + mark, so NFD alone would not fold them.
const LETTERS: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ı: 'i', ħ: 'h' };

/** Case- and diacritic-insensitive key for names (places, entities, sources): "Tromsø" → "tromso". */
export const foldName = (s: string): string =>
  stripMarks(s)
    .replace(/[øłđßæœþıħ]/g, (c) => LETTERS[c])
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A user's search words as a safe FTS5 query: each word quoted, the last one a prefix; '' when none.
 * Only marks are stripped, as FTS5's remove_diacritics does to the indexed text (it keeps ø, ł…).
 */
export function ftsQuery(q: string): string {
  const words = stripMarks(q).split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 12);
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

interface StatsRow {
  story_id: string;
  title: string;
  created_at: string;
  updated_at: string;
  article_count: number;
  first_pub: string | null;
  last_pub: string | null;
  conflicts: number | null;
}

const ORDER: Record<NonNullable<StoryQuery['sort']>, string> = {
  recent: 's.last_pub DESC, s.updated_at DESC, s.story_id',
  size: 's.article_count DESC, s.last_pub DESC, s.story_id',
  conflicts: 's.conflicts DESC, s.last_pub DESC, s.story_id', // not yet counted (NULL) sorts last
};

export class StorySearch {
  constructor(private db: Database.Database) {
    const stats = db.prepare('SELECT COUNT(*) AS n FROM story_stats').get() as { n: number };
    const arts = db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number };
    if (stats.n === 0 && arts.n > 0) this.rebuild();
  }

  /** Recomputes every index from the articles table (a store written before these indexes existed). */
  rebuild(): void {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM article_search');
      const page = this.db.prepare('SELECT seq, article_json FROM articles WHERE seq > ? ORDER BY seq LIMIT 500');
      const insert = this.db.prepare('INSERT INTO article_search (rowid, article_id, title, source, text) VALUES (?, ?, ?, ?, ?)');
      for (let after = 0, rows; (rows = page.all(after) as { seq: number; article_json: string }[]).length; after = rows[rows.length - 1].seq) {
        for (const r of rows) {
          const a = JSON.parse(r.article_json) as Article;
          insert.run(r.seq, a.id, a.title, a.source, a.text);
        }
      }
      const ids = (this.db.prepare('SELECT id FROM stories').all() as { id: string }[]).map((r) => r.id);
      this.reindexStories(new Set(ids));
    })();
  }

  /** Stories a batch may change: call inside the write transaction, before the batch is applied. */
  storiesTouchedBy(batch: WriteBatch): Set<string> {
    const ids = new Set<string>(batch.stories.map((s) => s.id));
    const current = this.db.prepare('SELECT story_id FROM articles WHERE id = ?');
    const note = (articleId: string, storyId: string) => {
      ids.add(storyId);
      const prev = current.get(articleId) as { story_id: string } | undefined;
      if (prev) ids.add(prev.story_id);
    };
    for (const w of batch.articles) note(w.article.id, w.storyId);
    for (const m of batch.moves ?? []) note(m.articleId, m.storyId);
    return ids;
  }

  /** Brings the indexes up to date after a batch: call inside the same transaction, after it. */
  afterWrite(touched: Set<string>, articles: Article[]): void {
    // The FTS row shares the article's rowid (articles.seq), so replacing it is an indexed delete.
    const seq = this.db.prepare('SELECT seq FROM articles WHERE id = ?');
    const del = this.db.prepare('DELETE FROM article_search WHERE rowid = ?');
    const insert = this.db.prepare('INSERT INTO article_search (rowid, article_id, title, source, text) VALUES (?, ?, ?, ?, ?)');
    for (const a of articles) {
      const row = seq.get(a.id) as { seq: number };
      del.run(row.seq);
      insert.run(row.seq, a.id, a.title, a.source, a.text);
    }
    this.reindexStories(touched);
  }

  private reindexStories(ids: Set<string>): void {
    const story = this.db.prepare('SELECT updated_at FROM stories WHERE id = ?');
    const arts = this.db.prepare('SELECT source, published, mentions_json FROM articles WHERE story_id = ?');
    const clear = ['story_stats', 'story_sources', 'story_places', 'story_entity_forms'].map((t) =>
      this.db.prepare(`DELETE FROM ${t} WHERE story_id = ?`),
    );
    const putStats = this.db.prepare(
      'INSERT INTO story_stats (story_id, article_count, source_count, first_pub, last_pub, updated_at, conflicts) VALUES (?, ?, ?, ?, ?, ?, NULL)',
    );
    const putSource = this.db.prepare('INSERT INTO story_sources (story_id, source, source_key) VALUES (?, ?, ?)');
    const putPlace = this.db.prepare(
      'INSERT INTO story_places (story_id, place_key, name, country, lat, lon, article_count) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const putForm = this.db.prepare(
      'INSERT INTO story_entity_forms (story_id, entity_key, name, type, form, article_count) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const id of ids) {
      for (const c of clear) c.run(id);
      const s = story.get(id) as { updated_at: string } | undefined;
      const rows = arts.all(id) as { source: string; published: string | null; mentions_json: string }[];
      if (!s || !rows.length) continue; // emptied stories are not listed
      const sources = new Map<string, string>();
      const places = new Map<string, { name: string; country: string | null; lat: number; lon: number; n: number }>();
      const forms = new Map<string, { key: string; name: string; type: string; form: string; n: number }>();
      const dates = rows.map((r) => r.published).filter((d): d is string => !!d).sort();
      for (const r of rows) {
        sources.set(foldName(r.source), r.source);
        const m = JSON.parse(r.mentions_json) as Mentions;
        const seen = new Set<string>();
        for (const p of m.places ?? []) {
          const key = foldName(p.name);
          const pl = places.get(key) ?? { name: p.name, country: p.country, lat: p.lat, lon: p.lon, n: 0 };
          if (!seen.has(`p:${key}`)) pl.n++;
          seen.add(`p:${key}`);
          places.set(key, pl);
        }
        for (const e of m.entities ?? []) {
          const key = foldName(e.name);
          const fk = `${key}\u0000${e.text}`;
          const f = forms.get(fk) ?? { key, name: e.name, type: e.type, form: e.text, n: 0 };
          if (!seen.has(`e:${fk}`)) f.n++;
          seen.add(`e:${fk}`);
          forms.set(fk, f);
        }
      }
      putStats.run(id, rows.length, sources.size, dates[0] ?? null, dates.at(-1) ?? null, s.updated_at);
      for (const [key, name] of sources) putSource.run(id, name, key);
      for (const [key, p] of places) putPlace.run(id, key, p.name, p.country, p.lat, p.lon, p.n);
      for (const f of forms.values()) putForm.run(id, f.key, f.name, f.type, f.form, f.n);
    }
  }

  findStories(q: StoryQuery): { total: number; stories: StoryListItem[] } {
    const where: string[] = [];
    const args: unknown[] = [];
    const filter = (value: string | undefined, sql: string, arg = (v: string) => v as unknown) => {
      if (!value) return;
      where.push(sql);
      args.push(arg(value));
    };
    filter(q.from, 's.last_pub >= ?');
    filter(q.to, 's.first_pub <= ?');
    filter(q.place, 's.story_id IN (SELECT story_id FROM story_places WHERE place_key = ?)', foldName);
    filter(q.source, 's.story_id IN (SELECT story_id FROM story_sources WHERE source_key = ?)', foldName);
    filter(q.entity, 's.story_id IN (SELECT story_id FROM story_entity_forms WHERE entity_key = ?)', foldName);
    const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM story_stats s ${cond}`).get(...args) as { n: number }).n;
    const rows = this.db
      .prepare(
        // Title and creation time are looked up for the page's rows only, after sorting.
        `SELECT s.*, (SELECT title FROM stories WHERE id = s.story_id) AS title,
                (SELECT created_at FROM stories WHERE id = s.story_id) AS created_at FROM story_stats s ${cond}
         ORDER BY ${ORDER[q.sort ?? 'recent']} LIMIT ? OFFSET ?`,
      )
      .all(...args, q.limit ?? 50, q.offset ?? 0) as StatsRow[];
    return { total, stories: this.decorate(rows) };
  }

  private decorate(rows: StatsRow[]): StoryListItem[] {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.story_id);
    const marks = ids.map(() => '?').join(',');
    const sources = this.db
      .prepare(`SELECT story_id, source FROM story_sources WHERE story_id IN (${marks}) ORDER BY source`)
      .all(...ids) as { story_id: string; source: string }[];
    const places = this.db
      .prepare(
        `SELECT story_id, name, country, lat, lon FROM story_places WHERE story_id IN (${marks}) ORDER BY article_count DESC, name`,
      )
      .all(...ids) as { story_id: string; name: string; country: string | null; lat: number; lon: number }[];
    return rows.map((r) => ({
      id: r.story_id,
      title: r.title,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      articleCount: r.article_count,
      sources: sources.filter((s) => s.story_id === r.story_id).map((s) => s.source),
      firstPublished: r.first_pub,
      lastPublished: r.last_pub,
      places: places.filter((p) => p.story_id === r.story_id).map(({ story_id: _, ...p }) => p),
      conflicts: r.conflicts,
    }));
  }

  searchArticles(q: string, limit = 20, offset = 0): { total: number; hits: ArticleHit[] } {
    const match = ftsQuery(q);
    if (!match) return { total: 0, hits: [] };
    const total = (this.db.prepare('SELECT COUNT(*) AS n FROM article_search WHERE article_search MATCH ?').get(match) as { n: number }).n;
    const hits = this.db
      .prepare(
        `SELECT f.article_id AS articleId, a.story_id AS storyId, a.title, a.source, a.published,
                snippet(article_search, 3, char(2), char(3), '…', 24) AS snippet
         FROM article_search f JOIN articles a ON a.seq = f.rowid
         WHERE article_search MATCH ? ORDER BY bm25(article_search, 0, 6, 2, 1) LIMIT ? OFFSET ?`,
      )
      .all(match, limit, offset) as ArticleHit[];
    return { total, hits };
  }

  entities(opts: { q?: string; limit?: number }): EntitySummary[] {
    const key = opts.q ? foldName(opts.q) : '';
    return this.db
      .prepare(
        `SELECT entity_key AS key, MAX(name) AS name, MAX(type) AS type, COUNT(DISTINCT story_id) AS stories,
                SUM(article_count) AS mentions
         FROM story_entity_forms WHERE ? = '' OR entity_key LIKE ? ESCAPE '\\' OR entity_key LIKE ? ESCAPE '\\'
         GROUP BY entity_key ORDER BY stories DESC, mentions DESC, key LIMIT ?`,
      )
      .all(key, `${likeEscape(key)}%`, `% ${likeEscape(key)}%`, opts.limit ?? 50) as EntitySummary[];
  }

  entity(name: string): EntityDetail | null {
    const key = foldName(name);
    const forms = this.db
      .prepare(
        `SELECT name, type, form, SUM(article_count) AS articles, COUNT(DISTINCT story_id) AS stories
         FROM story_entity_forms WHERE entity_key = ? GROUP BY form ORDER BY articles DESC, form`,
      )
      .all(key) as { name: string; type: string; form: string; articles: number; stories: number }[];
    if (!forms.length) return null;
    return {
      key,
      name: forms[0].name,
      type: forms[0].type,
      variants: forms.map((f) => ({ form: f.form, articles: f.articles, stories: f.stories })),
    };
  }

  facets(limit = 30): Facets {
    const top = (table: string, col: string, key: string) =>
      this.db
        .prepare(`SELECT MAX(${col}) AS name, COUNT(DISTINCT story_id) AS stories FROM ${table} GROUP BY ${key} ORDER BY stories DESC, name LIMIT ?`)
        .all(limit) as { name: string; stories: number }[];
    return { places: top('story_places', 'name', 'place_key'), sources: top('story_sources', 'source', 'source_key') };
  }

  setConflicts(storyId: string, count: number, asOf: string): void {
    this.db
      .prepare('UPDATE story_stats SET conflicts = ? WHERE story_id = ? AND updated_at = ? AND conflicts IS NOT ?')
      .run(count, storyId, asOf, count);
  }

  storiesWithoutConflicts(limit: number): { id: string; updatedAt: string }[] {
    return this.db
      .prepare('SELECT story_id AS id, updated_at AS updatedAt FROM story_stats WHERE conflicts IS NULL LIMIT ?')
      .all(limit) as { id: string; updatedAt: string }[];
  }
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
