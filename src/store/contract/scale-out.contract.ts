// Contract for the scale-out block of store.ts: the grouping snapshot's queries (articles in store
// order, their versions and assignments) and feed claims with host pacing. Run by
// runStoreContract for every Store implementation; claims across processes are tested on SQLite
// files in test/workers/.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noMentions } from '../../model/index.ts';
import type { ArticleWrite, NewFeed, Store } from '../store.ts';
import { completeBatch } from '../../pipeline/derive/batch.ts';
import { sampleArticle } from './fixtures.ts';

const story = (id: string) => ({ id, title: id, createdAt: '2026-03-14T00:00:00.000Z', updatedAt: '2026-03-14T00:00:00.000Z' });
const write = (id: string, storyId: string, text?: string): ArticleWrite => ({
  article: sampleArticle(id, text ? { text, contentHash: `hash-${id}-${text}` } : {}),
  mentions: noMentions(),
  storyId,
  copyOf: null,
  features: { n: id },
});

const feed = (id: string, nextCheckAt: string): NewFeed => ({ id, url: `https://${id}.example/feed.xml`, title: null, intervalSeconds: 900, addedAt: '2026-03-14T00:00:00.000Z', nextCheckAt });

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

export function runScaleOutContract(name: string, newStore: () => Store | Promise<Store>): void {
  describe(`Store contract (scale-out): ${name}`, () => {
    it('lists articles in store order with versions and assignments; a new version keeps its place', async () => {
      const store = await newStore();
      await store.write(completeBatch({ articles: [write('a', 's1'), write('b', 's1')], stories: [story('s1')] }));
      await store.write(completeBatch({ articles: [write('c', 's2')], stories: [story('s2')], moves: [{ articleId: 'a', storyId: 's2' }] }));
      await store.write(completeBatch({ articles: [write('b', 's1', 'Body of b, second version.')], stories: [story('s1')] }));
      const rows = await all(store.clusterAssignments(Number.MAX_SAFE_INTEGER));
      assert.deepEqual(rows.map((r) => [r.articleId, r.storyId, r.version]), [['a', 's2', 1], ['b', 's1', 2], ['c', 's2', 1]]);
      assert.ok(rows[0].seq < rows[1].seq && rows[1].seq < rows[2].seq);
      assert.deepEqual((await all(store.clusterAssignments(rows[1].seq))).map((r) => r.articleId), ['a', 'b']);
      const after = await all(store.clusterStateAfter(rows[0].seq));
      assert.deepEqual(after.map((r) => [r.articleId, r.version, r.features]), [['b', 2, { n: 'b' }], ['c', 1, { n: 'c' }]]);
      assert.deepEqual((await all(store.clusterStateAfter(0))).map((r) => r.articleId), ['a', 'b', 'c']);
      await store.close();
    });

    it('hands each due feed to one claimant until its lease ends or it is released', async () => {
      const store = await newStore();
      await store.addFeed(feed('f1', '2026-03-14T00:00:00.000Z'));
      await store.addFeed(feed('f2', '2026-03-14T00:05:00.000Z'));
      await store.addFeed(feed('f3', '2026-03-14T02:00:00.000Z'));
      const now = '2026-03-14T01:00:00.000Z';
      const first = await store.claimDueFeeds(now, 'A', 600, 10);
      assert.deepEqual(first.map((f) => f.id), ['f1', 'f2'], 'due ones, oldest first; f3 is not due');
      assert.equal(first[0].url, 'https://f1.example/feed.xml');
      assert.deepEqual(await store.claimDueFeeds(now, 'B', 600, 10), [], 'claimed by A');
      // Within the lease, still A's; after it, anyone's again.
      assert.deepEqual(await store.claimDueFeeds('2026-03-14T01:09:59.000Z', 'B', 600, 10), []);
      assert.deepEqual((await store.claimDueFeeds('2026-03-14T01:10:00.000Z', 'B', 600, 1)).map((f) => f.id), ['f1'], 'the limit holds');
      assert.deepEqual((await store.claimDueFeeds('2026-03-14T01:10:00.000Z', 'A', 600, 10)).map((f) => f.id), ['f2'], "A's own claim had ended too");
      // B's release does not free A's claim on f2; A's does.
      await store.releaseFeedClaims('B', ['f2']);
      assert.deepEqual(await store.claimDueFeeds('2026-03-14T01:11:00.000Z', 'C', 600, 10), []);
      await store.releaseFeedClaims('A', ['f2']);
      assert.deepEqual((await store.claimDueFeeds('2026-03-14T01:11:00.000Z', 'C', 600, 10)).map((f) => f.id), ['f2']);
      await store.close();
    });

    it('spaces requests to one host across reservations', async () => {
      const store = await newStore();
      const t = 1_800_000_000_000;
      assert.equal(await store.reserveHostSlot('news.example', t, 1000), t);
      assert.equal(await store.reserveHostSlot('news.example', t, 1000), t + 1000);
      assert.equal(await store.reserveHostSlot('other.example', t, 1000), t, 'hosts are paced apart');
      assert.equal(await store.reserveHostSlot('news.example', t + 5000, 1000), t + 5000, 'a free host is free at once');
      await store.close();
    });
  });
}
