// The Store contract suite against PostgreSQL (PARALLAX_TEST_PG), each case in a fresh schema.
import { describe } from 'node:test';
import { runStoreContract } from '../../src/store/store.contract.ts';
import { noPgReason, openTestStore, testPgUrl } from './pg-test-db.ts';

if (testPgUrl) runStoreContract('postgres', () => openTestStore());
else describe('Store contract: postgres', { skip: noPgReason }, () => {});
