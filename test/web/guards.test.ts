// Address classification, canonical URLs, robots.txt rules, backoff: the pure pieces, by table.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressKind, blockedReason, parseAllowList } from '../../src/pipeline/1-intake/web/address.ts';
import { canonicalUrl } from '../../src/pipeline/1-intake/web/canonical-url.ts';
import { FetchError } from '../../src/pipeline/1-intake/web/errors.ts';
import { HostRateLimiter } from '../../src/pipeline/1-intake/web/rate-limit.ts';
import { backoffDelay, withRetry } from '../../src/pipeline/1-intake/web/retry.ts';
import { parseRobots, robotsAllows } from '../../src/pipeline/1-intake/web/robots.ts';

describe('addressKind', () => {
  const cases: [string, string][] = [
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['2002:7f00:1::', 'loopback'],
    ['169.254.169.254', 'metadata'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['224.0.0.251', 'multicast'],
    ['ff02::fb', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['172.32.0.1', 'public'],
    ['8.8.8.8', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['::ffff:8.8.8.8', 'public'],
  ];
  for (const [ip, kind] of cases) it(`${ip} is ${kind}`, () => assert.equal(addressKind(ip), kind));
});

describe('allow-list', () => {
  const allow = parseAllowList(['127.0.0.1', '10.0.0.0/8', '169.254.0.0/16']);
  const cases: [string, boolean][] = [
    ['127.0.0.1', true],
    ['127.0.0.2', false],
    ['10.200.1.1', true],
    ['169.254.1.1', true],
    // A metadata address needs an entry of its own, and the IPv4 entry does not cover the mapped form.
    ['169.254.169.254', false],
    ['::ffff:127.0.0.1', false],
    ['8.8.8.8', true],
  ];
  for (const [ip, ok] of cases)
    it(`${ip} ${ok ? 'may' : 'may not'} be reached`, () =>
      assert.equal(blockedReason(ip, allow) === null, ok));
  it('names bad entries', () =>
    assert.throws(
      () => parseAllowList(['10.0.0.0/33', 'localhost']),
      /bad allow-list entries: 10\.0\.0\.0\/33, localhost/,
    ));
  it('allows a metadata address listed exactly', () =>
    assert.equal(blockedReason('169.254.169.254', parseAllowList(['169.254.169.254'])), null));
});

describe('canonicalUrl', () => {
  const cases: [string, string | null][] = [
    ['https://News.Example/a/b?utm_source=rss&utm_medium=feed#top', 'https://news.example/a/b'],
    ['https://news.example:443/a?b=2&a=1&fbclid=x', 'https://news.example/a?a=1&b=2'],
    ['http://user:pw@news.example./a', 'http://news.example/a'],
    ['https://news.example', 'https://news.example/'],
    ['ftp://news.example/a', null],
    ['javascript:alert(1)', null],
    ['not a url', null],
  ];
  for (const [input, want] of cases) it(input, () => assert.equal(canonicalUrl(input), want));
});

describe('robots.txt', () => {
  const text = `# comments are fine
User-agent: *
Disallow: /private/
Allow: /private/press/
Disallow: /*.pdf$

User-agent: BadBot
Disallow: /

User-agent: parallax
User-agent: other
Disallow: /drafts
Crawl-delay: 2
`;
  const cases: [string, string, boolean][] = [
    ['somebot', '/news/today', true],
    ['somebot', '/private/notes', false],
    ['somebot', '/private/press/release', true],
    ['somebot', '/files/report.pdf', false],
    ['somebot', '/files/report.pdf?x=1', true],
    ['badbot', '/news', false],
    ['parallax', '/private/notes', true],
    ['parallax', '/drafts/1', false],
  ];
  for (const [agent, path, ok] of cases)
    it(`${agent} ${ok ? 'may' : 'may not'} fetch ${path}`, () =>
      assert.equal(robotsAllows(parseRobots(text, agent), path), ok));
  it('reads Crawl-delay of our group', () => assert.equal(parseRobots(text, 'parallax').crawlDelayMs, 2000));
  it('allows everything when empty', () =>
    assert.equal(robotsAllows(parseRobots('', 'parallax'), '/x'), true));
});

describe('retries and rate limits', () => {
  it('backs off exponentially, honouring Retry-After up to the cap', () => {
    const o = { baseDelayMs: 100, maxDelayMs: 1000 };
    assert.deepEqual(
      [2, 3, 4, 5, 6].map((n) => backoffDelay(n, o)),
      [100, 200, 400, 800, 1000],
    );
    assert.equal(backoffDelay(2, o, 700), 700);
    assert.equal(backoffDelay(2, o, 60_000), 1000);
  });

  it('retries what may pass and stops on what will not', async () => {
    const sleeps: number[] = [];
    const opts = {
      attempts: 3,
      baseDelayMs: 10,
      maxDelayMs: 100,
      sleep: async (ms: number) => void sleeps.push(ms),
    };
    let calls = 0;
    const flaky = await withRetry(async () => {
      if (++calls < 3) throw new FetchError('http-status', 'HTTP 503', { status: 503 });
      return 'ok';
    }, opts);
    assert.equal(flaky, 'ok');
    assert.deepEqual(sleeps, [10, 20]);
    calls = 0;
    await assert.rejects(
      withRetry(async () => {
        calls++;
        throw new FetchError('http-status', 'HTTP 404', { status: 404 });
      }, opts),
      /HTTP 404$/,
    );
    assert.equal(calls, 1);
    await assert.rejects(
      withRetry(async () => {
        throw new FetchError('timeout', 'slow');
      }, opts),
      /slow \(after 3 attempts\)/,
    );
    // A server asking for longer than the cap is not asked again now (the feed's schedule waits).
    calls = 0;
    await assert.rejects(
      withRetry(async () => {
        calls++;
        throw new FetchError('http-status', 'HTTP 503', { status: 503, retryAfterMs: 7_200_000 });
      }, opts),
      /HTTP 503$/,
    );
    assert.equal(calls, 1);
  });

  it('does not retry a timeout when told the caller tries again later, and still retries the rest', async () => {
    const opts = { attempts: 3, baseDelayMs: 1, maxDelayMs: 10, sleep: async () => {}, retryTimeouts: false };
    let calls = 0;
    await assert.rejects(
      withRetry(async () => {
        calls++;
        throw new FetchError('timeout', 'slow');
      }, opts),
      /^FetchError: web: slow$/,
    );
    assert.equal(calls, 1);
    calls = 0;
    await assert.rejects(
      withRetry(async () => {
        calls++;
        throw new FetchError('http-status', 'HTTP 503', { status: 503 });
      }, opts),
      /HTTP 503 \(after 3 attempts\)$/,
    );
    assert.equal(calls, 3);
  });

  it('spaces requests to one host, not across hosts', async () => {
    let now = 0;
    const waits: string[] = [];
    const limiter = new HostRateLimiter(1000, {
      now: () => now,
      sleep: async (ms) => void waits.push(`${ms}`),
    });
    await limiter.wait('a.example');
    await limiter.wait('b.example');
    await limiter.wait('a.example');
    await limiter.wait('a.example', 3000);
    now = 10_000;
    await limiter.wait('a.example');
    assert.deepEqual(waits, ['1000', '2000']);
  });

  it('a request woken late gives up its slot when the next one, another process\'s, would follow too soon', async () => {
    // One virtual clock for two processes pacing one host through one store (the host's last
    // request was at 0); sleeps end in time order, A's first one 300 ms late (a loaded machine).
    let now = 0;
    const timers: { at: number; wake: () => void }[] = [];
    const clock = (lateBy: number[]) => ({
      now: () => now,
      sleep: (ms: number) => new Promise<void>((wake) => void timers.push({ at: now + ms + (lateBy.shift() ?? 0), wake })),
    });
    let next = 1000;
    const store = async (_host: string, earliest: number, gap: number) => {
      const at = Math.max(earliest, next);
      next = at + gap;
      return at;
    };
    const sent: [string, number][] = [];
    const a = new HostRateLimiter(1000, clock([300]), store).wait('news.example').then(() => sent.push(['A', now]));
    const b = new HostRateLimiter(1000, clock([]), store).wait('news.example').then(() => sent.push(['B', now]));
    for (let settled = false; !settled; ) {
      await new Promise((r) => setImmediate(r));
      timers.sort((x, y) => x.at - y.at);
      const t = timers.shift();
      if (t) {
        now = t.at;
        t.wake();
      } else settled = sent.length === 2;
    }
    await Promise.all([a, b]);
    // Without giving up the slot: A at 1300, B at 2000, 700 ms apart.
    assert.deepEqual(sent, [['B', 2000], ['A', 3000]]);
  });
});

describe('web settings', () => {
  it('reads the allow-list from PARALLAX_FETCH_ALLOW and rejects what is not an address', async () => {
    const { loadConfig } = await import('../../src/config/index.ts');
    assert.deepEqual(loadConfig({ PARALLAX_FETCH_ALLOW: '127.0.0.1, 10.0.0.0/8' }).web.allow, ['127.0.0.1', '10.0.0.0/8']);
    assert.deepEqual(loadConfig({}).web.allow, [], 'nothing private is reachable by default');
    assert.throws(() => loadConfig({ PARALLAX_FETCH_ALLOW: 'localhost' }), /web\.allow: not IP addresses or CIDRs: localhost/);
  });
});
