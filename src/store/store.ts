// The Store interface: everything the runner and the edges may ask of storage. SQLite implements
// it now, PostgreSQL later; both must pass store.contract.ts. Stores are opened by open.ts.
// A store holds no domain rule: what it indexes comes derived in the write batch; a query's names
// and words are turned into keys with the same src/text/fold.ts functions the runner wrote with.
import type {
  AlertEvent,
  AlertKind,
  Article,
  DeliveryChannel,
  DeliveryState,
  Mentions,
  RawReport,
  StoryRecord,
  Watch,
} from '../model/index.ts';

export interface StoredArticle {
  article: Article;
  mentions: Mentions;
  storyId: string;
  /** Id of the report this one is a near-copy of, or null. */
  copyOf: string | null;
  version: number;
  ingestedAt: string;
}

export interface ArticleWrite {
  article: Article;
  mentions: Mentions;
  storyId: string;
  copyOf: string | null;
  /** Whatever the story assigner needs to restore its index without recomputing (JSON). */
  features: unknown;
}

/**
 * Rows the runner derives from one written article for the store's read-side indexes (pure
 * functions in src/pipeline/derive/, folding by src/text/fold.ts). The store persists them as
 * given and never recomputes them: it folds nothing, parses no mentions, decides nothing.
 */
export interface ArticleIndexRow {
  articleId: string;
  /** nameKey(article.source): the key the source filter and facets group by. */
  sourceKey: string;
  /** searchVariants(title) / searchVariants(text): folded forms indexed beside the full text. */
  titleVariants: string;
  textVariants: string;
}

/** A place the article names, once per key: what the story list counts and filters by. */
export interface ArticlePlaceRow {
  articleId: string;
  /** nameKey(place name). */
  key: string;
  name: string;
  country: string | null;
  lat: number;
  lon: number;
}

/** A spelling of an entity the article uses, once per (key, form). */
export interface ArticleEntityFormRow {
  articleId: string;
  /** nameKey(entity name). */
  key: string;
  name: string;
  type: string;
  /** The spelling as written. */
  form: string;
}

/** The derived rows of a set of articles, flat: each written article's rows replace its earlier ones. */
export interface DerivedRows {
  /** Exactly one per article written. */
  articleIndex: ArticleIndexRow[];
  articlePlaces: ArticlePlaceRow[];
  articleEntityForms: ArticleEntityFormRow[];
}

/**
 * One transaction. Story-level list rows (per-story article, source, place and entity-form counts,
 * first and last publication) are plain SQL aggregates over the articles' derived rows, refreshed
 * for every story the batch touches; a story's place or entity name is that of its earliest
 * stored article naming it.
 */
export interface WriteBatch extends DerivedRows {
  /** New articles, or new versions of stored ones (same id): the earlier version is kept in history. */
  articles: ArticleWrite[];
  /** Stories created or changed (title, updatedAt). */
  stories: StoryRecord[];
  /** Articles moved to another story (story repair); the target must exist or be in `stories`. */
  moves?: { articleId: string; storyId: string }[];
  /** Alert events the runner found in this batch, with their outbox rows: written in the same transaction. */
  alertEvents?: AlertEvent[];
  alertDeliveries?: NewDelivery[];
}

export interface StorySummary extends StoryRecord {
  articleCount: number;
  sources: string[];
  firstPublished: string | null;
  lastPublished: string | null;
}

export interface StoryQuery {
  limit?: number;
  offset?: number;
  /** Stories with an article published on or after this day (YYYY-MM-DD). */
  from?: string;
  /** Stories with an article published on or before this day. */
  to?: string;
  /** Place, entity and source names match the derived rows' keys through nameKey (text/fold.ts). */
  place?: string;
  entity?: string;
  source?: string;
  /** recent: latest publication first; size: most articles; conflicts: most conflicts. */
  sort?: 'recent' | 'size' | 'conflicts';
}

export interface StoryListItem extends StorySummary {
  places: { name: string; country: string | null; lat: number; lon: number }[];
  /** Conflicts found by comparison, or null while not yet computed for the latest version. */
  conflicts: number | null;
}

export interface ArticleHit {
  articleId: string;
  storyId: string;
  title: string;
  source: string;
  published: string | null;
  /** Text around the match; matched words are wrapped in U+0002 … U+0003. */
  snippet: string;
}

export interface EntitySummary {
  key: string;
  name: string;
  type: string;
  stories: number;
  mentions: number;
}

export interface EntityDetail {
  key: string;
  name: string;
  type: string;
  variants: { form: string; articles: number; stories: number }[];
}

export interface Facets {
  places: { name: string; stories: number }[];
  sources: { name: string; stories: number }[];
}

export interface ClusterStateRow {
  articleId: string;
  storyId: string;
  copyOf: string | null;
  features: unknown;
}

export interface ArticleVersion {
  version: number;
  contentHash: string;
  storedAt: string;
}

/** A feed subscription with its health and conditional-GET validators. */
export interface FeedRecord {
  id: string;
  url: string;
  title: string | null;
  intervalSeconds: number;
  addedAt: string;
  etag: string | null;
  lastModified: string | null;
  lastCheckedAt: string | null;
  lastSuccessAt: string | null;
  /** Consecutive failed polls; 0 when the last poll worked. */
  failures: number;
  lastError: string | null;
  nextCheckAt: string;
  /** Items processed from this feed so far. */
  itemCount: number;
}

export type NewFeed = Pick<FeedRecord, 'id' | 'url' | 'title' | 'intervalSeconds' | 'addedAt' | 'nextCheckAt'>;

/** One poll's outcome: written with the items it processed, all or nothing. */
export interface FeedPoll {
  checkedAt: string;
  ok: boolean;
  failures: number;
  error: string | null;
  nextCheckAt: string;
  /** Only changed when given (a failed or 304 poll keeps the stored ones). */
  etag?: string | null;
  lastModified?: string | null;
  title?: string | null;
  items: { key: string; fingerprint: string; articleId: string | null }[];
}

// ---- Scale-out (issue #21 parts 4 and 5): the grouping's snapshot is checked and caught up
// against the store's rows in their store order (`seq`, ascending as articles are first stored;
// a new version keeps its article's place).

/** A stored article's place in the store's order, its version and its current assignment. */
export interface ClusterAssignment {
  seq: number;
  version: number;
  articleId: string;
  storyId: string;
  copyOf: string | null;
}

export interface ClusterLogRow extends ClusterAssignment {
  features: unknown;
}

export interface ClusterLog {
  /** A random id the store got when it was made: tells a snapshot of another store from one of this. */
  storeId(): Promise<string>;
  /** How many articles are stored and the last one's place in store order (0 when none). */
  clusterExtent(): Promise<{ articles: number; maxSeq: number }>;
  /** Every article's place, version and assignment up to `seq` (inclusive), in store order (no features: cheap). */
  clusterAssignments(upToSeq: number): AsyncIterable<ClusterAssignment>;
  /** Rows after `seq`, in store order, with their clustering features (a snapshot's catch-up; 0: all). */
  clusterStateAfter(seq: number): AsyncIterable<ClusterLogRow>;
  /**
   * A file beside the store where a process may keep what it derives from it (the grouping's
   * snapshot: `name` 'grouping'), or null when the store has no place for one (in memory).
   */
  sidecarFile(name: string): string | null;
}

/** Feeds polled once across processes, and per-host pacing shared by them. */
export interface FeedClaims {
  /**
   * Claims up to `limit` feeds due at `now` (ISO) that no one holds a live claim on, for
   * `leaseSeconds`, atomically: two pollers never get the same feed. Oldest due first.
   */
  claimDueFeeds(now: string, owner: string, leaseSeconds: number, limit: number): Promise<FeedRecord[]>;
  /** Gives up this owner's claims (after recording the polls); others' claims are untouched. */
  releaseFeedClaims(owner: string, feedIds: string[]): Promise<void>;
  /**
   * Reserves the next request slot to `host`: returns the time (epoch ms, at least `earliest`)
   * at which the caller may send it; the next reservation gets one at least `gapMs` later.
   */
  reserveHostSlot(host: string, earliest: number, gapMs: number): Promise<number>;
}
/** A report waiting in the intake queue, as a worker claims it. */
export interface IntakeClaim {
  /** Its place in intake order (ascending as enqueued; the assigner assigns in this order). */
  seq: number;
  raw: RawReport;
  /** How many times the row has been claimed, this claim included (1 the first time). */
  attempt: number;
}

/** What a worker made of a claimed report: the prepared article (parallel/prepare.ts), or why there is none. */
export type IntakeOutcome =
  | { seq: number; prepared: { article: Article; mentions: Mentions; features?: unknown; warning?: string } }
  | { seq: number; error: string };

/** A row the assigner may take next: prepared or failed, in intake order. */
export type IntakeReady = IntakeOutcome & { raw: RawReport };

/**
 * A queued report's progress, for whoever queued it (an API ingest answering once it is
 * assigned): the row's state while it is queued, `done` once the assigner consumed it. The
 * worker's outcome (the prepared article's id, or the error) is kept past the row, for a day.
 */
export interface IntakeStatus {
  seq: number;
  state: 'pending' | 'claimed' | 'prepared' | 'failed' | 'done';
  articleId: string | null;
  error: string | null;
}

export interface IntakeCounts {
  pending: number;
  claimed: number;
  prepared: number;
  failed: number;
}

/** Who holds the assigner's post: a batch carries it, and one from a stale epoch is refused. */
export interface AssignerFence {
  owner: string;
  epoch: number;
}

/**
 * Reports queued for workers (any number, any process) and assigned to stories by one elected
 * assigner in intake order. A row is pending, claimed (for a lease), prepared or failed; a
 * failed row keeps its error and is never retried; the assigner deletes a row in the very
 * transaction that writes its article.
 */
export interface IntakeQueue {
  /** Appends reports in the given order; returns their seqs. Enqueues are serialised, so rows become visible in seq order. */
  enqueueReports(raws: RawReport[]): Promise<number[]>;
  /**
   * Claims up to `limit` pending rows (or claimed ones whose lease ran out), oldest first, for
   * `leaseSeconds`; two workers never get one row. A row claimed `maxClaims` times without an
   * outcome is failed instead (a report that kills its worker is not retried forever).
   */
  claimIntake(owner: string, leaseSeconds: number, limit: number, maxClaims: number): Promise<IntakeClaim[]>;
  /** Records outcomes of this owner's claims; a row no longer claimed by `owner` is left alone. Returns how many were recorded. */
  finishIntake(owner: string, outcomes: IntakeOutcome[]): Promise<number>;
  /**
   * Gives this owner's claim back to be tried again from `notBefore` (epoch ms), keeping `error`
   * as its last one (a fetch that may pass later); its claims still count towards `maxClaims`.
   * False when the row is no longer this owner's.
   */
  retryIntake(owner: string, seq: number, error: string, notBefore: number): Promise<boolean>;
  /** Where each of these rows is (unknown seqs: `done` with neither id nor error). */
  intakeStatus(seqs: number[]): Promise<IntakeStatus[]>;
  /**
   * Rows after `afterSeq` in intake order, up to the first one not yet prepared or failed (the
   * assigner waits there), at most `limit`.
   */
  readyIntake(afterSeq: number, limit: number): Promise<IntakeReady[]>;
  intakeCounts(): Promise<IntakeCounts>;
  /** Failed rows with their errors, oldest first. */
  failedIntake(limit: number): Promise<{ seq: number; error: string; raw: RawReport }[]>;
  /**
   * Takes the assigner's post if no one holds it (SQLite: a lease row that expired; PostgreSQL:
   * an advisory lock on a connection of its own): returns the new epoch (one above the last), or
   * null when another holds it. Renewing (same owner, held) keeps the epoch.
   */
  takeAssigner(owner: string, leaseSeconds: number): Promise<number | null>;
  /** Still holds the post at this epoch (and extends the lease); false once another took over. */
  renewAssigner(fence: AssignerFence, leaseSeconds: number): Promise<boolean>;
  /** Gives the post up (a clean stop: the standby need not wait for the lease). */
  resignAssigner(fence: AssignerFence): Promise<void>;
  /**
   * One transaction: checks the fence's epoch is still the current one (else StaleEpoch, nothing
   * written), writes the batch (when given) and deletes the intake rows `doneSeqs`.
   */
  writeAssigned(fence: AssignerFence, batch: WriteBatch | null, doneSeqs: number[]): Promise<void>;
}
// ---- end of the scale-out block

export interface Store extends ClusterLog, FeedClaims, IntakeQueue {
  getArticle(id: string): Promise<StoredArticle | null>;
  /** Id of the stored article whose current version has this content hash. */
  findByContentHash(hash: string): Promise<string | null>;
  /**
   * Applies the whole batch or nothing. Another writer's transaction is waited for, up to the
   * store's bound; past it the write rejects with StoreBusy (nothing written, safe to retry).
   */
  write(batch: WriteBatch): Promise<void>;
  /**
   * Stored articles without derived rows (written before the store kept them), oldest first: the
   * runner derives their rows and gives them to `writeDerived` (pipeline/derive/backfill.ts).
   */
  articlesWithoutDerivedRows(limit: number): Promise<StoredArticle[]>;
  /**
   * Replaces the derived rows of already stored articles (one index row each) and refreshes their
   * stories' list rows; rows of articles not stored are ignored. Raises the revision like `write`.
   */
  writeDerived(rows: DerivedRows): Promise<void>;
  /**
   * Raised by one at every `write`, by any process or connection: a grouping restored at one
   * revision is still current while the revision has moved only by one's own writes.
   */
  revision(): Promise<number>;
  /** Every version of an article, oldest first, current last. */
  articleVersions(id: string): Promise<ArticleVersion[]>;
  getStory(id: string): Promise<StoryRecord | null>;
  /** Stories with most recently updated first; stories left without articles are not listed. */
  listStories(opts?: { limit?: number; offset?: number }): Promise<StorySummary[]>;
  /** The story's articles, in publication order (undated last). */
  storyArticles(storyId: string): Promise<StoredArticle[]>;
  /** Every article's assignment and clustering features, in ingest order. */
  clusterState(): AsyncIterable<ClusterStateRow>;
  counts(): Promise<{ articles: number; stories: number }>;
  /** Stories filtered and sorted for the story list, with the total before paging (search.contract.ts). */
  findStories(q: StoryQuery): Promise<{ total: number; stories: StoryListItem[] }>;
  /**
   * Full-text search over article titles and text, case- and diacritic-insensitive. Rejects with
   * QueryOverBudget when the query runs past the store's time budget.
   */
  searchArticles(q: string, opts?: { limit?: number; offset?: number }): Promise<{ total: number; hits: ArticleHit[] }>;
  /** Entities seen in stories, most widespread first; `q` matches the start of any word of the name. */
  entities(opts?: { q?: string; limit?: number }): Promise<EntitySummary[]>;
  /** One entity by name (case and diacritics ignored) with the spellings seen, or null. */
  entity(name: string): Promise<EntityDetail | null>;
  /** The most common places and sources across stories, for list filters. */
  facets(opts?: { limit?: number }): Promise<Facets>;
  /** Records a story's conflict count, computed on read for the version updated at `asOf` (ignored if stale). */
  setStoryConflicts(storyId: string, count: number, asOf: string): Promise<void>;
  /** Stories whose conflict count has not been computed since they last changed. */
  storiesWithoutConflicts(limit: number): Promise<{ id: string; updatedAt: string }[]>;
  /** Subscribes to a feed; throws StoreError when its URL is already subscribed. */
  addFeed(feed: NewFeed): Promise<FeedRecord>;
  /** A feed by id or URL. */
  getFeed(idOrUrl: string): Promise<FeedRecord | null>;
  /** Every feed, oldest subscription first. */
  listFeeds(): Promise<FeedRecord[]>;
  /** Unsubscribes (the feed's articles stay); false when there was no such feed. */
  removeFeed(id: string): Promise<boolean>;
  recordFeedPoll(id: string, poll: FeedPoll): Promise<void>;
  /** Fingerprints of the given item keys as last processed. */
  feedItemFingerprints(feedId: string, keys: string[]): Promise<Map<string, string>>;
  /** Watches, their events (the inbox) and the outbox of deliveries: contract/alerts.contract.ts. */
  readonly alerts: AlertStore;
  close(): Promise<void>;
}

// ---- Alerts (docs/ALERTS.md) -------------------------------------------------------------------

/** One outbox row: a notification (events of one story in one batch) to send on one channel. */
export interface NewDelivery {
  notificationId: string;
  watchId: string;
  channel: DeliveryChannel;
  /** Not sent before this time (an e-mail digest waits for its window). */
  notBefore: string;
}

export interface StoredAlertEvent extends AlertEvent {
  readAt: string | null;
}

export interface DeliveryRecord extends NewDelivery {
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** A due delivery with what it carries. */
export interface DueDelivery extends DeliveryRecord {
  events: AlertEvent[];
}

export type WatchPatch = Partial<Pick<Watch, 'name' | 'kinds' | 'muted' | 'ratePerHour' | 'webhookUrl' | 'webhookSecret' | 'email' | 'emailMode'>>;

export interface InboxQuery {
  watchId?: string;
  unread?: boolean;
  kinds?: AlertKind[];
  limit?: number;
  offset?: number;
}

/** What a delivery attempt came to. */
export type DeliveryOutcome =
  | { state: 'delivered'; at: string }
  | { state: 'retry'; error: string; nextAttemptAt: string }
  /** Not tried now (the watch's rate limit): later, without counting an attempt. */
  | { state: 'deferred'; nextAttemptAt: string }
  | { state: 'dead' | 'skipped'; error: string };

export interface AlertStore {
  /** Adds a watch; throws StoreError when its id is taken. */
  addWatch(w: Watch): Promise<Watch>;
  getWatch(id: string): Promise<Watch | null>;
  /** Every watch, oldest first. */
  listWatches(): Promise<Watch[]>;
  updateWatch(id: string, patch: WatchPatch): Promise<Watch | null>;
  /** Removes the watch with its events and deliveries; false when there was none. */
  removeWatch(id: string): Promise<boolean>;
  /** Events newest first, with the total and the unread count of the same filter (before paging). */
  inbox(q?: InboxQuery): Promise<{ total: number; unread: number; events: StoredAlertEvent[] }>;
  getEvent(id: string): Promise<StoredAlertEvent | null>;
  /** Marks events read (these ids, or every event of a watch, or all when neither); returns how many changed. */
  markRead(q: { ids?: string[]; watchId?: string }, at: string): Promise<number>;
  /** Pending deliveries due at `now`, oldest first, with their events. */
  dueDeliveries(now: string, limit: number): Promise<DueDelivery[]>;
  /** Pending deliveries of one watch on one channel, due or not (an e-mail digest sends them together). */
  pendingDeliveries(watchId: string, channel: DeliveryChannel): Promise<DueDelivery[]>;
  recordDelivery(notificationId: string, channel: DeliveryChannel, outcome: DeliveryOutcome): Promise<void>;
  /** Deliveries sent on a watch's channel since `since` (the rate limit counts them). */
  sentSince(watchId: string, since: string): Promise<number>;
  deliveries(q?: { watchId?: string; state?: DeliveryState; limit?: number }): Promise<DeliveryRecord[]>;
  /**
   * Takes or renews the named lease for `holder` until `until` when it is free, expired or already
   * the holder's: true when held. One deliverer at a time across processes.
   */
  takeLease(name: string, holder: string, now: string, until: string): Promise<boolean>;
  releaseLease(name: string, holder: string): Promise<void>;
}

/** A failure inside the store, with the store's prefix. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/**
 * A write that could not take the store's write lock within the store's bound (another writer
 * held it throughout): nothing was written, and the same write may simply be tried again later.
 */
export class StoreBusy extends StoreError {
  override name = 'StoreBusy';
  constructor(
    message: string,
    /** A fair wait before trying again. */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** A read query stopped at the store's time budget: the same query will not do better; a narrower one may. */
export class QueryOverBudget extends StoreError {
  override name = 'QueryOverBudget';
}

/** A batch from an assigner that lost its post (another took over): refused, nothing written. */
export class StaleEpoch extends StoreError {
  override name = 'StaleEpoch';
}
