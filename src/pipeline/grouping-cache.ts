// The story index kept between ingests by a long-running process (the server and its feed
// watcher). Restoring it from the store reads every article's features: about 0.15 s at 3,000
// articles and seconds at 100,000, on every API ingest. It is reused only while the store's write
// revision shows that no other process or connection has written since.
import type { StoryAssigner } from './4-cluster/assigner.ts';

export class GroupingCache {
  private kept: { assigner: StoryAssigner; revision: number } | null = null;

  /**
   * The kept grouping when the store is still at the revision it was kept at, else null (the
   * caller restores from the store). Taken out: two ingests at once never share one.
   */
  take(revision: number): StoryAssigner | null {
    const kept = this.kept;
    this.kept = null;
    return kept && kept.revision === revision ? kept.assigner : null;
  }

  /** Keeps a grouping that matches the store at `revision` (the newest one wins). */
  keep(assigner: StoryAssigner, revision: number): void {
    if (!this.kept || this.kept.revision < revision) this.kept = { assigner, revision };
  }
}
