// Contract for the write batch's derived rows: a store persists and queries them exactly as given
// (it derives nothing from the articles or their mentions), keeps them per article across new
// versions and moves, and aggregates them per story. Run by runStoreContract for every store.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noMentions, type StoryRecord } from '../../model/index.ts';
import type { ArticleWrite, DerivedRows, Store, WriteBatch } from '../store.ts';
import { sampleArticle } from './fixtures.ts';

const story = (id: string): StoryRecord => ({
  id,
  title: `Story ${id}`,
  createdAt: '2026-03-14T00:00:00.000Z',
  updatedAt: '2026-03-14T00:00:00.000Z',
});

// No mentions at all: whatever the store shows of places and entities comes from the rows given.
const put = (id: string, storyId: string, text = `Body of ${id}.`): ArticleWrite => ({
  article: sampleArticle(id, { text, contentHash: `h-${id}-${text}` }),
  mentions: noMentions(),
  storyId,
  copyOf: null,
  features: null,
});

const index = (articleId: string, sourceKey = 'wire', titleVariants = '', textVariants = '') => ({
  articleId,
  sourceKey,
  titleVariants,
  textVariants,
});
const lisbon = (articleId: string, name = 'Lisboa') => ({ articleId, key: 'lisbon', name, country: 'PT', lat: 38.7, lon: -9.1 });
const kovac = (articleId: string, form: string) => ({ articleId, key: 'ana kovac', name: 'Ana Kovač', type: 'person', form });

const batch = (articles: ArticleWrite[], rows: Partial<DerivedRows>, stories: StoryRecord[], moves?: WriteBatch['moves']): WriteBatch => ({
  articles,
  stories,
  moves,
  articleIndex: rows.articleIndex ?? articles.map((w) => index(w.article.id)),
  articlePlaces: rows.articlePlaces ?? [],
  articleEntityForms: rows.articleEntityForms ?? [],
});

const ids = (r: { stories: { id: string }[] }) => r.stories.map((s) => s.id).sort();

export function runDerivedContract(name: string, newStore: () => Store | Promise<Store>): void {
  describe(`Store contract, derived rows: ${name}`, () => {
    it('persists and queries the rows as given, deriving nothing from the articles', async () => {
      const store = await newStore();
      await store.write(
        batch(
          [put('a', 's1'), put('b', 's1')],
          {
            // The source key is not the folded source name ("sample wire"): the store must use it as given.
            articleIndex: [index('a', 'wire', '', 'zebra'), index('b', 'wire')],
            articlePlaces: [lisbon('a'), lisbon('b', 'Lisbon')],
            articleEntityForms: [kovac('a', 'Kovač'), kovac('b', 'Kovac'), kovac('a', 'Ana Kovač')],
          },
          [story('s1')],
        ),
      );
      assert.deepEqual(ids(await store.findStories({ place: 'Lisbon' })), ['s1']);
      assert.deepEqual(ids(await store.findStories({ source: 'wire' })), ['s1']);
      assert.deepEqual(ids(await store.findStories({ source: 'Sample Wire' })), [], 'the key given, not one derived from the source');
      assert.deepEqual(ids(await store.findStories({ entity: 'Ana Kovac' })), ['s1']);
      // The variants are indexed beside the text: "zebra" is in neither title nor text.
      assert.deepEqual((await store.searchArticles('zebra')).hits.map((h) => h.articleId), ['a']);
      const [listed] = (await store.findStories({})).stories;
      assert.equal(listed.articleCount, 2);
      // The story's name for a key is that of its earliest stored article naming it.
      assert.deepEqual(listed.places, [{ name: 'Lisboa', country: 'PT', lat: 38.7, lon: -9.1 }]);
      assert.deepEqual(listed.sources, ['Sample Wire']);
      const entity = await store.entity('ANA KOVAC');
      assert.equal(entity?.name, 'Ana Kovač');
      assert.deepEqual(
        entity?.variants.map((v) => [v.form, v.articles, v.stories]).sort(),
        [
          ['Ana Kovač', 1, 1],
          ['Kovac', 1, 1],
          ['Kovač', 1, 1],
        ],
      );
      assert.deepEqual(await store.entities({ q: 'kov' }), [{ key: 'ana kovac', name: 'Ana Kovač', type: 'person', stories: 1, mentions: 3 }]);
      assert.deepEqual((await store.facets()).places, [{ name: 'Lisboa', stories: 1 }]);
      assert.deepEqual(await store.articlesWithoutDerivedRows(10), []);
      await store.close();
    });

    it('counts each article once per place key in the story list', async () => {
      const store = await newStore();
      await store.write(
        batch(
          [put('a', 's1'), put('b', 's1'), put('c', 's2')],
          {
            articlePlaces: [lisbon('a'), lisbon('b'), lisbon('c'), { articleId: 'b', key: 'porto', name: 'Porto', country: 'PT', lat: 41.1, lon: -8.6 }],
          },
          [story('s1'), story('s2')],
        ),
      );
      const s1 = (await store.findStories({})).stories.find((s) => s.id === 's1')!;
      // Sorted by the number of articles naming the place: Lisboa (2) before Porto (1).
      assert.deepEqual(s1.places.map((p) => p.name), ['Lisboa', 'Porto']);
      assert.deepEqual((await store.facets()).places, [
        { name: 'Lisboa', stories: 2 },
        { name: 'Porto', stories: 1 },
      ]);
      await store.close();
    });

    it('replaces an article\'s rows with its new version\'s, and follows moves', async () => {
      const store = await newStore();
      await store.write(batch([put('a', 's1'), put('b', 's2')], { articlePlaces: [lisbon('a'), lisbon('b')] }, [story('s1'), story('s2')]));
      // A new version of a names Porto, not Lisbon.
      await store.write(
        batch(
          [put('a', 's1', 'Corrected body of a.')],
          { articleIndex: [index('a', 'daily')], articlePlaces: [{ articleId: 'a', key: 'porto', name: 'Porto', country: 'PT', lat: 41.1, lon: -8.6 }] },
          [story('s1')],
        ),
      );
      assert.deepEqual(ids(await store.findStories({ place: 'lisbon' })), ['s2']);
      assert.deepEqual(ids(await store.findStories({ place: 'porto' })), ['s1']);
      assert.deepEqual(ids(await store.findStories({ source: 'daily' })), ['s1']);
      assert.deepEqual(ids(await store.findStories({ source: 'wire' })), ['s2']);
      // b moves into s1 with its rows; s2 is left empty and drops out.
      await store.write(batch([], {}, [], [{ articleId: 'b', storyId: 's1' }]));
      assert.deepEqual(ids(await store.findStories({ place: 'lisbon' })), ['s1']);
      assert.deepEqual(ids(await store.findStories({})), ['s1']);
      const [s1] = (await store.findStories({})).stories;
      assert.equal(s1.articleCount, 2);
      assert.deepEqual(s1.places.map((p) => p.name).sort(), ['Lisboa', 'Porto']);
      await store.close();
    });

    it('rejects a batch whose rows do not match its articles, writing nothing', async () => {
      const store = await newStore();
      await assert.rejects(store.write(batch([put('a', 's1')], { articleIndex: [] }, [story('s1')])), /store: write failed/);
      await assert.rejects(
        store.write(batch([put('a', 's1')], { articlePlaces: [lisbon('ghost')] }, [story('s1')])),
        /store: write failed/,
      );
      assert.equal(await store.getArticle('a'), null);
      assert.equal((await store.findStories({})).total, 0);
      await store.close();
    });

    it('takes rows for stored articles through writeDerived, refreshing their stories', async () => {
      const store = await newStore();
      await store.write(batch([put('a', 's1')], {}, [story('s1')]));
      const before = await store.revision();
      await store.writeDerived({
        articleIndex: [index('a', 'wire', '', 'quokka'), index('ghost')],
        articlePlaces: [lisbon('a'), lisbon('ghost')],
        articleEntityForms: [kovac('a', 'Kovač')],
      });
      assert.equal(await store.revision(), before + 1);
      assert.deepEqual(ids(await store.findStories({ place: 'lisbon' })), ['s1']);
      assert.deepEqual(ids(await store.findStories({ entity: 'ana kovac' })), ['s1']);
      assert.deepEqual((await store.searchArticles('quokka')).hits.map((h) => h.articleId), ['a']);
      assert.equal(await store.getArticle('ghost'), null, 'rows of articles not stored are ignored');
      await store.close();
    });
  });
}
