// Opens the store a URL names: `sqlite:FILE` or a bare path (the default, one embedded file), or
// `postgres://…` / `postgresql://…`. The one place that knows every Store implementation.
import { SqliteStore } from './sqlite/sqlite-store.ts';
import { StoreError, type Store } from './store.ts';

export type StoreLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface OpenStoreOptions {
  /** How long a write waits for another writer before failing with StoreBusy (ms). */
  busyMs?: number;
  /** Longest a full-text search may run (ms). */
  searchBudgetMs?: number;
}

/** Where a store URL points; throws StoreError on an empty one or an unknown scheme. */
export function storeLocation(url: string): StoreLocation {
  const u = url.trim();
  if (!u) throw new StoreError('store: no store given (a file path, sqlite:FILE or postgres://…)');
  if (/^postgres(ql)?:\/\//i.test(u)) return { kind: 'postgres', url: u };
  if (/^sqlite:/i.test(u)) {
    const file = u.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file) throw new StoreError('store: sqlite: needs a file (sqlite:./parallax.db, sqlite::memory:)');
    return { kind: 'sqlite', file };
  }
  // A scheme other than these (but not a Windows drive letter, "C:\…") is a typo, not a file name.
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(u);
  if (scheme && scheme[1].length > 1 && u !== ':memory:' && !u.startsWith('file:'))
    throw new StoreError(`store: unknown store scheme "${scheme[1]}:" (use a file path, sqlite:FILE or postgres://…)`);
  return { kind: 'sqlite', file: u };
}

/** Opens (creating and migrating when needed) the store at `url`. */
export async function openStore(url: string, opts: OpenStoreOptions = {}): Promise<Store> {
  const where = storeLocation(url);
  switch (where.kind) {
    case 'sqlite':
      return new SqliteStore(where.file, opts);
    case 'postgres':
      // The PostgreSQL store plugs in here (src/store/postgres/).
      throw new StoreError('store: PostgreSQL store not available in this build');
  }
}
