// Polling many feeds without one holding up the others: the feeds of one host are read one after
// another (a host sees one reader at a time, paced as before), different hosts side by side, a
// few at once. Whatever the lanes share (the ingest step) takes turns.

/** The feeds grouped by their URL's host (port included), in the order given. */
export function hostLanes<T extends { url: string }>(feeds: T[]): T[][] {
  const lanes = new Map<string, T[]>();
  for (const feed of feeds) {
    const host = new URL(feed.url).host;
    lanes.set(host, [...(lanes.get(host) ?? []), feed]);
  }
  return [...lanes.values()];
}

/**
 * Runs each lane's items in order, `atOnce` lanes at a time. After a failure no new item starts;
 * the running ones finish, then the first failure is thrown (nothing is left running behind it).
 */
export async function runLanes<T>(
  lanes: T[][],
  atOnce: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { err: unknown } | null = null;
  const worker = async () => {
    while (!failure && next < lanes.length) {
      for (const item of lanes[next++]) {
        if (failure) return;
        try {
          await run(item);
        } catch (err) {
          failure ??= { err };
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(atOnce, lanes.length)) }, worker));
  if (failure) throw (failure as { err: unknown }).err;
}

/** A turnstile: the tasks given to it run one at a time, in the order given. */
export function takingTurns(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (task) => {
    const turn = last.then(task);
    last = turn.catch(() => {});
    return turn;
  };
}
