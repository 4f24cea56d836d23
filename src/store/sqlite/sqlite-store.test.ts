import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runStoreContract } from '../store.contract.ts';
import { SqliteStore } from './sqlite-store.ts';
import { completeBatch } from '../../pipeline/derive/batch.ts';

runStoreContract('sqlite in memory', () => new SqliteStore(':memory:'));

describe('SqliteStore on disk', () => {
  it('keeps data across reopen and refuses a file that is not a database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-store-'));
    try {
      const file = join(dir, 'p.db');
      const { sampleArticle } = await import('../store.contract.ts');
      const s1 = new SqliteStore(file);
      await s1.write(completeBatch({
        articles: [{ article: sampleArticle('a'), mentions: { entities: [], dates: [], places: [], figures: [], quotes: [], eventDate: null }, storyId: 's', copyOf: null, features: null }],
        stories: [{ id: 's', title: 'S', createdAt: 'x', updatedAt: 'x' }],
      }));
      await s1.close();
      const s2 = new SqliteStore(file);
      assert.equal((await s2.getArticle('a'))?.article.id, 'a');
      await s2.close();
      const bad = join(dir, 'bad.db');
      writeFileSync(bad, 'this is not sqlite at all, just text '.repeat(200));
      assert.throws(() => new SqliteStore(bad), /not a database|file is not a database/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows the revision raised by another connection to the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-store-'));
    try {
      const file = join(dir, 'p.db');
      const { sampleArticle } = await import('../store.contract.ts');
      const reader = new SqliteStore(file);
      const writer = new SqliteStore(file);
      const before = await reader.revision();
      await writer.write(completeBatch({
        articles: [{ article: sampleArticle('a'), mentions: { entities: [], dates: [], places: [], figures: [], quotes: [], eventDate: null }, storyId: 's', copyOf: null, features: null }],
        stories: [{ id: 's', title: 'S', createdAt: 'x', updatedAt: 'x' }],
      }));
      assert.equal(await reader.revision(), before + 1);
      await writer.close();
      await reader.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the grouping state in pages, answering other reads in between', async () => {
    const { sampleArticle } = await import('../store.contract.ts');
    const store = new SqliteStore(':memory:');
    const none = { entities: [], dates: [], places: [], figures: [], quotes: [], eventDate: null };
    const articles = Array.from({ length: 2_500 }, (_, i) => ({
      article: sampleArticle(`a${i}`, { contentHash: `h${i}` }),
      mentions: none,
      storyId: 's',
      copyOf: null,
      features: { n: i },
    }));
    await store.write(completeBatch({ articles, stories: [{ id: 's', title: 'S', createdAt: 'x', updatedAt: 'x' }] }));
    const order: string[] = [];
    const seen: unknown[] = [];
    setImmediate(() => void store.counts().then(() => order.push('read')));
    for await (const row of store.clusterState()) seen.push(row.features);
    order.push('restored');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(order, ['read', 'restored'], 'a read waiting on the event loop is answered during the restore');
    assert.deepEqual(seen, articles.map((a) => a.features), 'every row once, in ingest order');
    await store.close();
  });
});
