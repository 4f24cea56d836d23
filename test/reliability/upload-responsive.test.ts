// An upload of many reports must not stall the server: the event loop keeps turning, so health
// and list requests are answered while it runs.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { createApp } from '../../src/api/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { withTempDir } from '../temp-dir.ts';
import { jsonl } from './reports.ts';

const N = 300;

describe('an upload beside other requests', () => {
  it(`while ${N} reports are ingested, health answers within 100 ms and the loop never stops for a second`, { timeout: 60_000 }, async () =>
    withTempDir('upload', async (dir) => {
      const db = join(dir, 'p.db');
      const store = new SqliteStore(db);
      const { app, conflicts } = createApp({ store, config: loadConfig({}, { db }), token: 'tok', web: false, log: () => {} });
      const form = new FormData();
      form.append('file', new File([jsonl('up', N)], 'up.jsonl'));
      const loop = monitorEventLoopDelay({ resolution: 10 });
      const health: number[] = [];
      let done = false;
      const probe = (async () => {
        while (!done) {
          const t = performance.now();
          await app.request('/api/health');
          health.push(performance.now() - t);
          await new Promise((r) => setTimeout(r, 25));
        }
      })();
      loop.enable();
      const res = await app.request('/api/ingest/files', { method: 'POST', body: form, headers: { Authorization: 'Bearer tok' } });
      done = true;
      loop.disable();
      await probe;
      assert.equal(res.status, 201);
      assert.equal(((await res.json()) as { summary: { added: number } }).summary.added, N);
      health.sort((a, b) => a - b);
      const p90 = health[Math.floor(health.length * 0.9)];
      const stall = loop.max / 1e6;
      assert.ok(health.length >= 10, `only ${health.length} health answers during the upload`);
      assert.ok(p90 < 100, `health p90 ${p90.toFixed(0)} ms`);
      assert.ok(stall < 1_000, `event loop stopped for ${stall.toFixed(0)} ms`);
      conflicts.stop();
      await conflicts.fillPending();
      await store.close();
    }));
});
