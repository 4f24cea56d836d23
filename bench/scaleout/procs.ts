// Processes of a bench:scaleout run: `parallax` commands as children, their CPU time read from
// /proc (all threads of a process: user + system), and the machine's load average beside every number.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PROJECT_ROOT } from '../lib/data.ts';

const BIN = `${PROJECT_ROOT}/bin/parallax.js`;
/** Clock ticks per second of /proc's times (USER_HZ: 100 on Linux). */
const HZ = 100;

export interface Proc {
  role: string;
  child: ChildProcess;
  err: () => string;
  exited: Promise<number | null>;
  /** CPU seconds last read while it ran (kept after it exits). */
  cpu: number;
}

export function parallax(role: string, args: string[], nodeArgs: string[] = []): Proc {
  const child = spawn(process.execPath, [...nodeArgs, BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { role, child, err: () => err, exited, cpu: 0 };
}

/** User + system CPU seconds of a process (every thread), or null when it is gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, inside parentheses).
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / HZ; // utime, stime: fields 14 and 15
  } catch {
    return null;
  }
}

/** The parent pid of a process, or null. */
export function parentPid(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** Reads every live process's CPU into `cpu` (the last value stays once it has exited). */
export function sample(procs: Proc[]): void {
  for (const p of procs) {
    if (p.child.pid === undefined) continue;
    const s = cpuSeconds(p.child.pid);
    if (s !== null) p.cpu = s;
  }
}

export const loadAverage = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** Stops the processes still running (SIGTERM: each stops after its current batch) and waits for them. */
export async function stopAll(procs: Proc[]): Promise<void> {
  for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
  await Promise.all(procs.map((p) => p.exited));
}
