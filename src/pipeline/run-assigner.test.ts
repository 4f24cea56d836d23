// The assigner writes its last, partial batch as soon as the queue is drained, as one process does
// at the end of its input, not after the idle wait: its own taken rows stay queued until their
// batch commits, and counting them as queued made every burst's tail wait `flushIdleMs`.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultConfig } from '../config/index.ts';
import type { RawReport } from '../model/index.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { report } from '../../test/reliability/reports.ts';
import { withTempDir } from '../../test/temp-dir.ts';
import { runAssigner } from './run-assigner.ts';
import { runWorker } from './run-worker.ts';

const raw = (i: number): RawReport => {
  const r = report('tail', i);
  return { format: 'json', path: null, url: null, locator: r.id, content: JSON.stringify(r), record: { ...r } };
};

for (const [name, reports, batch] of [
  ['a partial batch', 7, 5],
  ['a queue smaller than one batch', 3, 500],
] as const) {
  test(`assigner: ${name} at the end of the queue is written at once, not after the idle wait`, () =>
    withTempDir('assigner-tail', async (dir) => {
      const store = new SqliteStore(join(dir, 'q.db'));
      try {
        await store.enqueueReports(Array.from({ length: reports }, (_, i) => raw(i)));
        await runWorker(store, { owner: 'w', web: defaultConfig.web, untilEmpty: true });
        const t0 = Date.now();
        const r = await runAssigner(store, {
          config: { ...defaultConfig, writeBatch: batch },
          owner: 'a',
          untilEmpty: true,
          flushIdleMs: 60_000,
        });
        const ms = Date.now() - t0;
        assert.equal(r.consumed, reports);
        assert.equal((await store.counts()).articles, reports);
        assert.deepEqual(await store.intakeCounts(), { pending: 0, claimed: 0, prepared: 0, failed: 0 });
        assert.ok(ms < 30_000, `the last batch waited ${ms} ms (the idle wait is 60,000)`);
      } finally {
        await store.close();
      }
    }));
}
