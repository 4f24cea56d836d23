// Conflict counts for the story list. Comparison runs on read (storyReport), so the store only
// knows a story's count once someone has compared its latest version: the story page records it
// as a side effect, and `fillPending` works through the rest in the background.
import { storyReport } from '../pipeline/run.ts';
import type { Store } from '../store/store.ts';

export class ConflictCounts {
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(private store: Store) {}

  /** Records the count for a story just compared, for the version current at `updatedAt`. */
  record(storyId: string, conflicts: number, updatedAt: string): Promise<void> {
    return this.store.setStoryConflicts(storyId, conflicts, updatedAt);
  }

  /** Compares every story without a current count, a few at a time, yielding to requests between. */
  fillPending(): Promise<number> {
    this.running ??= (async () => {
      let done = 0;
      try {
        for (;;) {
          const batch = await this.store.storiesWithoutConflicts(20);
          if (!batch.length || this.stopped) return done;
          for (const s of batch) {
            const report = await storyReport(this.store, s.id);
            // A story emptied since it was listed still needs a number so it leaves the queue.
            await this.store.setStoryConflicts(s.id, report?.comparison.conflicts.length ?? 0, s.updatedAt);
            done++;
            // A turn of the event loop after each story, not each 20: one big story's report takes
            // a tenth of a second or more, and requests wait behind the run.
            await new Promise((r) => setImmediate(r));
          }
        }
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  async pending(): Promise<number> {
    return (await this.store.storiesWithoutConflicts(1_000_000)).length;
  }

  stop(): void {
    this.stopped = true;
  }
}
