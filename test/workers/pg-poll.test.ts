// Two `parallax poll` processes on one PostgreSQL store (issue #21 acceptance): each due feed is
// fetched once between them, counted by the loopback server, and one host's pace (1 s, the
// default) holds across both processes. The SQLite twin is feed-claims.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { subscribeFeed } from '../../src/pipeline/run-web.ts';
import { openStore } from '../../src/store/open.ts';
import { noPgReason, testPgUrl, withDatabase } from '../postgres/pg-test-db.ts';
import { startServer, type TestServer } from '../web/server.ts';
import { runNode } from './run-node.ts';


const run = runNode;

const rss = (i: number) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${i}</title><item><guid>item-${i}</guid><title>Ferry ${i} runs aground off Visby</title>` +
  `<description>${`Ferry number ${i} ran aground near Visby harbour on Tuesday, the coast guard said, and all passengers were taken ashore. `.repeat(3)}</description></item></channel></rss>`;

/** Every request's time, per path: the server side's count of fetches. */
const hits = new Map<string, number[]>();
let srv: TestServer;
before(async () => {
  srv = await startServer();
  for (let i = 0; i < 8; i++) {
    srv.routes.set(`/feed-${i}.xml`, (req, res) => {
      hits.set(req.url!, [...(hits.get(req.url!) ?? []), Date.now()]);
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss(i));
    });
  }
});
after(() => srv.close());

const ENV = { PARALLAX_FETCH_ALLOW: '127.0.0.1' };
/** Gaps between consecutive requests to the one host, in ms. */
const gaps = () => {
  const times = [...hits.values()].flat().sort((x, y) => x - y);
  return times.slice(1).map((t, i) => t - times[i]);
};

describe('two pollers on one PostgreSQL store', { skip: testPgUrl ? false : noPgReason }, () => {
  it('two `parallax poll` processes fetch each due feed exactly once, one request a second to the host', { timeout: 120_000 }, async () =>
    withDatabase('poll', async (url) => {
      const feeds = 6;
      const store = await openStore(url);
      for (let i = 0; i < feeds; i++) await subscribeFeed(store, `${srv.origin}/feed-${i}.xml`, { intervalSeconds: 900 });
      await store.close();
      hits.clear();
      const polls = await Promise.all([0, 1].map(() => run(['bin/parallax.js', 'poll', '--db', url], ENV)));
      for (const p of polls) assert.equal(p.code, 0, p.err);
      assert.deepEqual([...hits.keys()].sort(), Array.from({ length: feeds }, (_, i) => `/feed-${i}.xml`).sort());
      for (const [path, times] of hits) assert.equal(times.length, 1, `${path} fetched ${times.length} times`);
      const check = await openStore(url);
      try {
        assert.equal((await check.counts()).articles, feeds);
        for (const f of await check.listFeeds()) {
          assert.ok(Date.parse(f.nextCheckAt) > Date.now(), `${f.url} is scheduled again`);
          assert.equal(f.failures, 0, `${f.url}: ${f.lastError}`);
        }
      } finally {
        await check.close();
      }
      for (const gap of gaps()) assert.ok(gap >= 900, `requests ${gap} ms apart`);
    }));

  it('two pollers each holding their own feeds of one host keep its pace between them', { timeout: 120_000 }, async () =>
    withDatabase('pace', async (url) => {
      const store = await openStore(url);
      const now = Date.now();
      for (let i = 0; i < 4; i++) await subscribeFeed(store, `${srv.origin}/feed-${i}.xml`, { intervalSeconds: 900, now: now - 60_000 });
      const at = new Date(now).toISOString();
      const first = await store.claimDueFeeds(at, 'setup', 600, 2);
      const second = await store.claimDueFeeds(at, 'setup', 600, 2);
      await store.close();
      assert.equal(new Set([...first, ...second].map((f) => f.id)).size, 4, 'each feed claimed by one poller');
      hits.clear();
      // Both start at one moment (process start-up takes seconds on a loaded machine).
      const start = String(Date.now() + 8_000);
      const polls = await Promise.all([first, second].map((fs) => run(['test/workers/poll-these.ts', url, start, ...fs.map((f) => f.id)], ENV)));
      for (const p of polls) assert.equal(p.code, 0, p.err);
      assert.equal([...hits.values()].flat().length, 4);
      for (const gap of gaps()) assert.ok(gap >= 900, `requests ${gap} ms apart`);
    }));
});
