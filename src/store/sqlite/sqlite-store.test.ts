import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runStoreContract } from '../store.contract.ts';
import { SqliteStore } from './sqlite-store.ts';

runStoreContract('sqlite in memory', () => new SqliteStore(':memory:'));

describe('SqliteStore on disk', () => {
  it('keeps data across reopen and refuses a file that is not a database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-store-'));
    try {
      const file = join(dir, 'p.db');
      const { sampleArticle } = await import('../store.contract.ts');
      const s1 = new SqliteStore(file);
      await s1.write({
        articles: [{ article: sampleArticle('a'), mentions: { entities: [], dates: [], places: [], figures: [], quotes: [], eventDate: null }, storyId: 's', copyOf: null, features: null }],
        stories: [{ id: 's', title: 'S', createdAt: 'x', updatedAt: 'x' }],
      });
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
      await writer.write({
        articles: [{ article: sampleArticle('a'), mentions: { entities: [], dates: [], places: [], figures: [], quotes: [], eventDate: null }, storyId: 's', copyOf: null, features: null }],
        stories: [{ id: 's', title: 'S', createdAt: 'x', updatedAt: 'x' }],
      });
      assert.equal(await reader.revision(), before + 1);
      await writer.close();
      await reader.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
