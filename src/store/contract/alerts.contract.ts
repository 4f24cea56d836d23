// The alerts part of the Store contract: watches, events written with their batch, the inbox,
// the outbox of deliveries and the deliverer's lease.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AlertEvent, Watch } from '../../model/index.ts';
import { noMentions } from '../../model/index.ts';
import { completeBatch } from '../../pipeline/derive/batch.ts';
import type { NewDelivery, Store } from '../store.ts';
import { sampleArticle } from './fixtures.ts';

const T0 = '2026-03-14T00:00:00.000Z';

export const sampleWatch = (id: string, over: Partial<Watch> = {}): Watch => ({
  id,
  name: `watch ${id}`,
  storyId: null,
  topic: { words: 'flood' },
  kinds: null,
  muted: false,
  ratePerHour: null,
  webhookUrl: null,
  webhookSecret: null,
  email: null,
  emailMode: 'immediate',
  createdAt: T0,
  ...over,
});

const event = (id: string, watchId: string, notificationId = `n-${id}`): AlertEvent => ({
  id,
  watchId,
  storyId: 's1',
  kind: 'new-story',
  summary: `event ${id}`,
  detail: { n: 1 },
  evidence: [{ article: 'a1', start: 0, end: 5 }],
  notificationId,
  createdAt: T0,
});

const outbox = (notificationId: string, watchId: string): NewDelivery => ({ notificationId, watchId, channel: 'webhook', notBefore: T0 });

async function writeEvents(store: Store, id: string, events: AlertEvent[], deliveries: NewDelivery[]) {
  await store.write({
    ...completeBatch({
      articles: [{ article: sampleArticle(id), mentions: noMentions(), storyId: 's1', copyOf: null, features: null }],
      stories: [{ id: 's1', title: 'Flood', createdAt: T0, updatedAt: T0 }],
    }),
    alertEvents: events,
    alertDeliveries: deliveries,
  });
}

export function runAlertsContract(name: string, newStore: () => Store | Promise<Store>): void {
  describe(`Store contract (alerts): ${name}`, () => {
    it('adds, lists, updates and removes watches', async () => {
      const store = await newStore();
      const w = sampleWatch('w1', { kinds: ['new-story'], topic: { words: 'flood', place: { name: 'Porto', lat: 41.1, lon: -8.6, radiusKm: 50 } } });
      await store.alerts.addWatch(w);
      await assert.rejects(store.alerts.addWatch(w), /exists/);
      assert.deepEqual(await store.alerts.getWatch('w1'), w);
      const muted = await store.alerts.updateWatch('w1', { muted: true, ratePerHour: 3 });
      assert.equal(muted?.muted, true);
      assert.equal((await store.alerts.listWatches())[0].ratePerHour, 3);
      assert.equal(await store.alerts.updateWatch('nope', { muted: true }), null);
      assert.equal(await store.alerts.removeWatch('w1'), true);
      assert.equal(await store.alerts.removeWatch('w1'), false);
      assert.deepEqual(await store.alerts.listWatches(), []);
      await store.close();
    });

    it('writes events and deliveries with the batch; the same event again is kept once and not sent again', async () => {
      const store = await newStore();
      await store.alerts.addWatch(sampleWatch('w1'));
      await writeEvents(store, 'a1', [event('e1', 'w1'), event('e2', 'w1', 'n-e1')], [outbox('n-e1', 'w1')]);
      await writeEvents(store, 'a2', [event('e1', 'w1', 'n-again')], [outbox('n-again', 'w1')]);
      const inbox = await store.alerts.inbox();
      assert.deepEqual(inbox.events.map((e) => e.id).sort(), ['e1', 'e2']);
      assert.equal(inbox.unread, 2);
      const due = await store.alerts.dueDeliveries('2026-03-15T00:00:00.000Z', 10);
      assert.equal(due.length, 1);
      assert.deepEqual(due[0].events.map((e) => e.id), ['e1', 'e2']);
      await store.close();
    });

    it('writes no event for a watch that does not exist (removed while its batch was grouped)', async () => {
      const store = await newStore();
      await writeEvents(store, 'a1', [event('e1', 'gone')], [outbox('n-e1', 'gone')]);
      assert.equal((await store.alerts.inbox()).total, 0);
      assert.equal((await store.alerts.dueDeliveries('2027-01-01T00:00:00.000Z', 10)).length, 0);
      assert.equal((await store.getArticle('a1'))?.storyId, 's1');
      await store.close();
    });

    it('marks events read by id, by watch, or all', async () => {
      const store = await newStore();
      await store.alerts.addWatch(sampleWatch('w1'));
      await store.alerts.addWatch(sampleWatch('w2'));
      await writeEvents(store, 'a1', [event('e1', 'w1'), event('e2', 'w1'), event('e3', 'w2')], []);
      assert.equal(await store.alerts.markRead({ ids: ['e1', 'missing'] }, T0), 1);
      assert.equal((await store.alerts.inbox({ unread: true })).events.length, 2);
      assert.equal(await store.alerts.markRead({ watchId: 'w2' }, T0), 1);
      assert.equal((await store.alerts.inbox({ watchId: 'w1' })).unread, 1);
      assert.equal(await store.alerts.markRead({}, T0), 1);
      assert.equal((await store.alerts.inbox()).unread, 0);
      assert.equal((await store.alerts.getEvent('e1'))?.readAt, T0);
      await store.close();
    });

    it('records retries, delivery and dead letters; counts what was sent', async () => {
      const store = await newStore();
      await store.alerts.addWatch(sampleWatch('w1'));
      await writeEvents(store, 'a1', [event('e1', 'w1'), event('e2', 'w1')], [outbox('n-e1', 'w1'), outbox('n-e2', 'w1')]);
      const later = '2026-03-14T00:05:00.000Z';
      await store.alerts.recordDelivery('n-e1', 'webhook', { state: 'retry', error: 'HTTP 500', nextAttemptAt: later });
      assert.deepEqual((await store.alerts.dueDeliveries('2026-03-14T00:01:00.000Z', 10)).map((d) => d.notificationId), ['n-e2']);
      await store.alerts.recordDelivery('n-e2', 'webhook', { state: 'dead', error: 'HTTP 500' });
      await store.alerts.recordDelivery('n-e1', 'webhook', { state: 'delivered', at: later });
      const dead = await store.alerts.deliveries({ state: 'dead' });
      assert.deepEqual(dead.map((d) => [d.notificationId, d.lastError]), [['n-e2', 'HTTP 500']]);
      const [sent] = await store.alerts.deliveries({ state: 'delivered' });
      assert.equal(sent.attempts, 2);
      assert.equal(await store.alerts.sentSince('w1', T0), 1);
      assert.equal((await store.alerts.dueDeliveries('2027-01-01T00:00:00.000Z', 10)).length, 0);
      await store.close();
    });

    it('lets one holder at a time take the lease, until it expires or is released', async () => {
      const store = await newStore();
      const at = (m: number) => new Date(Date.parse(T0) + m * 60_000).toISOString();
      assert.equal(await store.alerts.takeLease('deliver', 'p1', at(0), at(1)), true);
      assert.equal(await store.alerts.takeLease('deliver', 'p2', at(0.5), at(1.5)), false);
      assert.equal(await store.alerts.takeLease('deliver', 'p1', at(0.5), at(1.5)), true);
      assert.equal(await store.alerts.takeLease('deliver', 'p2', at(2), at(3)), true);
      await store.alerts.releaseLease('deliver', 'p2');
      assert.equal(await store.alerts.takeLease('deliver', 'p1', at(2.1), at(3)), true);
      await store.close();
    });
  });
}
