// Workers fetch the URLs queued in the intake (issue #21 part 4): a queued address is fetched by
// the worker that claims it, with the safe fetcher (address guard, limits), then extracted and
// analysed like any report; a fetch that may pass later is tried again a bounded number of times
// without holding up the rows behind it; any other failure fails the row with the fetch's error.
// Loopback pages served by the test, reachable only through the fetcher's allowance for them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defaultConfig, type WebConfig } from '../../src/config/index.ts';
import { queuedUrl } from '../../src/pipeline/1-intake/queued-url.ts';
import { runAssigner } from '../../src/pipeline/run-assigner.ts';
import { runWorker } from '../../src/pipeline/run-worker.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { startServer, type TestServer } from '../web/server.ts';
import { articlePage, sendPage } from './url-pages.ts';

let srv: TestServer;
const hits = new Map<string, number>();
const count = (path: string) => hits.set(path, (hits.get(path) ?? 0) + 1);
before(async () => {
  srv = await startServer();
  for (let i = 0; i < 3; i++)
    srv.routes.set(`/news/${i}.html`, (req, res) => {
      count(req.url!);
      sendPage(res, articlePage(i));
    });
  // Down the first time, up the second.
  srv.routes.set('/flaky.html', (req, res) => {
    count(req.url!);
    if (hits.get(req.url!) === 1) {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('busy');
    } else sendPage(res, articlePage(7));
  });
  srv.routes.set('/down.html', (req, res) => {
    count(req.url!);
    res.writeHead(503, { 'content-type': 'text/plain' });
    res.end('busy');
  });
  srv.routes.set('/gone.html', (req, res) => {
    count(req.url!);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not here');
  });
  srv.routes.set('/feed.xml', (req, res) => {
    count(req.url!);
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end('<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>x</title><link>http://127.0.0.1/x</link></item></channel></rss>');
  });
});
after(() => srv.close());

/** The fetcher as the worker uses it: this loopback server allowed, no in-client retries, a quick pace. */
const web = (allow: string[]): WebConfig => ({ ...defaultConfig.web, allow, retries: 0, hostIntervalMs: 20, timeoutMs: 3_000 });
const config = (allow: string[]) => ({ ...defaultConfig, web: web(allow) });

describe('workers fetch queued URLs', () => {
  it('fetches, extracts and analyses a queued page; the assigner stores it under its address', async () => {
    const store = new SqliteStore(':memory:');
    hits.clear();
    const seqs = await store.enqueueReports([queuedUrl(`${srv.origin}/news/0.html`)!, queuedUrl(`${srv.origin}/news/1.html`)!]);
    const w = await runWorker(store, { owner: 'w', web: web(['127.0.0.1']), untilEmpty: true });
    assert.deepEqual(w, { prepared: 2, failed: 0, retrying: 0 });
    const status = await store.intakeStatus(seqs);
    assert.deepEqual(status.map((s) => s.state), ['prepared', 'prepared']);
    await runAssigner(store, { owner: 'a', config: config(['127.0.0.1']), untilEmpty: true });
    const done = await store.intakeStatus(seqs);
    assert.deepEqual(done.map((s) => s.state), ['done', 'done']);
    const a = await store.getArticle(done[0].articleId!);
    assert.equal(a?.article.url, `${srv.origin}/news/0.html`);
    assert.match(a!.article.title, /^Bridge 0 closed in Tromsø/);
    assert.ok(a!.article.text.includes('county road authority'));
    assert.deepEqual([...hits.values()], [1, 1], 'each page fetched once');
    await store.close();
  });

  it('a private address is refused by the guard, nothing requested, the row failed with the reason', async () => {
    const store = new SqliteStore(':memory:');
    hits.clear();
    const [seq] = await store.enqueueReports([queuedUrl(`${srv.origin}/news/2.html`)!]);
    const w = await runWorker(store, { owner: 'w', web: web([]), untilEmpty: true });
    assert.deepEqual(w, { prepared: 0, failed: 1, retrying: 0 });
    const [s] = await store.intakeStatus([seq]);
    assert.equal(s.state, 'failed');
    assert.match(s.error!, /^fetch failed: web: .*(private|loopback|blocked|not allowed)/i);
    assert.equal(hits.size, 0, 'no request reached the server');
    await store.close();
  });

  it('a fetch that may pass later is tried again after a wait, a bounded number of times; others fail at once; rows behind them go on', async () => {
    const store = new SqliteStore(':memory:');
    hits.clear();
    const urls = ['/flaky.html', '/down.html', '/gone.html', '/feed.xml', '/news/1.html'];
    const seqs = await store.enqueueReports(urls.map((u) => queuedUrl(`${srv.origin}${u}`)!));
    const batches: { prepared: number; failed: number; retrying: number }[] = [];
    const w = await runWorker(store, { owner: 'w', web: web(['127.0.0.1']), untilEmpty: true, idleMs: 20, fetchRetryMs: [300, 300], onBatch: (b) => batches.push(b) });
    // First pass: the page behind the failing ones is prepared, two are given back, two fail.
    assert.deepEqual(batches[0], { prepared: 1, failed: 2, retrying: 2 });
    assert.deepEqual(w, { prepared: 2, failed: 3, retrying: 3 });
    const status = await store.intakeStatus(seqs);
    assert.deepEqual(status.map((s) => s.state), ['prepared', 'failed', 'failed', 'failed', 'prepared']);
    assert.match(status[1].error!, /^fetch failed after 3 tries: web: .*503/);
    assert.match(status[2].error!, /^fetch failed: web: .*404/);
    assert.match(status[3].error!, /is a feed, not a page/);
    assert.deepEqual(Object.fromEntries(hits), { '/flaky.html': 2, '/down.html': 3, '/gone.html': 1, '/feed.xml': 1, '/news/1.html': 1 });
    await runAssigner(store, { owner: 'a', config: config(['127.0.0.1']), untilEmpty: true });
    assert.equal((await store.counts()).articles, 2);
    assert.deepEqual(await store.intakeCounts(), { pending: 0, claimed: 0, prepared: 0, failed: 0 });
    // The errors outlive the rows the assigner consumed.
    assert.match((await store.intakeStatus([seqs[1]]))[0].error!, /after 3 tries/);
    await store.close();
  });
});
