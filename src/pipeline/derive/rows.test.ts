import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noMentions, type Mentions } from '../../model/index.ts';
import { sampleArticle } from '../../store/contract/fixtures.ts';
import { completeBatch } from './batch.ts';
import { deriveRows, entityFormRows, indexRow, placeRows } from './rows.ts';

const place = (name: string, lat: number): Mentions['places'][number] => ({
  start: 0, end: name.length, text: name, name, kind: 'city', country: 'NO', lat, lon: 18.9, confidence: 1,
});
const person = (name: string, text: string): Mentions['entities'][number] => ({ start: 0, end: text.length, text, name, type: 'person' });

const w = (id: string, m: Partial<Mentions>, over = {}) => ({
  article: sampleArticle(id, { source: 'Nordlys  Avis', title: 'Snow in Tromsø', text: 'Roads near Tromsø closed. Straße.', ...over }),
  mentions: { ...noMentions(), ...m },
});

describe('derived rows', () => {
  it('index row: the folded source key and the search variants of title and text', () => {
    assert.deepEqual(indexRow(w('a', {})), { articleId: 'a', sourceKey: 'nordlys avis', titleVariants: 'tromso', textVariants: 'tromso strasse' });
    assert.deepEqual(indexRow(w('b', {}, { title: 'Plain', text: 'São Paulo' })).textVariants, '', 'marks alone need no variant');
  });

  it('places: once per key per article, the first mention\'s reading', () => {
    const rows = placeRows(w('a', { places: [place('Tromsø', 69.6), place('TROMSO', 1), place('Bodø', 67.3)] }));
    assert.deepEqual(rows, [
      { articleId: 'a', key: 'tromso', name: 'Tromsø', country: 'NO', lat: 69.6, lon: 18.9 },
      { articleId: 'a', key: 'bodo', name: 'Bodø', country: 'NO', lat: 67.3, lon: 18.9 },
    ]);
  });

  it('entity forms: once per (key, spelling), the spelling as written', () => {
    const rows = entityFormRows(w('a', { entities: [person('Ana Kovač', 'Kovač'), person('Ana Kovač', 'Kovač'), person('ana kovac', 'Kovac')] }));
    assert.deepEqual(rows, [
      { articleId: 'a', key: 'ana kovac', name: 'Ana Kovač', type: 'person', form: 'Kovač' },
      { articleId: 'a', key: 'ana kovac', name: 'ana kovac', type: 'person', form: 'Kovac' },
    ]);
  });

  it('a batch gets one index row per article and every article\'s rows, flat', () => {
    const rows = deriveRows([w('a', { places: [place('Tromsø', 69.6)] }), w('b', { places: [place('Tromsø', 69.6)] })]);
    assert.deepEqual(rows.articleIndex.map((r) => r.articleId), ['a', 'b']);
    assert.deepEqual(rows.articlePlaces.map((r) => `${r.articleId}:${r.key}`), ['a:tromso', 'b:tromso']);
    assert.deepEqual(rows.articleEntityForms, []);
    const story = { id: 's', title: 's', createdAt: 't', updatedAt: 't' };
    const batch = completeBatch({ articles: [{ ...w('a', {}), storyId: 's', copyOf: null, features: null }], stories: [story] });
    assert.equal(batch.articleIndex.length, 1);
    assert.deepEqual(batch.stories, [story]);
  });
});

describe('backfill of derived rows', () => {
  it('derives the rows of every listed article, page by page, and stops on a store that keeps listing them', async () => {
    const { backfillDerivedRows } = await import('./backfill.ts');
    const stored = Array.from({ length: 1200 }, (_, i) => ({
      ...w(`a${i}`, { places: [place('Tromsø', 69.6)] }),
      storyId: 's', copyOf: null, version: 1, ingestedAt: 't',
    }));
    const given: string[] = [];
    let pending = [...stored];
    const store = {
      articlesWithoutDerivedRows: async (limit: number) => pending.slice(0, limit),
      writeDerived: async (rows: { articleIndex: { articleId: string }[]; articlePlaces: unknown[] }) => {
        given.push(...rows.articleIndex.map((r) => r.articleId));
        assert.equal(rows.articlePlaces.length, rows.articleIndex.length);
        pending = pending.filter((s) => !given.includes(s.article.id));
      },
    };
    assert.equal(await backfillDerivedRows(store as never), 1200);
    assert.equal(new Set(given).size, 1200);
    const stuck = { ...store, writeDerived: async () => {} };
    pending = stored.slice(0, 3);
    await assert.rejects(backfillDerivedRows(stuck as never), /still lacks derived rows/);
  });
});
