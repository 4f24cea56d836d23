// Restoring the grouping at start: from the snapshot when the store proves it current, else from
// the store. A snapshot of this store (its id) at its current revision, with as many articles up
// to the same last one, is current as it is. Otherwise it is checked row by row against the
// store's assignments up to its last article (ids, places and versions must all match: a
// rewritten store is caught there); stories that another process's repair changed since are
// rebuilt, and articles stored since are replayed in store order. The result equals a restore of
// the whole store (restore-grouping.test.ts; bench:restart at 100k).
import { FEATURES_VERSION, readFeatures } from '../4-cluster/features.ts';
import { defaultStoryAssignerOptions, OnlineStoryAssigner, type StoryAssignerOptions } from '../4-cluster/story-assigner.ts';
import type { Store } from '../../store/store.ts';
import { SnapshotUnreadable } from './container.ts';
import { readSnapshot, SNAPSHOT_FORMAT, writeSnapshot, type GroupingImage, type SnapshotMeta } from './grouping-snapshot.ts';

/** Rows replayed or reassigned from which a caught-up grouping is saved anew (fewer: the old snapshot still serves). */
const RESAVE_FROM = 1_000;
/** Articles from which a snapshot is worth writing: a smaller store restores in a fraction of a second. */
const SNAPSHOT_FROM = 2_000;

export interface RestoredGrouping {
  assigner: OnlineStoryAssigner;
  /** snapshot: loaded and proven current; caught-up: loaded, then rows replayed or reassigned; store: a full restore. */
  source: 'snapshot' | 'caught-up' | 'store';
  replayed: number;
  reassigned: number;
  /** Settles when a new snapshot is written (or failed, with a warning); null when none is written. */
  saved: Promise<void> | null;
}

export interface RestoreOptions {
  /** The snapshot file (null: restore from the store, write none). */
  snapshotFile: string | null;
  options?: Partial<StoryAssignerOptions>;
  warn?: (message: string) => void;
  /** Articles from which a snapshot is written (default SNAPSHOT_FROM). */
  minArticles?: number;
}

interface Restored {
  assigner: OnlineStoryAssigner;
  seqs: number[] | Float64Array;
  versions: number[] | Int32Array;
  /** Every row became an index entry (none had unreadable features): a snapshot can stand for the rows. */
  complete: boolean;
  replayed: number;
  reassigned: number;
}

export async function restoreGrouping(store: Store, o: RestoreOptions): Promise<RestoredGrouping> {
  const warn = o.warn ?? ((m: string) => process.emitWarning(m));
  const options = JSON.stringify({ ...defaultStoryAssignerOptions, ...o.options });
  const revision = await store.revision();
  const storeId = await store.storeId();
  let loaded: Awaited<ReturnType<typeof readSnapshot>> = null;
  if (o.snapshotFile) {
    try {
      loaded = await readSnapshot(o.snapshotFile, { options });
      if (loaded && loaded.meta.storeId !== storeId) throw new SnapshotUnreadable(`made of another store (${loaded.meta.storeId}, this is ${storeId})`);
      if (loaded && loaded.meta.revision > revision) throw new SnapshotUnreadable(`made at store revision ${loaded.meta.revision}, the store is at ${revision} (a store put back from a copy?)`);
    } catch (err) {
      if (!(err instanceof SnapshotUnreadable)) throw err;
      warn(`grouping snapshot ${o.snapshotFile} ignored: ${err.message}; restoring from the store`);
      loaded = null;
    }
  }
  const caught = loaded ? await catchUp(store, loaded, revision, o.options, warn, o.snapshotFile!) : null;
  const r = caught ?? (o.snapshotFile ? await restoreAll(store, o.options) : await restoreOnly(store, o.options));
  const source = !caught ? 'store' : r.replayed || r.reassigned ? 'caught-up' : 'snapshot';
  const worthSaving = (source === 'store' || r.replayed + r.reassigned >= RESAVE_FROM) && r.seqs.length >= (o.minArticles ?? SNAPSHOT_FROM);
  let saved: Promise<void> | null = null;
  // Saved only when no one wrote meanwhile: the rows read are then those of one revision.
  if (o.snapshotFile && r.complete && worthSaving && (await store.revision()) === revision) {
    const state = r.assigner.restoredState()!;
    const meta: SnapshotMeta = { kind: 'parallax-grouping', format: SNAPSHOT_FORMAT, featuresVersion: FEATURES_VERSION, options, storeId, revision, maxSeq: r.seqs.length ? r.seqs[r.seqs.length - 1] : 0, articles: state.entries.length, writtenAt: new Date().toISOString() };
    const image: GroupingImage = { index: state, seqs: Float64Array.from(r.seqs), versions: Int32Array.from(r.versions) };
    saved = writeSnapshot(o.snapshotFile, meta, image).catch((err: Error) => warn(`grouping snapshot ${o.snapshotFile} not written: ${err.message}`));
  }
  return { assigner: r.assigner, source, replayed: r.replayed, reassigned: r.reassigned, saved };
}

/** A full restore, in store order, noting each entry's row. */
async function restoreAll(store: Store, options: Partial<StoryAssignerOptions> | undefined): Promise<Restored> {
  const assigner = new OnlineStoryAssigner(options);
  const r: Restored = { assigner, seqs: [], versions: [], complete: true, replayed: 0, reassigned: 0 };
  await replay(store, 0, r);
  r.replayed = 0;
  return r;
}

/** A full restore where no snapshot will be written (no place for one). */
async function restoreOnly(store: Store, options: Partial<StoryAssignerOptions> | undefined): Promise<Restored> {
  const assigner = new OnlineStoryAssigner(options);
  // Versions too: the assigner counts them for its place in the stream (its repairs' cadence).
  for await (const row of store.clusterStateAfter(0)) assigner.restore(row.articleId, row.storyId, row.copyOf, row.features, row.version);
  return { assigner, seqs: [], versions: [], complete: false, replayed: 0, reassigned: 0 };
}

/** Adds the rows stored after `seq` (a row with unreadable features is left out, as a restore does). */
async function replay(store: Store, seq: number, r: Restored): Promise<void> {
  const seqs = r.seqs as number[];
  const versions = r.versions as number[];
  for await (const row of store.clusterStateAfter(seq)) {
    // A row with unreadable features counts in the stream's position all the same.
    r.assigner.restore(row.articleId, row.storyId, row.copyOf, row.features, row.version);
    if (!readFeatures(row.features)) {
      r.complete = false;
      continue;
    }
    seqs.push(row.seq);
    versions.push(row.version);
    r.replayed++;
  }
}

/**
 * The snapshot brought up to the store, or null (with a warning) when the store does not prove
 * it. The store it was made of, unwritten since (same revision, same articles): current as it is.
 * Else every article it holds is checked against the store's row.
 */
async function catchUp(store: Store, { meta, image }: { meta: SnapshotMeta; image: GroupingImage }, revision: number, options: Partial<StoryAssignerOptions> | undefined, warn: (m: string) => void, file: string): Promise<Restored | null> {
  const { entries } = image.index;
  const { maxSeq } = meta;
  const extent = await store.clusterExtent();
  const unwritten = meta.revision === revision && extent.articles === meta.articles && extent.maxSeq === maxSeq;
  const changes: { articleId: string; storyId: string; copyOf: string | null }[] = [];
  let i = unwritten ? entries.length : 0;
  for await (const a of unwritten ? [] : store.clusterAssignments(maxSeq)) {
    const e = entries[i];
    if (!e || a.seq !== image.seqs[i] || a.articleId !== e.id || a.version !== image.versions[i]) {
      const why = !e ? 'the store has more articles than it' : a.articleId !== e.id ? `article ${a.articleId} is not its ${e.id}` : `article ${a.articleId} has a new version`;
      warn(`grouping snapshot ${file} is not current (${why}); restoring from the store`);
      return null;
    }
    if (a.storyId !== e.storyId || a.copyOf !== e.copyOf) changes.push({ articleId: a.articleId, storyId: a.storyId, copyOf: a.copyOf });
    i++;
  }
  if (i !== entries.length) {
    warn(`grouping snapshot ${file} is not current (the store holds ${i} of its ${entries.length} articles); restoring from the store`);
    return null;
  }
  let assigner: OnlineStoryAssigner;
  try {
    // Its place in the stream: every stored row's version (a snapshot holds every row: `complete`).
    assigner = OnlineStoryAssigner.fromRestoredState(image.index, options, image.versions.reduce((sum, v) => sum + v, 0));
    if (changes.length) assigner.restoreAssignments(changes);
  } catch (err) {
    // A snapshot whose parts do not fit together (written by a faulty or other build).
    warn(`grouping snapshot ${file} ignored: ${(err as Error).message}; restoring from the store`);
    return null;
  }
  const r: Restored = { assigner, seqs: Array.from(image.seqs), versions: Array.from(image.versions), complete: true, replayed: 0, reassigned: changes.length };
  await replay(store, maxSeq, r);
  return r;
}
