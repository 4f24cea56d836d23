// A worker that claims two rows at a time, from START (epoch ms) on, until the queue is empty: two
// of these share one host's queued URLs between them, for the cross-process pacing test.
//   node --import tsx test/workers/url-worker.ts STORE START
import { loadConfig } from '../../src/config/index.ts';
import { runWorker } from '../../src/pipeline/run-worker.ts';
import { openStore } from '../../src/store/open.ts';

const [url, start] = process.argv.slice(2);
const store = await openStore(url);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(start) - Date.now())));
const r = await runWorker(store, { owner: `w${process.pid}`, web: loadConfig(process.env).web, claim: 2, untilEmpty: true });
process.stdout.write(`${JSON.stringify(r)}\n`);
await store.close();
