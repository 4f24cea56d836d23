// Writer thread: applies write batches on its own connection to the store file, one message each
// way, so the main thread goes on grouping the next batch while SQLite writes this one (and
// checkpoints the WAL, fsync included).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { BatchWriter, pack, tune, type PostedBatch } from './batch-write.ts';
import { isBusy } from './busy.ts';

export type WriterRequest = { seq: number; batch: PostedBatch; now: string } | { close: true };
export type WriterReply = { seq: number; error?: string; busy?: boolean };

// This thread may block while another writer holds the lock: its one try waits the whole bound.
const { file, busyMs } = workerData as { file: string; busyMs: number };
const db = new Database(file, { timeout: busyMs });
tune(db);
const writer = new BatchWriter(db);

parentPort!.on('message', (msg: WriterRequest) => {
  if ('close' in msg) {
    db.close();
    parentPort!.close();
    return;
  }
  const reply: WriterReply = { seq: msg.seq };
  try {
    writer.write(pack(msg.batch), msg.now);
  } catch (err) {
    reply.error = (err as Error).message;
    if (isBusy(err)) reply.busy = true;
  }
  parentPort!.postMessage(reply);
});
