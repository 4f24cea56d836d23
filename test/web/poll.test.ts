// Polling feeds end to end against a loopback server: items flow through the whole pipeline,
// polling again adds nothing, a changed item becomes a new version, hostile feeds fail alone.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { defaultConfig } from '../../src/config/index.ts';
import { WebClient } from '../../src/pipeline/1-intake/web/client.ts';
import { ingestUrls, pollFeeds, subscribeFeed, type WebRunOptions } from '../../src/pipeline/run-web.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { send, startServer, type TestServer } from './server.ts';

// Compressed once: made per request, 64 MB of gzip took most of an 800 ms deadline on a loaded machine.
const BOMB = gzipSync(Buffer.alloc(64 * 1024 * 1024, ' '));

// The fetch deadline: /slow.xml must reach it, /big.xml (8 MB, all of it parsed to count its
// items) must not; beside the bomb and the endless feed on a loaded machine it took over 800 ms.
const DEADLINE_MS = 2_500;
let srv: TestServer;
const web = {
  ...defaultConfig.web,
  allow: ['127.0.0.1'],
  hostIntervalMs: 0,
  retries: 2,
  timeoutMs: DEADLINE_MS,
  maxFeedItems: 20,
};
const config = { ...defaultConfig, web };
const client = () => new WebClient(web, { retryBaseMs: 5 });
const opts = (): WebRunOptions => ({ config, client: client() });
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const CYRILLIC_PAGE = `<!doctype html><html><head><meta charset="windows-1251"><title>Совет одобрил новый бюджет порта</title></head><body><article>
<h1>Совет одобрил новый бюджет порта</h1>
<p>Городской совет в пятницу семью голосами против двух одобрил бюджет порта и план углубления дна.</p>
<p>По словам председателя совета, работы начнутся летом и продлятся около четырёх месяцев, а расходы разделят город и область.</p>
<p>Рыбаки попросили сохранить доступ к причалам во время работ; администрация обещала график по неделям.</p>
</article></body></html>`;

/** rss2.xml with its links pointing at the test server. */
const harbourFeed = (origin: string, edit = (s: string) => s) =>
  edit(fixture('rss2.xml').replaceAll('https://news.example', origin));

before(async () => {
  srv = await startServer({
    '/2026/03/harbour-budget': send(iconv.encode(CYRILLIC_PAGE, 'win1251'), { 'content-type': 'text/html' }),
    '/billion-laughs.xml': send(fixture('billion-laughs.xml'), { 'content-type': 'application/rss+xml' }),
    '/laughs-as-xml': send(fixture('billion-laughs.xml'), { 'content-type': 'application/xml' }),
    '/xxe-as-xml': send(
      '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<rss version="2.0"><channel><title>XXE</title><item><title>XXE</title><description>XXE &xxe;</description></item></channel></rss>',
      { 'content-type': 'application/xml' },
    ),
    '/big.xml': (_req, res) => {
      const items = Array.from(
        { length: 100_000 },
        (_, i) => `<item><title>Item ${i}</title><description>Harbour note ${i}.</description></item>`,
      );
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`<rss version="2.0"><channel><title>Big</title>${items.join('')}</channel></rss>`);
    },
    '/bomb.xml': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
      res.end(BOMB);
    },
    '/endless.xml': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, ' ');
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    },
    '/500.xml': send('error', {}, 500),
    '/busy.xml': send('busy', { 'retry-after': '7200' }, 503),
    '/slow.xml': () => {},
    '/meta.xml': (_req, res) =>
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    '/mapped.xml': (_req, res) =>
      res.writeHead(302, { location: `http://[::ffff:127.0.0.1]:${srv.port}/feed.xml` }).end(),
  });
  srv.routes.set(
    '/feed.xml',
    send(harbourFeed(srv.origin), { 'content-type': 'application/rss+xml; charset=utf-8' }),
  );
});
after(() => srv.close());

describe('pollFeeds', () => {
  it('ingests items, fetching the page of a teaser item, and adds nothing when polled again', async () => {
    const store = new SqliteStore(':memory:');
    await subscribeFeed(store, `${srv.origin}/feed.xml`, { intervalSeconds: 600 });
    const first = await pollFeeds(store, opts());
    assert.equal(first.feeds[0].status, 'ok', first.feeds[0].error ?? '');
    assert.equal(first.feeds[0].newItems, 2);
    assert.equal(first.added, 2);
    const ids = (await store.listStories()).length;
    assert.ok(ids >= 1);
    const budget = await store.getArticle(
      `a-${(await import('../../src/util/hash.ts')).shortHash(`${srv.origin}/2026/03/harbour-budget`)}`,
    );
    assert.match(budget?.article.text ?? '', /Городской совет в пятницу/, 'windows-1251 page decoded');
    assert.equal(budget?.article.published?.method, 'feed');
    const flood = (await store.listFeeds())[0];
    assert.equal(flood.title, 'Harbour Gazette & Wire');
    assert.equal(flood.itemCount, 2);

    const again = await pollFeeds(store, opts());
    assert.deepEqual(
      [again.feeds[0].newItems, again.feeds[0].changedItems, again.added, again.updated],
      [0, 0, 0, 0],
    );
    assert.equal((await store.counts()).articles, 2);
    await store.close();
  });

  it('uses ETag and Last-Modified: a 304 costs nothing', async () => {
    const store = new SqliteStore(':memory:');
    const body = harbourFeed(srv.origin);
    srv.routes.set('/cond.xml', (req, res) => {
      if (req.headers['if-none-match'] === '"r1"') return void res.writeHead(304).end();
      res
        .writeHead(200, {
          'content-type': 'application/rss+xml',
          etag: '"r1"',
          'last-modified': 'Sat, 14 Mar 2026 09:00:00 GMT',
        })
        .end(body);
    });
    await subscribeFeed(store, `${srv.origin}/cond.xml`, { intervalSeconds: 600 });
    await pollFeeds(store, opts());
    const feed = (await store.listFeeds())[0];
    assert.equal(feed.etag, '"r1"');
    const again = await pollFeeds(store, opts());
    assert.equal(again.feeds[0].status, 'not-modified');
    assert.equal((await store.listFeeds())[0].etag, '"r1"', 'validators kept after a 304');
    await store.close();
  });

  it('turns a changed item into a new version of its article', async () => {
    const store = new SqliteStore(':memory:');
    let body = harbourFeed(srv.origin);
    srv.routes.set('/changing.xml', (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body),
    );
    await subscribeFeed(store, `${srv.origin}/changing.xml`, { intervalSeconds: 600 });
    await pollFeeds(store, opts());
    body = harbourFeed(srv.origin, (s) => s.replace('40 households', '65 households'));
    const r = await pollFeeds(store, opts());
    assert.deepEqual([r.feeds[0].newItems, r.feeds[0].changedItems, r.updated, r.added], [0, 1, 1, 0]);
    const id = `a-${(await import('../../src/util/hash.ts')).shortHash(`${srv.origin}/2026/03/floods-close-road`)}`;
    const versions = await store.articleVersions(id);
    assert.equal(versions.length, 2);
    assert.match((await store.getArticle(id))!.article.text, /65 households/);
    await store.close();
  });

  it('polls a subscription older than the interval rule no more often than the rule allows', async () => {
    const store = new SqliteStore(':memory:');
    // Earlier versions let the CLI subscribe every minute; such a subscription is read at the floor.
    await subscribeFeed(store, `${srv.origin}/feed.xml`, { intervalSeconds: 60 });
    const nowMs = Date.parse('2026-03-14T12:00:00Z');
    await pollFeeds(store, { ...opts(), now: () => nowMs });
    assert.equal((await store.listFeeds())[0].nextCheckAt, new Date(nowMs + 300 * 1000).toISOString());
    await store.close();
  });

  it('fails each hostile feed alone, with a clear error, and backs off', async () => {
    const store = new SqliteStore(':memory:');
    const paths = [
      '/billion-laughs.xml',
      '/bomb.xml',
      '/endless.xml',
      '/404.xml',
      '/500.xml',
      '/busy.xml',
      '/slow.xml',
      '/meta.xml',
      '/mapped.xml',
      '/big.xml',
      '/feed.xml',
    ];
    for (const p of paths)
      await subscribeFeed(store, `${srv.origin}${p}`, {
        intervalSeconds: 600,
        now: Date.parse('2026-03-14T00:00:00Z'),
      });
    const t = Date.now();
    const nowMs = Date.parse('2026-03-14T12:00:00Z');
    const r = await pollFeeds(store, { ...opts(), now: () => nowMs });
    assert.ok(Date.now() - t < 15_000, 'bounded in time');
    const by = Object.fromEntries(r.feeds.map((f) => [new URL(f.url).pathname, f]));
    const expect: Record<string, RegExp> = {
      '/billion-laughs.xml': /^feeds: refusing XML with a DTD internal subset/,
      '/bomb.xml': /^web: body exceeds the limit of 10\.0 MB after decompression/,
      '/endless.xml': /^web: body exceeds the limit/,
      '/404.xml': /^web: HTTP 404/,
      '/500.xml': /^web: HTTP 500 .*after 2 attempts/,
      '/busy.xml': /^web: HTTP 503/,
      '/slow.xml': new RegExp(`^web: .*did not answer in full within ${DEADLINE_MS} ms`),
      '/meta.xml': /^web: refusing 169\.254\.169\.254: 169\.254\.169\.254 is a metadata address/,
      '/mapped.xml': /^web: refusing \[::ffff:7f00:1\].*loopback address/,
    };
    for (const [path, re] of Object.entries(expect)) {
      assert.equal(by[path].status, 'failed', path);
      assert.match(by[path].error ?? '', re, path);
    }
    assert.equal(by['/big.xml'].status, 'ok', by['/big.xml'].error ?? '');
    assert.deepEqual(by['/big.xml'].notes, ['read the first 20 of 100000 items (limit)']);
    assert.equal(by['/feed.xml'].status, 'ok');
    assert.equal(by['/feed.xml'].newItems, 2);
    const feeds = await store.listFeeds();
    const failing = feeds.find((f) => f.url.endsWith('/404.xml'))!;
    assert.equal(failing.failures, 1);
    assert.equal(
      failing.nextCheckAt,
      new Date(nowMs + 1200 * 1000).toISOString(),
      'first failure doubles the interval',
    );
    assert.equal(
      feeds.find((f) => f.url.endsWith('/busy.xml'))!.nextCheckAt,
      new Date(nowMs + 7200 * 1000).toISOString(),
      'a Retry-After longer than the backoff is honoured',
    );
    assert.equal(feeds.find((f) => f.url.endsWith('/feed.xml'))!.failures, 0);
    await store.close();
  });
});

describe('ingestUrls', () => {
  it('ingests a page once whatever tracking parameters its URL carries, and a feed URL item by item', async () => {
    const store = new SqliteStore(':memory:');
    const page = `${srv.origin}/2026/03/harbour-budget`;
    const s1 = await ingestUrls(
      store,
      [`${page}?utm_source=x`, page, `${srv.origin}/feed.xml`, `${srv.origin}/404.xml`],
      opts(),
    );
    assert.equal(s1.added, 2, JSON.stringify(s1));
    assert.equal(s1.unchanged, 2);
    assert.deepEqual(
      s1.skipped.map((s) => s.reason.replace(/ from .*/, '')),
      ['web: HTTP 404'],
    );
    await store.close();
  });

  it('refuses XML with a DTD internal subset served as application/xml, instead of storing it as a page', async () => {
    const store = new SqliteStore(':memory:');
    const urls = [`${srv.origin}/xxe-as-xml`, `${srv.origin}/laughs-as-xml`];
    const s = await ingestUrls(store, urls, opts());
    assert.equal(s.added, 0);
    assert.deepEqual(
      s.skipped.map((k) => [k.input, k.reason.replace(/ \(.*/, '')]),
      urls.map((u) => [u, 'feeds: refusing XML with a DTD internal subset']),
    );
    await store.close();
  });
});
