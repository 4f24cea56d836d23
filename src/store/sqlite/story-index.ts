// The story list's indexes: per-story stats, sources, places and entity spellings, rewritten for
// every story a write touches, so the list filters and sorts with indexed lookups at 10k+ stories.
import type Database from 'better-sqlite3';
import type { Mentions } from '../../model/index.ts';
import type { StoryListItem, StoryQuery } from '../store.ts';
import { foldName } from './fold.ts';

/** Prepares (or reuses) a statement. */
export type Statements = (sql: string) => Database.Statement;

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

/** Rewrites the index rows of these stories from their articles (stories left empty drop out). */
export function reindexStories(stmt: Statements, ids: Set<string>): void {
  const story = stmt('SELECT updated_at FROM stories WHERE id = ?');
  const arts = stmt('SELECT source, published, mentions_json FROM articles WHERE story_id = ?');
  const clear = ['story_stats', 'story_sources', 'story_places', 'story_entity_forms'].map((t) =>
    stmt(`DELETE FROM ${t} WHERE story_id = ?`),
  );
  const putStats = stmt(
    'INSERT INTO story_stats (story_id, article_count, source_count, first_pub, last_pub, updated_at, conflicts) VALUES (?, ?, ?, ?, ?, ?, NULL)',
  );
  const putSource = stmt('INSERT INTO story_sources (story_id, source, source_key) VALUES (?, ?, ?)');
  const putPlace = stmt(
    'INSERT INTO story_places (story_id, place_key, name, country, lat, lon, article_count) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const putForm = stmt(
    'INSERT INTO story_entity_forms (story_id, entity_key, name, type, form, article_count) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const id of ids) {
    for (const c of clear) c.run(id);
    const s = story.get(id) as { updated_at: string } | undefined;
    const rows = arts.all(id) as { source: string; published: string | null; mentions_json: string }[];
    if (!s || !rows.length) continue; // emptied stories are not listed
    const sources = new Map<string, string>();
    const places = new Map<
      string,
      { name: string; country: string | null; lat: number; lon: number; n: number }
    >();
    const forms = new Map<string, { key: string; name: string; type: string; form: string; n: number }>();
    const dates = rows
      .map((r) => r.published)
      .filter((d): d is string => !!d)
      .sort();
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

/** A page of stories matching every filter given, with the total before paging. */
export function findStories(stmt: Statements, q: StoryQuery): { total: number; stories: StoryListItem[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  const names: { table: string; key: string }[] = [];
  const byDay = (value: string | undefined, sql: string) => {
    if (!value) return;
    where.push(sql);
    args.push(value);
  };
  const byName = (value: string | undefined, table: string, key: string) => {
    if (!value) return;
    where.push(`s.story_id IN (SELECT story_id FROM ${table} WHERE ${key} = ?)`);
    args.push(foldName(value));
    names.push({ table, key });
  };
  byDay(q.from, 's.last_pub >= ?');
  byDay(q.to, 's.first_pub <= ?');
  byName(q.place, 'story_places', 'place_key');
  byName(q.source, 'story_sources', 'source_key');
  byName(q.entity, 'story_entity_forms', 'entity_key');
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // One name filter alone is counted on its own index, without touching story_stats.
  const only = where.length === 1 ? names[0] : undefined;
  const countSql = only
    ? `SELECT COUNT(DISTINCT story_id) AS n FROM ${only.table} WHERE ${only.key} = ?`
    : `SELECT COUNT(*) AS n FROM story_stats s ${cond}`;
  const total = (stmt(countSql).get(...args) as { n: number }).n;
  // Sort narrow rows (ids only) first, then read the page's full rows: half the work on filtered lists.
  const ids = stmt(
    `SELECT s.story_id FROM story_stats s ${cond} ORDER BY ${ORDER[q.sort ?? 'recent']} LIMIT ? OFFSET ?`,
  )
    .pluck()
    .all(...args, q.limit ?? 50, q.offset ?? 0) as string[];
  const found = ids.length
    ? (stmt(
        `SELECT s.*, t.title, t.created_at FROM story_stats s JOIN stories t ON t.id = s.story_id
         WHERE s.story_id IN (${ids.map(() => '?').join(',')})`,
      ).all(...ids) as StatsRow[])
    : [];
  const byId = new Map(found.map((r) => [r.story_id, r]));
  const rows = ids.flatMap((id) => byId.get(id) ?? []);
  return { total, stories: decorate(stmt, rows) };
}

function decorate(stmt: Statements, rows: StatsRow[]): StoryListItem[] {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.story_id);
  const marks = ids.map(() => '?').join(',');
  const sources = stmt(
    `SELECT story_id, source FROM story_sources WHERE story_id IN (${marks}) ORDER BY source`,
  ).all(...ids) as { story_id: string; source: string }[];
  const places = stmt(
    `SELECT story_id, name, country, lat, lon FROM story_places WHERE story_id IN (${marks}) ORDER BY article_count DESC, name`,
  ).all(...ids) as { story_id: string; name: string; country: string | null; lat: number; lon: number }[];
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
