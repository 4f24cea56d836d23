// What a multi-process run must give (issue #21's acceptance): every article stored exactly once
// (one row, one version: no batch replayed into a second version after a crash), in exactly one
// story that exists and whose list row counts it, no intake row left, and the stories of one
// process fed the same order (BCubed between the two groupings).
import pg from 'pg';
import { bcubed } from '../lib/bcubed.ts';
import type { Store } from '../../src/store/store.ts';

/** Article id → story id of every stored article; `rows` counts the rows read (a duplicate shows as rows > size). */
export async function grouping(store: Store): Promise<{ map: Map<string, string>; rows: number }> {
  const map = new Map<string, string>();
  let rows = 0;
  for await (const row of store.clusterState()) {
    map.set(row.articleId, row.storyId);
    rows++;
  }
  return { map, rows };
}

export interface Checked {
  articles: number;
  stories: number;
  /** Each failed check, said in words; empty when the run is right. */
  problems: string[];
  bcubed: { precision: number; recall: number; f1: number };
}

export async function checkRun(store: Store, pgUrl: string | null, reference: Map<string, string>): Promise<Checked> {
  const problems: string[] = [];
  const { map, rows } = await grouping(store);
  if (rows !== map.size) problems.push(`${rows - map.size} article rows twice`);
  const missing = [...reference.keys()].filter((id) => !map.has(id));
  const extra = [...map.keys()].filter((id) => !reference.has(id));
  if (missing.length) problems.push(`${missing.length} articles of the single process not stored (${missing.slice(0, 3).join(', ')})`);
  if (extra.length) problems.push(`${extra.length} articles the single process did not store (${extra.slice(0, 3).join(', ')})`);
  const listed = (await store.listStories()).reduce((n, s) => n + s.articleCount, 0);
  if (listed !== map.size) problems.push(`the story list counts ${listed} articles, ${map.size} stored`);
  const queue = await store.intakeCounts();
  if (queue.pending + queue.claimed + queue.prepared + queue.failed) problems.push(`intake rows left: ${JSON.stringify(queue)}`);
  if (pgUrl) {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    try {
      const q = async (sql: string) => Number((await c.query<{ n: string }>(sql)).rows[0].n);
      const orphans = await q('SELECT COUNT(*) AS n FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE s.id IS NULL');
      if (orphans) problems.push(`${orphans} articles in a story that does not exist`);
      const versions = await q('SELECT COUNT(*) AS n FROM article_versions');
      const later = await q('SELECT COUNT(*) AS n FROM articles WHERE version <> 1');
      if (versions || later) problems.push(`${versions} old versions, ${later} articles past version 1 (a batch stored twice)`);
      const statRows = await q('SELECT COALESCE(SUM(article_count), 0) AS n FROM story_stats');
      if (statRows !== map.size) problems.push(`story list rows count ${statRows} articles, ${map.size} stored`);
    } finally {
      await c.end();
    }
  }
  return { articles: map.size, stories: new Set(map.values()).size, problems, bcubed: bcubed(map, reference) };
}
