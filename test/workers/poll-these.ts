// Polls the given feeds of a store (a file or a postgres:// URL) once (as one poller holding
// them), from START (epoch ms) on, so that two of these begin together, for the pacing test.
//   node --import tsx test/workers/poll-these.ts STORE START FEED_ID...
import { loadConfig } from '../../src/config/index.ts';
import { pollFeeds } from '../../src/pipeline/run-web.ts';
import { openStore } from '../../src/store/open.ts';

const [url, start, ...ids] = process.argv.slice(2);
const store = await openStore(url);
const feeds = (await store.listFeeds()).filter((f) => ids.includes(f.id));
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(start) - Date.now())));
await pollFeeds(store, { config: loadConfig(process.env), feeds });
await store.close();
