// Contract for feed subscriptions: add/list/remove, poll outcomes (health, validators, schedule)
// and item fingerprints. Run by runStoreContract for every Store implementation.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NewFeed, Store } from '../store.ts';

const feed = (id: string, over: Partial<NewFeed> = {}): NewFeed => ({
  id,
  url: `https://${id}.example/feed.xml`,
  title: null,
  intervalSeconds: 900,
  addedAt: '2026-03-14T00:00:00.000Z',
  nextCheckAt: '2026-03-14T00:00:00.000Z',
  ...over,
});

const okPoll = {
  checkedAt: '2026-03-14T01:00:00.000Z',
  ok: true,
  failures: 0,
  error: null,
  nextCheckAt: '2026-03-14T01:15:00.000Z',
};

export function runFeedsContract(name: string, newStore: () => Store | Promise<Store>): void {
  describe(`Store contract (feeds): ${name}`, () => {
    it('adds, finds by id or URL, lists and removes feeds', async () => {
      const store = await newStore();
      const added = await store.addFeed(feed('f1'));
      assert.equal(added.failures, 0);
      assert.equal(added.itemCount, 0);
      assert.equal(added.lastCheckedAt, null);
      await store.addFeed(feed('f2', { addedAt: '2026-03-15T00:00:00.000Z' }));
      await assert.rejects(
        store.addFeed(feed('f3', { url: 'https://f1.example/feed.xml' })),
        /already subscribed/,
      );
      assert.equal((await store.getFeed('https://f2.example/feed.xml'))?.id, 'f2');
      assert.deepEqual(
        (await store.listFeeds()).map((f) => f.id),
        ['f1', 'f2'],
      );
      assert.equal(await store.removeFeed('f1'), true);
      assert.equal(await store.removeFeed('f1'), false);
      assert.deepEqual(
        (await store.listFeeds()).map((f) => f.id),
        ['f2'],
      );
      await store.close();
    });

    it('records poll outcomes: items, validators, failures', async () => {
      const store = await newStore();
      await store.addFeed(feed('f1'));
      await store.recordFeedPoll('f1', {
        ...okPoll,
        etag: '"abc"',
        lastModified: 'Sat, 14 Mar 2026 00:00:00 GMT',
        title: 'Harbour Gazette',
        items: [
          { key: 'k1', fingerprint: 'fp1', articleId: 'a-1' },
          { key: 'k2', fingerprint: 'fp2', articleId: null },
        ],
      });
      let f = (await store.getFeed('f1'))!;
      assert.deepEqual(
        [f.etag, f.title, f.itemCount, f.lastSuccessAt, f.nextCheckAt],
        ['"abc"', 'Harbour Gazette', 2, okPoll.checkedAt, okPoll.nextCheckAt],
      );
      assert.deepEqual(
        await store.feedItemFingerprints('f1', ['k1', 'k2', 'k3']),
        new Map([
          ['k1', 'fp1'],
          ['k2', 'fp2'],
        ]),
      );

      // A failure keeps validators, title and last success, and counts up.
      await store.recordFeedPoll('f1', {
        checkedAt: '2026-03-14T02:00:00.000Z',
        ok: false,
        failures: 1,
        error: 'web: HTTP 500',
        nextCheckAt: '2026-03-14T03:00:00.000Z',
        items: [],
      });
      f = (await store.getFeed('f1'))!;
      assert.deepEqual(
        [f.etag, f.title, f.failures, f.lastError, f.lastSuccessAt],
        ['"abc"', 'Harbour Gazette', 1, 'web: HTTP 500', okPoll.checkedAt],
      );

      // A changed item replaces its fingerprint; the item count does not grow.
      await store.recordFeedPoll('f1', {
        ...okPoll,
        checkedAt: '2026-03-14T04:00:00.000Z',
        items: [{ key: 'k1', fingerprint: 'fp1b', articleId: 'a-1' }],
      });
      f = (await store.getFeed('f1'))!;
      assert.deepEqual([f.failures, f.lastError, f.itemCount], [0, null, 2]);
      assert.equal((await store.feedItemFingerprints('f1', ['k1'])).get('k1'), 'fp1b');
      await assert.rejects(store.recordFeedPoll('ghost', { ...okPoll, items: [] }), /no feed/);
      await store.close();
    });

    it('looks up many item keys at once', async () => {
      const store = await newStore();
      await store.addFeed(feed('f1'));
      const items = Array.from({ length: 1200 }, (_, i) => ({
        key: `k${i}`,
        fingerprint: `fp${i}`,
        articleId: null,
      }));
      await store.recordFeedPoll('f1', { ...okPoll, items });
      const got = await store.feedItemFingerprints(
        'f1',
        items.map((i) => i.key),
      );
      assert.equal(got.size, 1200);
      assert.equal(got.get('k1199'), 'fp1199');
      await store.close();
    });
  });
}
