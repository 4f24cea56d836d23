// A poller's claiming alone, for the claims test: claims one due feed at a time until none is
// left, and prints the ids it got, one a line.
//   node --import tsx test/workers/claim-loop.ts STORE_FILE OWNER NOW
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const [file, owner, now] = process.argv.slice(2);
const store = new SqliteStore(file);
for (;;) {
  const [feed] = await store.claimDueFeeds(now, owner, 600, 1);
  if (!feed) break;
  process.stdout.write(`${feed.id}\n`);
}
await store.close();
