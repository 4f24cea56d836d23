// The main thread's side of the writer thread (writer-thread.ts): posts batches, resolves each
// write when its transaction has committed (or rejects with SQLite's error, nothing written).
import { Worker } from 'node:worker_threads';
import type { PostedBatch } from './batch-write.ts';
import type { WriterReply, WriterRequest } from './writer-thread.ts';

/** The batch could not take the write lock within the store's bound: nothing written. */
export class WriterBusy extends Error {}

/** The thread itself failed (not the batch): whether a batch in flight was committed is unknown. */
export class WriterStopped extends Error {}

export class WriterThread {
  private worker: Worker;
  private waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private seq = 0;
  private failure: Error | null = null;
  private exited: Promise<unknown>;

  constructor(file: string, busyMs: number) {
    this.worker = new Worker(new URL('./writer-entry.mjs', import.meta.url), { workerData: { file, busyMs } });
    this.exited = new Promise((resolve) => this.worker.once('exit', resolve));
    // Idle, the thread must not keep the process alive; a write in flight does (see write()).
    this.worker.unref();
    this.worker.on('message', (msg: WriterReply) => {
      const w = this.waiting.get(msg.seq);
      this.waiting.delete(msg.seq);
      if (!this.waiting.size) this.worker.unref();
      if (msg.error === undefined) w?.resolve();
      else w?.reject(msg.busy ? new WriterBusy(msg.error) : new Error(msg.error));
    });
    const fail = (err: Error) => {
      this.failure ??= err;
      for (const w of this.waiting.values()) w.reject(this.failure);
      this.waiting.clear();
    };
    this.worker.on('error', (err) => fail(new WriterStopped(`writer thread failed: ${err.message}`)));
    this.worker.on('exit', () => fail(new WriterStopped('writer thread stopped')));
  }

  write(batch: PostedBatch, now: string): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const seq = this.seq++;
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ seq, batch, now } satisfies WriterRequest);
    });
  }

  /** Closes the thread's connection and waits for it to end (call when no write is in flight). */
  async close(): Promise<void> {
    this.worker.ref();
    if (!this.failure) this.worker.postMessage({ close: true } satisfies WriterRequest);
    await this.exited;
  }
}
