// WebClient: robots.txt honoured for pages, retries with backoff, per-host pacing (fake clock).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defaultConfig } from '../../src/config/index.ts';
import { WebClient } from '../../src/pipeline/1-intake/web/client.ts';
import type { Clock } from '../../src/pipeline/1-intake/web/rate-limit.ts';
import { send, startServer, type TestServer } from './server.ts';

let srv: TestServer;
let broken: TestServer;
const web = { ...defaultConfig.web, allow: ['127.0.0.1'], hostIntervalMs: 0, retries: 3, timeoutMs: 2000 };

function recordingClock(): Clock & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return { sleeps, now: () => now, sleep: async (ms) => void (sleeps.push(ms), (now += ms)) };
}

before(async () => {
  srv = await startServer({
    '/robots.txt': send('User-agent: *\nDisallow: /members/\nCrawl-delay: 3\n', {
      'content-type': 'text/plain',
    }),
    '/news/a': send('<p>a</p>'),
    '/members/feed.xml': send('<rss version="2.0"><channel/></rss>', {
      'content-type': 'application/rss+xml',
    }),
  });
  broken = await startServer({ '/robots.txt': send('down', {}, 503), '/page': send('<p>x</p>') });
});
after(async () => {
  await srv.close();
  await broken.close();
});

describe('WebClient', () => {
  it('honours robots.txt for pages, fetching it once per origin, and waits its Crawl-delay', async () => {
    srv.log.length = 0;
    const clock = recordingClock();
    const client = new WebClient(web, { clock });
    await client.get(`${srv.origin}/news/a`, { kind: 'page' });
    await client.get(`${srv.origin}/news/a`, { kind: 'page' });
    await assert.rejects(
      client.get(`${srv.origin}/members/list`, { kind: 'page' }),
      /^FetchError: web: robots\.txt of 127\.0\.0\.1:\d+ disallows \/members\/list$/,
    );
    assert.deepEqual(srv.log, ['/robots.txt', '/news/a', '/news/a']);
    assert.deepEqual(clock.sleeps, [3000], 'the second page waited the crawl delay');
  });

  it('asks robots.txt once for pages of one origin requested at the same time (feeds polled side by side)', async () => {
    srv.log.length = 0;
    const client = new WebClient(web, { clock: recordingClock() });
    await Promise.all([1, 2, 3].map(() => client.get(`${srv.origin}/news/a`, { kind: 'page' })));
    assert.deepEqual(srv.log, ['/robots.txt', '/news/a', '/news/a', '/news/a']);
  });

  it('fetches a subscribed feed without asking robots.txt', async () => {
    const res = await new WebClient(web).get(`${srv.origin}/members/feed.xml`, { kind: 'feed' });
    assert.equal(res.status, 200);
  });

  it('treats an unreachable robots.txt (5xx) as "disallow all"', async () => {
    broken.log.length = 0;
    await assert.rejects(
      new WebClient(web, { retryBaseMs: 1 }).get(`${broken.origin}/page`, { kind: 'page' }),
      /robots\.txt .* disallows \/page/,
    );
    assert.ok(!broken.log.includes('/page'));
  });

  it('asks robots.txt again for each redirect hop to another origin', async () => {
    broken.log.length = 0;
    srv.routes.set('/hop', (_req, res) => res.writeHead(302, { location: `${broken.origin}/page` }).end());
    await assert.rejects(new WebClient(web).get(`${srv.origin}/hop`, { kind: 'page' }), /robots\.txt .* disallows \/page/);
    assert.deepEqual(broken.log, ['/robots.txt']);
  });

  it('retries a 503 with backoff and then succeeds', async () => {
    let calls = 0;
    srv.routes.set('/flaky', (_req, res) => {
      if (++calls < 3) return void res.writeHead(503, { 'retry-after': '1' }).end();
      res.end('<p>finally</p>');
    });
    const clock = recordingClock();
    const res = await new WebClient(web, { clock, retryBaseMs: 100 }).get(`${srv.origin}/flaky`, {
      kind: 'feed',
    });
    assert.equal(Buffer.from(res.body).toString(), '<p>finally</p>');
    assert.deepEqual(clock.sleeps, [1000, 1000], 'Retry-After of 1 s outweighs the 100/200 ms backoff');
  });

  it('paces requests to one host', async () => {
    const clock = recordingClock();
    const client = new WebClient({ ...web, hostIntervalMs: 1500 }, { clock });
    for (let i = 0; i < 3; i++) await client.get(`${srv.origin}/members/feed.xml`, { kind: 'feed' });
    assert.deepEqual(clock.sleeps, [1500, 1500]);
  });
});
