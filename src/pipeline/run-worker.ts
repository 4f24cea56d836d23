// The worker's runner (issue #21 part 4): claims intake rows, extracts and analyzes them (the
// same per-report stage as one process, parallel/prepare.ts) and writes what it made back to the
// rows. It never assigns stories nor writes articles: the elected assigner does (run-assigner.ts).
// Any number of workers, in any processes, share one store.
import { setTimeout as sleep } from 'node:timers/promises';
import type { IntakeOutcome, Store } from '../store/store.ts';
import { prepareReport } from './parallel/prepare.ts';

export interface WorkerOptions {
  /** Names this worker's claims (unique per process). */
  owner: string;
  /** How long a claim lasts: a worker that dies gives its rows back after it. */
  leaseSeconds?: number;
  /** Rows claimed at a time. */
  claim?: number;
  /** A row claimed this many times without an outcome is failed, not claimed again. */
  maxClaims?: number;
  /** Pause between looks at an empty queue. */
  idleMs?: number;
  /** Stops after the queue was found empty (tests, one-shot runs); otherwise runs until `signal`. */
  untilEmpty?: boolean;
  signal?: AbortSignal;
  onBatch?: (done: { prepared: number; failed: number }) => void;
}

export const WORKER_DEFAULTS = { leaseSeconds: 60, claim: 16, maxClaims: 3, idleMs: 200 };

/** Runs until stopped (or the queue is empty, with `untilEmpty`); returns how many rows it prepared and failed. */
export async function runWorker(store: Store, options: WorkerOptions): Promise<{ prepared: number; failed: number }> {
  const o = { ...WORKER_DEFAULTS, ...options };
  const total = { prepared: 0, failed: 0 };
  while (!o.signal?.aborted) {
    const claims = await store.claimIntake(o.owner, o.leaseSeconds, o.claim, o.maxClaims);
    if (!claims.length) {
      if (o.untilEmpty) break;
      await sleep(o.idleMs, undefined, { signal: o.signal }).catch(() => {});
      continue;
    }
    const outcomes: IntakeOutcome[] = claims.map(({ seq, raw }) => {
      const p = prepareReport(raw);
      return 'error' in p ? { seq, error: p.error } : { seq, prepared: p };
    });
    // Rows whose lease ran out meanwhile (another worker has them now) are not overwritten.
    await store.finishIntake(o.owner, outcomes);
    const done = { prepared: outcomes.filter((x) => 'prepared' in x).length, failed: outcomes.filter((x) => 'error' in x).length };
    total.prepared += done.prepared;
    total.failed += done.failed;
    o.onBatch?.(done);
  }
  return total;
}
