// The story list's queries over its indexes: per-story stats, sources, places and entity spellings,
// rewritten for every story a write touches (story-list.ts), so the list filters and sorts with
// indexed lookups at 10k+ stories.
import type Database from 'better-sqlite3';
import type { StoryListItem, StoryQuery } from '../store.ts';
import { nameKey } from '../../text/fold.ts';

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
    args.push(nameKey(value));
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
