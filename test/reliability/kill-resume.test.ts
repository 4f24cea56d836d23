// kill -9 at seeded random moments of an ingest, then a run to the end: nothing committed is ever
// lost, nothing is stored twice, the file stays intact, and the last run completes the rest.
// CI size: 600 reports; the issue's 10,000 with PARALLAX_RELIAB_FULL=1 (BENCHMARKS.md).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { withTempDir } from '../temp-dir.ts';
import { assertConsistent } from './consistency.ts';
import { jsonl, report } from './reports.ts';

const FULL = process.env.PARALLAX_RELIAB_FULL === '1';
const N = FULL ? 10_000 : 600;
const KILLS = 5;
const SEED = 20261207;
const BIN = new URL('../../bin/parallax.js', import.meta.url).pathname;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const countStored = (db: string): number => {
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return d.prepare('SELECT COUNT(*) FROM articles').pluck().get() as number;
    } finally {
      d.close();
    }
  } catch {
    return 0; // not created yet, or mid-migration
  }
};

/**
 * Runs the ingest; with `kill`, SIGKILLs it `extraMs` after the store first holds `stored`
 * articles (a moment of the ingest by its progress: start-up time varies with the machine's load).
 */
function ingest(file: string, db: string, kill?: { stored: number; extraMs: number }) {
  const child = spawn(process.execPath, [BIN, 'ingest', file, '--db', db], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  let timer: NodeJS.Timeout | undefined;
  if (kill) {
    const watch = () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (countStored(db) >= kill.stored) timer = setTimeout(() => child.kill('SIGKILL'), kill.extraMs);
      else timer = setTimeout(watch, 25);
    };
    watch();
  }
  return new Promise<{ code: number | null; signal: string | null; err: string }>((resolve) =>
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, err });
    }),
  );
}

const storedIds = (db: string): Set<string> => {
  const d = new Database(db, { readonly: true });
  try {
    assert.equal(d.pragma('integrity_check', { simple: true }), 'ok');
    const ids = d.prepare('SELECT id FROM articles').pluck().all() as string[];
    assert.equal(new Set(ids).size, ids.length, 'no article twice');
    return new Set(ids);
  } finally {
    d.close();
  }
};

describe('kill -9 during an ingest', () => {
  it(`${KILLS} kills at seeded moments of a ${N}-report ingest, then a resume`, { timeout: FULL ? 1_800_000 : 90_000 }, async () =>
    withTempDir('kill', async (dir) => {
      const file = join(dir, 'wire.jsonl');
      const db = join(dir, 'p.db');
      writeFileSync(file, jsonl('k', N));
      const rand = rng(SEED);
      let before = new Set<string>();
      const log: string[] = [];
      for (let k = 0; k < KILLS; k++) {
        // A moment: once the store holds a random share of what is left, then a random few ms more
        // (inside the next batch's grouping or its write).
        const at = { stored: before.size + Math.floor(rand() * (N - before.size) * 0.9), extraMs: Math.floor(rand() * 400) };
        const run = await ingest(file, db, at);
        const now = (() => {
          try {
            return storedIds(db);
          } catch (e) {
            if (run.signal === 'SIGKILL' && /no such table|unable to open/.test(String(e))) return new Set<string>();
            throw e;
          }
        })();
        const lost = [...before].filter((id) => !now.has(id));
        log.push(`kill ${k + 1} at ${at.stored} stored + ${at.extraMs} ms: ${run.signal ?? `exit ${run.code}`}, ${now.size} stored`);
        assert.deepEqual(lost.slice(0, 5), [], `kill ${k + 1}: ${lost.length} committed articles lost`);
        before = now;
      }
      const last = await ingest(file, db);
      if (FULL || process.env.PARALLAX_RELIAB_LOG) console.log([...log, `resume: exit ${last.code}, ${last.err.trim().split('\n').pop()}`].join('\n'));
      assert.equal(last.code, 0, last.err);
      assert.match(last.err, new RegExp(`${N - before.size} articles? added, (${before.size} unchanged, )?0 skipped`));
      assertConsistent(db, Array.from({ length: N }, (_, i) => report('k', i).id));
    }));
});
