// Worker thread entry: prepares reports posted by PreparePool, one message each way.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { RawReport } from '../../model/index.ts';
import { prepareReport } from './prepare.ts';

// Linux keeps a nice value per thread: this thread's id is the last part of /proc/thread-self.
// Elsewhere (no /proc) the thread keeps the process's priority.
const niceness = (workerData as { niceness?: number } | null)?.niceness ?? 0;
if (niceness > 0) {
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), niceness);
  } catch {
    // not Linux, or not allowed: run at normal priority
  }
}

parentPort!.on('message', (msg: { seq: number; raw: RawReport }) => {
  parentPort!.postMessage({ seq: msg.seq, result: prepareReport(msg.raw) });
});
