import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { withTempDir } from '../../../test/temp-dir.ts';
import Database from 'better-sqlite3';
import { noMentions } from '../../model/index.ts';
import { sampleArticle } from '../store.contract.ts';
import { migrations } from './migrations.ts';
import { markVariants, nameKey as foldName, searchVariants, searchWords } from '../../text/fold.ts';
import { ftsQuery } from './fts-query.ts';
import { backfillDerivedRows } from '../../pipeline/derive/backfill.ts';
import { LONG_TEXT_CHARS, longSnippet } from './long-snippet.ts';
import { SqliteStore } from './sqlite-store.ts';
import { completeBatch } from '../../pipeline/derive/batch.ts';

describe('search helpers', () => {
  it('folds names and builds safe FTS queries', () => {
    const cases: [string, string, string][] = [
      ['São  João', 'sao joao', '"sao" "joao"*'],
      ['KOVAČ', 'kovac', '"kovac"*'],
      ['"a" OR NEAR(b*', '"a" or near(b*', '"a" "or" "near" "b"*'],
      ['--- ***', '--- ***', ''],
      ['Tromsø Łódź', 'tromso lodz', '"tromso" "lodz"*'],
      ['STRAẞE Ærø', 'strasse aero', '"strasse" "aero"*'],
    ];
    for (const [input, folded, query] of cases) {
      assert.equal(foldName(input), folded, input);
      assert.equal(ftsQuery(input), query, input);
    }
  });

  it('lists the folded form of each word holding a letter the index keeps', () => {
    const cases: [string | null, string][] = [
      ['Storm hits the coast', ''],
      ['', ''],
      [null, ''],
      ['Storm in Tromsø and Łódź; Tromsø again', 'tromso lodz tromso'],
      [
        'Ærøskøbing, Straße, ÞINGVELLIR, Đakovo, Kırıkkale, Ħamrun, Œuvre',
        'aeroskobing strasse thingvellir dakovo kirikkale hamrun oeuvre',
      ],
      ['Ło\u0301dz\u0301 (decomposed)', 'lodz'],
      ['søndag-morgen', 'sondag'],
    ];
    for (const [text, variants] of cases) assert.equal(searchVariants(text), variants, String(text));
  });

  it('marks in snippets only the special-letter words a search word folds to', () => {
    const cases: [string, string, string][] = [
      ['Tromsø and Trondheim', 'tromso', '\u0002Tromsø\u0003 and Trondheim'],
      ['Tromsøbrua in Tromsø', 'tromso bridge', 'Tromsøbrua in \u0002Tromsø\u0003'], // only the last word is a prefix
      ['Tromsøbrua in Tromsø', 'bridge tromso', '\u0002Tromsøbrua\u0003 in \u0002Tromsø\u0003'],
      ['\u0002Łódź\u0003 and Łowicz', 'łódź', '\u0002Łódź\u0003 and Łowicz'],
      ['Plain Tromso text', 'tromso', 'Plain Tromso text'], // FTS already marks plain words
    ];
    for (const [snippet, q, marked] of cases) assert.equal(markVariants(snippet, searchWords(q)), marked, q);
  });
});

const TEXTS: Record<string, { title: string; text: string }> = {
  tromso: {
    title: 'Avalanche warning in Tromsø',
    text: 'Roads near Tromsø were closed on Sunday after heavy snow.',
  },
  lodz: { title: 'Tram strike', text: 'Tram drivers in Łódź walked out over pay.' },
  strasse: { title: 'Street renamed', text: 'The Hauptstraße in Graz gets a new name.' },
  aero: { title: 'Ferry cancelled to Ærø', text: 'Storms stopped the ferry to the island.' },
  plain: { title: 'Floods in Tromso county', text: 'Rivers rose across the region on Monday.' },
};

function write(store: SqliteStore, ids: string[]) {
  return store.write(completeBatch({
    articles: ids.map((id) => ({
      article: sampleArticle(id, TEXTS[id]),
      mentions: noMentions(),
      storyId: 's',
      copyOf: null,
      features: null,
    })),
    stories: [{ id: 's', title: 'S', createdAt: 'x', updatedAt: 'x' }],
  }));
}

const found = async (store: SqliteStore, q: string) =>
  (await store.searchArticles(q)).hits.map((h) => h.articleId).sort();

describe('search folds letters Unicode does not decompose', () => {
  it('finds them from plain or special spellings, keeping the original in snippets', async () => {
    const store = new SqliteStore(':memory:');
    await write(store, Object.keys(TEXTS));
    const cases: [string, string[]][] = [
      ['tromso', ['plain', 'tromso']],
      ['Tromsø', ['plain', 'tromso']],
      ['TROMSØ roads', ['tromso']],
      ['trom', ['plain', 'tromso']], // the last word is a prefix of the folded form too
      ['lodz', ['lodz']],
      ['Łódź tram', ['lodz']],
      ['łod', ['lodz']],
      ['hauptstrasse', ['strasse']],
      ['hauptstraße', ['strasse']],
      ['aero ferry', ['aero']],
      ['ærø', ['aero']],
      ['ferry', ['aero']],
      ['rivers monday', ['plain']],
      ['tromso graz', []],
    ];
    for (const [q, ids] of cases) assert.deepEqual(await found(store, q), ids, q);
    const snippet = async (q: string) => (await store.searchArticles(q)).hits[0]?.snippet;
    assert.equal(
      await snippet('tromso roads'),
      '\u0002Roads\u0003 near \u0002Tromsø\u0003 were closed on Sunday after heavy snow.',
    );
    assert.equal(await snippet('lod'), 'Tram drivers in \u0002Łódź\u0003 walked out over pay.');
    assert.equal(
      await snippet('hauptstrasse graz'),
      'The \u0002Hauptstraße\u0003 in \u0002Graz\u0003 gets a new name.',
    );
    await store.close();
  });
});

describe('search indexes on an existing store', () => {
  it('migrate a v3 store (no variants columns) keeping its articles findable', async () => {
    await withTempDir('search', async (dir) => {
      const file = join(dir, 'p.db');
      const s1 = new SqliteStore(file);
      await write(s1, ['tromso', 'lodz', 'plain']);
      await s1.close();
      // Put the store back to schema v3: its search table as migration 3 made it, filled as v3 did.
      const raw = new Database(file);
      const v3 = migrations.find((m) => m.version === 3)!.sql;
      // (Tables of later migrations go too: they are made again on open.)
      raw.exec(`DROP TABLE store_revision; DROP TABLE article_search; ${v3.slice(v3.indexOf('CREATE VIRTUAL TABLE article_search'))}`);
      raw.exec(`DROP TABLE article_places; DROP TABLE article_entity_forms; DROP INDEX articles_underived;
        ALTER TABLE articles DROP COLUMN source_key;`);
      raw.exec(`INSERT INTO article_search (rowid, article_id, title, source, text)
        SELECT seq, id, title, source, json_extract(article_json, '$.text') FROM articles;
        DELETE FROM schema_migrations WHERE version > 3;`);
      const cols = raw.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('article_search');
      assert.deepEqual(cols, ['article_id', 'title', 'source', 'text']);
      raw.close();
      const s2 = new SqliteStore(file);
      // The variants are the runner's to derive: the runner backfills them before its first write.
      assert.equal((await s2.articlesWithoutDerivedRows(10)).length, 3);
      assert.equal(await backfillDerivedRows(s2), 3);
      assert.deepEqual(await s2.articlesWithoutDerivedRows(10), []);
      assert.deepEqual(await found(s2, 'tromso'), ['plain', 'tromso']);
      assert.deepEqual(await found(s2, 'lodz'), ['lodz']);
      assert.deepEqual(await found(s2, 'rivers'), ['plain']);
      assert.equal((await s2.getArticle('lodz'))?.article.text, TEXTS.lodz.text);
      await write(s2, ['aero']);
      assert.deepEqual(await found(s2, 'aero'), ['aero']);
      await s2.close();
    });
  });

  it('are rebuilt from the runner\'s derived rows when a store was written before they existed', async () => {
    await withTempDir('search', async (dir) => {
      const file = join(dir, 'p.db');
      const s1 = new SqliteStore(file);
      const text = 'Flooding in São João da Madeira.';
      await s1.write(completeBatch({
        articles: [
          {
            article: sampleArticle('a', { text }),
            mentions: {
              ...noMentions(),
              places: [
                {
                  start: 12,
                  end: 31,
                  text: 'São João da Madeira',
                  name: 'São João da Madeira',
                  kind: 'city',
                  country: 'PT',
                  lat: 40.9,
                  lon: -8.49,
                  confidence: 1,
                },
              ],
            },
            storyId: 's',
            copyOf: null,
            features: null,
          },
        ],
        stories: [{ id: 's', title: 'S', createdAt: 'x', updatedAt: 'x' }],
      }));
      await s1.close();
      // Simulate a v1 store: the index tables are empty, the articles without derived rows.
      const raw = new Database(file);
      raw.exec(
        `DELETE FROM story_stats; DELETE FROM story_places; DELETE FROM story_sources; DELETE FROM article_places;
         UPDATE articles SET source_key = NULL; UPDATE article_search SET title_variants = '', text_variants = '';`,
      );
      raw.close();
      const s2 = new SqliteStore(file);
      assert.equal((await s2.findStories({})).total, 0);
      assert.equal(await backfillDerivedRows(s2), 1);
      assert.deepEqual(
        (await s2.findStories({ place: 'sao joao da madeira' })).stories.map((s) => s.id),
        ['s'],
      );
      assert.equal((await s2.searchArticles('sao joao')).total, 1);
      await s2.close();
    });
  });
});

describe('snippets of long articles', () => {
  const long = `${'The river rose in the night. '.repeat(3000)}Roads near Tromsø were closed on Sunday after heavy snow. ${'The water came fast. '.repeat(3000)}`;

  it('mark the first window holding a search word, cut with …', () => {
    assert.equal(
      longSnippet(long, searchWords('tromso roads'), 8),
      '…rose in the night. \u0002Roads\u0003 near \u0002Tromsø\u0003 were…',
    );
    assert.equal(longSnippet('Short text about floods.', searchWords('flood')), 'Short text about \u0002floods\u0003.');
    assert.equal(longSnippet('Nothing here matches at all.', searchWords('tromso'), 3), 'Nothing here matches…');
  });

  it('are made for long texts without snippet(), the same way for the search', async () => {
    const store = new SqliteStore(':memory:');
    await store.write(completeBatch({
      articles: [{ article: sampleArticle('long', { title: 'Snow', text: long }), mentions: noMentions(), storyId: 's', copyOf: null, features: null }],
      stories: [{ id: 's', title: 'S', createdAt: 'x', updatedAt: 'x' }],
    }));
    assert.ok(long.length > LONG_TEXT_CHARS);
    const [hit] = (await store.searchArticles('tromso')).hits;
    assert.ok(hit.snippet.startsWith('…') && hit.snippet.endsWith('…'), hit.snippet);
    assert.ok(hit.snippet.includes(' near \u0002Tromsø\u0003 were closed '), hit.snippet);
    await store.close();
  });
});
