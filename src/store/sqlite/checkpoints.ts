// WAL checkpoints off the writer thread. A checkpoint copies the pages the last commits wrote to
// the WAL into the store file and syncs it; done by SQLite inside the commit that crosses the
// autocheckpoint bound, it held the writer thread (and so the runner waiting for its next write)
// for the copy and the fsync: measured on 40k-article batches 0.06 CPU ms but 0.4-0.6 ms of wall
// time per article on this 2-core machine, most of the writer's time past its CPU. Here the
// writer's connection never checkpoints on commit: after each commit it asks the checkpoint
// thread (checkpoint-thread.mjs), which checkpoints PASSIVE on its own connection while the next
// batch is written. SQLite starts the log afresh at a write that finds it all copied; while the
// writer is always busy that may never happen, so once the log passes LOG_BOUND frames the writer
// waits for the running checkpoint and copies the rest itself before its next write.
// Durability is SQLite's WAL with synchronous = NORMAL either way: a commit survives a crash of
// the process at once, a power loss once a checkpoint has synced the log (the next one, started
// right after the commit, rather than at the next 8,192 frames).
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** Flag slots shared with the thread (given to it): its state, and the log's frames at its last checkpoint. */
const STATE = 0;
const LOG = 1;
const IDLE = 0;
const ASKED = 1;
const CLOSING = 2;

/** Frames (4 KB pages) the log may hold before the writer copies the rest itself: 128 MB. */
const LOG_BOUND = 32_768;
/** Longest the writer waits for a running checkpoint before it checkpoints regardless. */
const WAIT_MS = 30_000;
/** What the writer's connection falls back to if the thread fails: SQLite's own checkpoints (tune()). */
const AUTOCHECKPOINT = 8_192;

export class BackgroundCheckpoints {
  private flags = new Int32Array(new SharedArrayBuffer(8));
  private worker: Worker | null;
  private exited: Promise<unknown>;

  constructor(
    file: string,
    private db: Database.Database,
  ) {
    this.worker = new Worker(new URL('./checkpoint-thread.mjs', import.meta.url), {
      workerData: { file, control: this.flags.buffer, slots: { STATE, LOG, IDLE, ASKED, CLOSING } },
    });
    this.exited = new Promise((resolve) => this.worker!.once('exit', resolve));
    this.db.pragma('wal_autocheckpoint = 0');
    const fail = () => {
      if (!this.worker) return;
      this.worker = null;
      this.db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT}`);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', fail);
  }

  /** Before a write: when the log has passed its bound, copy it all here so the write starts it afresh. */
  beforeWrite(): void {
    if (!this.worker) return;
    const log = Atomics.load(this.flags, LOG);
    if (log >= 0 && log < LOG_BOUND) return;
    Atomics.wait(this.flags, STATE, ASKED, WAIT_MS);
    this.db.pragma('wal_checkpoint(PASSIVE)');
    Atomics.store(this.flags, LOG, 0);
  }

  /** After a commit: a checkpoint on the thread, unless one is running (it is asked again next commit). */
  afterCommit(): void {
    if (this.worker && Atomics.compareExchange(this.flags, STATE, IDLE, ASKED) === IDLE) Atomics.notify(this.flags, STATE);
  }

  /** Ends the thread (its running checkpoint first); call before closing the writer's connection. */
  async close(): Promise<void> {
    if (this.worker) {
      Atomics.wait(this.flags, STATE, ASKED, WAIT_MS);
      Atomics.store(this.flags, STATE, CLOSING);
      Atomics.notify(this.flags, STATE);
    }
    await this.exited;
  }
}
