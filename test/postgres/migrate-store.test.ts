// migrate-store end to end: a SQLite store built from examples/ (plus an article with a second
// version and a feed) copied into a fresh PostgreSQL database gives the same `stories --json`,
// the same article history, and a second copy into it is refused.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EXAMPLES_DIR } from '../../src/cli/main.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { runCli } from '../cli-helpers.ts';
import { withTempDir } from '../temp-dir.ts';
import { noPgReason, testPgUrl, withDatabase } from './pg-test-db.ts';

describe('migrate-store', { skip: testPgUrl ? false : noPgReason }, () => {
  it('copies a SQLite store into PostgreSQL: the same stories, articles and versions', async () => {
    await withTempDir('migrate', async (dir) => {
      const db = join(dir, 'p.db');
      assert.equal((await runCli(['ingest', EXAMPLES_DIR, '--db', db, '--quiet'])).code, 0);
      const report = join(dir, 'harbour.txt');
      writeFileSync(
        report,
        'Harbour wall repaired\n\nWorkers repaired the harbour wall in Tromsø on Monday.\n',
      );
      await runCli(['ingest', report, '--db', db, '--quiet']);
      writeFileSync(
        report,
        'Harbour wall repaired\n\nWorkers finished repairing the harbour wall in Tromsø on Tuesday.\n',
      );
      await runCli(['ingest', report, '--db', db, '--quiet']);
      await withDatabase('migrate', async (url) => {
        const moved = await runCli(['migrate-store', '--from', `sqlite:${db}`, '--to', url]);
        assert.equal(moved.code, 0, moved.err);
        assert.match(
          moved.out,
          /copied \d+ articles \(1 earlier versions\), \d+ stories, 0 feeds .* counts verified/,
        );
        const fromSqlite = await runCli(['stories', '--json', '--db', db]);
        const fromPg = await runCli(['stories', '--json', '--db', url]);
        assert.equal(fromPg.code, 0, fromPg.err);
        assert.ok(JSON.parse(fromPg.out).stories.length > 5);
        assert.equal(fromPg.out, fromSqlite.out, 'the same stories --json from both stores');
        // The article with two versions: same history, same text.
        const list = JSON.parse((await runCli(['stories', '--json', '--db', url])).out) as {
          stories: { articles: { id: string; title: string }[] }[];
        };
        const id = list.stories
          .flatMap((s) => s.articles)
          .find((a) => a.title === 'Harbour wall repaired')!.id;
        const article = (where: string) =>
          runCli(['article', id, '--json', '--db', where]).then((r) => JSON.parse(r.out));
        const [a, b] = [await article(db), await article(url)];
        assert.equal(b.versions.length, 2);
        assert.deepEqual(b, a);
        // Lists, filters and search read the derived rows made in PostgreSQL: the same answers.
        const [lite, pgs] = [await openStore(db), await openStore(url)];
        try {
          const ask = (s: Store) =>
            Promise.all([
              s.findStories({ sort: 'size', limit: 100 }),
              s.findStories({ place: 'tromso' }),
              s.facets(),
              // Ranks differ between the stores (bm25, ts_rank): the same hits, in any order.
              s.searchArticles('tromso').then((r) => r.hits.map((h) => h.articleId).sort()),
            ]);
          const [l, p] = [await ask(lite), await ask(pgs)];
          assert.equal(p[1].total, 1);
          assert.ok(p[3].includes(id) && p[3].includes('hl-science-1'), p[3].join());
          assert.deepEqual(p, l);
        } finally {
          await lite.close();
          await pgs.close();
        }
        const again = await runCli(['migrate-store', '--from', `sqlite:${db}`, '--to', url]);
        assert.equal(again.code, 1);
        assert.match(again.err, /not empty/);
      });
    });
  });
});
