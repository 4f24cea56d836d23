// The PostgreSQL store's bounds: a write waits for the write lock only so long (StoreBusy, nothing
// written), a search only so long (QueryOverBudget), long texts are snippeted linearly, and an unreachable server is a clear error
// that never shows the URL's password.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import { noMentions } from '../../src/model/index.ts';
import { completeBatch } from '../../src/pipeline/derive/batch.ts';
import { sampleArticle } from '../../src/store/contract/fixtures.ts';
import { PgStore } from '../../src/store/postgres/pg-store.ts';
import { QueryOverBudget, StoreBusy, StoreError } from '../../src/store/store.ts';
import { freshSchema, noPgReason, openTestStore, testPgUrl } from './pg-test-db.ts';

describe('PostgreSQL store: opening', () => {
  it('names an unreachable server without its password', async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const err = await PgStore.open('postgres://parallax:s3cret-pw@127.0.0.1:1/parallax').then(
      () => assert.fail('opened'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof StoreError);
    assert.match(err.message, /^store: cannot open postgres:\/\/parallax:\*\*\*@127\.0\.0\.1:1\/parallax: /);
    assert.doesNotMatch(err.message, /s3cret/);
  });
});

describe('PostgreSQL store: bounds', { skip: testPgUrl ? false : noPgReason }, () => {
  /** A second connection holding `lock` in an open transaction until `release` is called. */
  async function hold(schema: string, lock: string) {
    const c = new pg.Client({ connectionString: testPgUrl, options: `-c search_path=${schema},public` });
    await c.connect();
    await c.query('BEGIN');
    await c.query(lock);
    return async () => {
      await c.query('ROLLBACK');
      await c.end();
    };
  }

  it('fails a write as busy, with nothing written, when another writer holds the lock past the bound', async () => {
    const schema = freshSchema();
    const store = await openTestStore(schema, { busyMs: 200 });
    const release = await hold(schema, 'SELECT revision FROM store_revision FOR UPDATE');
    try {
      const a = sampleArticle('a');
      const started = Date.now();
      await assert.rejects(
        store.write(
          completeBatch({
            articles: [{ article: a, mentions: noMentions(), storyId: 's', copyOf: null, features: null }],
            stories: [{ id: 's', title: 'S', createdAt: 'x', updatedAt: 'x' }],
          }),
        ),
        (e) => e instanceof StoreBusy && e.retryAfterSeconds === 1,
      );
      assert.ok(Date.now() - started < 3_000, 'gave up near the bound');
    } finally {
      await release();
    }
    assert.equal(await store.getArticle('a'), null);
    assert.equal(await store.revision(), 0);
    await store.close();
  });

  it('two processes opening a new store at once: one migrates, the other waits and finds it done', async () => {
    const schema = freshSchema();
    const [a, b] = await Promise.all([openTestStore(schema), openTestStore(schema)]);
    assert.equal(await a.revision(), 0);
    assert.deepEqual(await b.counts(), { articles: 0, stories: 0 });
    await a.close();
    await b.close();
  });

  it('snippets a match far into a long text, and marks cuts', async () => {
    const store = await openTestStore();
    const mid = `${'Rain fell all day on the town. '.repeat(20)}The old quay flooded. ${'Rain fell all day on the town. '.repeat(20)}`;
    const long = `${'The council met again and the river rose over the bank. '.repeat(2_000)}Ferries stopped at Tromsø harbour.`;
    await store.write(
      completeBatch({
        articles: [
          {
            article: sampleArticle('long', { text: long }),
            mentions: noMentions(),
            storyId: 's',
            copyOf: null,
            features: null,
          },
          {
            article: sampleArticle('mid', { text: mid }),
            mentions: noMentions(),
            storyId: 's',
            copyOf: null,
            features: null,
          },
        ],
        stories: [{ id: 's', title: 'S', createdAt: 'x', updatedAt: 'x' }],
      }),
    );
    const [hit] = (await store.searchArticles('tromso')).hits;
    assert.ok(hit.snippet.includes('\u0002Tromsø\u0003'), hit.snippet);
    assert.ok(hit.snippet.startsWith('…'), hit.snippet);
    const [short] = (await store.searchArticles('quay')).hits;
    assert.equal(short.articleId, 'mid');
    assert.ok(short.snippet.includes('The old \u0002quay\u0003 flooded.'), short.snippet);
    assert.ok(short.snippet.startsWith('…') && short.snippet.endsWith('…'), short.snippet);
    await store.close();
  });

  it('stops a search at its time budget', async () => {
    const schema = freshSchema();
    const store = await openTestStore(schema, { searchBudgetMs: 150 });
    // A lock that blocks every read of the table: the search can only wait, and is stopped.
    const release = await hold(schema, 'LOCK TABLE articles IN ACCESS EXCLUSIVE MODE');
    try {
      await assert.rejects(store.searchArticles('flood'), (e) => e instanceof QueryOverBudget);
    } finally {
      await release();
    }
    assert.equal((await store.searchArticles('flood')).total, 0, 'answers again once free');
    await store.close();
  });
});
