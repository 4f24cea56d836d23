// The alerts block from several connections to one PostgreSQL store: of many deliverers taking the
// lease at once exactly one gets it, and a watch removed while a batch writes its events leaves
// neither events nor deliveries behind (removal waits for the batch's write lock).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import type { AlertEvent } from '../../src/model/index.ts';
import { sampleWatch } from '../../src/store/contract/alerts.contract.ts';
import { writeAlerts } from '../../src/store/postgres/alerts.ts';
import type { Client } from '../../src/store/postgres/connection.ts';
import { freshSchema, noPgReason, openTestStore, testPgUrl } from './pg-test-db.ts';

const T0 = '2026-03-14T00:00:00.000Z';
const T1 = '2026-03-14T00:01:00.000Z';

const event = (id: string, watchId: string): AlertEvent => ({
  id,
  watchId,
  storyId: 's1',
  kind: 'new-story',
  summary: `event ${id}`,
  detail: {},
  evidence: [],
  notificationId: `n-${id}`,
  createdAt: T0,
});

describe('alerts on PostgreSQL from two pools', { skip: testPgUrl ? false : noPgReason }, () => {
  it('gives the lease to exactly one of many deliverers taking it at once', async () => {
    const schema = freshSchema();
    const [a, b] = [await openTestStore(schema), await openTestStore(schema)];
    try {
      const holders = Array.from({ length: 12 }, (_, i) => `p${i}`);
      const got = await Promise.all(
        holders.map((h, i) => (i % 2 ? a : b).alerts.takeLease('deliver', h, T0, T1)),
      );
      assert.equal(got.filter(Boolean).length, 1, got.join());
      const winner = holders[got.indexOf(true)];
      assert.equal(await a.alerts.takeLease('deliver', winner, T0, T1), true, 'the holder renews');
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('leaves no event or delivery of a watch removed while a batch writes them', async () => {
    const schema = freshSchema();
    const store = await openTestStore(schema);
    // A batch half done: its transaction holds the write lock and has written the watch's events.
    const batch = new pg.Client({ connectionString: testPgUrl, options: `-c search_path=${schema},public` });
    await batch.connect();
    try {
      await store.alerts.addWatch(sampleWatch('w1'));
      await batch.query('BEGIN');
      await batch.query('UPDATE store_revision SET revision = revision + 1');
      const e = event('e1', 'w1');
      await writeAlerts(
        batch as unknown as Client,
        [e],
        [{ notificationId: e.notificationId, watchId: 'w1', channel: 'webhook', notBefore: T0 }],
        T0,
      );
      let removedEarly = false;
      const removal = store.alerts.removeWatch('w1').then((r) => ((removedEarly = true), r));
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(removedEarly, false, 'removal waits for the batch holding the write lock');
      await batch.query('COMMIT');
      assert.equal(await removal, true);
      assert.equal((await store.alerts.inbox()).total, 0);
      assert.equal((await store.alerts.deliveries()).length, 0);
    } finally {
      await batch.end();
      await store.close();
    }
  });
});
