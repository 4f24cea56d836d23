// Two `parallax ingest` processes into one PostgreSQL store at the same time: both succeed, every
// report is stored once, in a story that exists, with its derived rows, and the story list's counts
// equal the articles. (Grouping across the two is not compared: each process groups with its own
// index until the assigner of issue #21 part 4.)
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import pg from 'pg';
import { jsonl, report } from '../reliability/reports.ts';
import { withTempDir } from '../temp-dir.ts';
import { noPgReason, testPgUrl, withDatabase } from './pg-test-db.ts';

const N = 150;
const BIN = new URL('../../bin/parallax.js', import.meta.url).pathname;

function ingest(file: string, db: string): Promise<{ code: number | null; err: string }> {
  const child = spawn(process.execPath, [BIN, 'ingest', file, '--db', db], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, err })));
}

describe('two ingest processes on one PostgreSQL store', { skip: testPgUrl ? false : noPgReason }, () => {
  it(
    `${N} + ${N} reports at once: both succeed, each stored once, the list rows in step`,
    { timeout: 180_000 },
    async () =>
      withTempDir('pg-two', async (dir) =>
        withDatabase('two', async (url) => {
          writeFileSync(join(dir, 'a.jsonl'), jsonl('a', N));
          writeFileSync(join(dir, 'b.jsonl'), jsonl('b', N));
          const [a, b] = await Promise.all([
            ingest(join(dir, 'a.jsonl'), url),
            ingest(join(dir, 'b.jsonl'), url),
          ]);
          assert.equal(a.code, 0, a.err);
          assert.equal(b.code, 0, b.err);
          assert.match(a.err, new RegExp(`${N} articles added, 0 skipped`));
          assert.match(b.err, new RegExp(`${N} articles added, 0 skipped`));
          const db = new pg.Client({ connectionString: url });
          await db.connect();
          try {
            const one = async (sql: string) => Number((await db.query(sql)).rows[0].n);
            const ids = (await db.query<{ id: string }>('SELECT id FROM articles')).rows.map((r) => r.id);
            const want = [
              ...Array.from({ length: N }, (_, i) => report('a', i).id),
              ...Array.from({ length: N }, (_, i) => report('b', i).id),
            ];
            assert.deepEqual(ids.sort(), want.sort(), 'every report once');
            assert.equal(
              await one(
                'SELECT COUNT(*) AS n FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE s.id IS NULL',
              ),
              0,
            );
            assert.equal(
              await one('SELECT COUNT(*) AS n FROM article_versions'),
              0,
              'no report stored as a second version',
            );
            assert.equal(
              await one(
                'SELECT COUNT(*) AS n FROM articles a LEFT JOIN article_index i ON i.article_id = a.id WHERE i.article_id IS NULL',
              ),
              0,
            );
            const wrong = await one(
              `SELECT COUNT(*) AS n FROM (SELECT story_id, COUNT(*) AS c FROM articles GROUP BY story_id) a
               FULL JOIN story_stats s ON s.story_id = a.story_id WHERE s.article_count IS DISTINCT FROM a.c`,
            );
            assert.equal(wrong, 0, "the story list's counts equal the articles");
          } finally {
            await db.end();
          }
        }),
      ),
  );
});
