// PostgreSQL for tests: the server named by PARALLAX_TEST_PG (scripts/pg-cluster.sh start prints
// one; .ci/run sets it). Every store a test opens gets a fresh schema of its own, dropped at the end.
import { randomBytes } from 'node:crypto';
import { after } from 'node:test';
import pg from 'pg';
import { PgStore, type PgStoreOptions } from '../../src/store/postgres/pg-store.ts';

export const testPgUrl = process.env.PARALLAX_TEST_PG;

/** Why the PostgreSQL tests did not run, for node:test's `skip`. */
export const noPgReason =
  'PARALLAX_TEST_PG is not set: no PostgreSQL server to test against (run `scripts/pg-cluster.sh start` and set it to the URL printed; CI does)';

const run = `t${process.pid}_${randomBytes(3).toString('hex')}`;
let made = 0;
const schemas: string[] = [];

/** A new, empty schema's name; dropped when the test file ends. */
export function freshSchema(): string {
  const name = `${run}_${++made}`;
  schemas.push(name);
  return name;
}

/** A store in a fresh schema (or in `schema`, to open a second connection to the same one). */
export function openTestStore(schema = freshSchema(), opts: PgStoreOptions = {}): Promise<PgStore> {
  return PgStore.open(testPgUrl!, { connections: 4, ...opts, schema });
}

/** A fresh database on the test server, for commands that take a plain URL; dropped afterwards. */
export async function withDatabase(tag: string, fn: (url: string) => Promise<void>): Promise<void> {
  const name = `parallax_${tag}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testPgUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(testPgUrl!);
    u.pathname = `/${name}`;
    await fn(u.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

if (testPgUrl)
  after(async () => {
    if (!schemas.length) return;
    const admin = new pg.Client({ connectionString: testPgUrl });
    await admin.connect();
    try {
      for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    } finally {
      await admin.end();
    }
  });
