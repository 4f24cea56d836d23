// CPU time per thread of this process, from /proc (Linux; elsewhere empty): the main thread's and
// the store's writer thread's shares of the CPU time the bench counts, which process.cpuUsage()
// gives only together. Clock ticks of 10 ms: read over windows of a few hundred ms or more.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

export type ThreadCpu = Map<number, number>;

/** CPU ms (user + system) of each thread, by thread id; the main thread's id is the process id. */
export function threadCpuMs(): ThreadCpu {
  const out: ThreadCpu = new Map();
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return out;
  }
  for (const t of tasks) {
    try {
      const stat = readFileSync(`/proc/self/task/${t}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state is the 1st, utime the 12th, stime the 13th.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(t), (Number(f[11]) + Number(f[12])) * TICK_MS);
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

const delta = (before: ThreadCpu, after: ThreadCpu, tid: number) => (after.get(tid) ?? 0) - (before.get(tid) ?? 0);

/** The thread other than the main one that used the most CPU between two readings: the store's writer. */
export function busiestOther(before: ThreadCpu, after: ThreadCpu): number | null {
  let best: number | null = null;
  for (const tid of after.keys())
    if (tid !== process.pid && (best === null || delta(before, after, tid) > delta(before, after, best))) best = tid;
  return best;
}

/** CPU ms between two readings of the main thread, of the writer thread and of all the others. */
export function splitCpu(before: ThreadCpu, after: ThreadCpu, writer: number | null): { main: number; writer: number; rest: number } {
  let all = 0;
  for (const tid of after.keys()) all += delta(before, after, tid);
  const main = delta(before, after, process.pid);
  const w = writer === null ? 0 : delta(before, after, writer);
  return { main, writer: w, rest: all - main - w };
}
