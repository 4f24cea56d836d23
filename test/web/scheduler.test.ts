// The watch loop on a fake clock: hours of schedule in milliseconds of test.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defaultConfig } from '../../src/config/index.ts';
import {
  nextCheckAt,
  runScheduler,
  type SchedulerClock,
} from '../../src/pipeline/1-intake/feeds/schedule.ts';
import { WebClient } from '../../src/pipeline/1-intake/web/client.ts';
import { subscribeFeed, watchFeeds } from '../../src/pipeline/run-web.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { send, startServer, type TestServer } from './server.ts';

/** A clock whose sleep moves time forward at once; it stops the run after `maxSleeps` sleeps. */
function fakeClock(start: number, stop: AbortController, maxSleeps: number) {
  let now = start;
  const sleeps: number[] = [];
  const clock: SchedulerClock = {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
      if (sleeps.length >= maxSleeps) stop.abort();
    },
  };
  return { clock, sleeps };
}

const T0 = Date.parse('2026-03-14T00:00:00Z');

describe('nextCheckAt', () => {
  const cases: [number, number, number][] = [
    // [interval s, failures, expected delay s]
    [600, 0, 600],
    [600, 1, 1200],
    [600, 3, 4800],
    [600, 30, 86400],
    [172800, 2, 172800],
  ];
  for (const [interval, failures, delay] of cases) {
    it(`waits ${delay}s after ${failures} failures at a ${interval}s interval`, () => {
      assert.equal(nextCheckAt(T0, interval, failures), new Date(T0 + delay * 1000).toISOString());
    });
  }
});

describe('runScheduler', () => {
  it('polls feeds as they fall due, each at its own interval, and stops on abort', async () => {
    const stop = new AbortController();
    const { clock } = fakeClock(T0, stop, 200);
    const feeds = [
      { id: 'fast', every: 60_000, next: T0, polls: 0 },
      { id: 'slow', every: 900_000, next: T0, polls: 0 },
    ];
    await runScheduler({
      clock,
      signal: stop.signal,
      maxSleepMs: 60_000,
      pollDue: async (now) => {
        for (const f of feeds.filter((f) => f.next <= now)) {
          f.polls++;
          f.next = now + f.every;
        }
      },
      nextDue: async () => Math.min(...feeds.map((f) => f.next)),
    });
    const elapsed = clock.now() - T0;
    assert.ok(stop.signal.aborted);
    assert.equal(feeds[0].polls, Math.floor(elapsed / 60_000));
    assert.equal(feeds[1].polls, Math.floor(elapsed / 900_000) + (elapsed % 900_000 === 0 ? 0 : 1));
  });

  it('sleeps until the next due feed, within bounds, and survives a failing cycle', async () => {
    const stop = new AbortController();
    const { clock, sleeps } = fakeClock(T0, stop, 3);
    const errors: unknown[] = [];
    let cycle = 0;
    await runScheduler({
      clock,
      signal: stop.signal,
      maxSleepMs: 60_000,
      pollDue: async () => {
        if (cycle++ === 1) throw new Error('store: busy');
      },
      nextDue: async () => clock.now() + 5_000,
      onError: (e) => errors.push(e),
    });
    assert.deepEqual(sleeps, [5_000, 60_000, 5_000]);
    assert.equal(errors.length, 1);
  });
});

describe('watchFeeds', () => {
  let srv: TestServer;
  before(async () => {
    srv = await startServer({
      '/ok.xml': send('<rss version="2.0"><channel><title>T</title></channel></rss>', {
        'content-type': 'application/rss+xml',
      }),
    });
  });
  after(() => srv.close());

  it('polls a healthy feed every interval and backs off a failing one', async () => {
    const store = new SqliteStore(':memory:');
    const web = { ...defaultConfig.web, allow: ['127.0.0.1'], hostIntervalMs: 0, retries: 1 };
    await subscribeFeed(store, `${srv.origin}/ok.xml`, { intervalSeconds: 600, now: T0 });
    await subscribeFeed(store, `${srv.origin}/down.xml`, { intervalSeconds: 600, now: T0 });
    const stop = new AbortController();
    const { clock } = fakeClock(T0, stop, 400);
    await watchFeeds(store, {
      config: { ...defaultConfig, web },
      client: new WebClient(web),
      signal: stop.signal,
      clock,
    });
    const hours = (clock.now() - T0) / 3_600_000;
    const ok = srv.log.filter((p) => p === '/ok.xml').length;
    const down = srv.log.filter((p) => p === '/down.xml').length;
    assert.ok(hours >= 6, `simulated ${hours} h`);
    assert.equal(
      ok,
      Math.ceil((clock.now() - T0) / 600_000),
      'every 10 minutes, from the start, until stopped',
    );
    // Backoff: 0, +20m, +40m, +80m, +160m, +320m... → a handful of polls in the same hours.
    assert.ok(down >= 4 && down <= 8, `failing feed polled ${down} times`);
    const failing = (await store.listFeeds()).find((f) => f.url.endsWith('/down.xml'))!;
    assert.equal(failing.failures, down);
    await store.close();
  });

  it('restores the story grouping once, not at every poll that brings new items', async () => {
    let n = 0;
    // Each request lists one more full-text item: every poll has something to ingest.
    srv.routes.set('/growing.xml', (_req, res) => {
      n++;
      const items = Array.from({ length: n }, (_, i) =>
        `<item><guid>g${i}</guid><title>Harbour crane ${i} collapses in Gdynia</title><description>${'The crane fell onto the quay in Gdynia on Monday, the port authority said. '.repeat(3)}Crane ${i}.</description></item>`,
      ).join('');
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`<rss version="2.0"><channel><title>G</title>${items}</channel></rss>`);
    });
    const store = new SqliteStore(':memory:');
    let restores = 0;
    // A full restore reads every stored article, plainly or in store order (clusterStateAfter(0)).
    const clusterState = store.clusterState.bind(store);
    store.clusterState = () => {
      restores++;
      return clusterState();
    };
    const clusterStateAfter = store.clusterStateAfter.bind(store);
    store.clusterStateAfter = (seq: number) => {
      if (seq === 0) restores++;
      return clusterStateAfter(seq);
    };
    const web = { ...defaultConfig.web, allow: ['127.0.0.1'], hostIntervalMs: 0, retries: 1, fetchLinkedPages: false };
    await subscribeFeed(store, `${srv.origin}/growing.xml`, { intervalSeconds: 600, now: T0 });
    const stop = new AbortController();
    const { clock } = fakeClock(T0, stop, 31);
    await watchFeeds(store, { config: { ...defaultConfig, web }, client: new WebClient(web), signal: stop.signal, clock });
    assert.ok(n >= 3, `polled ${n} times`);
    assert.equal((await store.counts()).articles, n);
    assert.equal(restores, 1);
    await store.close();
  });
});
