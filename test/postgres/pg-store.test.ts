// The Store contract suite against PostgreSQL (PARALLAX_TEST_PG), each case in a fresh schema;
// the concurrency cases open two stores (two pools) on one schema.
import { describe } from 'node:test';
import { runConcurrencyContract } from '../../src/store/contract/concurrency.contract.ts';
import { runStoreContract } from '../../src/store/store.contract.ts';
import { freshSchema, noPgReason, openTestStore, testPgUrl } from './pg-test-db.ts';

if (testPgUrl) {
  runStoreContract('postgres', () => openTestStore());
  runConcurrencyContract('postgres', async () => {
    const schema = freshSchema();
    return { open: () => openTestStore(schema), done: async () => {} };
  });
} else describe('Store contract: postgres', { skip: noPgReason }, () => {});
