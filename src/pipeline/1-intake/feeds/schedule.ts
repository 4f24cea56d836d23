// When to poll a feed next, and the loop that `parallax watch` runs. The loop owns no clock and
// no timers: they are injected, so tests drive hours of schedule without waiting.

/** Longest wait between polls of a failing feed. */
export const MAX_BACKOFF_SECONDS = 24 * 3600;

/**
 * Next poll time: one interval after a good poll; after n consecutive failures the interval
 * doubles n times (capped at a day, never shorter than the interval), so a broken feed is left alone.
 */
export function nextCheckAt(nowMs: number, intervalSeconds: number, failures: number): string {
  const backoff =
    failures > 0
      ? Math.min(
          intervalSeconds * 2 ** Math.min(failures, 20),
          Math.max(intervalSeconds, MAX_BACKOFF_SECONDS),
        )
      : intervalSeconds;
  return new Date(nowMs + backoff * 1000).toISOString();
}

export interface SchedulerClock {
  now(): number;
  /** Resolves after `ms`, or early when the signal aborts (never rejects). */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const realSchedulerClock: SchedulerClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    }),
};

export interface SchedulerDeps {
  clock: SchedulerClock;
  signal: AbortSignal;
  /** Polls every feed due at `nowMs`. */
  pollDue(nowMs: number): Promise<void>;
  /** When the next feed falls due (epoch ms), or null without feeds. */
  nextDue(): Promise<number | null>;
  /** Look again at least this often (feeds may be added meanwhile). */
  maxSleepMs: number;
  /** A cycle that failed as a whole (e.g. the store); the loop goes on. */
  onError?(err: unknown): void;
}

/** Polls due feeds, sleeps until the next one is due, again — until the signal aborts. */
export async function runScheduler(deps: SchedulerDeps): Promise<void> {
  const { clock, signal } = deps;
  while (!signal.aborted) {
    let wait = deps.maxSleepMs;
    try {
      await deps.pollDue(clock.now());
      if (signal.aborted) break;
      const next = await deps.nextDue();
      if (next !== null) wait = Math.min(deps.maxSleepMs, Math.max(1000, next - clock.now()));
    } catch (err) {
      deps.onError?.(err);
    }
    await clock.sleep(wait, signal);
  }
}
