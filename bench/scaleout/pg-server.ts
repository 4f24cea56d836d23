// The PostgreSQL side of bench:scaleout: a server (the URL given, or a throwaway cluster of
// scripts/pg-cluster.sh started and stopped here), a fresh database per run, and the server's CPU
// time by role: every backend's /proc times (when the server runs on this machine), named by the
// application_name each process connects with, plus the server's own processes (WAL writer,
// checkpointer, autovacuum).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { PROJECT_ROOT } from '../lib/data.ts';
import { cpuSeconds, parentPid } from './procs.ts';

/** The role of backends of other databases: left out of every total. */
export const OTHER_DATABASES = 'other databases';

/** A server URL and how to let it go: the one given, or a throwaway cluster (stopped at the end). */
export function pgServer(given: string | undefined, stateDir: string): { url: string; stop: () => void } {
  if (given) return { url: given, stop: () => {} };
  const env = { ...process.env, PARALLAX_PG_CLUSTER_STATE: join(stateDir, 'pg.state') };
  const script = join(PROJECT_ROOT, 'scripts/pg-cluster.sh');
  const url = execFileSync('bash', [script, 'start'], { env, encoding: 'utf8' }).trim();
  console.error(`scaleout: started a throwaway PostgreSQL cluster (${url})`);
  return { url, stop: () => execFileSync('bash', [script, 'stop'], { env, stdio: 'inherit' }) };
}

/** The URL with another database and an application_name (how the server's CPU is told apart by role). */
export function withDb(url: string, db: string, app?: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  if (app) u.searchParams.set('application_name', app);
  return u.toString();
}

export async function createDatabase(url: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/**
 * Samples the server's processes at each `sample()`: CPU seconds since the start, per role (a
 * backend's application_name, else its backend type: `checkpointer`, `walwriter`, …). A backend
 * that ends between two samples loses at most its last interval. Null on a server elsewhere.
 */
export class ServerCpu {
  private base = new Map<number, number>();
  private last = new Map<number, { cpu: number; role: string }>();
  private constructor(
    private client: pg.Client,
    private postmaster: number,
    private own: number,
  ) {}

  static async start(url: string): Promise<ServerCpu | null> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const postmaster = parentPid(rows[0].pid);
    if (postmaster === null) {
      await client.end();
      return null;
    }
    const s = new ServerCpu(client, postmaster, rows[0].pid);
    for (const pid of s.children()) s.base.set(pid, cpuSeconds(pid) ?? 0);
    await s.sample();
    return s;
  }

  private children(): number[] {
    const pids: number[] = [];
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      if (parentPid(Number(d)) === this.postmaster) pids.push(Number(d));
    }
    return pids;
  }

  async sample(): Promise<void> {
    const { rows } = await this.client.query<{ pid: number; app: string; type: string; other_db: boolean }>(
      `SELECT pid, application_name AS app, backend_type AS type, datname IS NOT NULL AND datname <> current_database() AS other_db
         FROM pg_stat_activity WHERE pid <> pg_backend_pid()`,
    );
    // Backends of other databases on the server are someone else's work.
    const roleOf = new Map(rows.map((r) => [r.pid, r.other_db ? OTHER_DATABASES : r.app || r.type || 'other']));
    for (const pid of this.children()) {
      if (pid === this.own) continue;
      const cpu = cpuSeconds(pid);
      if (cpu === null) continue;
      const known = this.last.get(pid);
      const role = roleOf.get(pid) ?? known?.role ?? comm(pid);
      this.last.set(pid, { cpu: cpu - (this.base.get(pid) ?? 0), role });
    }
  }

  /** CPU seconds per role since the start, as of the last sample (this sampler's own backend left out). */
  now(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const { cpu, role } of this.last.values()) if (role !== OTHER_DATABASES) out[role] = (out[role] ?? 0) + cpu;
    return out;
  }

  async stop(): Promise<Record<string, number>> {
    await this.sample().catch(() => {});
    await this.client.end();
    return this.now();
  }
}

/** A server process's name as ps shows it ("postgres: walwriter"), for processes pg_stat_activity omits. */
function comm(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim().replace(/^postgres: /, '') || 'other';
  } catch {
    return 'other';
  }
}
