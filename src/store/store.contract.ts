// The contract every Store implementation must pass (SQLite now, PostgreSQL later), given a
// factory of fresh, empty stores:
//   runStoreContract('sqlite', () => new SqliteStore(':memory:'))
//   runStoreContract('postgres', () => openStore(url))   (each store emptied first)
// Cases: contract/search (story list, search, entities), contract/derived (the batch's derived
// rows persisted and queried as given), contract/feeds, and below (articles, versions, moves).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article, StoryRecord } from '../model/index.ts';
import { noMentions } from '../model/index.ts';
import type { ArticleWrite, Store } from './store.ts';
import { sampleArticle } from './contract/fixtures.ts';
import { runAlertsContract } from './contract/alerts.contract.ts';
import { runDerivedContract } from './contract/derived.contract.ts';
import { runFeedsContract } from './contract/feeds.contract.ts';
import { runSearchContract } from './contract/search.contract.ts';
import { runScaleOutContract } from './contract/scale-out.contract.ts';
import { runIntakeContract } from './contract/intake.contract.ts';
import { completeBatch } from '../pipeline/derive/batch.ts';

// Kept here for callers of the contract (e.g. the on-disk SQLite test).
export { sampleArticle };

const story = (id: string, title = `Story ${id}`): StoryRecord => ({
  id,
  title,
  createdAt: '2026-03-14T00:00:00.000Z',
  updatedAt: '2026-03-14T00:00:00.000Z',
});

const write = (article: Article, storyId: string, copyOf: string | null = null): ArticleWrite => ({
  article,
  mentions: noMentions(),
  storyId,
  copyOf,
  features: { terms: [['flood', 2]] },
});

export function runStoreContract(name: string, newStore: () => Store | Promise<Store>): void {
  runSearchContract(name, newStore);
  runDerivedContract(name, newStore);
  runFeedsContract(name, newStore);
  runScaleOutContract(name, newStore);
  runAlertsContract(name, newStore);
  runIntakeContract(name, newStore);
  describe(`Store contract: ${name}`, () => {
    it('stores an article and reads it back unchanged', async () => {
      const store = await newStore();
      const a = sampleArticle('a1', { title: 'Kovač says “yes”', metadata: { section: 'world' } });
      await store.write(completeBatch({ articles: [write(a, 's1')], stories: [story('s1')] }));
      const got = await store.getArticle('a1');
      assert.deepEqual(got?.article, a);
      assert.equal(got?.storyId, 's1');
      assert.equal(got?.version, 1);
      assert.equal(await store.getArticle('missing'), null);
      await store.close();
    });

    it('raises the revision by one at every write, and not on reads', async () => {
      const store = await newStore();
      const start = await store.revision();
      await store.write(completeBatch({ articles: [write(sampleArticle('a1'), 's1')], stories: [story('s1')] }));
      await store.getArticle('a1');
      await store.counts();
      assert.equal(await store.revision(), start + 1);
      await store.write(completeBatch({ articles: [], stories: [story('s2')], moves: [{ articleId: 'a1', storyId: 's2' }] }));
      assert.equal(await store.revision(), start + 2);
      await store.close();
    });

    it('finds articles by content hash', async () => {
      const store = await newStore();
      const a = sampleArticle('a1');
      await store.write(completeBatch({ articles: [write(a, 's1')], stories: [story('s1')] }));
      assert.equal(await store.findByContentHash(a.contentHash), 'a1');
      assert.equal(await store.findByContentHash('nope'), null);
      await store.close();
    });

    it('keeps earlier versions when an article changes', async () => {
      const store = await newStore();
      const v1 = sampleArticle('a1');
      await store.write(completeBatch({ articles: [write(v1, 's1')], stories: [story('s1')] }));
      const v2 = sampleArticle('a1', {
        text: 'Corrected body. Now longer than before.',
        contentHash: 'hash-v2',
      });
      await store.write(completeBatch({ articles: [write(v2, 's1')], stories: [story('s1')] }));
      const got = await store.getArticle('a1');
      assert.equal(got?.version, 2);
      assert.equal(got?.article.text, v2.text);
      const versions = await store.articleVersions('a1');
      assert.deepEqual(
        versions.map((v) => [v.version, v.contentHash]),
        [
          [1, v1.contentHash],
          [2, 'hash-v2'],
        ],
      );
      assert.equal((await store.counts()).articles, 1);
      await store.close();
    });

    it('lists stories with counts, sources and dates, and their articles in date order', async () => {
      const store = await newStore();
      await store.write(completeBatch({
        articles: [
          write(
            sampleArticle('late', {
              published: { date: '2026-03-16', iso: null, method: 'date-line', confidence: 0.8, text: '' },
              source: 'B',
            }),
            's1',
          ),
          write(
            sampleArticle('early', {
              published: { date: '2026-03-12', iso: null, method: 'date-line', confidence: 0.8, text: '' },
              source: 'A',
            }),
            's1',
          ),
          write(sampleArticle('undated', { published: null, source: 'A' }), 's1', 'early'),
          write(sampleArticle('other'), 's2'),
        ],
        stories: [story('s1', 'Flood'), story('s2', 'Other')],
      }));
      const list = await store.listStories();
      const s1 = list.find((s) => s.id === 's1');
      assert.equal(s1?.articleCount, 3);
      assert.deepEqual(s1?.sources, ['A', 'B']);
      assert.equal(s1?.firstPublished, '2026-03-12');
      assert.equal(s1?.lastPublished, '2026-03-16');
      assert.deepEqual(
        (await store.storyArticles('s1')).map((s) => s.article.id),
        ['early', 'late', 'undated'],
      );
      assert.equal((await store.storyArticles('s1'))[2].copyOf, 'early');
      assert.equal((await store.listStories({ limit: 1 })).length, 1);
      assert.deepEqual(await store.counts(), { articles: 4, stories: 2 });
      await store.close();
    });

    it('moves articles between stories and hides emptied stories', async () => {
      const store = await newStore();
      await store.write(completeBatch({
        articles: [write(sampleArticle('a'), 's1'), write(sampleArticle('b'), 's2')],
        stories: [story('s1'), story('s2')],
      }));
      await store.write(completeBatch({ articles: [], stories: [], moves: [{ articleId: 'b', storyId: 's1' }] }));
      assert.equal((await store.getArticle('b'))?.storyId, 's1');
      assert.deepEqual(
        (await store.listStories()).map((s) => s.id),
        ['s1'],
      );
      await store.close();
    });

    it('writes all of a batch or nothing', async () => {
      const store = await newStore();
      // A move into a story that does not exist violates the story reference.
      await assert.rejects(
        store.write(completeBatch({
          articles: [write(sampleArticle('a'), 's1')],
          stories: [story('s1')],
          moves: [{ articleId: 'a', storyId: 'ghost' }],
        })),
        /store: write failed/,
      );
      assert.equal(await store.getArticle('a'), null);
      assert.equal((await store.counts()).articles, 0);
      await store.close();
    });

    it('replays cluster state in ingest order', async () => {
      const store = await newStore();
      await store.write(completeBatch({
        articles: [write(sampleArticle('x'), 's1'), write(sampleArticle('y'), 's1', 'x')],
        stories: [story('s1')],
      }));
      const rows = [];
      for await (const r of store.clusterState()) rows.push(r);
      assert.deepEqual(rows, [
        { articleId: 'x', storyId: 's1', copyOf: null, features: { terms: [['flood', 2]] } },
        { articleId: 'y', storyId: 's1', copyOf: 'x', features: { terms: [['flood', 2]] } },
      ]);
      await store.close();
    });
  });
}
