// `parallax migrate-store --from sqlite:FILE --to postgres://…` (or the two as arguments): copies
// a SQLite store into an empty PostgreSQL one — every article with all its versions in ingest
// order, stories, feeds — checks the counts, then has the runner derive the list and search rows.
// The SQLite file is only read (after being brought up to the current schema).
import { existsSync } from 'node:fs';
import { backfillDerivedRows } from '../pipeline/run.ts';
import { storeLocation } from '../store/open.ts';
import { safeUrl } from '../store/postgres/connection.ts';
import { PgStore } from '../store/postgres/pg-store.ts';
import { SqliteSource } from '../store/postgres/sqlite-source.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { UsageError } from './usage.ts';

export interface MigrateCli {
  from?: string;
  to?: string;
  quiet?: boolean;
  out: (s: string) => void;
  err: (s: string) => void;
}

export async function migrateStoreCommand(args: string[], cli: MigrateCli): Promise<number> {
  const from = cli.from ?? args[0];
  const to = cli.to ?? args[cli.from ? 0 : 1];
  if (!from || !to) throw new UsageError('migrate-store needs --from sqlite:FILE and --to postgres://…');
  if (storeLocation(to).kind !== 'postgres')
    throw new UsageError(`migrate-store --to must be a postgres:// URL, got ${safeUrl(to)}`);
  const where = storeLocation(from);
  if (where.kind !== 'sqlite' || !existsSync(where.file))
    throw new UsageError(`migrate-store --from: no SQLite store at ${safeUrl(from)}`);
  const file = where.file;
  const started = Date.now();
  // Opening it as a store first brings an older file up to the current schema.
  await new SqliteStore(file).close();
  const source = new SqliteSource(file);
  let target: PgStore | null = null;
  try {
    target = await PgStore.open(to);
    const say = cli.quiet ? () => {} : cli.err;
    let shown = 0;
    const copied = await target.importSqlite(source, (what, done, total) => {
      // A line per tenth of the articles (and versions), and one per other table.
      if (done < total && done - shown < total / 10) return;
      shown = done < total ? done : 0;
      say(`migrate-store: ${what} ${done}/${total}`);
    });
    const copySeconds = (Date.now() - started) / 1000;
    // The list and search rows, derived by the runner from the copied articles, as for any older store.
    const derived = await backfillDerivedRows(target);
    if (derived !== copied.articles)
      throw new Error(`migrate-store: derived rows for ${derived} of ${copied.articles} articles`);
    say(`migrate-store: derived rows of ${derived} articles`);
    const seconds = (Date.now() - started) / 1000;
    cli.out(
      `migrate-store: copied ${copied.articles} articles (${copied.versions} earlier versions), ${copied.stories} stories, ` +
        `${copied.feeds} feeds (${copied.feedItems} items) from ${file} to ${safeUrl(to)} in ${seconds.toFixed(1)} s ` +
        `(copy ${copySeconds.toFixed(1)} s, derived rows ${(seconds - copySeconds).toFixed(1)} s); counts verified`,
    );
    return 0;
  } finally {
    source.close();
    await target?.close();
  }
}
