// When a failed delivery is tried again. Pure.

export interface RetryPolicy {
  /** Attempts before a delivery is dead-lettered. */
  maxAttempts: number;
  /** Wait after the first failure; doubled after each further one. */
  baseMs: number;
  /** Longest wait between two attempts. */
  maxMs: number;
}

/** 30 s, 1 min, 2 min … capped at 1 h: eight attempts span about two hours. */
export const defaultRetryPolicy = { maxAttempts: 8, baseMs: 30_000, maxMs: 3_600_000 } satisfies RetryPolicy;

/** The next attempt after `attempts` failed ones, or null when the delivery is dead. */
export function nextAttempt(p: RetryPolicy, attempts: number, now: number): number | null {
  if (attempts >= p.maxAttempts) return null;
  return now + Math.min(p.maxMs, p.baseMs * 2 ** Math.max(0, attempts - 1));
}
