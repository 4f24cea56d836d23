// Two writers on one store file: a write waits for the other writer's transaction (bounded), and
// past the bound it fails as "busy" with nothing written; the API answers that with a retryable 503.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createApp } from '../../src/api/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { noMentions } from '../../src/model/index.ts';
import { sampleArticle } from '../../src/store/contract/fixtures.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { StoreBusy, type WriteBatch } from '../../src/store/store.ts';
import { completeBatch } from '../../src/pipeline/derive/batch.ts';
import { withTempDir } from '../temp-dir.ts';
import { holdWriteLock } from './lock-holder.ts';

const batch = (ids: string[]): WriteBatch => completeBatch({
  stories: [{ id: 'st-1', title: 'Harbour fire', createdAt: '2026-03-14T00:00:00Z', updatedAt: '2026-03-14T00:00:00Z' }],
  articles: ids.map((id) => ({ article: sampleArticle(id), mentions: noMentions(), storyId: 'st-1', copyOf: null, features: null })),
});

describe('two writers on one store', () => {
  it('a write that reads first waits for the other writer instead of failing at once', async () =>
    withTempDir('busy-wait', async (dir) => {
      const file = join(dir, 'p.db');
      const store = new SqliteStore(file);
      await store.write(batch(['a-1']));
      const lock = await holdWriteLock(file, 400);
      // a-1 again: the batch reads the current row (a new version) before it writes.
      await store.write(batch(['a-1', 'a-2']));
      await lock.released;
      assert.equal((await store.counts()).articles, 2);
      assert.equal((await store.articleVersions('a-1')).length, 2, 'a-1 rewritten once: its first version kept');
      await store.close();
    }));

  it('past its bound a write fails as busy, with nothing written', async () =>
    withTempDir('busy-bound', async (dir) => {
      const file = join(dir, 'p.db');
      const store = new SqliteStore(file, { busyMs: 150 });
      await store.write(batch(['a-1']));
      // Held until let go below, not for a fixed time: a timed hold could end before a slow test sees it.
      const lock = await holdWriteLock(file, 60_000);
      const started = Date.now();
      await assert.rejects(store.write(batch(['a-2'])), StoreBusy);
      assert.ok(Date.now() - started < 1_200, 'gave up near its bound');
      await lock.release();
      assert.equal((await store.counts()).articles, 1);
      await store.write(batch(['a-3']));
      assert.equal((await store.counts()).articles, 2, 'the store writes again once the lock is free');
      await store.close();
    }));

  it('the API answers a busy store with 503 and Retry-After, never 500', async () =>
    withTempDir('busy-api', async (dir) => {
      const file = join(dir, 'p.db');
      const store = new SqliteStore(file, { busyMs: 150 });
      const config = loadConfig({}, { db: file });
      const { app } = createApp({ store, config, token: 't0ken-for-tests', web: false, log: () => {} });
      const lock = await holdWriteLock(file, 60_000);
      const res = await app.request('/api/ingest/text', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer t0ken-for-tests' },
        body: JSON.stringify({
          text: 'Ferry collision in Lisbon\n\nTwo ferries collided in fog on the Tagus in Lisbon on Monday, injuring 31 passengers.',
        }),
      });
      assert.equal(res.status, 503);
      assert.match(res.headers.get('retry-after') ?? '', /^\d+$/);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'store_busy');
      await lock.release();
      await store.close();
    }));
});
