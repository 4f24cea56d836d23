// Checkpoint thread: copies the WAL's committed pages into the store file (and syncs it) on a
// connection of its own, so the writer thread goes on writing meanwhile. It waits on a shared
// flag (checkpoints.ts) rather than on messages: it has nothing else to do.
import { workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { tune } from './batch-write.ts';
import { ASKED, CLOSING, IDLE, LOG, STATE } from './checkpoints.ts';

const { file, control } = workerData as { file: string; control: SharedArrayBuffer };
const flags = new Int32Array(control);
const db = new Database(file);
tune(db);
for (;;) {
  Atomics.wait(flags, STATE, IDLE);
  if (Atomics.load(flags, STATE) === CLOSING) break;
  try {
    // PASSIVE: never waits for the writer or readers; copies what is committed and not read past.
    const [r] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    Atomics.store(flags, LOG, r.log);
  } catch {
    Atomics.store(flags, LOG, -1); // the writer checkpoints itself next time
  }
  Atomics.compareExchange(flags, STATE, ASKED, IDLE);
  Atomics.notify(flags, STATE);
}
db.close();
