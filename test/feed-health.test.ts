// The API and the CLI describe the same feeds in the same words: the `health` of GET /api/feeds,
// of `parallax feeds list --json`, and the word `parallax feeds list` prints.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createApp } from '../src/api/app.ts';
import { defaultConfig } from '../src/config/index.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../src/store/store.ts';
import { runCli } from './cli-helpers.ts';
import { withTempDir } from './temp-dir.ts';

const AT = '2026-03-14T08:00:00.000Z';

/** A feed that has been polled `results` times (true: worked), oldest first. */
async function feed(store: Store, name: string, results: boolean[]): Promise<void> {
  const id = `f-${name}`;
  await store.addFeed({
    id,
    url: `https://${name}.example/feed.xml`,
    title: name,
    intervalSeconds: 1800,
    addedAt: AT,
    nextCheckAt: AT,
  });
  let failures = 0;
  for (const ok of results) {
    failures = ok ? 0 : failures + 1;
    await store.recordFeedPoll(id, {
      checkedAt: AT,
      ok,
      failures,
      error: ok ? null : 'web: HTTP 404',
      nextCheckAt: AT,
      items: [],
    });
  }
}

describe('feed health', () => {
  it('is the same word in the API and the CLI, for every state a feed can be in', () =>
    withTempDir('feed-health', async (dir) => {
      const db = join(dir, 'store.db');
      const store = new SqliteStore(db);
      await feed(store, 'unread', []);
      await feed(store, 'healthy', [false, true]);
      await feed(store, 'flaky', [true, false]);
      await feed(store, 'gone', [true, false, false, false, false]);
      const expected = { unread: 'new', healthy: 'ok', flaky: 'failing', gone: 'broken' };

      const { app } = createApp({ store, config: defaultConfig, token: 'test-token-0123456789', web: false });
      const api = (
        (await (await app.request('/api/feeds')).json()) as { feeds: { title: string; health: string }[] }
      ).feeds;
      await store.close();
      assert.deepEqual(Object.fromEntries(api.map((f) => [f.title, f.health])), expected);

      const cli = JSON.parse((await runCli(['feeds', 'list', '--json', '--db', db])).out).feeds as {
        title: string;
        health: string;
      }[];
      assert.deepEqual(Object.fromEntries(cli.map((f) => [f.title, f.health])), expected);

      const text = (await runCli(['feeds', 'list', '--db', db])).out;
      for (const [title, health] of Object.entries(expected)) {
        assert.match(text, new RegExp(`^f-${title}  ${health}\\b.* ${title}$`, 'm'), text);
      }
      assert.match(text, /broken ×4\s+gone/, 'the failures in a row stay in the text');
    }));
});
