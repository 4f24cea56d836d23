// Over a non-loopback address the write token travels in clear HTTP unless TLS is in front: say so.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startServer } from '../../src/cli/serve.ts';
import { loadConfig } from '../../src/config/index.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const start = async (host: string) => {
  const lines: string[] = [];
  const store = new SqliteStore(':memory:');
  const running = await startServer({ store, config: loadConfig({}, { db: ':memory:' }), port: 0, host, token: 'tok-123456', log: (l) => lines.push(l) });
  await running.close();
  await store.close();
  return lines.join('\n');
};

describe('serve on a shared network', () => {
  it('warns at start when listening beyond loopback over plain HTTP', async () => {
    assert.match(await start('0.0.0.0'), /serve: warning: listening on 0\.0\.0\.0 over plain HTTP.*reverse proxy/s);
  });
  it('says nothing on loopback', async () => {
    assert.doesNotMatch(await start('127.0.0.1'), /warning/);
  });
});
