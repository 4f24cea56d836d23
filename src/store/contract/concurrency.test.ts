// The concurrency contract on SQLite: two connections to one store file. (PostgreSQL runs it in
// test/postgres/pg-store.test.ts.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../sqlite/sqlite-store.ts';
import { runConcurrencyContract } from './concurrency.contract.ts';

runConcurrencyContract('sqlite file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-concurrency-'));
  const file = join(dir, 'p.db');
  return {
    open: async () => new SqliteStore(file),
    done: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
