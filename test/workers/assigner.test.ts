// Workers and one elected assigner (issue #21 part 4), as separate processes on one store: a
// producer (`parallax enqueue`), 3 workers, the assigner and its standby. Without failover the
// stories equal a single process fed the same reports in the same order (BCubed 1.000); with the
// assigner and a worker killed by SIGKILL once the store shows progress, every report is still
// stored exactly once, in one story, no intake row is left, and BCubed stays ≥ 0.995.
// On SQLite always; on PostgreSQL when PARALLAX_TEST_PG is set (skipped with the reason otherwise).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { bcubed } from '../../bench/lib/bcubed.ts';
import { defaultConfig } from '../../src/config/index.ts';
import type { RawReport } from '../../src/model/index.ts';
import { readFileReports } from '../../src/pipeline/1-intake/files.ts';
import { Ingestor } from '../../src/pipeline/run.ts';
import { openStore } from '../../src/store/open.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { noPgReason, testPgUrl, withDatabase } from '../postgres/pg-test-db.ts';
import { jsonl, report } from '../reliability/reports.ts';
import { withTempDir } from '../temp-dir.ts';

const N = 300;
/** Articles per write: small enough that the store shows progress well before the end. */
const BATCH = 40;
const BIN = new URL('../../bin/parallax.js', import.meta.url).pathname;

interface Proc {
  child: ChildProcess;
  err: () => string;
  exited: Promise<number | null>;
}

function parallax(args: string[]): Proc {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, err: () => err, exited };
}

/** Polls `check` until it holds, for at most `ms`; fails naming `what`. */
async function until(what: string, ms: number, check: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function readRaws(file: string): Promise<RawReport[]> {
  const raws: RawReport[] = [];
  for await (const ev of readFileReports(file, defaultConfig)) if (ev.kind === 'report') raws.push(ev.raw);
  return raws;
}

/** Article id → story id of every stored article. */
async function grouping(store: Store): Promise<Map<string, string>> {
  const m = new Map<string, string>();
  for await (const row of store.clusterState()) m.set(row.articleId, row.storyId);
  return m;
}

/** One process, the same reports in the same order, the same batch size: the stories to match. */
async function singleProcess(file: string, db: string): Promise<Map<string, string>> {
  const store = new SqliteStore(db);
  try {
    const ingestor = new Ingestor(store, { config: { ...defaultConfig, writeBatch: BATCH } });
    for (const raw of await readRaws(file)) await ingestor.add(raw);
    await ingestor.finish();
    return await grouping(store);
  } finally {
    await store.close();
  }
}

/** The cluster of processes on `db`; with `failover`, the assigner and one worker are killed mid-run. */
async function cluster(file: string, db: string, failover: boolean): Promise<{ store: Store; log: string }> {
  const producer = parallax(['enqueue', file, '--db', db]);
  assert.equal(await producer.exited, 0, producer.err());
  const workers = [0, 1, 2].map(() => parallax(['worker', '--db', db, '--lease', '4']));
  const first = parallax(['worker', '--assigner', '--db', db, '--lease', '3', '--batch', String(BATCH)]);
  const procs = [...workers, first];
  const store = await openStore(db);
  try {
    await until('the first assigner to take the post', 60_000, async () => /assigns \(epoch 1\)/.test(first.err()));
    const standby = parallax(['worker', '--assigner', '--db', db, '--lease', '3', '--batch', String(BATCH)]);
    procs.push(standby);
    if (failover) {
      // Killed once the store shows progress (a batch written), not after a fixed time.
      await until('progress in the store', 120_000, async () => (await store.counts()).articles >= BATCH);
      assert.ok((await store.counts()).articles < N, 'killed mid-run');
      first.child.kill('SIGKILL');
      workers[0].child.kill('SIGKILL');
      await until('the standby to take over', 30_000, async () => /assigns \(epoch 2\)/.test(standby.err()));
    }
    await until(`all ${N} reports stored and the queue empty`, 240_000, async () => {
      const q = await store.intakeCounts();
      return q.pending + q.claimed + q.prepared + q.failed === 0 && (await store.counts()).articles === N;
    });
    return { store, log: procs.map((p) => p.err()).join('') };
  } catch (err) {
    await store.close();
    throw new Error(`${(err as Error).message}\n${procs.map((p) => p.err()).join('')}`, { cause: err });
  } finally {
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
  }
}

async function check(store: Store, reference: Map<string, string>, want: number): Promise<number> {
  try {
    const got = await grouping(store);
    const ids = Array.from({ length: N }, (_, i) => report('w', i).id);
    assert.deepEqual([...got.keys()].sort(), [...reference.keys()].sort(), 'every report stored exactly once');
    assert.equal(got.size, ids.length);
    // Each in exactly one story that exists and whose list row counts it.
    const listed = (await store.listStories()).reduce((n, s) => n + s.articleCount, 0);
    assert.equal(listed, N, 'the story list counts each article once');
    for (const storyId of new Set(got.values())) assert.ok(await store.getStory(storyId), `story ${storyId} exists`);
    assert.deepEqual(await store.intakeCounts(), { pending: 0, claimed: 0, prepared: 0, failed: 0 }, 'no intake row left');
    const b = bcubed(got, reference);
    assert.ok(b.f1 >= want, `BCubed F1 ${b.f1.toFixed(4)} against one process (precision ${b.precision.toFixed(4)}, recall ${b.recall.toFixed(4)}), want ≥ ${want}`);
    return b.f1;
  } finally {
    await store.close();
  }
}

function suite(name: string, skip: string | false, storeUrl: (dir: string, tag: string, fn: (db: string) => Promise<void>) => Promise<void>) {
  describe(`workers and one assigner: ${name}`, { skip }, () => {
    for (const failover of [false, true]) {
      it(
        failover
          ? `${N} reports, 3 workers, assigner + standby; assigner and a worker SIGKILLed mid-run: each stored once, BCubed ≥ 0.995`
          : `${N} reports, 3 workers, assigner + standby: the stories of one process (BCubed 1.000)`,
        { timeout: 420_000 },
        () =>
          withTempDir('assigner', async (dir) => {
            const file = join(dir, 'reports.jsonl');
            writeFileSync(file, jsonl('w', N));
            const reference = await singleProcess(file, join(dir, 'one.db'));
            assert.equal(reference.size, N);
            await storeUrl(dir, failover ? 'kill' : 'calm', async (db) => {
              const { store, log } = await cluster(file, db, failover);
              const f1 = await check(store, reference, failover ? 0.995 : 1);
              if (failover) assert.match(log, /lost the post|assigns \(epoch 2\)/);
              process.stderr.write(`# ${name}${failover ? ' with failover' : ''}: BCubed F1 ${f1.toFixed(4)} against one process\n`);
            });
          }),
      );
    }
  });
}

suite('SQLite', false, async (dir, tag, fn) => fn(join(dir, `${tag}.db`)));
suite('PostgreSQL', testPgUrl ? false : noPgReason, async (_dir, tag, fn) => withDatabase(`assign_${tag}`, fn));
