// The ordered runner: the only pipeline code that touches the store. Order matters:
//   1 intake → 2 extract → (dedup against the store) → 3 analyze → 4 assign to a story → write.
// Stories are reported by 5 compare and 6 brief, read-side, from what is stored.
import { stat } from 'node:fs/promises';
import type { Config } from '../config/index.ts';
import type { Article, RawReport, StoryRecord, StoryReport } from '../model/index.ts';
import type { ArticleWrite, Store, StoredArticle, WriteBatch } from '../store/store.ts';
import { listInputs, readFileReports, type IntakeEvent } from './1-intake/files.ts';
import { extractArticle, ExtractError, keyedId, spelledPathId } from './2-extract/extract.ts';
import { backfillDerivedRows } from './derive/backfill.ts';
import { completeBatch } from './derive/batch.ts';
import type { StoryAssigner } from './4-cluster/assigner.ts';
import { representativeTitle } from './4-cluster/story-title.ts';
import { OnlineStoryAssigner } from './4-cluster/story-assigner.ts';
import { BatchAlerts, crashAfterCommitForTests } from './batch-alerts.ts';
import type { GroupingCache } from './grouping-cache.ts';
import { inlinePool, workerPool, type PreparePool } from './parallel/pool.ts';
import { prepareReport, type Prepared } from './parallel/prepare.ts';
import { restoreGrouping } from './snapshot/restore-grouping.ts';
import { buildStoryReport } from './story-report.ts';

export { backfillDerivedRows };

export interface Skip {
  input: string;
  reason: string;
}

export interface IngestSummary {
  added: number;
  updated: number;
  unchanged: number;
  skipped: Skip[];
  /** Inputs stored with a problem worth knowing (e.g. analysis failed, stored without mentions). */
  warnings: Skip[];
  /** Stories that received articles in this run. */
  storiesTouched: number;
}

export interface Progress {
  done: number;
  total: number;
  current: string;
}

export interface IngestOptions {
  config: Pick<Config, 'maxFileBytes' | 'maxLineBytes' | 'writeBatch' | 'web'>;
  sourceHint?: string;
  onProgress?: (p: Progress) => void;
  /** Worker threads for extract + analyze: 0 = none; default: one per core for large inputs. */
  workers?: number;
  /** The grouping algorithm; the default is the project's current best. */
  newAssigner?: () => StoryAssigner;
  /** A long-running process's grouping, reused between ingests while no one else writes. */
  grouping?: GroupingCache;
  /** How a batch is written (default `store.write`): the elected assigner's fenced write (run-assigner.ts). */
  write?: (batch: WriteBatch) => Promise<void>;
}

/** How a skipped report is named: "feed.jsonl:3" (as intake names a bad line), "list.json (item 2)". */
const describe = (raw: RawReport) => {
  const line = /^line (\d+)$/.exec(raw.locator ?? '');
  return `${raw.url ?? raw.path ?? 'input'}${line ? `:${line[1]}` : raw.locator ? ` (${raw.locator})` : ''}`;
};

/** Ingests reports into the store: extract, dedup, analyze, assign stories, write in batches. */
export class Ingestor {
  private madeAssigner: StoryAssigner | null = null;
  private restored = false;
  /** The store's revision when the grouping was restored or taken from the cache, and the writes since. */
  private revision = -1;
  private writes = 0;
  private pending: ArticleWrite[] = [];
  private pendingMoves: { articleId: string; storyId: string }[] = [];
  private pendingHashes = new Map<string, string>();
  private pendingIds = new Set<string>();
  /** The batch being written while the next one is grouped (until its write has committed). */
  private writing: { done: Promise<void>; ids: Set<string>; hashes: Map<string, string> } | null = null;
  private touched = new Set<string>();
  private summary: IngestSummary = { added: 0, updated: 0, unchanged: 0, skipped: [], warnings: [], storiesTouched: 0 };
  private alerts: BatchAlerts;

  constructor(
    private store: Store,
    private opts: IngestOptions,
  ) {
    this.alerts = new BatchAlerts(store);
  }

  /**
   * The story grouping, made on first use: an ingest that takes the kept grouping (`opts.grouping`)
   * never makes one (an empty assigner is a few MB of typed arrays, and at 100k articles the
   * collector then ran a full collection for each API ingest).
   */
  private get assigner(): StoryAssigner {
    return (this.madeAssigner ??= (this.opts.newAssigner ?? (() => new OnlineStoryAssigner()))());
  }

  private async restore(): Promise<void> {
    if (this.restored) return;
    // A store written before derived rows existed gets them before anything is added to its stories.
    await backfillDerivedRows(this.store);
    if (this.opts.grouping) {
      this.revision = await this.store.revision();
      const kept = this.opts.grouping.take(this.revision);
      if (kept) {
        this.madeAssigner = kept;
        this.restored = true;
        return;
      }
    }
    // The project's assigner restores from its snapshot beside the store when the store proves it current.
    if (this.opts.newAssigner) for await (const row of this.store.clusterState()) this.assigner.restore(row.articleId, row.storyId, row.copyOf, row.features);
    else this.madeAssigner = (await restoreGrouping(this.store, { snapshotFile: this.store.sidecarFile('grouping') })).assigner;
    this.restored = true;
  }

  /** Records an input that yielded no article, with the reason shown to the user. */
  skipInput(input: string, reason: string): void {
    this.summary.skipped.push({ input, reason });
  }

  /** Adds one raw report; returns the article id, or null when it was skipped or unchanged. */
  async add(raw: RawReport): Promise<string | null> {
    return this.addPrepared(raw, prepareReport(raw));
  }

  /** Adds a report already extracted and analysed (possibly on a worker thread). */
  async addPrepared(raw: RawReport, prepared: Prepared): Promise<string | null> {
    await this.restore();
    if ('error' in prepared) {
      this.skipInput(describe(raw), prepared.error);
      return null;
    }
    const { mentions } = prepared;
    const article = await this.storedFileId(raw, prepared.article);
    if (prepared.warning) this.summary.warnings.push({ input: describe(raw), reason: prepared.warning });
    // Articles of the batch still being written are not in the store yet: ask the batch.
    const sameContent =
      this.pendingHashes.get(article.contentHash) ??
      this.writing?.hashes.get(article.contentHash) ??
      (await this.store.findByContentHash(article.contentHash));
    // Only the same report again is nothing new; the same text under another address or outlet is
    // a copy the reader should see (a second outlet ran it), stored and marked as a copy.
    if (sameContent === article.id || (sameContent && (await this.holdsText(article)))) {
      this.summary.unchanged++;
      return null;
    }
    const original = sameContent ? await this.originalOf(sameContent) : null;
    // A second report with an id the batch already holds is a new version of it: the batch is
    // written first (one write cannot hold two rows of one article).
    if (this.pendingIds.has(article.id)) await this.startWrite();
    const previous = await this.holds(article.id);
    const a = this.assigner.assign({ article, mentions, features: prepared.features });
    const copyOf = a.copyOf ?? original;
    this.pending.push({ article, mentions, storyId: a.storyId, copyOf, features: a.features });
    this.pendingMoves.push(...a.moves);
    // The first report with a text stays the one later copies point to.
    if (!this.pendingHashes.has(article.contentHash)) this.pendingHashes.set(article.contentHash, article.id);
    this.pendingIds.add(article.id);
    this.touched.add(a.storyId);
    for (const m of a.moves) this.touched.add(m.storyId);
    if (previous) this.summary.updated++;
    else this.summary.added++;
    if (this.pending.length >= this.opts.config.writeBatch) await this.startWrite();
    return article.id;
  }

  /** Whether this very report (its id) is already stored, or pending, with this text. */
  private async holdsText(article: Article): Promise<boolean> {
    const pending = this.pending.find((p) => p.article.id === article.id);
    if (pending) return pending.article.contentHash === article.contentHash;
    return (await this.store.getArticle(article.id))?.article.contentHash === article.contentHash;
  }

  /** The report a stored or pending one copies, or that one itself: copies point at the first. */
  private async originalOf(id: string): Promise<string> {
    const pending = this.pending.find((p) => p.article.id === id);
    if (pending) return pending.copyOf ?? id;
    return (await this.store.getArticle(id))?.copyOf ?? id;
  }

  /** Whether the article is stored, or on its way there. */
  private async holds(id: string): Promise<boolean> {
    return this.pendingIds.has(id) || !!this.writing?.ids.has(id) || !!(await this.store.getArticle(id));
  }

  /**
   * A file without an id of its own is known by its real path. A store filled before that knows
   * it by the path as spelled: re-running the same command then updates that article, rather
   * than adding a second one.
   */
  private async storedFileId(raw: RawReport, article: Article): Promise<Article> {
    const spelled = spelledPathId(raw);
    // The spelled id first: no store filled since holds it, and a miss reads no article.
    if (!spelled || article.id !== keyedId(raw) || !(await this.holds(spelled)) || (await this.holds(article.id))) return article;
    return { ...article, id: spelled };
  }

  /**
   * Writes pending articles and refreshes the titles of the stories they touched; returns once
   * written. `repair`: the end of an input, where the stories since the assigner's last repair are
   * repaired now (they are again at its next one); a full batch or a pause is no such place, so
   * repairs fall where one process fed the same stream in one run would make them.
   */
  async flush(repair = true): Promise<void> {
    await this.startWrite(repair);
    await this.written();
  }

  /** Waits for the batch being written; its failure is thrown here. */
  private async written(): Promise<void> {
    const w = this.writing;
    try {
      await w?.done;
    } finally {
      if (this.writing === w) this.writing = null;
    }
  }

  /**
   * Starts writing the pending articles without waiting for the write to commit (one batch at a
   * time: the previous write is waited for first), so grouping goes on meanwhile.
   */
  private async startWrite(repair = false): Promise<void> {
    await this.written();
    const repaired = (repair && this.assigner.repair?.()) || [];
    this.pendingMoves.push(...repaired);
    for (const m of repaired) this.touched.add(m.storyId);
    if (!this.pending.length && !this.pendingMoves.length) return;
    // Moves of articles still pending are applied to them directly (a merged-away story gets no record).
    const moved = new Map(this.pendingMoves.map((m) => [m.articleId, m.storyId]));
    for (const w of this.pending) w.storyId = moved.get(w.article.id) ?? w.storyId;
    const now = new Date().toISOString();
    const storyIds = new Set([...this.pending.map((w) => w.storyId), ...this.pendingMoves.map((m) => m.storyId)]);
    const stories: StoryRecord[] = [];
    for (const id of storyIds) {
      const existing = await this.store.getStory(id);
      // The assigner knows its stories' headlines; reading every article back is the fallback.
      const title =
        this.assigner.storyTitle?.(id) ??
        representativeTitle([
          ...(existing ? (await this.store.storyArticles(id)).map((s) => s.article.title) : []),
          ...this.pending.filter((w) => w.storyId === id).map((w) => w.article.title),
        ]);
      stories.push({ id, title, createdAt: existing?.createdAt ?? now, updatedAt: now });
    }
    // Alert events and their outbox rows go in the same transaction as the batch (docs/ALERTS.md).
    const alerts = await this.alerts.ofBatch({ articles: this.pending, stories, moves: this.pendingMoves }, now);
    const batch = { ...completeBatch({ articles: this.pending, stories, moves: this.pendingMoves }), ...alerts };
    const done = this.opts.write ? this.opts.write(batch) : this.store.write(batch);
    crashAfterCommitForTests(done, !!alerts.alertEvents?.length);
    this.writes++;
    done.catch(() => {}); // thrown by written(), not reported as unhandled meanwhile
    this.writing = { done, ids: this.pendingIds, hashes: this.pendingHashes };
    this.pending = [];
    this.pendingMoves = [];
    this.pendingHashes = new Map();
    this.pendingIds = new Set();
  }

  async finish(): Promise<IngestSummary> {
    await this.flush();
    // Kept only when every write since the restore was this ingest's own.
    if (this.opts.grouping && this.restored && (await this.store.revision()) === this.revision + this.writes) {
      this.opts.grouping.keep(this.assigner, this.revision + this.writes);
    }
    return { ...this.summary, storiesTouched: this.touched.size };
  }
}

/** Inputs larger than this (bytes, all files together) are prepared on worker threads. */
const PARALLEL_FROM_BYTES = 512 * 1024;
/** Reports in flight to the workers at once: enough to keep them busy, bounded for memory. */
const IN_FLIGHT = 256;

async function choosePool(files: string[], workers: IngestOptions['workers']): Promise<PreparePool> {
  if (workers === 0) return inlinePool();
  if (workers === undefined) {
    let bytes = 0;
    for (const f of files) bytes += await stat(f).then((s) => s.size, () => 0);
    if (bytes < PARALLEL_FROM_BYTES) return inlinePool();
  }
  return workerPool(workers);
}

/** Ingests files and folders. Every input that yields nothing is in `skipped` with its reason. */
export async function ingestPaths(store: Store, paths: string[], opts: IngestOptions): Promise<IngestSummary> {
  const ingestor = new Ingestor(store, opts);
  const { files, skips } = await listInputs(paths);
  for (const s of skips) if (s.kind === 'skip') ingestor.skipInput(s.input, s.reason);
  const pool = await choosePool(files, opts.workers);
  // Results are consumed in submission order: grouping is order-dependent and must not depend on
  // which worker finished first.
  const inFlight: Promise<[RawReport, Prepared]>[] = [];
  const drain = async (keep: number) => {
    while (inFlight.length > keep) {
      const [raw, prepared] = await inFlight.shift()!;
      await ingestor.addPrepared(raw, prepared);
    }
  };
  try {
    let done = 0;
    for (const file of files) {
      opts.onProgress?.({ done, total: files.length, current: file });
      const events: AsyncIterable<IntakeEvent> = readFileReports(file, { ...opts.config, sourceHint: opts.sourceHint });
      for await (const ev of events) {
        if (ev.kind === 'skip') ingestor.skipInput(ev.input, ev.reason);
        else {
          const raw = ev.raw;
          inFlight.push(pool.submit(raw).then((p): [RawReport, Prepared] => [raw, p]));
          await drain(IN_FLIGHT);
        }
      }
      done++;
    }
    await drain(0);
    opts.onProgress?.({ done, total: files.length, current: '' });
  } finally {
    await pool.close();
  }
  return ingestor.finish();
}

/** One story's full report, or null when there is no such story. */
export async function storyReport(store: Store, id: string, opts: { withText?: boolean } = {}): Promise<StoryReport | null> {
  const story = await store.getStory(id);
  if (!story) return null;
  const articles = await store.storyArticles(id);
  if (!articles.length) return null;
  return buildStoryReport(story, articles, opts);
}

/**
 * The report of a story whose record and articles the caller has already read (the HTTP story
 * page reads them to know the story's revision before deciding to compute).
 */
export function reportOfStory(story: StoryRecord, articles: StoredArticle[], opts: { withText?: boolean } = {}): StoryReport {
  return buildStoryReport(story, articles, opts);
}

/** Every story's report, largest stories first. */
export async function storiesReport(store: Store, opts: { withText?: boolean } = {}): Promise<StoryReport[]> {
  const list = await store.listStories();
  const reports: StoryReport[] = [];
  for (const s of list) {
    const r = await storyReport(store, s.id, opts);
    if (r) reports.push(r);
  }
  return reports.sort((a, b) => b.articles.length - a.articles.length || a.title.localeCompare(b.title));
}

/** Extracts one file without storing anything (for `parallax extract`). */
export async function extractFile(path: string, opts: Pick<IngestOptions, 'config' | 'sourceHint'>) {
  const out: { article?: ReturnType<typeof extractArticle>; skip?: Skip }[] = [];
  for await (const ev of readFileReports(path, { ...opts.config, sourceHint: opts.sourceHint })) {
    if (ev.kind === 'skip') out.push({ skip: { input: ev.input, reason: ev.reason } });
    else {
      try {
        out.push({ article: extractArticle(ev.raw) });
      } catch (err) {
        if (!(err instanceof ExtractError)) throw err;
        out.push({ skip: { input: describe(ev.raw), reason: err.message } });
      }
    }
  }
  return out;
}
