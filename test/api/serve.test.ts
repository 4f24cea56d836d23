// `parallax serve` over a real loopback socket: ephemeral port, a generated token when none is
// given, reads open and writes refused without it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startServer } from '../../src/cli/serve.ts';
import { loadConfig } from '../../src/config/index.ts';
import { seededStore } from './fixtures.ts';

describe('serve', () => {
  it('listens on loopback with a generated write token', async () => {
    const store = await seededStore();
    const running = await startServer({
      store,
      config: loadConfig({}, { db: ':memory:' }),
      port: 0,
      host: '127.0.0.1',
      log: () => {},
    });
    try {
      assert.match(running.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      assert.ok(running.token.length >= 20, 'a random token is made for the run');
      const health = (await (await fetch(`${running.url}api/health`)).json()) as {
        ok: boolean;
        stories: number;
      };
      assert.deepEqual([health.ok, health.stories], [true, 2]);
      const post = (headers: Record<string, string>) =>
        fetch(`${running.url}api/ingest/text`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
          body: JSON.stringify({
            text: 'Flood in Genoa\n\nThe Bisagno river flooded parts of Genoa on Tuesday.',
          }),
        });
      assert.equal((await post({})).status, 401);
      assert.equal((await post({ Authorization: `Bearer ${running.token}` })).status, 201);
    } finally {
      await running.close();
      await store.close();
    }
  });

  it('with watch, polls the subscribed feeds while it serves, and stops cleanly', async () => {
    const { startServer: startFeedServer, send } = await import('../web/server.ts');
    const { subscribeFeed } = await import('../../src/pipeline/run-web.ts');
    const { WebClient } = await import('../../src/pipeline/1-intake/web/client.ts');
    const { SqliteStore } = await import('../../src/store/sqlite/sqlite-store.ts');
    const item = (n: number) =>
      `<item><guid>ferry-${n}</guid><title>Island ferry timetable changes for winter, note ${n}</title>` +
      `<description>The island ferry moves to its winter timetable on Monday, with two crossings a day instead of five, the operator said in note ${n}.</description></item>`;
    const feeds = await startFeedServer({
      '/feed.xml': send(`<rss version="2.0"><channel><title>Harbour notes</title>${item(1)}${item(2)}</channel></rss>`, {
        'content-type': 'application/rss+xml',
      }),
    });
    const base = loadConfig({}, { db: ':memory:' });
    const web = { ...base.web, allow: ['127.0.0.1'], hostIntervalMs: 0, retries: 0 };
    const store = new SqliteStore(':memory:');
    await subscribeFeed(store, `${feeds.origin}/feed.xml`, { intervalSeconds: 600 });
    const lines: string[] = [];
    const running = await startServer({
      store,
      config: { ...base, web },
      client: new WebClient(web),
      port: 0,
      host: '127.0.0.1',
      log: (l) => lines.push(l),
      watch: true,
    });
    try {
      const deadline = Date.now() + 10_000;
      while ((await store.counts()).articles < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.equal((await store.counts()).articles, 2, lines.join('\n'));
      const health = (await (await fetch(`${running.url}api/health`)).json()) as { stories: number };
      assert.ok(health.stories >= 1, 'the polled items are served');
      assert.ok(lines.some((l) => /feed .*feed\.xml: ok, 2 new/.test(l)), lines.join('\n'));
    } finally {
      await running.close();
      await feeds.close();
      await store.close();
    }
  });
});
