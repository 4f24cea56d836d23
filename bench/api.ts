// bench:api — HTTP latency of the story list and a story page with 10,000 stories in the store.
// Builds a synthetic store (articles written through the Store, extractors bypassed), starts
// `parallax serve` in a child process, waits until every story's conflict count is computed,
// then loads it with autocannon from this process over loopback. Target: p95 ≤ 50 ms.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
// @ts-expect-error autocannon ships no types
import autocannon from 'autocannon';
import { PROJECT_ROOT } from './lib/data.ts';
import { buildSyntheticStore } from './api/synthetic-store.ts';
import { jsonl } from '../test/reliability/reports.ts';

const STORIES = Number(process.env.BENCH_STORIES ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const UPLOAD = Number(process.env.BENCH_UPLOAD ?? 2_000);

interface Scenario {
  name: string;
  paths: string[];
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Loads the server with a scenario for SECONDS, or (`until`) as long as that work runs. */
async function load(base: string, s: Scenario, until?: Promise<unknown>) {
  const times: number[] = [];
  let i = 0;
  let errors = 0;
  const started = performance.now();
  const instance = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: until ? 3_600 : SECONDS,
    requests: [{ setupRequest: (req: object) => ({ ...req, path: s.paths[i++ % s.paths.length] }) }],
  });
  void until?.finally(() => instance.stop());
  instance.on('response', (_c: unknown, status: number, _b: number, ms: number) => {
    times.push(ms);
    if (status !== 200) errors++;
  });
  const result = await instance;
  const seconds = until ? (performance.now() - started) / 1000 : SECONDS;
  times.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    scenario: s.name,
    requests: times.length,
    non200: errors + (result.errors ?? 0),
    rps: Math.round(times.length / seconds),
    p50: r(percentile(times, 50)),
    p95: r(percentile(times, 95)),
    p99: r(percentile(times, 99)),
  };
}

async function startServe(db: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    // BENCH_SERVER_FLAGS: node flags for the server only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`.
    [...(process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? []), join(PROJECT_ROOT, 'bin/parallax.js'), 'serve', '--db', db, '--port', '0'],
    {
      env: { ...process.env, PARALLAX_TOKEN: 'bench' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench: server exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /Open (http:\/\/\S+?)\/?(\?|$)/.exec(line);
      if (m) resolve(m[1]);
    });
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-api-'));
  const db = join(dir, 'bench.db');
  try {
    let t = performance.now();
    const built = await buildSyntheticStore(db, STORIES);
    const buildSec = (performance.now() - t) / 1000;
    console.log(`built ${built.stories} stories / ${built.articles} articles in ${buildSec.toFixed(1)} s`);
    const server = await startServe(db);
    try {
      t = performance.now();
      for (;;) {
        const h = (await (await fetch(`${server.url}/api/health`)).json()) as {
          pendingConflictCounts: number;
        };
        if (h.pendingConflictCounts === 0) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      const compareSec = (performance.now() - t) / 1000;
      console.log(`conflict counts for every story computed in ${compareSec.toFixed(1)} s`);
      const ids = built.storyIds;
      const pick = (n: number) => Array.from({ length: n }, (_, k) => ids[(k * 7919) % ids.length]);
      const scenarios: Scenario[] = [
        { name: 'story list (25, recent)', paths: ['/api/stories?limit=25'] },
        {
          name: 'story list, filtered + sorted',
          paths: built.places
            .slice(0, 20)
            .map(
              (p, k) =>
                `/api/stories?limit=25&place=${encodeURIComponent(p)}&sort=${['recent', 'size', 'conflicts'][k % 3]}&offset=${(k % 4) * 25}`,
            ),
        },
        { name: 'story page (varied ids)', paths: pick(500).map((id) => `/api/stories/${id}`) },
      ];
      const results = [];
      // BENCH_ONLY_UPLOAD=1: only the "during ingest" scenario (profiling, tuning).
      if (!process.env.BENCH_ONLY_UPLOAD) for (const s of scenarios) results.push(await load(server.url, s));
      // During ingest: the story list while an upload of UPLOAD reports is ingested by the server.
      const form = new FormData();
      form.append('file', new File([jsonl('bench', UPLOAD)], 'bench-upload.jsonl'));
      t = performance.now();
      const upload = fetch(`${server.url}/api/ingest/files`, { method: 'POST', body: form, headers: { Authorization: 'Bearer bench' } }).then(async (r) => {
        await r.arrayBuffer();
        return r.status;
      });
      const during = await load(server.url, { name: `story list during upload of ${UPLOAD}`, paths: ['/api/stories?limit=25'] }, upload);
      const uploadStatus = await upload;
      const uploadSec = (performance.now() - t) / 1000;
      results.push(during);
      console.log(`upload of ${UPLOAD} reports: HTTP ${uploadStatus} in ${uploadSec.toFixed(1)} s`);
      console.log(
        `\nbench:api  ${built.stories} stories, ${CONNECTIONS} connections, ${SECONDS} s per scenario (target p95 ≤ 50 ms)`,
      );
      console.log('scenario                          req/s    p50 ms   p95 ms   p99 ms   non-200');
      for (const r of results) {
        console.log(
          `${r.scenario.padEnd(32)} ${String(r.rps).padStart(6)} ${String(r.p50).padStart(8)} ${String(r.p95).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.non200).padStart(9)}`,
        );
      }
      const out = {
        stories: built.stories,
        articles: built.articles,
        connections: CONNECTIONS,
        seconds: SECONDS,
        buildSec,
        compareSec,
        results,
        pass: results.every((r) => r.p95 <= 50 && r.non200 === 0),
      };
      mkdirSync(join(PROJECT_ROOT, '.bench-out'), { recursive: true });
      writeFileSync(join(PROJECT_ROOT, '.bench-out/api.json'), JSON.stringify(out, null, 2));
      console.log(out.pass ? '\nall p95 within 50 ms' : '\nsome p95 above 50 ms (or errors)');
    } finally {
      server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
