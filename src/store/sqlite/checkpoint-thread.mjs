// Checkpoint thread: copies the WAL's committed pages into the store file (and syncs it) on a
// connection of its own, so the writer thread goes on writing meanwhile (checkpoints.ts). Plain
// JS: it needs nothing of the TypeScript sources, so it starts without the tsx loader. It waits
// on a shared flag rather than on messages: it has nothing else to do. The flag's slots and
// states come from checkpoints.ts.
import { workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, control, slots } = workerData;
const { STATE, LOG, IDLE, ASKED, CLOSING } = slots;
const flags = new Int32Array(control);
const db = new Database(file);
for (;;) {
  Atomics.wait(flags, STATE, IDLE);
  if (Atomics.load(flags, STATE) === CLOSING) break;
  try {
    // PASSIVE: never waits for the writer or readers; copies what is committed and not read past.
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    Atomics.store(flags, LOG, r.log);
  } catch {
    Atomics.store(flags, LOG, -1); // the writer checkpoints itself before its next write
  }
  Atomics.compareExchange(flags, STATE, ASKED, IDLE);
  Atomics.notify(flags, STATE);
}
db.close();
