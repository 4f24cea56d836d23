// Scale-out on PostgreSQL (issue #21): several processes on one store, gva-dev reports (replicated
// past its 3,063, bench/scaleout/reports.ts). Two sections, both by default:
//   multi       a producer, 3 workers, the assigner and a standby on ≥ 5,000 reports, with no
//               failover and with the assigner and a worker SIGKILLed mid-run; every article once,
//               in one story, no intake row left, BCubed against one process on SQLite
//               (1.000 wanted without failover, ≥ 0.995 with one)
//   throughput  1 and 2 worker processes + the assigner, then 2 workers first and the assigner
//               alone on the prepared queue, on PostgreSQL and on a SQLite file: articles/s and
//               CPU per article by stage, and the estimate for N workers on N cores
//   npm run bench:scaleout [-- multi|throughput]
// PostgreSQL: SCALEOUT_PG=postgres://… (a server this may create databases on), else
// PARALLAX_TEST_PG, else a throwaway cluster of scripts/pg-cluster.sh started here and stopped at
// the end. SCALEOUT_ARTICLES (multi, 5400: over 5,000 stored), SCALEOUT_THROUGHPUT_ARTICLES (2000), SCALEOUT_BATCH
// (the assigner's write batch, 250 in multi, 500 in throughput), SCALEOUT_WORKER_LEASE (20 s).
// Temporary files go to $TMPDIR. Slow (minutes: every report is extracted and analysed twice in
// multi); not part of npm test, whose test/workers/assigner.test.ts runs the same checks on 300
// made-up reports.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './lib/data.ts';
import { multiProcessRun, singleProcess, type MultiResult } from './scaleout/multi.ts';
import { createDatabase, dropDatabase, pgServer, withDb } from './scaleout/pg-server.ts';
import { loadAverage } from './scaleout/procs.ts';
import { gvaReports, writeReports } from './scaleout/reports.ts';
import { estimate, throughputRun, type ThroughputResult } from './scaleout/throughput.ts';

const env = process.env;
const sections = new Set(process.argv.slice(2).length ? process.argv.slice(2) : ['multi', 'throughput']);
for (const s of sections) if (s !== 'multi' && s !== 'throughput') throw new Error(`unknown section ${s} (multi, throughput)`);

const f3 = (x: number) => x.toFixed(3);
const f1 = (x: number) => x.toFixed(1);

async function multi(dir: string, server: string): Promise<MultiResult[]> {
  const n = Number(env.SCALEOUT_ARTICLES ?? 5400);
  const batch = Number(env.SCALEOUT_BATCH ?? 250);
  const reports = gvaReports(n);
  if (!reports) return [];
  const file = join(dir, 'multi.jsonl');
  writeReports(file, reports);
  console.error(`scaleout multi: ${n} reports; one process on SQLite first (load ${loadAverage()})`);
  const one = await singleProcess(file, join(dir, 'one.db'), batch);
  console.log(`one process (SQLite, write batch ${batch}): ${one.stories.size} articles, ${new Set(one.stories.values()).size} stories, ${f1(one.seconds)} s (load ${one.load})`);
  const results: MultiResult[] = [];
  for (const failover of [false, true]) {
    const db = `parallax_scaleout_${failover ? 'kill' : 'calm'}_${process.pid}`;
    await createDatabase(server, db);
    try {
      const r = await multiProcessRun(file, withDb(server, db), one.stories, failover, {
        batch,
        workerLease: Number(env.SCALEOUT_WORKER_LEASE ?? 20),
        killAt: Math.ceil(one.stories.size * 0.3),
      });
      results.push(r);
      console.log(
        `${failover ? `failover (assigner + worker SIGKILLed at ${r.killedAt} stored)` : 'no failover'}: ${r.articles} articles, ${r.stories} stories, ` +
          `BCubed F1 ${r.bcubed.f1.toFixed(4)} (P ${r.bcubed.precision.toFixed(4)}, R ${r.bcubed.recall.toFixed(4)}) vs one process; ` +
          `${r.problems.length ? `PROBLEMS: ${r.problems.join('; ')}` : 'each article once, in one story, no intake row left'}; ${f1(r.seconds)} s (load ${r.load})`,
      );
    } finally {
      if (!env.SCALEOUT_KEEP) await dropDatabase(server, db);
    }
  }
  return results;
}

async function throughput(dir: string, server: string): Promise<ThroughputResult[]> {
  const n = Number(env.SCALEOUT_THROUGHPUT_ARTICLES ?? 2000);
  const batch = Number(env.SCALEOUT_BATCH ?? 500);
  const reports = gvaReports(n);
  if (!reports) return [];
  const file = join(dir, 'throughput.jsonl');
  writeReports(file, reports);
  const results: ThroughputResult[] = [];
  // 1 and 2 workers beside the assigner; then 2 workers first and the assigner alone on the prepared queue (its ceiling).
  for (const [workers, alone] of [[1, false], [2, false], [2, true]] as const) {
    for (const kind of ['postgres', 'sqlite'] as const) {
      const sqliteFile = join(dir, `tp-${workers}-${alone}.db`);
      console.error(`scaleout throughput: ${kind}, ${workers} worker(s)${alone ? ', then the assigner alone' : ''}, ${n} reports (load ${loadAverage()})`);
      const r = await throughputRun(file, n, kind === 'postgres' ? { kind, server } : { kind, file: sqliteFile }, workers, batch, alone);
      rmSync(sqliteFile, { force: true });
      results.push(r);
    }
  }
  console.log(`\nthroughput, ${n} reports, write batch ${batch}; steady window 10% → 90% of the rows; CPU ms per report`);
  console.log('store     workers     articles/s  prepared/s  workers CPU  assigner CPU  server CPU (by role)                     wall s  load (start → end)');
  for (const r of results) {
    const server = Object.entries(r.cpuMs.server)
      .filter(([, v]) => v >= 0.005)
      .map(([k, v]) => `${k.replace(/^parallax-/, '')} ${v.toFixed(2)}`)
      .join(', ');
    console.log(
      `${r.store.padEnd(8)}  ${(String(r.workers) + (r.assignerAlone ? ', then A' : '')).padStart(10)}  ${f1(r.articlesPerSecond).padStart(10)}  ${f1(r.preparedPerSecond).padStart(10)}  ` +
        `${f3(r.cpuMs.workers).padStart(11)}  ${f3(r.cpuMs.assigner).padStart(12)}  ${(server || '–').padEnd(40)} ${f1(r.seconds).padStart(6)}  ${r.load}`,
    );
  }
  for (const r of results.filter((x) => x.cpuMs.assignerSplit))
    console.log(
      `assigner CPU ms per report (${r.store}, ${r.workers} worker(s)${r.assignerAlone ? ', then the assigner alone' : ''}), split by its CPU profile: ` +
        Object.entries(r.cpuMs.assignerSplit!)
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => `${k} ${v.toFixed(2)}`)
          .join(', '),
    );
  const pgWith = results.find((r) => r.store === 'postgres' && r.workers === 2 && !r.assignerAlone);
  const pgAlone = results.find((r) => r.store === 'postgres' && r.assignerAlone);
  if (pgWith && pgAlone) {
    const e1 = estimate(pgWith, pgAlone, 1);
    console.log(
      `\nestimate on PostgreSQL, 1 assigner + N workers on N cores (server on the same cores): workers' stage from the 2-worker run, ` +
        `the assigner's from its run alone; ${e1.perArticle.toFixed(2)} CPU ms per article in all`,
    );
    console.log(
      '  ' +
        [1, 2, 4, 8, 16, 32]
          .map((cores) => {
            const e = estimate(pgWith, pgAlone, cores);
            return `N=${cores}: ${Math.round(e.rate)}/s (${e.bound})`;
          })
          .join('; '),
    );
  }
  return results;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(env.TMPDIR ?? tmpdir(), 'parallax-scaleout-'));
  const given = env.SCALEOUT_PG ?? env.PARALLAX_TEST_PG;
  const server = pgServer(given, dir);
  const out: Record<string, unknown> = { date: new Date().toISOString(), cores: (await import('node:os')).cpus().length };
  try {
    // The runs' databases are made on the server's own (the URL's) database connection.
    await createDatabase(server.url, `parallax_scaleout_probe_${process.pid}`);
    await dropDatabase(server.url, `parallax_scaleout_probe_${process.pid}`);
    if (sections.has('multi')) out.multi = await multi(dir, server.url);
    if (sections.has('throughput')) out.throughput = await throughput(dir, server.url);
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const outDir = join(PROJECT_ROOT, '.bench-out');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `scaleout-${[...sections].join('-')}.json`), JSON.stringify(out, null, 2));
  const failed = ((out.multi ?? []) as MultiResult[]).filter((r) => r.problems.length || r.bcubed.f1 < (r.failover ? 0.995 : 1));
  if (failed.length) {
    console.error(`scaleout: ${failed.length} multi-process run(s) below the acceptance`);
    process.exitCode = 1;
  }
}

await main();
