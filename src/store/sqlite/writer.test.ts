import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { withTempDir } from '../../../test/temp-dir.ts';
import { noMentions } from '../../model/index.ts';
import { sampleArticle } from '../store.contract.ts';
import type { ArticleWrite, WriteBatch } from '../store.ts';
import { post } from './batch-write.ts';
import { SqliteStore } from './sqlite-store.ts';
import { WriterStopped, WriterThread } from './writer.ts';
import { completeBatch } from '../../pipeline/derive/batch.ts';

const place = (name: string) => ({
  start: 0,
  end: name.length,
  text: name,
  name,
  kind: 'city' as const,
  country: 'PT',
  lat: 41.15,
  lon: -8.61,
  confidence: 1,
});

/** A batch large enough to go to the writer thread: `n` articles over `n / 10` stories. */
function bigBatch(n: number, prefix: string, storyOf = (i: number) => `${prefix}-s${i % Math.ceil(n / 10)}`): WriteBatch {
  const articles: ArticleWrite[] = [];
  for (let i = 0; i < n; i++) {
    const text = `Report ${prefix} ${i}: the ferry ${prefix}${i}x docked late in Porto.`;
    articles.push({
      article: sampleArticle(`${prefix}-${i}`, { title: `Ferry ${prefix} ${i}`, text, contentHash: `${prefix}-hash-${i}` }),
      mentions: { ...noMentions(), places: [place('Porto')] },
      storyId: storyOf(i),
      copyOf: null,
      features: null,
    });
  }
  const storyIds = [...new Set(articles.map((w) => w.storyId))];
  const stories = storyIds.map((id) => ({ id, title: id, createdAt: '2026-03-14T00:00:00.000Z', updatedAt: '2026-03-14T00:00:00.000Z' }));
  return completeBatch({ articles, stories });
}

describe('SqliteStore writer thread (large batches into a store file)', () => {
  it('commits batches written on the thread, reads them on the main connection, and survives reopening', async () => {
    await withTempDir('writer', async (dir) => {
      const file = join(dir, 'p.db');
      const store = new SqliteStore(file);
      // Two writes queued at once: they must commit in order.
      const first = store.write(completeBatch(bigBatch(300, 'a')));
      const second = store.write(completeBatch(bigBatch(300, 'b')));
      await Promise.all([first, second]);
      assert.deepEqual(await store.counts(), { articles: 600, stories: 60 });
      assert.equal(await store.findByContentHash('b-hash-299'), 'b-299');
      assert.equal((await store.searchArticles('a7x')).hits[0]?.articleId, 'a-7');
      assert.equal((await store.findStories({ place: 'porto' })).total, 60);
      // A small write after the thread started still lands after the large ones.
      await store.write(completeBatch({ articles: [{ ...bigBatch(1, 'c').articles[0], storyId: 'a-s0' }], stories: [] }));
      assert.equal((await store.storyArticles('a-s0')).length, 11);
      await store.close();
      const again = new SqliteStore(file);
      assert.deepEqual(await again.counts(), { articles: 601, stories: 60 });
      await again.close();
    });
  });

  it("copies the thread's commits into the store file on the checkpoint thread, without waiting for the WAL to fill", async () => {
    await withTempDir('writer', async (dir) => {
      const file = join(dir, 'p.db');
      const store = new SqliteStore(file);
      await store.write(completeBatch(bigBatch(300, 'a')));
      await store.write(completeBatch(bigBatch(300, 'b')));
      // The store file alone (no WAL beside it) holds what the checkpoints copied. Two small
      // batches are far below SQLite's own autocheckpoint bound: only the checkpoint thread copies them.
      const inFile = () => {
        copyFileSync(file, join(dir, 'copy.db'));
        const d = new Database(join(dir, 'copy.db'), { readonly: true });
        try {
          // A copy taken while a checkpoint writes the file may be torn: -1, copy again (the
          // last copy must be whole and hold every article).
          if (d.pragma('quick_check', { simple: true }) !== 'ok') return -1;
          // Before the first checkpoint the file may not hold even the schema.
          const tables = d.prepare("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'articles'").pluck().get() as number;
          return tables ? (d.prepare('SELECT COUNT(*) FROM articles').pluck().get() as number) : 0;
        } catch (err) {
          if ((err as { code?: string }).code === 'SQLITE_CORRUPT') return -1;
          throw err;
        } finally {
          d.close();
        }
      };
      let copied = inFile();
      for (let tries = 0; copied < 600 && tries < 100; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        copied = inFile();
      }
      assert.equal(copied, 600);
      await store.close();
      const d = new Database(file, { readonly: true });
      assert.equal(d.pragma('integrity_check', { simple: true }), 'ok');
      d.close();
    });
  });

  it('writes a failing batch all-or-nothing and keeps working', async () => {
    await withTempDir('writer', async (dir) => {
      const store = new SqliteStore(join(dir, 'p.db'));
      await store.write(completeBatch(bigBatch(300, 'a')));
      // The last article's story is in no batch: the foreign key fails the whole transaction.
      const bad = bigBatch(300, 'b', (i) => (i === 299 ? 'nowhere' : `b-s${i % 30}`));
      bad.stories = bad.stories.filter((s) => s.id !== 'nowhere');
      await assert.rejects(store.write(completeBatch(bad)), /^StoreError: store: write failed, nothing written: FOREIGN KEY/);
      assert.equal(await store.getArticle('b-0'), null);
      assert.equal((await store.searchArticles('b0x')).total, 0);
      await store.write(completeBatch(bigBatch(300, 'c')));
      assert.deepEqual(await store.counts(), { articles: 600, stories: 60 });
      await store.close();
    });
  });

  it('rejects writes, without hanging, when the thread cannot open the store', async () => {
    await withTempDir('writer', async (dir) => {
      const writer = new WriterThread(dir, 1_000); // a folder, not a database file
      await assert.rejects(writer.write(post(completeBatch(bigBatch(1, 'a'))), '2026-03-14T00:00:00.000Z'), (err) => err instanceof WriterStopped);
      await writer.close();
    });
  });
});
