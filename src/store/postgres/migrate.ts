// Brings a database (or one schema of it) up to the newest migration, one process at a time: an
// advisory lock held by the migrating transaction makes a second process opening the same store
// wait, then find nothing left to do.
import type pg from 'pg';
import { StoreError } from '../store.ts';
import { transaction, type Client } from './connection.ts';
import { migrations } from './migrations.ts';

/** Any fixed number: the advisory lock all Parallax processes take to migrate. */
const MIGRATE_LOCK = 0x70617278; // 'parx'

async function ensureExtension(c: Client, name: string): Promise<void> {
  const have = await c.query('SELECT 1 FROM pg_extension WHERE extname = $1', [name]);
  if (have.rowCount) return;
  try {
    await c.query(`CREATE EXTENSION IF NOT EXISTS ${name}`);
  } catch (err) {
    throw new StoreError(
      `store: PostgreSQL extension ${name} is missing and could not be created (${(err as Error).message}); ` +
        `a superuser can run: CREATE EXTENSION ${name};`,
    );
  }
}

/** The schema an extension's objects live in, quoted for SQL. */
async function extensionSchema(c: Client, name: string): Promise<string> {
  const { rows } = await c.query<{ nspname: string }>(
    'SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = $1',
    [name],
  );
  return `"${rows[0].nspname.replaceAll('"', '""')}"`;
}

export async function migrate(pool: pg.Pool, schema: string | undefined): Promise<void> {
  await transaction(
    pool,
    async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK]);
      if (schema) await c.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await c.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)',
      );
      const applied = new Set(
        (await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
          (r) => r.version,
        ),
      );
      const newest = Math.max(0, ...applied);
      const known = Math.max(...migrations.map((m) => m.version));
      if (newest > known)
        throw new StoreError(`store: database schema v${newest} is newer than this Parallax (v${known})`);
      const todo = migrations.filter((m) => !applied.has(m.version));
      if (!todo.length) return;
      await ensureExtension(c, 'unaccent');
      await ensureExtension(c, 'pg_trgm');
      const unaccent = await extensionSchema(c, 'unaccent');
      const trgm = await extensionSchema(c, 'pg_trgm');
      for (const m of todo) {
        await c.query(
          m.sql.replaceAll('UNACCENT', `${unaccent}.unaccent`).replaceAll('TRGM_OPS', `${trgm}.gin_trgm_ops`),
        );
        await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          new Date().toISOString(),
        ]);
      }
    },
    { what: 'migration' },
  );
}
