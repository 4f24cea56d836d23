// A feed item whose page could not be fetched is stored from its teaser; later polls try the page
// again (PAGE_ATTEMPTS attempts within PAGE_RETRY_WINDOW_MS), and when it comes it replaces the
// teaser as a new version of the same article. Failed retries keep the teaser.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { defaultConfig } from '../../src/config/index.ts';
import { PAGE_ATTEMPTS } from '../../src/pipeline/1-intake/feeds/teasers.ts';
import { WebClient } from '../../src/pipeline/1-intake/web/client.ts';
import { pollFeeds, subscribeFeed, type WebRunOptions } from '../../src/pipeline/run-web.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { shortHash } from '../../src/util/hash.ts';
import { ARTICLE_PAGE as PAGE, send, startServer, type TestServer } from './server.ts';

// One request per attempt (no retry within a poll), so page requests count the attempts.
const web = { ...defaultConfig.web, allow: ['127.0.0.1'], hostIntervalMs: 0, retries: 1, timeoutMs: 800 };
const T0 = Date.parse('2026-03-14T08:00:00Z');
const HOUR = 3600 * 1000;
const opts = (nowMs: number): WebRunOptions => ({
  config: { ...defaultConfig, web },
  client: new WebClient(web, { retryBaseMs: 5 }),
  now: () => nowMs,
});


let srv: TestServer;
/** What the article page answers now. */
let page: 'down' | 'gone' | 'up';
let feedRequests: { ifNoneMatch: string | undefined }[];

const storyUrl = () => `${srv.origin}/news/night-ferry`;
const articleId = () => `a-${shortHash(storyUrl())}`;

before(async () => {
  srv = await startServer({
    '/news/night-ferry': (_req, res) => {
      if (page === 'up')
        return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      res.writeHead(page === 'down' ? 503 : 404, { 'content-type': 'text/plain' }).end(page);
    },
  });
  // A teaser item (too short to stand for the article) with an ETag, so a 304 could hide it.
  const feed = send(
    `<rss version="2.0"><channel><title>Island Post</title><item><guid>night-ferry</guid><link>${srv.origin}/news/night-ferry</link>` +
      `<title>Night ferry returns to the island route</title><description>The night ferry to the island resumes on Friday after three months in dry dock, the operator said.</description></item></channel></rss>`,
    { 'content-type': 'application/rss+xml', etag: '"v1"' },
  );
  srv.routes.set('/feed.xml', (req, res) => {
    feedRequests.push({ ifNoneMatch: req.headers['if-none-match'] });
    if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
    feed(req, res);
  });
});
beforeEach(() => {
  srv.log.length = 0;
  feedRequests = [];
});
after(() => srv.close());

const pageRequests = () => srv.log.filter((p) => p === '/news/night-ferry').length;

describe('a feed item whose page could not be fetched', () => {
  it('is stored from its teaser, and the page that comes at a later poll replaces it as a new version', async () => {
    const store = new SqliteStore(':memory:');
    await subscribeFeed(store, `${srv.origin}/feed.xml`, { intervalSeconds: 600, now: T0 });
    page = 'down';
    const first = await pollFeeds(store, opts(T0));
    assert.deepEqual([first.feeds[0].newItems, first.added], [1, 1]);
    assert.match(
      first.feeds[0].notes.join('\n'),
      /HTTP 503 .*used the feed's summary, the page is tried again at the next poll \(1 of 4 attempts made\)/,
    );
    assert.match(
      (await store.getArticle(articleId()))!.article.text,
      /^The night ferry to the island resumes on Friday/,
    );

    // Still down: the teaser stays, untouched.
    const second = await pollFeeds(store, opts(T0 + HOUR));
    assert.deepEqual([second.added, second.updated, second.feeds[0].pagesRecovered], [0, 0, 0]);
    assert.equal((await store.articleVersions(articleId())).length, 1);
    assert.match((await store.getArticle(articleId()))!.article.text, /^The night ferry/);

    page = 'up';
    const third = await pollFeeds(store, opts(T0 + 2 * HOUR));
    assert.deepEqual(
      [
        third.feeds[0].newItems,
        third.feeds[0].changedItems,
        third.feeds[0].pagesRecovered,
        third.added,
        third.updated,
      ],
      [0, 0, 1, 0, 1],
    );
    assert.equal((await store.counts()).articles, 1, 'the same article, not a second one');
    assert.equal((await store.articleVersions(articleId())).length, 2);
    assert.match((await store.getArticle(articleId()))!.article.text, /hospital staff on evening shifts/);

    // The page is in: nothing more to fetch, and the feed's validators are used again.
    const fourth = await pollFeeds(store, opts(T0 + 3 * HOUR));
    assert.equal(fourth.feeds[0].status, 'not-modified');
    assert.equal(pageRequests(), 3, 'one page request per poll while it was missing, none after');
    assert.deepEqual(
      feedRequests.map((r) => r.ifNoneMatch),
      [undefined, undefined, undefined, '"v1"'],
      'the feed is fetched in full while a page is missing (a 304 would not list the item)',
    );
    await store.close();
  });

  it(`tries a missing page ${PAGE_ATTEMPTS} times in all, and not after two days; a 404 is not tried again`, async () => {
    const store = new SqliteStore(':memory:');
    await subscribeFeed(store, `${srv.origin}/feed.xml`, { intervalSeconds: 600, now: T0 });
    page = 'down';
    for (let i = 0; i < PAGE_ATTEMPTS + 2; i++) await pollFeeds(store, opts(T0 + i * HOUR));
    assert.equal(pageRequests(), PAGE_ATTEMPTS);
    assert.match(
      (await store.getArticle(articleId()))!.article.text,
      /^The night ferry/,
      'the teaser is kept',
    );
    assert.equal(feedRequests.at(-1)?.ifNoneMatch, '"v1"', 'given up: validators used again');

    const late = new SqliteStore(':memory:');
    await subscribeFeed(late, `${srv.origin}/feed.xml`, { intervalSeconds: 600, now: T0 });
    srv.log.length = 0;
    await pollFeeds(late, opts(T0));
    const r = await pollFeeds(late, opts(T0 + 49 * HOUR));
    assert.equal(pageRequests(), 1, 'not tried two days after the first failure');
    assert.match(
      r.feeds[0].notes.join('\n'),
      /page still missing since 2026-03-14T08:00:00\.000Z; the feed's summary stays/,
    );

    const gone = new SqliteStore(':memory:');
    await subscribeFeed(gone, `${srv.origin}/feed.xml`, { intervalSeconds: 600, now: T0 });
    srv.log.length = 0;
    page = 'gone';
    await pollFeeds(gone, opts(T0));
    await pollFeeds(gone, opts(T0 + HOUR));
    assert.equal(pageRequests(), 1, 'a page that is not there is not asked for again');
    for (const s of [store, late, gone]) await s.close();
  });
});
