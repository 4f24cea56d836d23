// The connection pool and transactions of the PostgreSQL store: errors carry the store's prefix,
// a lock not obtained within the bound is StoreBusy, a query stopped at its budget QueryOverBudget,
// and the URL is only ever shown without its password.
import pg from 'pg';
import { QueryOverBudget, StoreBusy, StoreError } from '../store.ts';

export type Client = pg.PoolClient;

/** Schema names we create and set ourselves: plain identifiers only (quoted anyway). */
const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

export function openPool(url: string, schema: string | undefined, max: number): pg.Pool {
  if (schema !== undefined && !SCHEMA.test(schema))
    throw new StoreError(`store: bad schema name ${JSON.stringify(schema)}`);
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    // Idle connections do not keep a finished process alive.
    allowExitOnIdle: true,
    // The store's tables in their own schema (tests make one per run); extensions stay in public.
    ...(schema ? { options: `-c search_path=${schema},public` } : {}),
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return pool;
}

/** The URL as it may be shown: any password replaced by `***`. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
  }
}

const code = (err: unknown) => (err as { code?: string }).code;

export const busyError = (boundMs: number, what: string) =>
  new StoreBusy(
    `store: busy, nothing written: another writer held the store for over ${boundMs} ms (${what}); try again`,
    Math.max(1, Math.ceil(boundMs / 1000)),
  );

/** Runs `body` in one transaction on one connection: committed whole, or rolled back and thrown. */
export async function transaction<T>(
  pool: pg.Pool,
  body: (c: Client) => Promise<T>,
  opts: { lockMs?: number; budgetMs?: number; what: string },
): Promise<T> {
  let client: Client;
  try {
    client = await pool.connect();
  } catch (err) {
    throw new StoreError(`store: cannot reach PostgreSQL: ${(err as Error).message}`);
  }
  let broken = false;
  try {
    await client.query('BEGIN');
    // SET LOCAL: the bounds end with the transaction, the pooled connection keeps its defaults.
    if (opts.lockMs !== undefined)
      await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(opts.lockMs))}`);
    if (opts.budgetMs !== undefined)
      await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.round(opts.budgetMs))}`);
    const out = await body(client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    try {
      await client.query('ROLLBACK');
    } catch {
      broken = true; // the connection is gone: do not hand it back to the pool
    }
    if (err instanceof StoreError) throw err;
    if (code(err) === '55P03') throw busyError(opts.lockMs ?? 0, opts.what);
    if (code(err) === '57014')
      throw new QueryOverBudget(
        `store: ${opts.what} stopped after ${opts.budgetMs} ms; try fewer or rarer words`,
      );
    throw new StoreError(`store: ${opts.what} failed, nothing written: ${(err as Error).message}`);
  } finally {
    client.release(broken);
  }
}

/** One read outside any transaction, its errors with the store's prefix. */
export async function read<R extends pg.QueryResultRow>(
  pool: pg.Pool,
  sql: string,
  args: unknown[] = [],
): Promise<R[]> {
  try {
    return (await pool.query<R>(sql, args)).rows;
  } catch (err) {
    throw new StoreError(`store: read failed: ${(err as Error).message}`);
  }
}
