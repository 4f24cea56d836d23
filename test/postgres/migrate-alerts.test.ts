// migrate-store's copy of the alerts tables: watches, events (read or not, in inbox order) and
// deliveries in every state read back the same from PostgreSQL as from the SQLite file.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { AlertEvent } from '../../src/model/index.ts';
import { noMentions } from '../../src/model/index.ts';
import { completeBatch } from '../../src/pipeline/derive/batch.ts';
import { sampleWatch } from '../../src/store/contract/alerts.contract.ts';
import { sampleArticle } from '../../src/store/contract/fixtures.ts';
import { SqliteSource } from '../../src/store/postgres/sqlite-source.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { withTempDir } from '../temp-dir.ts';
import { noPgReason, openTestStore, testPgUrl } from './pg-test-db.ts';

const T0 = '2026-03-14T00:00:00.000Z';

const event = (id: string, watchId: string): AlertEvent => ({
  id,
  watchId,
  storyId: 's1',
  kind: 'new-story',
  summary: `event ${id}`,
  detail: { n: 1 },
  evidence: [{ article: 'a1', start: 0, end: 5 }],
  notificationId: `n-${id}`,
  createdAt: T0,
});

/** Everything the alerts block shows, to compare two stores. */
const view = async (s: Store) => ({
  watches: await s.alerts.listWatches(),
  inbox: await s.alerts.inbox(),
  unread: await s.alerts.inbox({ unread: true }),
  deliveries: await s.alerts.deliveries(),
  due: await s.alerts.dueDeliveries('2027-01-01T00:00:00.000Z', 10),
  sent: await s.alerts.sentSince('w1', T0),
});

describe('migrate-store: alerts', { skip: testPgUrl ? false : noPgReason }, () => {
  it('copies watches, events and deliveries as they are', async () => {
    await withTempDir('migrate-alerts', async (dir) => {
      const file = join(dir, 'p.db');
      const lite = new SqliteStore(file);
      await lite.alerts.addWatch(sampleWatch('w1', { muted: true, ratePerHour: 4, kinds: ['new-story'] }));
      await lite.alerts.addWatch(
        sampleWatch('w2', { createdAt: '2026-03-15T00:00:00.000Z', emailMode: 'digest' }),
      );
      const events = [event('e1', 'w1'), event('e2', 'w1'), event('e3', 'w2')];
      await lite.write({
        ...completeBatch({
          articles: [
            {
              article: sampleArticle('a1'),
              mentions: noMentions(),
              storyId: 's1',
              copyOf: null,
              features: null,
            },
          ],
          stories: [{ id: 's1', title: 'Flood', createdAt: T0, updatedAt: T0 }],
        }),
        alertEvents: events,
        alertDeliveries: events.map((e) => ({
          notificationId: e.notificationId,
          watchId: e.watchId,
          channel: 'webhook' as const,
          notBefore: T0,
        })),
      });
      await lite.alerts.markRead({ ids: ['e2'] }, T0);
      await lite.alerts.recordDelivery('n-e1', 'webhook', { state: 'delivered', at: T0 });
      await lite.alerts.recordDelivery('n-e2', 'webhook', {
        state: 'retry',
        error: 'HTTP 503',
        nextAttemptAt: T0,
      });
      const want = await view(lite);
      await lite.close();
      assert.equal(want.inbox.total, 3);

      const source = new SqliteSource(file);
      const pg = await openTestStore();
      try {
        const copied = await pg.importSqlite(source);
        assert.deepEqual([copied.watches, copied.alertEvents, copied.alertDeliveries], [2, 3, 3]);
        assert.deepEqual(await view(pg), want);
      } finally {
        source.close();
        await pg.close();
      }
    });
  });
});
