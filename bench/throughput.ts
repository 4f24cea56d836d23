// Grouping + store throughput: gva-dev replicated to 100,000 articles, fed through the real
// Ingestor into a SQLite store. Timed ("grouping + store") is the wall time of the main thread's
// work: Ingestor.addPrepared (dedup lookups, assignment, repair) and its flushes (story titles,
// the store write with its search/story-list indexes). The store writes full batches on a writer
// thread of its own while the runner groups the next batch: the main thread waits only when the
// writer is behind (reported), and CPU time counts both threads. Not timed is what the worker
// threads do in a real run (prepareReport): extraction and analysis (run once on the 3,007
// originals) and the grouping features of each replica (computed here outside the timing, as
// the workers would; THROUGHPUT_FEATURES=main leaves them to the assigner, on the clock); each replica renames every capitalised word, rewrites a third of the others (same
// lengths, so every span stays valid) and moves the dates 9 days per replica, so replicas read
// as different incidents, not near-copies.
// The store is a SQLite file in a temporary folder, as deployed (THROUGHPUT_STORE=memory for
// ':memory:', whose pages then count in this process's RSS).
// npm run bench:throughput runs node with --max-old-space-size=1400 (V8 otherwise lets garbage
// pile up on a 24 GB machine and RSS measures that) and --expose-gc (to report the live heap).
//   npm run bench:throughput        (THROUGHPUT_ARTICLES=20000 for a quick run; THROUGHPUT_BATCH=n
//   overrides the runner's write batch, 500; THROUGHPUT_SINGLE=0 skips the single-report ingests
//   timed at the end, see throughput/single-ingest.ts; THROUGHPUT_KEEP=1 keeps the store file;
//   THROUGHPUT_WATCHES=1000 adds that many topic watches first, throughput/watches.ts: the cost of alerts)
// CPU is also split per thread (Linux, throughput/threads.ts): main, the store's writer, the rest
// (GC helpers, the checkpoint thread). THROUGHPUT_CAPTURE=dir saves every write batch there (timings
// then meaningless) for throughput/replay-writes.ts, which times the writer's work alone.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { serialize } from 'node:v8';
import { defaultConfig } from '../src/config/index.ts';
import type { Article, Mentions, RawReport } from '../src/model/index.ts';
import { articleFeatures, type ArticleFeatures } from '../src/pipeline/4-cluster/features.ts';
import { defaultStoryAssignerOptions } from '../src/pipeline/4-cluster/story-assigner.ts';
import { Ingestor } from '../src/pipeline/run.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { contentHash } from '../src/util/hash.ts';
import { loadGvaDev } from './cluster.ts';
import { busiestOther, splitCpu, threadCpuMs, type ThreadCpu } from './throughput/threads.ts';
import { topicWatches } from './throughput/watches.ts';
import { peakRssMb, PROJECT_ROOT } from './lib/data.ts';
import { later, rewrite } from './lib/replica.ts';

const TOTAL = Number(process.env.THROUGHPUT_ARTICLES ?? 100_000);
const WINDOW = 2_000;


function replicate(a: Article, m: Mentions, replica: number): { article: Article; mentions: Mentions } {
  if (replica === 0) return { article: a, mentions: m };
  const text = rewrite(a.text, replica);
  const title = rewrite(a.title, replica);
  const published = a.published ? { ...a.published, date: later(a.published.date, replica) } : null;
  const article = { ...a, id: `${a.id}-r${replica}`, title, text, published, contentHash: contentHash(`${title}\n${text}`) };
  const mentions: Mentions = {
    ...m,
    entities: m.entities.map((e) => ({ ...e, text: rewrite(e.text, replica), name: rewrite(e.name, replica) })),
    places: m.places.map((p) => ({ ...p, text: rewrite(p.text, replica), name: rewrite(p.name, replica) })),
    eventDate: m.eventDate ? { ...m.eventDate, date: later(m.eventDate.date, replica) } : null,
  };
  return { article, mentions };
}

/** JS heap in use, after a full collection when node runs with --expose-gc (else as it stands). */
function liveHeapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().heapUsed / 1048576);
}

async function main(): Promise<void> {
  const base = loadGvaDev();
  if (!base) return;
  const inMemory = process.env.THROUGHPUT_STORE === 'memory';
  const dir = inMemory ? null : mkdtempSync(join(tmpdir(), 'parallax-throughput-'));
  const store = new SqliteStore(dir ? join(dir, 'bench.db') : ':memory:');
  const watchCount = Number(process.env.THROUGHPUT_WATCHES ?? 0);
  for (const w of topicWatches(base, watchCount)) await store.alerts.addWatch(w);
  const ingestor = new Ingestor(store, { config: { ...defaultConfig, writeBatch: Number(process.env.THROUGHPUT_BATCH ?? defaultConfig.writeBatch) } });
  // How long each store.write takes from call to commit. Full batches into a store file are
  // written on the store's writer thread while the runner groups the next batch, so this overlaps
  // the timed work rather than adding to it.
  let storeMs = 0;
  const write = store.write.bind(store);
  const capture = process.env.THROUGHPUT_CAPTURE;
  let captured = 0;
  if (capture) mkdirSync(capture, { recursive: true });
  store.write = async (batch) => {
    if (capture) writeFileSync(join(capture, `${String(captured++).padStart(5, '0')}.bin`), serialize(batch));
    const t0 = performance.now();
    try {
      return await write(batch);
    } finally {
      storeMs += performance.now() - t0;
    }
  };
  const raw: RawReport = { format: 'json', path: 'bench', url: null, content: '' };
  const windows: { at: number; msPerArticle: number; cpuMsPerArticle: number; mainMsPerArticle: number; storeMsPerArticle: number; gcMsPerArticle: number }[] = [];
  const featuresInWorkers = process.env.THROUGHPUT_FEATURES !== 'main';
  // Wall and CPU time of the timed part only: each window's reports are replicated (and their
  // features made) first, then added in one timed run, so timing costs two clock reads per window.
  // CPU time is the whole process's: the main thread and the store's writer thread.
  // The main thread's event loop is idle in the timed part only while it waits for a write to commit.
  let busyMs = 0;
  let busyCpuMs = 0;
  let waitedMs = 0;
  // Per thread CPU (Linux): readings before and after each timed part, split once the writer is known.
  const threadReadings: [ThreadCpu, ThreadCpu][] = [];
  const timed = async (work: () => Promise<unknown>): Promise<[number, number, number]> => {
    const threads0 = threadCpuMs();
    const c0 = process.cpuUsage();
    const e0 = performance.eventLoopUtilization();
    const t0 = performance.now();
    await work();
    const wall = performance.now() - t0;
    const idle = performance.eventLoopUtilization(e0).idle;
    waitedMs += idle;
    const c = process.cpuUsage(c0);
    threadReadings.push([threads0, threadCpuMs()]);
    const cpu = (c.user + c.system) / 1000;
    busyMs += wall;
    busyCpuMs += cpu;
    return [wall, cpu, wall - idle];
  };
  // Garbage collection time per window: the usual suspect when time per article grows with the heap.
  let gcMs = 0;
  const gcWatch = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMs += e.duration;
  });
  gcWatch.observe({ entryTypes: ['gc'] });
  for (let from = 0; from < TOTAL; from += WINDOW) {
    gcMs = 0;
    const storeBefore = storeMs;
    const batch: { article: Article; mentions: Mentions; features?: ArticleFeatures }[] = [];
    for (let n = from; n < Math.min(TOTAL, from + WINDOW); n++) {
      const { article, mentions } = base[n % base.length];
      const prepared: (typeof batch)[number] = replicate(article, mentions, Math.floor(n / base.length));
      if (featuresInWorkers) prepared.features = articleFeatures(prepared.article, prepared.mentions, defaultStoryAssignerOptions);
      batch.push(prepared);
    }
    const [wall, cpu, main] = await timed(async () => {
      for (const prepared of batch) await ingestor.addPrepared(raw, prepared);
    });
    const at = from + batch.length;
    await new Promise((resolve) => setImmediate(resolve)); // let the GC observer report
    windows.push({ at, msPerArticle: wall / batch.length, cpuMsPerArticle: cpu / batch.length, mainMsPerArticle: main / batch.length, storeMsPerArticle: (storeMs - storeBefore) / batch.length, gcMsPerArticle: gcMs / batch.length });
    if (at % 10_000 === 0) console.error(`throughput: ${at} articles, ${windows.at(-1)!.msPerArticle.toFixed(3)} ms (${windows.at(-1)!.cpuMsPerArticle.toFixed(3)} CPU ms, main thread busy ${windows.at(-1)!.mainMsPerArticle.toFixed(3)}, ${windows.at(-1)!.gcMsPerArticle.toFixed(3)} GC)/article lately`);
  }
  gcWatch.disconnect();
  let summary!: Awaited<ReturnType<Ingestor['finish']>>;
  await timed(async () => (summary = await ingestor.finish()));
  const counts = await store.counts();
  // The writer: the other thread that used the most CPU over the whole timed part.
  const writerTid = threadReadings.length ? busiestOther(threadReadings[0][0], threadReadings.at(-1)![1]) : null;
  const perThread = threadReadings.map(([a, b]) => splitCpu(a, b, writerTid));
  // Windows 1..n match threadReadings 0..n-1 (the last reading is finish()).
  const threadMean = (from: number, to: number) => {
    const picked = perThread.slice(0, windows.length).filter((_, i) => windows[i].at > from && windows[i].at <= to);
    const n = picked.length * WINDOW;
    const sum = (k: 'main' | 'writer' | 'rest') => picked.reduce((s, p) => s + p[k], 0) / Math.max(1, n);
    return { main: sum('main'), writer: sum('writer'), rest: sum('rest') };
  };
  const threadsAt10k = threadMean(6_000, 14_000);
  const threadsAtEnd = threadMean(TOTAL - 10_000, TOTAL);
  // Per-article time around 10k (the windows from 6k to 14k) and over the last 10k, as CPU time:
  // wall time on a shared machine mostly measures the neighbours (wall times are in the JSON too).
  const mean = (ws: typeof windows) => ws.reduce((sum, w) => sum + w.cpuMsPerArticle, 0) / Math.max(1, ws.length);
  const at10k = mean(windows.filter((w) => w.at > 6_000 && w.at <= 14_000));
  const atEnd = mean(windows.filter((w) => w.at > TOTAL - 10_000));
  const result = {
    articles: TOTAL,
    store: inMemory ? 'sqlite :memory:' : 'sqlite file',
    timed: featuresInWorkers ? 'addPrepared + flush, features precomputed (worker stage)' : 'addPrepared + flush, features computed by the assigner',
    added: summary.added,
    skipped: summary.skipped.length,
    stories: counts.stories,
    articlesPerSecond: Math.round(TOTAL / (busyMs / 1000)),
    // On a shared machine wall time includes waiting for a core; CPU time (user + system) does not.
    articlesPerCpuSecond: Math.round(TOTAL / (busyCpuMs / 1000)),
    msPerArticleAt10k: at10k,
    msPerArticleAtEnd: atEnd,
    ratio: atEnd / at10k,
    storeWriteMsPerArticle: storeMs / TOTAL,
    waitedForStoreMsPerArticle: waitedMs / TOTAL,
    // CPU ms/article per thread (main, writer, the rest: GC helpers, libuv), 6k-14k and last 10k.
    threadsAt10k,
    threadsAtEnd,
    topicWatches: watchCount,
    alertEvents: (await store.alerts.inbox({ limit: 1 })).total,
    peakRssMb: await peakRssMb(),
    // Where the memory is at the end: the JS heap (grouping index, runner) vs. the rest (SQLite, buffers).
    heapUsedMb: liveHeapMb(),
  };
  console.log(`timed: ${result.timed}`);
  if (watchCount) console.log(`topic watches: ${watchCount}; alert events written: ${result.alertEvents}`);
  console.log(
    `store.write, call to commit: ${result.storeWriteMsPerArticle.toFixed(3)} ms/article; main thread waited for it ${result.waitedForStoreMsPerArticle.toFixed(3)} ms/article`,
  );
  const t3 = (t: { main: number; writer: number; rest: number }) => `main ${t.main.toFixed(3)}, writer ${t.writer.toFixed(3)}, rest ${t.rest.toFixed(3)}`;
  console.log(`CPU ms/article by thread, 6k-14k: ${t3(threadsAt10k)}; last 10k: ${t3(threadsAtEnd)}`);
  console.log('articles  stories  articles/s  per CPU-s  CPU ms/art 6k-14k  CPU ms/art last 10k  ratio  peak RSS MB');
  console.log(
    `${String(TOTAL).padStart(8)}  ${String(result.stories).padStart(7)}  ${String(result.articlesPerSecond).padStart(10)}  ` +
      `${String(result.articlesPerCpuSecond).padStart(9)}  ` +
      `${at10k.toFixed(3).padStart(18)}  ${atEnd.toFixed(3).padStart(18)}  ${result.ratio.toFixed(2).padStart(5)}  ${result.peakRssMb} (JS heap ${result.heapUsedMb})`,
  );
  const out = join(PROJECT_ROOT, '.bench-out');
  mkdirSync(out, { recursive: true });
  const name = `throughput${inMemory ? '-memory' : ''}${featuresInWorkers ? '' : '-features-main'}${watchCount ? `-watches${watchCount}` : ''}.json`;
  writeFileSync(join(out, name), JSON.stringify({ ...result, windows }, null, 2));
  await store.close();
  // The API's case on the same store: one report at a time (THROUGHPUT_SINGLE=0 skips it).
  if (dir && process.env.THROUGHPUT_SINGLE !== '0') {
    const single = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'bench/throughput/single-ingest.ts'), join(dir, 'bench.db')], { stdio: 'inherit' });
    if (single.status !== 0) console.error(`single-report ingest failed (exit ${single.status})`);
  }
  if (dir && process.env.THROUGHPUT_KEEP) console.log(`store kept: ${join(dir, 'bench.db')}`);
  else if (dir) rmSync(dir, { recursive: true, force: true });
}

await main();
