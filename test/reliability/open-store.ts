// Opens (and so migrates) the store file given, then closes it: one process among several opening
// a new store at once (store-open-race.test.ts).
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

try {
  const store = new SqliteStore(process.argv[2]);
  await store.close();
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
}
