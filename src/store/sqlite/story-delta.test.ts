// The incremental story-list indexes must equal a full rebuild from the articles after any mix of
// new articles, new versions (other mentions), moves and emptied stories.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { noMentions, type Mentions } from '../../model/index.ts';
import { sampleArticle } from '../store.contract.ts';
import type { WriteBatch } from '../store.ts';
import { SqliteStore } from './sqlite-store.ts';
import { reindexStories } from './story-index.ts';

const place = (name: string, lat: number) => ({
  start: 0, end: name.length, text: name, name, kind: 'city', country: 'PT', lat, lon: -8, confidence: 1,
});
const person = (name: string, text = name) => ({ start: 0, end: text.length, text, name, type: 'person', confidence: 1 });
const mentions = (places: string[], people: [string, string?][]): Mentions =>
  ({ ...noMentions(), places: places.map((p, i) => place(p, 40 + i)), entities: people.map(([n, t]) => person(n, t)) }) as Mentions;

const story = (id: string) => ({ id, title: id, createdAt: 't', updatedAt: `u-${id}` });
const put = (id: string, storyId: string, m: Mentions, source = 'Wire', text = `Body ${id}.`) => ({
  article: { ...sampleArticle(id, { text, source }), contentHash: `${id}-${text}` },
  mentions: m,
  storyId,
  copyOf: null,
  features: null,
});

const TABLES = ['story_stats', 'story_sources', 'story_places', 'story_entity_forms'];
const dump = (db: Database.Database) =>
  TABLES.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all().map((r) => JSON.stringify(r)).sort());

const batches: [string, WriteBatch[]][] = [
  ['new articles, shared places counted once per article', [
    { articles: [put('a', 's1', mentions(['Porto', 'Porto'], [['Ana Silva']])), put('b', 's1', mentions(['Porto'], [['Ana Silva', 'Silva']]), 'Daily')], stories: [story('s1')] },
  ]],
  ['a new version with other mentions', [
    { articles: [put('a', 's1', mentions(['Porto'], [['Ana Silva']])), put('b', 's1', mentions(['Braga'], []))], stories: [story('s1')] },
    { articles: [put('a', 's1', mentions(['Lisbon'], [['Rui Costa']]), 'Wire', 'Body a, corrected.')], stories: [story('s1')] },
  ]],
  ['moves, one emptying a story', [
    { articles: [put('a', 's1', mentions(['Porto'], [['Ana Silva']])), put('b', 's2', mentions(['Porto', 'Braga'], [['Rui Costa']]), 'Daily')], stories: [story('s1'), story('s2')] },
    { articles: [put('c', 's2', mentions(['Faro'], []))], stories: [story('s2'), story('s1')], moves: [{ articleId: 'a', storyId: 's2' }] },
  ]],
  ['a move and a new version of the same article in one batch', [
    { articles: [put('a', 's1', mentions(['Porto'], [['Ana Silva']])), put('b', 's1', mentions(['Porto'], []))], stories: [story('s1')] },
    { articles: [put('a', 's2', mentions(['Braga'], [['Ana Silva']]), 'Wire', 'Body a v2.')], stories: [story('s1'), story('s2')], moves: [{ articleId: 'b', storyId: 's2' }, { articleId: 'a', storyId: 's3' }, { articleId: 'b', storyId: 's3' }] },
  ]],
];

describe('incremental story-list indexes', () => {
  for (const [name, writes] of batches) {
    it(`match a full rebuild: ${name}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'parallax-delta-'));
      try {
        const file = join(dir, 'p.db');
        const store = new SqliteStore(file);
        for (const b of writes) {
          const stories = b.moves?.some((m) => m.storyId === 's3') ? [...b.stories, story('s3')] : b.stories;
          await store.write({ ...b, stories });
        }
        await store.close();
        const db = new Database(file);
        const incremental = dump(db);
        assert.ok(incremental[0].length > 0, 'some story is listed');
        const ids = new Set((db.prepare('SELECT id FROM stories').all() as { id: string }[]).map((r) => r.id));
        reindexStories((sql) => db.prepare(sql), ids);
        assert.deepEqual(incremental, dump(db));
        db.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
