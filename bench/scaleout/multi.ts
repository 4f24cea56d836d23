// The acceptance run of issue #21 part 4 on PostgreSQL: `parallax enqueue` queues the reports,
// 3 `parallax worker` processes prepare them, `parallax worker --assigner` assigns and a second
// one stands by. With failover, the assigner and one worker are SIGKILLed once the store holds a
// share of the articles (progress read from the store, not a fixed sleep). The stories are then
// compared with one process (the Ingestor on a SQLite file, the same reports in the same order,
// the same write batch).
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { defaultConfig } from '../../src/config/index.ts';
import type { RawReport } from '../../src/model/index.ts';
import { readFileReports } from '../../src/pipeline/1-intake/files.ts';
import { Ingestor } from '../../src/pipeline/run.ts';
import { openStore } from '../../src/store/open.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { checkRun, grouping, type Checked } from './check.ts';
import { loadAverage, parallax, stopAll, type Proc } from './procs.ts';

export async function readRaws(file: string): Promise<RawReport[]> {
  const raws: RawReport[] = [];
  for await (const ev of readFileReports(file, defaultConfig)) if (ev.kind === 'report') raws.push(ev.raw);
  return raws;
}

/** One process, the same reports in the same order and write batch: the stories to match. */
export async function singleProcess(file: string, db: string, batch: number): Promise<{ stories: Map<string, string>; seconds: number; load: string }> {
  const load = loadAverage();
  const t0 = performance.now();
  const store = new SqliteStore(db);
  try {
    const ingestor = new Ingestor(store, { config: { ...defaultConfig, writeBatch: batch } });
    for (const raw of await readRaws(file)) await ingestor.add(raw);
    await ingestor.finish();
    return { stories: (await grouping(store)).map, seconds: (performance.now() - t0) / 1000, load: `${load} → ${loadAverage()}` };
  } finally {
    await store.close();
  }
}

/** Polls `check` every 250 ms until it holds, for at most `ms`. */
export async function until(what: string, ms: number, check: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

export const queued = async (store: Store) => {
  const q = await store.intakeCounts();
  return q.pending + q.claimed + q.prepared + q.failed;
};

export interface MultiResult extends Checked {
  failover: boolean;
  /** Stored articles when the assigner and a worker were killed. */
  killedAt: number | null;
  /** From the workers' start to the queue's end (enqueue not counted). */
  seconds: number;
  load: string;
}

export interface MultiOptions {
  batch: number;
  /** Workers' claim lease (s): a killed worker's rows come back after it. */
  workerLease: number;
  /** Stored articles at which the kill happens (failover runs). */
  killAt: number;
}

export async function multiProcessRun(file: string, url: string, reference: Map<string, string>, failover: boolean, o: MultiOptions): Promise<MultiResult> {
  const producer = parallax('producer', ['enqueue', file, '--db', url]);
  if ((await producer.exited) !== 0) throw new Error(`enqueue failed: ${producer.err()}`);
  const load = loadAverage();
  const t0 = performance.now();
  const workers = [0, 1, 2].map((i) => parallax(`worker ${i}`, ['worker', '--db', url, '--lease', String(o.workerLease)]));
  const assignerArgs = ['worker', '--assigner', '--db', url, '--batch', String(o.batch)];
  const first = parallax('assigner', assignerArgs);
  const procs: Proc[] = [...workers, first];
  const store = await openStore(url);
  let killedAt: number | null = null;
  try {
    await until('the first assigner to take the post', 120_000, async () => /assigns \(epoch 1\)/.test(first.err()));
    const standby = parallax('standby', assignerArgs);
    procs.push(standby);
    if (failover) {
      await until(`${o.killAt} articles in the store`, 3_600_000, async () => (await store.counts()).articles >= o.killAt);
      killedAt = (await store.counts()).articles;
      if (killedAt >= reference.size) throw new Error(`every article was stored before the kill (${killedAt}): not mid-run`);
      first.child.kill('SIGKILL');
      workers[0].child.kill('SIGKILL');
      console.error(`scaleout: SIGKILLed the assigner and a worker at ${killedAt} stored articles`);
      await until('the standby to take over', 120_000, async () => /assigns \(epoch 2\)/.test(standby.err()));
    }
    let last = 0;
    await until('the queue to empty', 3_600_000, async () => {
      const n = (await store.counts()).articles;
      if (n >= last + 1000 || (n > last && n === reference.size)) console.error(`scaleout: ${n} articles stored (${loadAverage()})`);
      if (n >= last + 1000) last = n;
      return (await queued(store)) === 0;
    });
    const seconds = (performance.now() - t0) / 1000;
    const checked = await checkRun(store, url, reference);
    if (failover && !/assigns \(epoch 2\)/.test(standby.err())) checked.problems.push('the standby never took over');
    return { ...checked, failover, killedAt, seconds, load: `${load} → ${loadAverage()}` };
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${procs.map((p) => `--- ${p.role}\n${p.err()}`).join('\n')}`, { cause: err });
  } finally {
    await store.close();
    await stopAll(procs);
  }
}
