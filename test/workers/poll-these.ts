// Polls the given feeds of a store file once (as one poller holding them), from START (epoch ms)
// on, so that two of these begin together, for the pacing test.
//   node --import tsx test/workers/poll-these.ts STORE_FILE START FEED_ID...
import { loadConfig } from '../../src/config/index.ts';
import { pollFeeds } from '../../src/pipeline/run-web.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const [file, start, ...ids] = process.argv.slice(2);
const store = new SqliteStore(file);
const feeds = (await store.listFeeds()).filter((f) => ids.includes(f.id));
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(start) - Date.now())));
await pollFeeds(store, { config: loadConfig(process.env), feeds });
await store.close();
