// Restart at 100k stored articles: how long until the grouping is ready, from the snapshot beside
// the store (src/pipeline/snapshot/) and from the store itself, each in a fresh process (warm
// file cache, cold heap, as a restarted server). The store is bench:throughput's replicated
// gva-dev (built here with THROUGHPUT_KEEP=1 unless RESTART_STORE names one). Also checks that
// both restores group the same following reports identically (gva-dev articles moved 4,000 days
// later, so they are scored against the index rather than found as copies), and times a restart
// after another process stored 1,000 more articles (the catch-up path).
//   npm run bench:restart            (RESTART_STORE=FILE reuses a store; it gains 1,000 articles per run)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../src/config/index.ts';
import type { RawReport } from '../src/model/index.ts';
import { prepareReport } from '../src/pipeline/parallel/prepare.ts';
import { Ingestor } from '../src/pipeline/run.ts';
import { restoreGrouping } from '../src/pipeline/snapshot/restore-grouping.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { shortHash } from '../src/util/hash.ts';
import { corpus, jsonLines, PROJECT_ROOT } from './lib/data.ts';

const FOLLOWING = 400;
const LATER_DAYS = 4_000;
const CATCH_UP = 1_000;

interface Row {
  id: string;
  title: string;
  dct: string;
  content: string;
}

const later = (day: string) => new Date(Date.parse(day) + LATER_DAYS * 86_400_000).toISOString().slice(0, 10);

/** gva-dev reports as raw input, `tag` in their ids, published LATER_DAYS later. */
function reports(rows: Row[], tag: string): RawReport[] {
  return rows.map((r) => {
    const record = { id: `${r.id}-${tag}`, title: r.title, text: r.content, published: later(r.dct) };
    return { format: 'json', path: 'bench-restart', url: null, content: JSON.stringify(record), record };
  });
}

function gvaRows(): Row[] | null {
  const dir = corpus('gva-dev');
  if (!dir) return null;
  const rows = jsonLines(join(dir, 'articles.jsonl')).map((l) => JSON.parse(l) as Row);
  return rows.sort((a, b) => (a.dct < b.dct ? -1 : a.dct > b.dct ? 1 : a.id < b.id ? -1 : 1));
}

const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/** One restore in this process: its time, how it was made, and a fingerprint of how it groups the following reports. */
async function child(mode: 'full' | 'snapshot', file: string, docsFile: string): Promise<void> {
  const t0 = performance.now();
  const c0 = cpuMs();
  const store = new SqliteStore(file);
  const warnings: string[] = [];
  const r = await restoreGrouping(store, { snapshotFile: mode === 'full' ? null : store.sidecarFile('grouping'), warn: (m) => warnings.push(m) });
  const readyMs = performance.now() - t0;
  const readyCpuMs = cpuMs() - c0;
  const s0 = performance.now();
  await r.saved;
  const savedMs = r.saved ? performance.now() - s0 : null;
  const docs = JSON.parse(readFileSync(docsFile, 'utf8')) as Parameters<typeof r.assigner.assign>[0][];
  // Timed too: entries made from the snapshot's columns must group as fast as a restore's.
  const g0 = performance.now();
  const gc0 = cpuMs();
  const grouped = docs.map((d) => {
    const a = r.assigner.assign(d);
    return [a.storyId, a.copyOf, a.moves];
  });
  const groupMs = performance.now() - g0;
  const groupCpuMs = cpuMs() - gc0;
  const fingerprint = shortHash(JSON.stringify([grouped, r.assigner.repair()]), 16);
  const stories = new Set(grouped.map((g) => g[0])).size;
  await store.close();
  console.log(JSON.stringify({ mode, source: r.source, replayed: r.replayed, reassigned: r.reassigned, readyMs, readyCpuMs, savedMs, groupMs, groupCpuMs, rssMb: Math.round(process.memoryUsage().rss / 1048576), fingerprint, stories, warnings }));
}

function runChild(mode: string, file: string, docsFile: string) {
  const t0 = performance.now();
  const out = execFileSync(process.execPath, ['--max-old-space-size=1400', '--import', 'tsx', join(PROJECT_ROOT, 'bench/restart.ts'), '--child', mode, file, docsFile], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const result = JSON.parse(out.trim().split('\n').at(-1)!) as { readyMs: number; readyCpuMs: number; groupMs: number; groupCpuMs: number; source: string; fingerprint: string; savedMs: number | null };
  return { ...result, processMs: performance.now() - t0 };
}

function buildStore(): string {
  console.error('restart: building a 100k store with bench:throughput (THROUGHPUT_KEEP=1)…');
  const run = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=1400', '--import', 'tsx', join(PROJECT_ROOT, 'bench/throughput.ts')], {
    env: { ...process.env, THROUGHPUT_KEEP: '1', THROUGHPUT_SINGLE: '0' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const kept = /store kept: (.+)$/m.exec(run.stdout ?? '');
  if (run.status !== 0 || !kept) throw new Error(`bench:throughput failed (exit ${run.status})`);
  return kept[1].trim();
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3] as 'full' | 'snapshot', process.argv[4], process.argv[5]);
  const rows = gvaRows();
  if (!rows) return;
  const file = process.env.RESTART_STORE ?? buildStore();
  const out = join(PROJECT_ROOT, '.bench-out');
  mkdirSync(out, { recursive: true });
  const docsFile = join(out, 'restart-following.json');
  const docs = reports(rows.slice(0, FOLLOWING), 'next').flatMap((raw) => {
    const p = prepareReport(raw);
    return 'error' in p ? [] : [{ article: p.article, mentions: p.mentions, features: p.features }];
  });
  writeFileSync(docsFile, JSON.stringify(docs));
  const articles = await (async () => {
    const store = new SqliteStore(file);
    const n = (await store.counts()).articles;
    await store.close();
    return n;
  })();
  const snapshot = `${file}.grouping`;
  rmSync(snapshot, { force: true });
  // 1. From the store (no snapshot), 2. the same, writing the snapshot, 3. restart from it.
  const full = runChild('full', file, docsFile);
  const written = runChild('snapshot', file, docsFile);
  const fromSnapshot = runChild('snapshot', file, docsFile);
  // 4. Another process stores more articles; 5. restart: the snapshot caught up (and saved anew); 6. restart from that.
  const store = new SqliteStore(file);
  const ingestor = new Ingestor(store, { config: defaultConfig });
  for (const raw of reports(rows.slice(FOLLOWING, FOLLOWING + CATCH_UP), `run${Date.now()}`)) await ingestor.add(raw);
  await ingestor.finish();
  await store.close();
  const caughtUp = runChild('snapshot', file, docsFile);
  const fullAfter = runChild('full', file, docsFile);
  const again = runChild('snapshot', file, docsFile);
  const result = { articles, snapshotMb: Math.round(Number(execFileSync('stat', ['-c', '%s', snapshot], { encoding: 'utf8' })) / 1048576), full, written, fromSnapshot, caughtUp, fullAfter, again };
  writeFileSync(join(out, 'restart.json'), JSON.stringify(result, null, 2));
  const line = (name: string, r: ReturnType<typeof runChild>) =>
    console.log(`${name.padEnd(34)} ${r.source.padEnd(9)} ready ${(r.readyMs / 1000).toFixed(2)} s (CPU ${(r.readyCpuMs / 1000).toFixed(2)} s)  process ${(r.processMs / 1000).toFixed(2)} s  following grouped in ${(r.groupMs / 1000).toFixed(2)} s (CPU ${(r.groupCpuMs / 1000).toFixed(2)} s)${r.savedMs !== null ? `  snapshot written in ${(r.savedMs / 1000).toFixed(2)} s` : ''}  grouping ${r.fingerprint}`);
  console.log(`store: ${articles} articles; snapshot ${result.snapshotMb} MB`);
  line('restore from the store', full);
  line('restore, writing the snapshot', written);
  line('restart from the snapshot', fromSnapshot);
  line(`after ${CATCH_UP} more by another process`, caughtUp);
  line('  the same from the store', fullAfter);
  line('restart from the new snapshot', again);
  const same = full.fingerprint === fromSnapshot.fingerprint && full.fingerprint === written.fingerprint && fullAfter.fingerprint === caughtUp.fingerprint && fullAfter.fingerprint === again.fingerprint;
  console.log(same ? `same grouping of ${docs.length} following reports from the snapshot as from the store` : 'DIFFERENT grouping from the snapshot');
  if (!same) process.exitCode = 1;
}

await main();
