// Writer thread: applies write batches on its own connection to the store file, one message each
// way, so the main thread goes on grouping the next batch while SQLite writes this one; the WAL
// is checkpointed (copied and synced) on a thread of its own meanwhile (checkpoints.ts).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { BatchWriter, pack, tune, type PostedBatch } from './batch-write.ts';
import { isBusy } from './busy.ts';
import { BackgroundCheckpoints } from './checkpoints.ts';

export type WriterRequest = { seq: number; batch: PostedBatch; now: string } | { close: true };
export type WriterReply = { seq: number; error?: string; busy?: boolean };

// This thread may block while another writer holds the lock: its one try waits the whole bound.
const { file, busyMs } = workerData as { file: string; busyMs: number };
const db = new Database(file, { timeout: busyMs });
tune(db);
const writer = new BatchWriter(db);
const checkpoints = new BackgroundCheckpoints(file, db);

parentPort!.on('message', async (msg: WriterRequest) => {
  if ('close' in msg) {
    await checkpoints.close();
    db.close();
    parentPort!.close();
    return;
  }
  const reply: WriterReply = { seq: msg.seq };
  try {
    checkpoints.beforeWrite();
    writer.write(pack(msg.batch), msg.now);
    checkpoints.afterCommit();
  } catch (err) {
    reply.error = (err as Error).message;
    if (isBusy(err)) reply.busy = true;
  }
  parentPort!.postMessage(reply);
});
