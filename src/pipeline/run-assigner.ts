// The one assigner (issue #21 part 4): elected through the store (a lease row on SQLite, an
// advisory lock on PostgreSQL), it takes prepared intake rows strictly in intake order (waiting
// at a row still being prepared), groups them with the same Ingestor and StoryAssigner as one
// process, and writes each batch with the rows it consumed in one transaction fenced by its epoch:
// once a standby has taken over, the old assigner's batches are refused and nothing of them is
// written. A standby loops trying to take the post; on takeover it restores the grouping from the
// store (or its snapshot) and goes on from the first row still queued. A row whose article was
// written but whose deletion was not (a crash between) comes back and is found unchanged.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../config/index.ts';
import { StaleEpoch, type AssignerFence, type Store } from '../store/store.ts';
import type { StoryAssigner } from './4-cluster/assigner.ts';
import type { ArticleFeatures } from './4-cluster/features.ts';
import { Ingestor } from './run.ts';

export interface AssignerOptions {
  config: Pick<Config, 'maxFileBytes' | 'maxLineBytes' | 'writeBatch' | 'web'>;
  /** Names this process in the post (unique per process). */
  owner: string;
  /** SQLite's lease on the post, renewed every third of it; a dead assigner's is taken over after it. */
  leaseSeconds?: number;
  /** Pause between looks at the queue when nothing is ready, and between tries for the post. */
  pollMs?: number;
  /** Ready rows read at a time. */
  read?: number;
  /**
   * Pending articles are written when a batch is full, when nothing more is queued (no row being
   * prepared, none ready: `drained`), and when the next row has not been ready for this long. The
   * assigner repairs where the stream's position says (story-assigner.ts) and at the end of the
   * queue, as one process fed the same reports in one run does at the end of its input.
   */
  flushIdleMs?: number;
  /** Stops when nothing is queued at all (tests, one-shot runs); otherwise runs until `signal`. */
  untilEmpty?: boolean;
  signal?: AbortSignal;
  newAssigner?: () => StoryAssigner;
  /** Told at each takeover and each stale refusal. */
  onEvent?: (e: { kind: 'lead'; epoch: number } | { kind: 'lost'; epoch: number; why: string }) => void;
}

export const ASSIGNER_DEFAULTS = { leaseSeconds: 6, pollMs: 100, read: 500, flushIdleMs: 10_000 };

/** Stands by and leads in turn until stopped; returns the rows this process consumed. */
export async function runAssigner(store: Store, options: AssignerOptions): Promise<{ consumed: number }> {
  const o = { ...ASSIGNER_DEFAULTS, ...options };
  let consumed = 0;
  while (!o.signal?.aborted) {
    const epoch = await store.takeAssigner(o.owner, o.leaseSeconds);
    if (epoch === null) {
      if (o.untilEmpty && (await queued(store)) === 0) break;
      await sleep(o.pollMs, undefined, { signal: o.signal }).catch(() => {});
      continue;
    }
    o.onEvent?.({ kind: 'lead', epoch });
    const fence = { owner: o.owner, epoch };
    const r = await lead(store, fence, o).catch((err: unknown) => {
      if (!(err instanceof StaleEpoch)) throw err;
      return { consumed: 0, lost: err.message };
    });
    consumed += r.consumed;
    if (r.lost) o.onEvent?.({ kind: 'lost', epoch, why: r.lost });
    else {
      await store.resignAssigner(fence);
      break;
    }
  }
  return { consumed };
}

const queued = async (store: Store) => {
  const c = await store.intakeCounts();
  return c.pending + c.claimed + c.prepared;
};

/**
 * Nothing queued after `after`, as one process at the end of its input: no row is being prepared
 * and none after it is ready (read after that, so a row prepared meanwhile is seen). The assigner's
 * own taken rows stay queued until their batch commits, so counting queued rows would wait them out.
 */
const drained = async (store: Store, after: number) => {
  const c = await store.intakeCounts();
  return c.pending + c.claimed === 0 && (await store.readyIntake(after, 1)).length === 0;
};

type Resolved = Required<Pick<AssignerOptions, 'pollMs' | 'read' | 'flushIdleMs' | 'leaseSeconds'>> & AssignerOptions;

/** Leads until stopped or the post is lost (then `lost` says why; nothing more is written). */
async function lead(store: Store, fence: AssignerFence, o: Resolved): Promise<{ consumed: number; lost?: string }> {
  let lost: string | undefined;
  // The heartbeat: a renewal that fails means another took over (or the post's connection died).
  const beat = setInterval(() => {
    store.renewAssigner(fence, o.leaseSeconds).then(
      (held) => { if (!held) lost ??= `epoch ${fence.epoch} no longer holds the post`; },
      (err: Error) => { lost ??= `renewing the post failed: ${err.message}`; },
    );
  }, Math.max(200, (o.leaseSeconds * 1000) / 3));
  // Rows whose report the ingestor has taken (added, found unchanged or skipped) and not yet deleted.
  const done: number[] = [];
  const ingestor = new Ingestor(store, {
    config: o.config,
    newAssigner: o.newAssigner,
    write: (batch) => store.writeAssigned(fence, batch, done.splice(0)),
  });
  let consumed = 0;
  let after = 0;
  let idleSince = Date.now();
  /** Rows taken since the last flush. */
  let unflushed = 0;
  try {
    while (!o.signal?.aborted && !lost) {
      const ready = await store.readyIntake(after, o.read);
      for (const row of ready) {
        if ('error' in row) ingestor.skipInput(row.raw.url ?? row.raw.path ?? `intake ${row.seq}`, row.error);
        else await ingestor.addPrepared(row.raw, { ...row.prepared, features: row.prepared.features as ArticleFeatures | undefined });
        done.push(row.seq);
        after = row.seq;
        consumed++;
        unflushed++;
        if (lost) break;
      }
      if (ready.length) {
        idleSince = Date.now();
        continue;
      }
      const end = unflushed > 0 && (await drained(store, after));
      if (end || (unflushed && Date.now() - idleSince >= o.flushIdleMs)) {
        // Only the end of the queue repairs: a wait at a row (a worker died holding it) is no place
        // a process fed the stream in one go would have repaired at.
        await ingestor.flush(end);
        // Rows that gave no article to write (unchanged, failed) are deleted on their own.
        if (done.length) await store.writeAssigned(fence, null, done.splice(0));
        unflushed = 0;
      }
      if (!unflushed && o.untilEmpty && (await queued(store)) === 0) break;
      await sleep(o.pollMs, undefined, { signal: o.signal }).catch(() => {});
    }
    if (!lost) {
      // Stopped (a signal) is not the end of the queue: no repair there unless it is.
      await ingestor.flush(await drained(store, after));
      if (done.length) await store.writeAssigned(fence, null, done.splice(0));
    }
  } finally {
    clearInterval(beat);
  }
  return { consumed, lost };
}
