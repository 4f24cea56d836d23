// Several processes opening one new store at once (serve, a worker and the assigner started
// together): each reads which migrations are applied, then waits for the write lock to apply the
// rest. The one that waited must not apply again what another applied meanwhile ("duplicate column
// name"). Made deterministic: a third process holds the write lock until both openers have the file
// open (and so have read), seen in /proc.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { withTempDir } from '../temp-dir.ts';
import { holdWriteLock } from './lock-holder.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

/** Opens the store in a child process; resolves with its exit code and what it wrote to stderr. */
function opener(file: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/reliability/open-store.ts', file], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const done = new Promise<{ code: number | null; err: string }>((resolve) => child.on('close', (code) => resolve({ code, err })));
  return { pid: child.pid!, done };
}

function hasOpen(pid: number, file: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === file;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

describe('a new SQLite store opened by several processes at once', { skip: process.platform !== 'linux' && 'needs /proc' }, () => {
  it('is migrated once: every opener succeeds', async () => {
    await withTempDir('parallax-open-race-', async (dir) => {
      const file = join(dir, 'p.db');
      // The bookkeeping table exists and nothing is applied yet, as after an opener's first statement.
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)');
      db.close();
      const lock = await holdWriteLock(file, 30_000);
      const openers = [opener(file), opener(file)];
      const deadline = Date.now() + 20_000;
      while (!openers.every((o) => hasOpen(o.pid, file)) && Date.now() < deadline) await sleep(50);
      assert.ok(openers.every((o) => hasOpen(o.pid, file)), 'both openers have the store open');
      await sleep(300); // each has read "nothing applied" and waits for the lock
      await lock.release();
      for (const r of await Promise.all(openers.map((o) => o.done))) assert.equal(r.code, 0, `an opener failed: ${r.err}`);
      const check = new Database(file, { readonly: true });
      const versions = (check.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((v) => v.version);
      check.close();
      assert.deepEqual(versions, [...new Set(versions)]);
      assert.ok(versions.length > 5, `migrations applied: ${versions.length}`);
    });
  });
});
