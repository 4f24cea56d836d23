// A teaser item's page on a site that does not answer at all, its robots.txt included: while that
// robots.txt cannot be read, the page is refused without a request (RFC 9309, for an hour); such
// refusals are not attempts at the page, so the page still comes once the site answers again.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defaultConfig } from '../../src/config/index.ts';
import { WebClient } from '../../src/pipeline/1-intake/web/client.ts';
import { pollFeeds, subscribeFeed } from '../../src/pipeline/run-web.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { shortHash } from '../../src/util/hash.ts';
import { ARTICLE_PAGE as PAGE, send, startServer, type TestServer } from './server.ts';

const web = { ...defaultConfig.web, allow: ['127.0.0.1'], hostIntervalMs: 0, retries: 1, timeoutMs: 300 };
const T0 = Date.parse('2026-03-14T08:00:00Z');
const MINUTE = 60 * 1000;


let feeds: TestServer;
let site: TestServer;
let up = false;

before(async () => {
  site = await startServer({
    '/robots.txt': (_req, res) => void (up && res.writeHead(404).end()),
    '/news/night-ferry': (_req, res) => void (up && res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE)),
  });
  feeds = await startServer({
    '/feed.xml': send(
      `<rss version="2.0"><channel><title>Island Post</title><item><guid>night-ferry</guid><link>${site.origin}/news/night-ferry</link>` +
        `<title>Night ferry returns to the island route</title><description>The night ferry to the island resumes on Friday after three months in dry dock, the operator said.</description></item></channel></rss>`,
      { 'content-type': 'application/rss+xml' },
    ),
  });
});
after(async () => {
  await site.close();
  await feeds.close();
});

describe('a teaser whose site does not answer, robots.txt included', () => {
  it('is not given up on refusals made without a request, and gets its page when the site is back', async () => {
    const store = new SqliteStore(':memory:');
    await subscribeFeed(store, `${feeds.origin}/feed.xml`, { intervalSeconds: 300, now: T0 });
    // One client for all polls, as the watcher has; its clock moves with the polls.
    let now = T0;
    const client = new WebClient(web, { clock: { now: () => now, sleep: async () => {} }, retryBaseMs: 1 });
    const poll = (at: number) => {
      now = at;
      return pollFeeds(store, { config: { ...defaultConfig, web }, client, now: () => at });
    };
    // Every 5 minutes while robots.txt cannot be read: refused from the cached "disallow all".
    for (let i = 0; i < 6; i++) await poll(T0 + i * 5 * MINUTE);
    assert.deepEqual(site.log, ['/robots.txt'], 'the site was asked once');
    up = true;
    const back = await poll(T0 + 65 * MINUTE);
    assert.equal(back.feeds[0].pagesRecovered, 1, back.feeds[0].notes.join('\n'));
    const stored = await store.getArticle(`a-${shortHash(`${site.origin}/news/night-ferry`)}`);
    assert.match(stored!.article.text, /hospital staff on evening shifts/);
    await store.close();
  });
});
