// Waiting for the write lock. Every write transaction begins IMMEDIATE (takes the lock before it
// reads): a transaction that read first and then found another writer's commit gets SQLITE_BUSY
// at once, without SQLite's busy wait. On the main connection the wait is a loop of short tries
// with the event loop free between them (a blocking busy_timeout would stall the server).
import { setTimeout as sleep } from 'node:timers/promises';
import { StoreBusy } from '../store.ts';

/** How long a write waits for another writer before it fails as busy (SQLite's usual 5 s). */
export const DEFAULT_BUSY_MS = 5_000;
/** One try's blocking wait on the main connection: the writer thread holds the lock for whole batches, and 20 ms tries added up to 1.1 s of blocked event loop in an upload of 2,000. */
export const TRY_MS = 2;

export const isBusy = (err: unknown): boolean =>
  /^SQLITE_BUSY/.test((err as { code?: string }).code ?? '') || /database is locked/.test(String((err as Error).message));

export const busyError = (boundMs: number, what = 'write') =>
  new StoreBusy(
    `store: busy, nothing written: another writer held the store for over ${boundMs} ms (${what}); try again`,
    Math.max(1, Math.ceil(boundMs / 1000)),
  );

/** Runs `attempt` (one whole transaction) until it gets the lock, for at most `boundMs`. */
export async function whenFree<T>(attempt: () => T | Promise<T>, boundMs: number, what?: string): Promise<T> {
  const until = Date.now() + boundMs;
  for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
    try {
      return await attempt();
    } catch (err) {
      if (!isBusy(err)) throw err;
      if (Date.now() + pause > until) throw busyError(boundMs, what);
    }
    await sleep(pause);
  }
}
