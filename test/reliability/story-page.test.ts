// A big story's page is computed once per revision of the story, then served from memory; any
// change to its articles makes a new page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../../src/api/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { noMentions } from '../../src/model/index.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { article } from '../api/fixtures.ts';
import { completeBatch } from '../../src/pipeline/derive/batch.ts';

const STORY = { id: 'st-dam', title: 'Dam above Lowfield cracks', createdAt: '2026-04-01T00:00:00Z', updatedAt: '2026-04-02T00:00:00Z' };
const write = (store: SqliteStore, from: number, n: number, updatedAt = STORY.updatedAt) =>
  store.write(completeBatch({
    stories: [{ ...STORY, updatedAt }],
    articles: Array.from({ length: n }, (_, k) => {
      const i = from + k;
      const text = `Engineers inspected the dam above Lowfield on Tuesday after cracks were seen in its wall. Report ${i} says ${100 + i} homes downstream were told to prepare to leave. The council said it would decide on Wednesday.`;
      return { article: article(`dam-${i}`, `Outlet ${i % 12}`, `Dam cracks near Lowfield (${i})`, text, '2026-04-01'), mentions: noMentions(), storyId: STORY.id, copyOf: null, features: null };
    }),
  }));

describe('story pages per revision', () => {
  it('a 150-article story page is served within 100 ms once computed, and is never stale', async () => {
    const store = new SqliteStore(':memory:');
    await write(store, 0, 150);
    const { app } = createApp({ store, config: loadConfig({}, { db: ':memory:' }), token: 'tok', web: false, log: () => {} });
    const page = async () => {
      const t = performance.now();
      const res = await app.request(`/api/stories/${STORY.id}`);
      const body = (await res.json()) as { story: { articles: unknown[] } };
      return { ms: performance.now() - t, articles: body.story.articles.length };
    };
    const first = await page();
    assert.equal(first.articles, 150);
    const times = [];
    for (let i = 0; i < 5; i++) times.push((await page()).ms);
    times.sort((a, b) => a - b);
    if (process.env.PARALLAX_RELIAB_LOG) console.log(`first ${first.ms.toFixed(0)} ms, median ${times[2].toFixed(0)} ms`);
    // Served, not recomputed: a fraction of the first computation, and within the 100 ms.
    assert.ok(times[2] <= Math.min(100, first.ms / 3), `median ${times[2].toFixed(0)} ms (first ${first.ms.toFixed(0)} ms)`);
    await write(store, 150, 1, '2026-04-03T00:00:00Z');
    assert.equal((await page()).articles, 151, 'a new article makes a new page');
    await store.close();
  });
});
