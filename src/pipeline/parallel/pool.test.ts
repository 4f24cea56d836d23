import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../config/index.ts';
import { SqliteStore } from '../../store/sqlite/sqlite-store.ts';
import { ingestPaths } from '../run.ts';
import { workerPool } from './pool.ts';

const topics = ['river flood evacuation', 'port strike dockworkers', 'court ruling riders', 'wildfire homes destroyed'];

async function grouping(dir: string, workers: number) {
  const store = new SqliteStore(':memory:');
  const summary = await ingestPaths(store, [dir], { config: defaultConfig, workers });
  const rows: string[] = [];
  for await (const r of store.clusterState()) rows.push(`${r.articleId}→${r.storyId}`);
  await store.close();
  return { summary, rows };
}

describe('worker pool', () => {
  it('gives exactly the serial result, in the same order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-pool-'));
    try {
      const lines = Array.from({ length: 120 }, (_, i) => {
        const t = topics[i % topics.length];
        return JSON.stringify({ id: `r${i}`, title: `Report ${i} on the ${t}`, text: `Officials described the ${t} in detail. Report number ${i}.` });
      });
      lines.splice(7, 0, '{not json');
      writeFileSync(join(dir, 'items.jsonl'), lines.join('\n'));
      writeFileSync(join(dir, 'empty.md'), '---\ntitle: x\n---\n');
      const serial = await grouping(dir, 0);
      const parallel = await grouping(dir, 2);
      assert.equal(serial.summary.added, 120);
      assert.deepEqual(parallel.rows, serial.rows);
      assert.deepEqual(parallel.summary, serial.summary);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('returns extraction failures as results, not crashes', async () => {
    const pool = workerPool(1);
    try {
      const r = await pool.submit({ format: 'text', path: 'x.txt', url: null, content: 'Tags: a\n' });
      assert.deepEqual(r, { error: 'empty: no title and no text' });
    } finally {
      await pool.close();
    }
  });
});

describe('a report whose analysis failed', () => {
  it('is stored without mentions, with a warning, not lost', async () => {
    const { Ingestor } = await import('../run.ts');
    const { prepareReport } = await import('./prepare.ts');
    const store = new SqliteStore(':memory:');
    try {
      const raw = { format: 'text' as const, path: 'a.txt', url: null, content: 'Flood in Valencia\n\nThe river rose overnight.' };
      const ok = prepareReport(raw);
      assert.ok('article' in ok && !ok.warning);
      // What prepareReport returns when an analyzer throws (see prepare.ts).
      const failed = { ...ok, mentions: { entities: [], dates: [], places: [], figures: [], quotes: [], eventDate: null }, warning: 'analysis failed, stored without mentions: boom' };
      const ingestor = new Ingestor(store, { config: defaultConfig });
      assert.equal(await ingestor.addPrepared(raw, failed), ok.article.id);
      const summary = await ingestor.finish();
      assert.equal(summary.added, 1);
      assert.deepEqual(summary.warnings, [{ input: 'a.txt', reason: 'analysis failed, stored without mentions: boom' }]);
      assert.equal((await store.getArticle(ok.article.id))?.article.title, 'Flood in Valencia');
    } finally {
      await store.close();
    }
  });
});
