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
});
