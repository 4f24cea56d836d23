// The assigner inside the real runner and store: what is stored after batches, repairs and a
// restart is the grouping the assigner made.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../config/index.ts';
import type { RawReport } from '../../model/index.ts';
import { SqliteStore } from '../../store/sqlite/sqlite-store.ts';
import { Ingestor } from '../run.ts';
import { partition, REPORTS } from './fixtures.test-data.ts';

const raw = (r: (typeof REPORTS)[number]): RawReport => {
  const record = { id: r.id, title: r.title, text: r.text, published: r.published ?? undefined, source: 'fixture' };
  return { format: 'json', path: 'fixture.jsonl', url: null, content: JSON.stringify(record), record };
};

async function storedPartition(store: SqliteStore): Promise<{ groups: string[][]; titles: Map<string, string> }> {
  const assignments = new Map<string, string>();
  const titles = new Map<string, string>();
  for (const s of await store.listStories()) {
    titles.set(s.id, s.title);
    for (const a of await store.storyArticles(s.id)) assignments.set(a.article.id, s.id);
  }
  return { groups: partition(assignments), titles };
}

describe('grouping through the runner', () => {
  const expected = partition(new Map(REPORTS.map((r) => [r.id, r.event])));

  it('stores the stories the assigner made, across small batches and a restart', async () => {
    const store = new SqliteStore(':memory:');
    const config = { ...defaultConfig, writeBatch: 3 };
    const first = new Ingestor(store, { config });
    for (const r of REPORTS.slice(0, 6)) await first.add(raw(r));
    await first.finish();
    const second = new Ingestor(store, { config });
    for (const r of REPORTS.slice(6)) await second.add(raw(r));
    await second.finish();
    const { groups, titles } = await storedPartition(store);
    assert.deepEqual(groups, expected);
    const dayton = [...titles.values()].find((t) => /Dayton|Tillman|Wayne/.test(t));
    assert.ok(dayton && !/WDTV|Ledger/.test(dayton), `titles: ${[...titles.values()].join(' / ')}`);
    await store.close();
  });
});
