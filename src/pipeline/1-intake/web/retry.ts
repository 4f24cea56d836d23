// Retries with exponential backoff for failures that may pass (network, timeout, 5xx, 429),
// honouring a server's Retry-After up to a cap. The sleep is injected so tests need no real waiting.
import { FetchError } from './errors.ts';

export interface RetryOptions {
  /** Total attempts, the first one included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Stops retrying once aborted (Ctrl-C during a backoff wait). */
  signal?: AbortSignal;
  /**
   * false: a timeout is final. For callers that try again later anyway (feed polls), where waiting
   * out a silent server twice more would hold up everything after it.
   */
  retryTimeouts?: boolean;
}

/** The wait before attempt `n` (n ≥ 2): base·2^(n-2), or the server's Retry-After, capped. */
export function backoffDelay(
  n: number,
  opts: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>,
  retryAfterMs?: number,
): number {
  const exp = opts.baseDelayMs * 2 ** Math.max(0, n - 2);
  return Math.min(opts.maxDelayMs, Math.max(exp, retryAfterMs ?? 0));
}

export async function withRetry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      // A server asking for a longer wait than the cap is asked again later (the feed's schedule
      // honours it), not hammered now at the cap.
      const tooLong = err instanceof FetchError && (err.extra.retryAfterMs ?? 0) > opts.maxDelayMs;
      const finalTimeout = err instanceof FetchError && err.code === 'timeout' && opts.retryTimeouts === false;
      if (!(err instanceof FetchError) || !err.retryable || attempt >= opts.attempts || tooLong || finalTimeout) {
        if (err instanceof FetchError && err.retryable && attempt > 1)
          err.message += ` (after ${attempt} attempts)`;
        throw err;
      }
      await opts.sleep(backoffDelay(attempt + 1, opts, err.extra.retryAfterMs));
      opts.signal?.throwIfAborted();
    }
  }
}
