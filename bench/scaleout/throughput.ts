// bench:scaleout's throughput section: the queued reports through W `parallax worker` processes
// and one `parallax worker --assigner`, on PostgreSQL and on a SQLite file. Measured over the
// steady part of the run (from 10% to 90% of the rows), so process start-up (tsx, the analysers'
// tables, the grouping's restore) is not counted: articles per second through the assigner, and
// CPU per article of each stage: the workers (claim, extract, analyze, grouping features, write
// back), the assigner (read the prepared rows, group, derive the batch's rows, the store's client
// side; on SQLite the store's writes too, in-process), and PostgreSQL's server processes by role.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { openStore } from '../../src/store/open.ts';
import { createDatabase, dropDatabase, ServerCpu, withDb } from './pg-server.ts';
import { loadAverage, parallax, sample, stopAll, type Proc } from './procs.ts';
import { profileShares } from './profile-split.ts';

interface Tick {
  t: number;
  /** The monotonic clock in µs (the CPU profile's clock). */
  mono: number;
  /** Rows the workers are done with (prepared or failed, or already consumed). */
  prepared: number;
  /** Rows the assigner consumed (deleted from the queue with the batch that holds their articles). */
  consumed: number;
  workers: number;
  assigner: number;
  server: Record<string, number>;
}

export interface ThroughputResult {
  store: 'postgres' | 'sqlite';
  workers: number;
  /** The assigner started once the workers had prepared every row: its own ceiling, never waiting for a worker. */
  assignerAlone: boolean;
  reports: number;
  stored: number;
  /** Articles per second through the assigner, 10% → 90% of the rows consumed. */
  articlesPerSecond: number;
  /** Rows per second the workers prepared, 10% → 90%. */
  preparedPerSecond: number;
  /**
   * CPU ms per report of each stage over its steady window; `assignerSplit` shares the assigner's
   * by its main thread's CPU profile (PostgreSQL only: on SQLite the writes run on a thread the
   * profile does not see).
   */
  cpuMs: { workers: number; assigner: number; assignerSplit: Record<string, number> | null; server: Record<string, number> };
  seconds: number;
  load: string;
}

/** The first tick at or past `n` of `key`. */
const at = (ticks: Tick[], key: 'prepared' | 'consumed', n: number) => ticks.find((k) => k[key] >= n) ?? ticks[ticks.length - 1];

export async function throughputRun(
  file: string,
  reports: number,
  target: { kind: 'postgres'; server: string } | { kind: 'sqlite'; file: string },
  workerCount: number,
  batch: number,
  assignerAlone = false,
): Promise<ThroughputResult> {
  const db = `parallax_scaleout_tp_${process.pid}_${workerCount}`;
  if (target.kind === 'postgres') await createDatabase(target.server, db);
  const url = (app: string) => (target.kind === 'postgres' ? withDb(target.server, db, app) : target.file);
  const producer = parallax('producer', ['enqueue', file, '--db', url('parallax-producer')]);
  if ((await producer.exited) !== 0) throw new Error(`enqueue failed: ${producer.err()}`);
  const store = await openStore(url('parallax-bench'));
  const server = target.kind === 'postgres' ? await ServerCpu.start(url('parallax-bench')) : null;
  const load = loadAverage();
  const t0 = performance.now();
  const workers = Array.from({ length: workerCount }, (_, i) => parallax(`worker ${i}`, ['worker', '--db', url('parallax-worker')]));
  const profDir = mkdtempSync(join(process.env.TMPDIR ?? tmpdir(), 'parallax-scaleout-prof-'));
  const profile = target.kind === 'postgres' ? ['--cpu-prof', '--cpu-prof-dir', profDir] : [];
  const startAssigner = () => parallax('assigner', ['worker', '--assigner', '--db', url('parallax-assigner'), '--batch', String(batch)], profile);
  let assigner = assignerAlone ? null : startAssigner();
  const procs: Proc[] = [...workers, ...(assigner ? [assigner] : [])];
  const ticks: Tick[] = [];
  try {
    for (;;) {
      const q = await store.intakeCounts();
      await server?.sample();
      sample(procs);
      const left = q.pending + q.claimed + q.prepared + q.failed;
      ticks.push({
        t: (performance.now() - t0) / 1000,
        mono: Number(process.hrtime.bigint() / 1000n),
        prepared: reports - q.pending - q.claimed,
        consumed: reports - left,
        workers: workers.reduce((s, p) => s + p.cpu, 0),
        assigner: assigner?.cpu ?? 0,
        server: server?.now() ?? {},
      });
      if (!left) break;
      if (!assigner && q.pending + q.claimed === 0) procs.push((assigner = startAssigner()));
      const dead = procs.find((p) => p.child.exitCode !== null);
      if (dead) throw new Error(`${dead.role} exited early: ${dead.err()}`);
      await sleep(250);
    }
    const stored = (await store.counts()).articles;
    await stopAll(procs); // the assigner writes its profile as it exits
    const p0 = at(ticks, 'prepared', reports * 0.1);
    const p1 = at(ticks, 'prepared', reports * 0.9);
    const c0 = at(ticks, 'consumed', reports * 0.1);
    const c1 = at(ticks, 'consumed', reports * 0.9);
    const perRow = (a: Tick, b: Tick, key: 'prepared' | 'consumed', v: (k: Tick) => number) => ((v(b) - v(a)) * 1000) / Math.max(1, b[key] - a[key]);
    const roles = Object.keys(ticks[ticks.length - 1].server);
    const serverMs: Record<string, number> = {};
    for (const r of roles) {
      // Worker backends serve the workers' window; everything else the assigner's.
      const [a, b, key] = r === 'parallax-worker' ? ([p0, p1, 'prepared'] as const) : ([c0, c1, 'consumed'] as const);
      serverMs[r] = perRow(a, b, key, (k) => k.server[r] ?? 0);
    }
    const assignerMs = perRow(c0, c1, 'consumed', (k) => k.assigner);
    const shares = profile.length ? profileShares(profDir, c0.mono, c1.mono) : null;
    const assignerSplit = shares && Object.fromEntries(Object.entries(shares).map(([k, v]) => [k, v * assignerMs]));
    return {
      store: target.kind,
      workers: workerCount,
      assignerAlone,
      reports,
      stored,
      articlesPerSecond: (c1.consumed - c0.consumed) / Math.max(1e-9, c1.t - c0.t),
      preparedPerSecond: (p1.prepared - p0.prepared) / Math.max(1e-9, p1.t - p0.t),
      cpuMs: { workers: perRow(p0, p1, 'prepared', (k) => k.workers), assigner: assignerMs, assignerSplit, server: serverMs },
      seconds: ticks[ticks.length - 1].t,
      load: `${load} → ${loadAverage()}`,
    };
  } finally {
    await server?.stop();
    await store.close();
    await stopAll(procs);
    rmSync(profDir, { recursive: true, force: true });
    if (target.kind === 'postgres' && !process.env.SCALEOUT_KEEP) await dropDatabase(target.server, db);
  }
}

/**
 * Articles per second of 1 assigner + N workers on N cores (PostgreSQL on the same cores): the
 * workers' stage (their CPU and their server backends' per report) from a run with workers, the
 * assigner's (its process, its server backend, the server's own processes) from a run where it
 * worked alone on a prepared queue (no CPU spent polling for rows). The least of: the cores'
 * budget (every stage's CPU per article shared by N cores), the assigner's one thread (it groups
 * in order, alone) and its server backend (one write at a time: the store's write lock); the
 * assigner's process and its backend overlap (a batch is written while the next is grouped).
 */
export function estimate(withWorkers: ThroughputResult, alone: ThroughputResult, cores: number): { rate: number; bound: string; perArticle: number } {
  const worker = withWorkers.cpuMs.workers + (withWorkers.cpuMs.server['parallax-worker'] ?? 0);
  // The bench's own progress queries (role parallax-bench) are no part of a deployment.
  const rest = Object.entries(alone.cpuMs.server).reduce((s, [k, v]) => (k === 'parallax-bench' || k === 'parallax-worker' ? s : s + v), 0);
  const perArticle = worker + alone.cpuMs.assigner + rest;
  const backend = alone.cpuMs.server['parallax-assigner'] ?? 0;
  const bounds = [
    { rate: (cores * 1000) / perArticle, bound: 'cores' },
    { rate: 1000 / alone.cpuMs.assigner, bound: 'assigner process' },
    ...(backend ? [{ rate: 1000 / backend, bound: "assigner's server backend" }] : []),
  ];
  return { ...bounds.reduce((a, b) => (b.rate < a.rate ? b : a)), perArticle };
}
