import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { BatchWriter, type PackedBatch, type PackedWrite } from './batch-write.ts';
import { migrations } from './migrations.ts';
import { rebuildStories } from './story-list.ts';

/** A small deterministic generator (mulberry32): a failing seed can be rerun. */
function random(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const TABLES: Record<string, string> = {
  story_stats: 'story_id, article_count, source_count, first_pub, last_pub, updated_at, conflicts',
  story_sources: 'story_id, source_key, source',
  story_places: 'story_id, place_key, name, country, lat, lon, article_count',
  story_entity_forms: 'story_id, entity_key, form, name, type, article_count',
};

function listRows(db: Database.Database): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [t, cols] of Object.entries(TABLES))
    out[t] = db.prepare(`SELECT ${cols} FROM ${t} ORDER BY ${cols}`).raw().all();
  return out;
}

function openStore(): { db: Database.Database; writer: BatchWriter } {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of migrations) db.exec(m.sql);
  return { db, writer: new BatchWriter(db) };
}

/** A write of article `id` into `storyId` with a few random sources, dates, places and spellings. */
function article(id: string, storyId: string, version: number, rnd: () => number): PackedWrite {
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const source = pick(['Agência Lusa', 'agencia lusa', 'Público', 'RTP', 'Expresso']);
  const published = rnd() < 0.2 ? null : `2026-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 10)}`;
  // Rows as the writer gets them: place [key, name, country, lat, lon], form [key, form, name, type].
  const places = ['porto', 'lisboa', 'braga', 'faro'].filter(() => rnd() < 0.4).map(
    (key): PackedWrite['places'][number] => [key, `${key} ${id} v${version}`, rnd() < 0.5 ? 'PT' : null, rnd(), rnd()],
  );
  const forms = ['costa', 'montenegro'].flatMap((key) =>
    ['A', 'B'].filter(() => rnd() < 0.4).map(
      (f): PackedWrite['forms'][number] => [key, `${key}-${f}`, `${key} ${id} v${version}`, pick(['person', 'org'])],
    ),
  );
  const sourceKey = source.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  return {
    id, storyId, copyOf: null, contentHash: `${id}-${version}`, source, title: id, url: null, path: null,
    language: 'pt', published, text: `text of ${id} v${version}`, articleJson: '{}', mentionsJson: '{}', featuresJson: 'null',
    index: [sourceKey, '', ''], places, forms,
  };
}

describe('story list rows', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`added incrementally equal a full recompute, row for row (random batches, seed ${seed})`, () => {
      const rnd = random(seed);
      const { db, writer } = openStore();
      const versions = new Map<string, number>(); // article id → its story's writes so far
      const storyOf = new Map<string, string>();
      let next = 0;
      let day = 10;
      const counts = { added: 0, versions: 0, moves: 0 };
      for (let b = 0; b < 60; b++) {
        const storyIds = Array.from({ length: 4 + Math.floor(b / 10) }, (_, i) => `s${i}`);
        const batch: PackedBatch = { articles: [], stories: [], moves: [], alertEvents: [], alertDeliveries: [] };
        const n = 1 + Math.floor(rnd() * 8);
        for (let i = 0; i < n; i++) {
          // Mostly new articles; some new versions of earlier batches' articles (maybe in another story).
          const inBatch = new Set(batch.articles.map((a) => a.id));
          const known = [...versions.keys()].filter((id) => !inBatch.has(id));
          if (known.length > 0 && rnd() < 0.15) {
            const id = known[Math.floor(rnd() * known.length)]!;
            const storyId = rnd() < 0.7 ? storyOf.get(id)! : storyIds[Math.floor(rnd() * storyIds.length)]!;
            versions.set(id, versions.get(id)! + 1);
            storyOf.set(id, storyId);
            batch.articles.push(article(id, storyId, versions.get(id)!, rnd));
            counts.versions++;
          } else {
            const id = `a${next++}`;
            const storyId = storyIds[Math.floor(rnd() * storyIds.length)]!;
            versions.set(id, 1);
            storyOf.set(id, storyId);
            batch.articles.push(article(id, storyId, 1, rnd));
            counts.added++;
          }
        }
        if (rnd() < 0.2 && versions.size > 0) {
          const known = [...versions.keys()];
          const id = known[Math.floor(rnd() * known.length)]!;
          const to = storyIds[Math.floor(rnd() * storyIds.length)]!;
          batch.moves.push({ articleId: id, storyId: to });
          storyOf.set(id, to);
          counts.moves++;
        }
        const at = `2026-03-${day++}T00:00:00.000Z`;
        for (const id of new Set(batch.articles.map((a) => a.storyId).concat(batch.moves.map((m) => m.storyId))))
          batch.stories.push({ id, title: id, createdAt: '2026-03-01T00:00:00.000Z', updatedAt: at });
        writer.write(batch, at);
        const incremental = listRows(db);
        const all = db.prepare('SELECT id FROM stories').pluck().all() as string[];
        db.transaction(() => rebuildStories((sql) => db.prepare(sql), all))();
        assert.deepEqual(incremental, listRows(db), `after batch ${b}`);
      }
      // The run exercised every kind of change and the stories grew.
      assert.ok(counts.added > 150 && counts.versions > 20 && counts.moves > 5, JSON.stringify(counts));
      const sizes = db.prepare('SELECT article_count FROM story_stats').pluck().all() as number[];
      assert.ok(Math.max(...sizes) > 20, `largest story ${Math.max(...sizes)}`);
      const shared = db.prepare('SELECT MAX(article_count) FROM story_places').pluck().get() as number;
      assert.ok(shared > 5, `a place counted over several batches (${shared})`);
    });
  }
});
