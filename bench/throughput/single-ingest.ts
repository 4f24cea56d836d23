// One report at a time into a large store, as the HTTP API ingests: the first ingest restores the
// story grouping from the store (every article's features), the next ones reuse the grouping the
// server keeps (src/pipeline/grouping-cache.ts). Run by bench:throughput on its 100k store, in a
// process of its own so the bench's own index does not count twice in memory.
//   node --import tsx bench/throughput/single-ingest.ts STORE_FILE
import { defaultConfig } from '../../src/config/index.ts';
import type { RawReport } from '../../src/model/index.ts';
import { GroupingCache } from '../../src/pipeline/grouping-cache.ts';
import { prepareReport } from '../../src/pipeline/parallel/prepare.ts';
import { Ingestor } from '../../src/pipeline/run.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const INGESTS = 5;

const report = (i: number): RawReport => ({
  format: 'text',
  path: null,
  url: null,
  locator: `single-${i}`,
  content: `Crash on Route ${i} closes both lanes\n\nA truck and two cars collided on Route ${i} near Millbrook on Monday, closing both lanes for four hours, state police said. Three people were taken to hospital.`,
});

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: single-ingest.ts STORE_FILE');
  const store = new SqliteStore(file);
  const articles = (await store.counts()).articles;
  const grouping = new GroupingCache();
  // The analysers load on first use (about a second): not what is measured here.
  prepareReport(report(-1));
  const ms: number[] = [];
  // A reader asking the store every 20 ms, as the server's page requests would: how long it waits
  // while the first ingest restores the grouping.
  let reads = 0;
  let longestWait = 0;
  let last = performance.now();
  const reader = setInterval(() => {
    const now = performance.now();
    longestWait = Math.max(longestWait, now - last);
    last = now;
    void store.counts().then(() => reads++);
  }, 20);
  for (let i = 0; i < INGESTS; i++) {
    const t0 = performance.now();
    const ingestor = new Ingestor(store, { config: defaultConfig, grouping });
    await ingestor.add(report(i));
    await ingestor.finish();
    ms.push(performance.now() - t0);
    if (i === 0) clearInterval(reader);
  }
  await store.close();
  const later = ms.slice(1).sort((a, b) => a - b);
  console.log(
    `single report into ${articles} stored articles: first ${(ms[0] / 1000).toFixed(1)} s (restores the grouping), ` +
      `then median ${later[later.length >> 1].toFixed(0)} ms, max ${later.at(-1)!.toFixed(0)} ms (kept grouping); RSS ${Math.round(process.memoryUsage().rss / 1048576)} MB; ` +
      `a reader every 20 ms got ${reads} answers during the first, waiting at most ${longestWait.toFixed(0)} ms`,
  );
}

await main();
