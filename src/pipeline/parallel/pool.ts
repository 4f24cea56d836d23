// Runs prepareReport on worker threads and hands results back in submission order, so grouping
// (which is order-dependent and stays on the main thread) sees exactly what a serial run sees.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RawReport } from '../../model/index.ts';
import { prepareReport, type Prepared } from './prepare.ts';

export interface PreparePool {
  /** Queues a report; the promise resolves with its prepared form. */
  submit(raw: RawReport): Promise<Prepared>;
  close(): Promise<void>;
}

/** Same thread, no workers: for small inputs, where starting threads costs more than it saves. */
export const inlinePool = (): PreparePool => ({
  submit: async (raw) => prepareReport(raw),
  close: async () => {},
});

export interface PoolOptions {
  /**
   * Nice value for the worker threads (0–19, Linux): a server's upload workers yield the cores to
   * the thread answering requests when the machine is busy, and lose nothing when it is idle.
   */
  niceness?: number;
}

/** Workers: default one per core (the main thread's share, grouping and the store, is light). */
export function workerPool(size = availableParallelism(), opts: PoolOptions = {}): PreparePool {
  const workers = Array.from(
    { length: Math.max(1, size) },
    () => new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { niceness: opts.niceness ?? 0 } }),
  );
  const waiting = new Map<number, { resolve: (p: Prepared) => void; reject: (e: Error) => void }>();
  const load = workers.map(() => 0);
  let seq = 0;
  let failure: Error | null = null;
  workers.forEach((w, i) => {
    w.on('message', (msg: { seq: number; result: Prepared }) => {
      load[i]--;
      waiting.get(msg.seq)?.resolve(msg.result);
      waiting.delete(msg.seq);
    });
    w.on('error', (err) => {
      failure = new Error(`workers: a worker failed: ${err.message}`);
      for (const p of waiting.values()) p.reject(failure);
      waiting.clear();
    });
  });
  return {
    submit(raw) {
      if (failure) return Promise.reject(failure);
      const id = seq++;
      // Least-loaded worker: reports differ a lot in size.
      const i = load.indexOf(Math.min(...load));
      load[i]++;
      const result = new Promise<Prepared>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        workers[i].postMessage({ seq: id, raw });
      });
      // The caller awaits results in order, possibly long after a failure: don't let a rejection
      // waiting in the queue count as unhandled meanwhile.
      result.catch(() => {});
      return result;
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
