// Contract for several writers on one store (two connections, as two processes would hold): writes
// at once all land, a content stored twice at once is one article, two new versions at once are
// both kept, and poll records from two connections both count. Run for every Store implementation:
//   runConcurrencyContract('sqlite file', async () => ({ open: () => …, done: () => … }))
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article, StoryRecord } from '../../model/index.ts';
import { noMentions } from '../../model/index.ts';
import type { Store, WriteBatch } from '../store.ts';
import { completeBatch } from '../../pipeline/derive/batch.ts';
import { sampleArticle } from './fixtures.ts';

/** One store, empty at first, that `open` connects to as many times as asked. */
export interface SharedStore {
  open(): Promise<Store>;
  /** Removes the store (after every connection was closed). */
  done(): Promise<void>;
}

const story = (id: string): StoryRecord => ({
  id,
  title: `Story ${id}`,
  createdAt: '2026-03-14T00:00:00.000Z',
  updatedAt: '2026-03-14T00:00:00.000Z',
});

const batch = (articles: [Article, string][], stories: string[]): WriteBatch =>
  completeBatch({
    articles: articles.map(([article, storyId]) => ({
      article,
      mentions: noMentions(),
      storyId,
      copyOf: null,
      features: null,
    })),
    stories: stories.map(story),
  });

/** Opens two connections to a new shared store, runs `body`, closes them and removes the store. */
async function withTwo(
  shared: () => Promise<SharedStore>,
  body: (a: Store, b: Store) => Promise<void>,
): Promise<void> {
  const s = await shared();
  const a = await s.open();
  const b = await s.open();
  try {
    await body(a, b);
  } finally {
    await a.close();
    await b.close();
    await s.done();
  }
}

export function runConcurrencyContract(name: string, shared: () => Promise<SharedStore>): void {
  describe(`Store contract (concurrency): ${name}`, () => {
    it('two writers at once: every batch lands, the revision counts every write', async () => {
      await withTwo(shared, async (a, b) => {
        const start = await a.revision();
        const writes = (store: Store, prefix: string) =>
          Promise.all(
            Array.from({ length: 10 }, (_, i) =>
              store.write(batch([[sampleArticle(`${prefix}${i}`), `s-${prefix}`]], [`s-${prefix}`])),
            ),
          );
        await Promise.all([writes(a, 'a'), writes(b, 'b')]);
        assert.deepEqual(await a.counts(), { articles: 20, stories: 2 });
        assert.deepEqual(await b.counts(), { articles: 20, stories: 2 });
        assert.equal(await a.revision(), start + 20);
        assert.equal(await b.revision(), start + 20);
        const sizes = (await b.listStories()).map((s) => [s.id, s.articleCount]).sort();
        assert.deepEqual(sizes, [
          ['s-a', 10],
          ['s-b', 10],
        ]);
      });
    });

    it('dedup race: the same report stored by two writers at once is one article', async () => {
      await withTwo(shared, async (a, b) => {
        const same = sampleArticle('same');
        await Promise.all([a.write(batch([[same, 's1']], ['s1'])), b.write(batch([[same, 's1']], ['s1']))]);
        assert.equal((await a.counts()).articles, 1);
        assert.equal(await b.findByContentHash(same.contentHash), 'same');
        assert.deepEqual((await b.getArticle('same'))?.article, same);
        assert.equal((await a.storyArticles('s1')).length, 1);
      });
    });

    it('version race: two new versions of one article at once are both kept, none lost', async () => {
      await withTwo(shared, async (a, b) => {
        await a.write(batch([[sampleArticle('x'), 's1']], ['s1']));
        const v = (tag: string) =>
          sampleArticle('x', { text: `Corrected by ${tag}.`, contentHash: `hash-${tag}` });
        await Promise.all([
          a.write(batch([[v('a'), 's1']], ['s1'])),
          b.write(batch([[v('b'), 's1']], ['s1'])),
        ]);
        const versions = await b.articleVersions('x');
        assert.deepEqual(
          versions.map((r) => r.version),
          [1, 2, 3],
        );
        assert.deepEqual(
          versions
            .slice(1)
            .map((r) => r.contentHash)
            .sort(),
          ['hash-a', 'hash-b'],
        );
        const current = await a.getArticle('x');
        assert.equal(current?.version, 3);
        assert.equal(
          current?.article.contentHash,
          versions[2].contentHash,
          'the current version is the last one kept',
        );
        assert.equal((await a.counts()).articles, 1);
      });
    });

    it('feed poll records from two connections both count', async () => {
      await withTwo(shared, async (a, b) => {
        await a.addFeed({
          id: 'f1',
          url: 'https://f1.example/feed.xml',
          title: null,
          intervalSeconds: 900,
          addedAt: '2026-03-14T00:00:00.000Z',
          nextCheckAt: '2026-03-14T00:00:00.000Z',
        });
        const poll = (from: number, checkedAt: string) => ({
          checkedAt,
          ok: true,
          failures: 0,
          error: null,
          nextCheckAt: '2026-03-14T02:00:00.000Z',
          items: Array.from({ length: 50 }, (_, i) => ({
            key: `k${from + i}`,
            fingerprint: `fp${from + i}`,
            articleId: null,
          })),
        });
        await Promise.all([
          a.recordFeedPoll('f1', poll(0, '2026-03-14T01:00:00.000Z')),
          b.recordFeedPoll('f1', poll(50, '2026-03-14T01:00:01.000Z')),
        ]);
        const f = await b.getFeed('f1');
        assert.equal(f?.itemCount, 100);
        assert.ok(['2026-03-14T01:00:00.000Z', '2026-03-14T01:00:01.000Z'].includes(f?.lastCheckedAt ?? ''));
        const keys = Array.from({ length: 100 }, (_, i) => `k${i}`);
        assert.equal((await a.feedItemFingerprints('f1', keys)).size, 100);
      });
    });
  });
}
