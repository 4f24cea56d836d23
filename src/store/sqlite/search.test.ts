import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { noMentions } from '../../model/index.ts';
import { sampleArticle } from '../store.contract.ts';
import { foldName, ftsQuery } from './search.ts';
import { SqliteStore } from './sqlite-store.ts';

describe('search helpers', () => {
  it('folds names and builds safe FTS queries', () => {
    const cases: [string, string, string][] = [
      ['São  João', 'sao joao', '"sao" "joao"*'],
      ['KOVAČ', 'kovac', '"kovac"*'],
      ['"a" OR NEAR(b*', '"a" or near(b*', '"a" "or" "near" "b"*'],
      ['--- ***', '--- ***', ''],
      ['Tromsø Łódź', 'tromso lodz', '"tromsø" "łodz"*'],
    ];
    for (const [input, folded, query] of cases) {
      assert.equal(foldName(input), folded, input);
      assert.equal(ftsQuery(input), query, input);
    }
  });
});

describe('search indexes on an existing store', () => {
  it('are rebuilt on open when a store was written before they existed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-search-'));
    try {
      const file = join(dir, 'p.db');
      const s1 = new SqliteStore(file);
      const text = 'Flooding in São João da Madeira.';
      await s1.write({
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
      });
      await s1.close();
      // Simulate a v1 store: the index tables are empty.
      const raw = new Database(file);
      raw.exec(
        'DELETE FROM story_stats; DELETE FROM story_places; DELETE FROM story_sources; DELETE FROM article_search;',
      );
      raw.close();
      const s2 = new SqliteStore(file);
      assert.deepEqual(
        (await s2.findStories({ place: 'sao joao da madeira' })).stories.map((s) => s.id),
        ['s'],
      );
      assert.equal((await s2.searchArticles('sao joao')).total, 1);
      await s2.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
