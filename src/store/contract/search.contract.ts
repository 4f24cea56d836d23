// Contract for the store's read-side queries: story list filters and sorts, full-text search,
// entities. Run by runStoreContract for every Store implementation.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article, Mentions, StoryRecord } from '../../model/index.ts';
import { noMentions } from '../../model/index.ts';
import type { ArticleWrite, Store } from '../store.ts';
import { sampleArticle } from './fixtures.ts';
import { completeBatch } from '../../pipeline/derive/batch.ts';

const story = (id: string, updatedAt = '2026-03-14T00:00:00.000Z'): StoryRecord => ({
  id,
  title: `Story ${id}`,
  createdAt: updatedAt,
  updatedAt,
});

function article(
  id: string,
  { day = '2026-03-14', ...over }: Partial<Article> & { day?: string } = {},
): Article {
  const text = over.text ?? `Report ${id}. Nothing else to say.`;
  return sampleArticle(id, {
    source: 'Wire',
    path: null,
    published: { date: day, iso: null, method: 'front-matter', confidence: 1, text: day },
    contentHash: `h-${id}-${text}`,
    ...over,
    text,
  });
}

const place = (name: string, country: string, lat: number, lon: number): Mentions['places'][number] => ({
  start: 0,
  end: 1,
  text: name,
  name,
  kind: 'city',
  country,
  lat,
  lon,
  confidence: 1,
});
const person = (text: string, name: string): Mentions['entities'][number] => ({
  start: 0,
  end: 1,
  text,
  name,
  type: 'person',
});

const w = (a: Article, storyId: string, m: Partial<Mentions> = {}): ArticleWrite => ({
  article: a,
  mentions: { ...noMentions(), ...m },
  storyId,
  copyOf: null,
  features: null,
});

async function seed(store: Store) {
  await store.write(completeBatch({
    stories: [story('flood', '2026-03-20T00:00:00.000Z'), story('strike'), story('fire')],
    articles: [
      w(
        article('f1', {
          source: 'Harbor Ledger',
          day: '2026-03-18',
          text: 'Floods hit São João da Madeira overnight.',
        }),
        'flood',
        {
          places: [place('São João da Madeira', 'PT', 40.9, -8.49)],
          entities: [person('Kovač', 'Ana Kovač')],
        },
      ),
      w(article('f2', { source: 'Northgate', day: '2026-03-19' }), 'flood', {
        places: [place('São João da Madeira', 'PT', 40.9, -8.49)],
        entities: [person('Kovac', 'Ana Kovač')],
      }),
      w(article('f3', { source: 'Eastbridge', day: '2026-03-20' }), 'flood'),
      w(
        article('s1', { source: 'Northgate', day: '2026-02-01', text: 'Rail workers strike in Lyon.' }),
        'strike',
        {
          places: [place('Lyon', 'FR', 45.76, 4.83)],
        },
      ),
      w(article('x1', { source: 'Plainsman', day: '2026-01-05' }), 'fire'),
      w(article('x2', { source: 'Plainsman', day: '2026-01-06' }), 'fire'),
    ],
  }));
}

const ids = (r: { stories: { id: string }[] }) => r.stories.map((s) => s.id);

export function runSearchContract(name: string, newStore: () => Store | Promise<Store>): void {
  describe(`Search contract: ${name}`, () => {
    it('lists stories with totals, sources, places and dates, sorted by recency or size', async () => {
      const store = await newStore();
      await seed(store);
      const recent = await store.findStories({});
      assert.equal(recent.total, 3);
      assert.deepEqual(ids(recent), ['flood', 'strike', 'fire']);
      const flood = recent.stories[0];
      assert.equal(flood.articleCount, 3);
      assert.deepEqual(flood.sources, ['Eastbridge', 'Harbor Ledger', 'Northgate']);
      assert.deepEqual(
        flood.places.map((p) => p.name),
        ['São João da Madeira'],
      );
      assert.equal(flood.firstPublished, '2026-03-18');
      assert.equal(flood.lastPublished, '2026-03-20');
      assert.equal(flood.conflicts, null);
      assert.deepEqual(ids(await store.findStories({ sort: 'size' })), ['flood', 'fire', 'strike']);
      const page = await store.findStories({ limit: 1, offset: 1 });
      assert.deepEqual([page.total, ids(page)], [3, ['strike']]);
      await store.close();
    });

    it('filters by place, source and entity ignoring case and diacritics, and by dates', async () => {
      const store = await newStore();
      await seed(store);
      const cases: [Parameters<Store['findStories']>[0], string[]][] = [
        [{ place: 'sao joao da madeira' }, ['flood']],
        [{ place: 'LYON' }, ['strike']],
        [{ place: 'Paris' }, []],
        [{ source: 'northgate' }, ['flood', 'strike']],
        [{ entity: 'ana kovac' }, ['flood']],
        [{ from: '2026-02-01', to: '2026-02-28' }, ['strike']],
        [{ from: '2026-03-19' }, ['flood']],
        [{ to: '2026-01-31' }, ['fire']],
        [{ source: 'Northgate', place: 'Lyon' }, ['strike']],
      ];
      for (const [q, want] of cases) {
        const got = await store.findStories(q);
        assert.deepEqual(ids(got), want, JSON.stringify(q));
        assert.equal(got.total, want.length);
      }
      await store.close();
    });

    it('keeps the indexes in step when articles move and stories empty', async () => {
      const store = await newStore();
      await seed(store);
      await store.write(completeBatch({
        articles: [],
        stories: [story('strike', '2026-03-21T00:00:00.000Z')],
        moves: [
          { articleId: 'x1', storyId: 'strike' },
          { articleId: 'x2', storyId: 'strike' },
        ],
      }));
      const all = await store.findStories({ sort: 'size' });
      assert.deepEqual(ids(all), ['flood', 'strike']);
      assert.deepEqual(all.stories[1].sources, ['Northgate', 'Plainsman']);
      assert.deepEqual(ids(await store.findStories({ source: 'plainsman' })), ['strike']);
      await store.close();
    });

    it('sorts by conflicts once counted, and ignores counts for an outdated version', async () => {
      const store = await newStore();
      await seed(store);
      const pending = (await store.storiesWithoutConflicts(10)).map((s) => s.id).sort();
      assert.deepEqual(pending, ['fire', 'flood', 'strike']);
      await store.setStoryConflicts('fire', 4, '2026-03-14T00:00:00.000Z');
      await store.setStoryConflicts('flood', 9, 'an older version');
      assert.deepEqual(ids(await store.findStories({ sort: 'conflicts' }))[0], 'fire');
      assert.equal((await store.findStories({ sort: 'conflicts' })).stories[0].conflicts, 4);
      assert.deepEqual((await store.storiesWithoutConflicts(10)).map((s) => s.id).sort(), [
        'flood',
        'strike',
      ]);
      // A new article makes the count stale again.
      await store.write(completeBatch({
        articles: [w(article('x3', { source: 'Plainsman' }), 'fire')],
        stories: [story('fire', '2026-03-22T00:00:00.000Z')],
      }));
      assert.ok((await store.storiesWithoutConflicts(10)).some((s) => s.id === 'fire'));
      await store.close();
    });

    it('finds articles by words without diacritics, with marked snippets, and survives hostile queries', async () => {
      const store = await newStore();
      await seed(store);
      const r = await store.searchArticles('sao joao');
      assert.equal(r.total, 1);
      assert.equal(r.hits[0].articleId, 'f1');
      assert.equal(r.hits[0].storyId, 'flood');
      assert.ok(r.hits[0].snippet.includes('\u0002São\u0003 \u0002João\u0003'), r.hits[0].snippet);
      assert.equal((await store.searchArticles('LYO')).hits[0]?.articleId, 's1', 'last word is a prefix');
      for (const q of ['"', 'a" OR "b', 'NEAR(', '*', 'title:x', ')(', '']) await store.searchArticles(q);
      assert.equal((await store.searchArticles('---')).total, 0);
      await store.write(completeBatch({
        articles: [w(article('s1', { text: 'Corrected: rail workers strike in Marseille.' }), 'strike')],
        stories: [story('strike')],
      }));
      assert.equal((await store.searchArticles('lyon')).total, 0, 'old text is no longer found');
      assert.equal((await store.searchArticles('marseille')).total, 1);
      await store.close();
    });

    it('lists entities by word prefix and gives the spellings seen', async () => {
      const store = await newStore();
      await seed(store);
      const list = await store.entities({ q: 'kov' });
      assert.deepEqual(
        list.map((e) => [e.name, e.stories]),
        [['Ana Kovač', 1]],
      );
      assert.deepEqual(await store.entities({ q: 'zzz' }), []);
      const e = await store.entity('ANA KOVAC');
      assert.equal(e?.name, 'Ana Kovač');
      assert.deepEqual(e?.variants.map((v) => v.form).sort(), ['Kovac', 'Kovač']);
      assert.equal(await store.entity('nobody'), null);
      const facets = await store.facets();
      assert.deepEqual(facets.sources[0], { name: 'Northgate', stories: 2 });
      assert.ok(facets.places.some((p) => p.name === 'Lyon'));
      await store.close();
    });
  });
}
