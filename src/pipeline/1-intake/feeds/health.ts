// A feed subscription's health in one word. Every edge says it with this (the API's `health`,
// `parallax feeds list` and its --json), so one feed never reads "broken" in one and "failing" in the other.

export type FeedHealth = 'new' | 'ok' | 'failing' | 'broken';

/**
 * Failures in a row after which a feed is broken rather than failing: by then its backoff has
 * stretched the wait to eight intervals, so someone should look at it.
 */
export const BROKEN_AFTER_FAILURES = 3;

/** new: never read yet; ok: the last poll worked; failing, then broken: its last polls failed. */
export function feedHealth(f: { failures: number; lastSuccessAt: string | null }): FeedHealth {
  if (f.failures >= BROKEN_AFTER_FAILURES) return 'broken';
  if (f.failures > 0) return 'failing';
  return f.lastSuccessAt ? 'ok' : 'new';
}
