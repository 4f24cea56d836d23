// Two pollers on one store file, in two processes: each due feed is claimed, and fetched, once,
// and requests to one host keep the host's pace across both processes.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { subscribeFeed } from '../../src/pipeline/run-web.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { withTempDir } from '../temp-dir.ts';
import { startServer, type TestServer } from '../web/server.ts';
import { runNode } from './run-node.ts';


const run = runNode;

const rss = (i: number) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${i}</title><item><guid>item-${i}</guid><title>Harbour crane ${i} collapses in Gdynia</title>` +
  `<description>${`Crane number ${i} fell onto the quay in Gdynia on Monday, the port authority said, and no one was hurt. `.repeat(3)}</description></item></channel></rss>`;

let srv: TestServer;
const hits = new Map<string, number[]>();
before(async () => {
  srv = await startServer();
  for (let i = 0; i < 40; i++) {
    srv.routes.set(`/feed-${i}.xml`, (req, res) => {
      hits.set(req.url!, [...(hits.get(req.url!) ?? []), Date.now()]);
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss(i));
    });
  }
});
after(() => srv.close());

describe('feed claims across processes', () => {
  it('two claim loops racing on one store file get every due feed once between them', async () => {
    await withTempDir('claims', async (dir) => {
      const file = join(dir, 'p.db');
      const store = new SqliteStore(file);
      const now = Date.parse('2026-03-14T01:00:00Z');
      for (let i = 0; i < 40; i++) await subscribeFeed(store, `${srv.origin}/feed-${i}.xml`, { intervalSeconds: 900, now: now - 60_000 });
      await store.close();
      const at = new Date(now).toISOString();
      const [a, b] = await Promise.all(['A', 'B'].map((owner) => run(['test/workers/claim-loop.ts', file, owner, at])));
      assert.equal(a.code, 0, a.err);
      assert.equal(b.code, 0, b.err);
      const got = [...a.out.split('\n'), ...b.out.split('\n')].filter(Boolean);
      assert.equal(got.length, 40, `claimed ${got.length} times in all`);
      assert.equal(new Set(got).size, 40, 'no feed claimed twice');
    });
  });

  it('two `parallax poll` processes fetch each due feed exactly once, one request a second to the host', async () => {
    await withTempDir('poll-two', async (dir) => {
      const file = join(dir, 'p.db');
      const store = new SqliteStore(file);
      const feeds = 5;
      for (let i = 0; i < feeds; i++) await subscribeFeed(store, `${srv.origin}/feed-${i}.xml`, { intervalSeconds: 900 });
      await store.close();
      hits.clear();
      const env = { PARALLAX_DB: file, PARALLAX_FETCH_ALLOW: '127.0.0.1' };
      const polls = await Promise.all([0, 1].map(() => run(['bin/parallax.js', 'poll'], env)));
      for (const p of polls) assert.equal(p.code, 0, p.err);
      assert.deepEqual([...hits.keys()].sort(), Array.from({ length: feeds }, (_, i) => `/feed-${i}.xml`).sort());
      for (const [path, times] of hits) assert.equal(times.length, 1, `${path} fetched ${times.length} times`);
      const check = new SqliteStore(file);
      assert.equal((await check.counts()).articles, feeds);
      for (const f of await check.listFeeds()) assert.ok(Date.parse(f.nextCheckAt) > Date.now(), `${f.url} is scheduled again`);
      await check.close();
      // The host's pace (1 s, the default) holds across both processes.
      const times = [...hits.values()].flat().sort((x, y) => x - y);
      for (let i = 1; i < times.length; i++) assert.ok(times[i] - times[i - 1] >= 900, `requests ${times[i] - times[i - 1]} ms apart`);
    });
  });

  it('two pollers keep the host pace between them when each holds its own feeds', async () => {
    await withTempDir('pace-two', async (dir) => {
      const file = join(dir, 'p.db');
      const store = new SqliteStore(file);
      const now = Date.now();
      for (let i = 0; i < 4; i++) await subscribeFeed(store, `${srv.origin}/feed-${i}.xml`, { intervalSeconds: 900, now: now - 60_000 });
      // Each process gets two feeds: the pace across processes, not one process's queue, spaces them.
      const [first, second] = [await store.claimDueFeeds(new Date(now).toISOString(), 'setup', 600, 2), await store.claimDueFeeds(new Date(now).toISOString(), 'setup', 600, 2)];
      await store.close();
      hits.clear();
      const env = { PARALLAX_FETCH_ALLOW: '127.0.0.1' };
      // Both start polling at one moment (process start-up takes seconds on a loaded machine).
      const start = String(Date.now() + 8_000);
      const polls = await Promise.all([first, second].map((fs) => run(['test/workers/poll-these.ts', file, start, ...fs.map((f) => f.id)], env)));
      for (const p of polls) assert.equal(p.code, 0, p.err);
      const times = [...hits.values()].flat().sort((x, y) => x - y);
      assert.equal(times.length, 4);
      for (let i = 1; i < times.length; i++) assert.ok(times[i] - times[i - 1] >= 900, `requests ${times[i] - times[i - 1]} ms apart`);
    });
  });
});
