import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openStore, storeLocation } from './open.ts';
import { StoreError } from './store.ts';

describe('openStore', () => {
  it('reads sqlite: URLs and bare paths as SQLite files', () => {
    assert.deepEqual(storeLocation('./parallax.db'), { kind: 'sqlite', file: './parallax.db' });
    assert.deepEqual(storeLocation('sqlite:data/p.db'), { kind: 'sqlite', file: 'data/p.db' });
    assert.deepEqual(storeLocation('sqlite:///var/p.db'), { kind: 'sqlite', file: '/var/p.db' });
    assert.deepEqual(storeLocation(':memory:'), { kind: 'sqlite', file: ':memory:' });
    assert.deepEqual(storeLocation('sqlite::memory:'), { kind: 'sqlite', file: ':memory:' });
    assert.deepEqual(storeLocation('postgresql://u@h/db'), { kind: 'postgres', url: 'postgresql://u@h/db' });
  });

  it('refuses empty and unknown stores with a clear error', () => {
    assert.throws(() => storeLocation(' '), StoreError);
    assert.throws(() => storeLocation('sqlite:'), StoreError);
    assert.throws(() => storeLocation('mysql://h/db'), /unknown store scheme "mysql:"/);
  });

  it('opens a working SQLite store, and says PostgreSQL is not in this build', async () => {
    const store = await openStore('sqlite::memory:');
    assert.deepEqual(await store.counts(), { articles: 0, stories: 0 });
    await store.close();
    await assert.rejects(openStore('postgres://localhost/parallax'), (err) => err instanceof StoreError && /PostgreSQL store not available/.test(err.message));
  });
});
