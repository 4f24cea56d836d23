// The worker's runner (issue #21 part 4): claims intake rows, extracts and analyzes them (the
// same per-report stage as one process, parallel/prepare.ts) and writes what it made back to the
// rows. It never assigns stories nor writes articles: the elected assigner does (run-assigner.ts).
// Any number of workers, in any processes, share one store.
// A row holding only a URL is fetched first, with the safe fetcher (address guard, size and time
// limits, robots.txt) at each host's pace shared by every process on the store. A fetch that may
// pass later is given back to the queue for a later try (a bounded number of them); any other
// failure fails the row with the fetch's error.
import { setTimeout as sleep } from 'node:timers/promises';
import type { WebConfig } from '../config/index.ts';
import type { RawReport } from '../model/index.ts';
import type { IntakeClaim, IntakeOutcome, Store } from '../store/store.ts';
import { looksLikeFeed } from './1-intake/feeds/parse.ts';
import { awaitsFetch } from './1-intake/queued-url.ts';
import { canonicalUrl } from './1-intake/web/canonical-url.ts';
import type { WebClient } from './1-intake/web/client.ts';
import { FetchError } from './1-intake/web/errors.ts';
import { pageReport, responseText } from './1-intake/web/page.ts';
import { prepareReport } from './parallel/prepare.ts';
import { pacedClient } from './run-web.ts';

export interface WorkerOptions {
  /** Names this worker's claims (unique per process). */
  owner: string;
  /** Fetch limits and the address guard's allowances (rows holding a URL). */
  web: WebConfig;
  /** The client to fetch with (tests); default: the safe fetcher, paced per host through the store. */
  client?: WebClient;
  /** How long a claim lasts: a worker that dies gives its rows back after it. */
  leaseSeconds?: number;
  /** Rows claimed at a time. */
  claim?: number;
  /** A row claimed this many times without an outcome is failed, not claimed again. */
  maxClaims?: number;
  /**
   * Waits before each later try of a URL whose fetch may pass later (timeout, network, 5xx, 429,
   * DNS); one try more than its length in all (bounded by `maxClaims`). While a row waits, the
   * assigner waits at it (intake order), so these stay short.
   */
  fetchRetryMs?: number[];
  /** Pause between looks at an empty queue. */
  idleMs?: number;
  /** Stops after the queue was found empty (tests, one-shot runs); otherwise runs until `signal`. */
  untilEmpty?: boolean;
  signal?: AbortSignal;
  onBatch?: (done: { prepared: number; failed: number; retrying: number }) => void;
}

export const WORKER_DEFAULTS = { leaseSeconds: 60, claim: 16, maxClaims: 3, idleMs: 200, fetchRetryMs: [5_000, 20_000] };

/** A claimed row's fate: an outcome to record, or a later try of its fetch. */
type Step = IntakeOutcome | { seq: number; retry: { error: string; at: number } };

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Runs until stopped (or the queue is empty, with `untilEmpty`); returns how many rows it prepared, failed and gave back. */
export async function runWorker(store: Store, options: WorkerOptions): Promise<{ prepared: number; failed: number; retrying: number }> {
  const o = { ...WORKER_DEFAULTS, ...options };
  const client = o.client ?? pacedClient(store, o.web);
  const total = { prepared: 0, failed: 0, retrying: 0 };
  while (!o.signal?.aborted) {
    const claims = await store.claimIntake(o.owner, o.leaseSeconds, o.claim, o.maxClaims);
    if (!claims.length) {
      if (o.untilEmpty && (await waiting(store)) === 0) break;
      await sleep(o.idleMs, undefined, { signal: o.signal }).catch(() => {});
      continue;
    }
    // Every page first, side by side (the client keeps each host's pace), then the CPU work: a
    // report analysed while another's fetch is in flight would eat that fetch's time limit.
    const fetched = await Promise.all(claims.map((c) => fetchClaim(c, client, o)));
    const steps = fetched.map((f): Step => {
      if (!('raw' in f)) return f;
      const p = prepareReport(f.raw);
      return 'error' in p ? { seq: f.seq, error: p.error } : { seq: f.seq, prepared: p };
    });
    const outcomes = steps.filter((s): s is IntakeOutcome => !('retry' in s));
    // Rows whose lease ran out meanwhile (another worker has them now) are not overwritten.
    await store.finishIntake(o.owner, outcomes);
    let retrying = 0;
    for (const s of steps) if ('retry' in s && (await store.retryIntake(o.owner, s.seq, s.retry.error, s.retry.at))) retrying++;
    const done = { prepared: outcomes.filter((x) => 'prepared' in x).length, failed: outcomes.filter((x) => 'error' in x).length, retrying };
    total.prepared += done.prepared;
    total.failed += done.failed;
    total.retrying += done.retrying;
    o.onBatch?.(done);
  }
  return total;
}

/** Rows not yet prepared or failed (a row waiting for its fetch's next try is one). */
const waiting = async (store: Store) => {
  const c = await store.intakeCounts();
  return c.pending + c.claimed;
};

type Resolved = WorkerOptions & typeof WORKER_DEFAULTS;

/** The claim's report, its page fetched when it holds only an address; or the fetch's failure. */
async function fetchClaim(claim: IntakeClaim, client: WebClient, o: Resolved): Promise<{ seq: number; raw: RawReport } | Step> {
  const { seq, raw } = claim;
  if (awaitsFetch(raw)) {
    try {
      return { seq, raw: await fetchPage(client, raw.url, raw.sourceHint, o.signal) };
    } catch (err) {
      if (!(err instanceof FetchError)) throw err;
      const tries = Math.min(o.fetchRetryMs.length, o.maxClaims - 1) + 1;
      const later = err.retryable || err.code === 'dns';
      if (later && claim.attempt < tries) {
        const waitMs = Math.max(o.fetchRetryMs[claim.attempt - 1], err.extra.retryAfterMs ?? 0);
        const at = Date.now() + waitMs;
        return { seq, retry: { error: `fetch failed (try ${claim.attempt} of ${tries}; again at ${new Date(at).toISOString()}): ${message(err)}`, at } };
      }
      return { seq, error: `fetch failed${later ? ` after ${claim.attempt} tries` : ''}: ${message(err)}` };
    }
  }
  return { seq, raw };
}

/** One page, as `ingest URL` reads it (known by its canonical address); a feed is refused: it is followed, not queued. */
async function fetchPage(client: WebClient, url: string, sourceHint: string | undefined, signal?: AbortSignal): Promise<RawReport> {
  const res = await client.get(url, { kind: 'page', signal });
  const type = res.headers['content-type'];
  if (looksLikeFeed(responseText(res), (Array.isArray(type) ? type[0] : type) ?? ''))
    throw new FetchError('bad-response', `${url} is a feed, not a page: follow it with \`parallax feeds add\``);
  return pageReport(res, canonicalUrl(res.url) ?? res.url, sourceHint);
}
