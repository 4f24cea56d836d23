// Queued URLs across processes (issue #21 part 4): `parallax enqueue URL…`, two worker processes
// sharing one host's pages, then `parallax worker --assigner`: every page fetched once (counted by
// the loopback server), one request a second to the host across both workers (the pace kept in
// the store), every page stored. On SQLite; on PostgreSQL when PARALLAX_TEST_PG is set.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openStore } from '../../src/store/open.ts';
import { noPgReason, testPgUrl, withDatabase } from '../postgres/pg-test-db.ts';
import { withTempDir } from '../temp-dir.ts';
import { startServer, type TestServer } from '../web/server.ts';
import { articlePage, sendPage } from './url-pages.ts';
import { runNode } from './run-node.ts';

const PAGES = 4;

const run = runNode;

let srv: TestServer;
/** Request times per path. */
const hits = new Map<string, number[]>();
before(async () => {
  srv = await startServer();
  for (let i = 0; i < PAGES; i++)
    srv.routes.set(`/story/${i}.html`, (req, res) => {
      hits.set(req.url!, [...(hits.get(req.url!) ?? []), Date.now()]);
      sendPage(res, articlePage(i));
    });
});
after(() => srv.close());

const ENV = { PARALLAX_FETCH_ALLOW: '127.0.0.1' };

async function queueFetchAssign(db: string) {
  hits.clear();
  const urls = Array.from({ length: PAGES }, (_, i) => `${srv.origin}/story/${i}.html`);
  const q = await run(['bin/parallax.js', 'enqueue', ...urls, '--db', db], ENV);
  assert.equal(q.code, 0, q.err);
  assert.match(q.err, new RegExp(`${PAGES} reports queued`));
  // Both workers start at one moment (start-up takes seconds on a loaded machine); each claims two rows.
  const start = String(Date.now() + 8_000);
  const workers = await Promise.all([0, 1].map(() => run(['test/workers/url-worker.ts', db, start], ENV)));
  for (const w of workers) assert.equal(w.code, 0, w.err);
  const made = workers.map((w) => JSON.parse(w.out) as { prepared: number });
  assert.deepEqual(made.map((m) => m.prepared).sort(), [2, 2], 'each worker prepared two pages');
  const a = await run(['bin/parallax.js', 'worker', '--assigner', '--until-empty', '--db', db], ENV);
  assert.equal(a.code, 0, a.err);
  assert.deepEqual([...hits.keys()].sort(), urls.map((u) => new URL(u).pathname).sort());
  for (const [path, times] of hits) assert.equal(times.length, 1, `${path} fetched ${times.length} times`);
  const times = [...hits.values()].flat().sort((x, y) => x - y);
  for (let i = 1; i < times.length; i++) assert.ok(times[i] - times[i - 1] >= 900, `requests ${times[i] - times[i - 1]} ms apart`);
  const store = await openStore(db);
  try {
    assert.equal((await store.counts()).articles, PAGES);
    assert.deepEqual(await store.intakeCounts(), { pending: 0, claimed: 0, prepared: 0, failed: 0 });
    const stored: (string | null)[] = [];
    for await (const row of store.clusterAssignments(Number.MAX_SAFE_INTEGER)) stored.push((await store.getArticle(row.articleId))!.article.url);
    assert.deepEqual(stored.sort(), urls.sort());
  } finally {
    await store.close();
  }
}

describe('queued URLs fetched by worker processes', () => {
  it('SQLite: each page fetched once, the host paced across both workers, every page stored', { timeout: 120_000 }, () =>
    withTempDir('url-procs', (dir) => queueFetchAssign(join(dir, 'p.db'))));
  it('PostgreSQL: the same', { timeout: 120_000, skip: testPgUrl ? false : noPgReason }, () => withDatabase('urls', (url) => queueFetchAssign(url)));
});
