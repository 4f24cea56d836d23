// The runner for the web: URLs and feed subscriptions. Like run.ts (whose Ingestor does the
// extract → dedup → analyze → assign → write steps) it is the pipeline code that touches the store.
//   fetch (guarded, polite) → page or feed → feed items not seen in this version → Ingestor → feed health.
// A poll reads the feeds of different hosts side by side (lanes.ts) and gives each silent server
// one timeout; items whose page could not be fetched are stored from their teaser and their page
// is tried again at later polls (teasers.ts).
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { FEED_INTERVAL, type Config, type WebConfig } from '../config/index.ts';
import type { Article, RawReport } from '../model/index.ts';
import { StoreBusy, StoreError, type FeedRecord, type Store } from '../store/store.ts';
import { shortHash } from '../util/hash.ts';
import type { FeedItem, ParsedFeed } from './1-intake/feeds/feed.ts';
import { hasFullText, itemFingerprint, itemReport, type ItemContext } from './1-intake/feeds/items.ts';
import { hostLanes, runLanes, takingTurns } from './1-intake/feeds/lanes.ts';
import { FeedError, looksLikeFeed, parseFeed } from './1-intake/feeds/parse.ts';
import {
  nextCheckAt,
  realSchedulerClock,
  runScheduler,
  type SchedulerClock,
} from './1-intake/feeds/schedule.ts';
import {
  decodeItemMemory,
  encodeItemMemory,
  PAGE_ATTEMPTS,
  pageRetryAllowed,
  type MissingPage,
} from './1-intake/feeds/teasers.ts';
import { canonicalUrl } from './1-intake/web/canonical-url.ts';
import { WebClient, type ResourceKind } from './1-intake/web/client.ts';
import { FetchError } from './1-intake/web/errors.ts';
import type { FetchResponse } from './1-intake/web/fetch.ts';
import { pageReport, responseText } from './1-intake/web/page.ts';
import { extractArticle, ExtractError } from './2-extract/extract.ts';
import { GroupingCache } from './grouping-cache.ts';
import { Ingestor, type IngestOptions, type IngestSummary } from './run.ts';

export interface WebRunOptions extends IngestOptions {
  config: IngestOptions['config'] & Pick<Config, 'web'>;
  /** The client to fetch with (tests inject one with a fake clock); default: one from config.web. */
  client?: WebClient;
  /** Epoch ms; injected by the scheduler and tests. */
  now?: () => number;
  signal?: AbortSignal;
}

export interface FeedPollResult {
  feedId: string;
  url: string;
  status: 'ok' | 'not-modified' | 'failed';
  newItems: number;
  changedItems: number;
  /** Items stored from their teaser at an earlier poll whose page came now (a new version of the same article). */
  pagesRecovered: number;
  error: string | null;
  /** Things worth knowing that did not fail the poll (item cap reached, a linked page not fetched). */
  notes: string[];
}

export interface PollSummary extends IngestSummary {
  feeds: FeedPollResult[];
}

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
const isInputError = (err: unknown) =>
  err instanceof FetchError || err instanceof FeedError || err instanceof ExtractError;

/** Adds the counts of `more` into `into` (a run over files and URLs reports once). */
export function addSummary(into: IngestSummary, more: IngestSummary): IngestSummary {
  into.added += more.added;
  into.updated += more.updated;
  into.unchanged += more.unchanged;
  into.skipped.push(...more.skipped);
  into.storiesTouched += more.storiesTouched;
  return into;
}

const header = (res: FetchResponse, name: string) => {
  const v = res.headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
};

/** A poll's GET: the response, or the error and whether a request was made at all. */
type PollFetch = { res: FetchResponse } | { error: FetchError; tried: boolean };

/** Runs a task on the run's one Ingestor, when it is its turn (feeds polled side by side share it). */
type IngestTurn = <T>(task: (ingestor: Ingestor) => Promise<T>) => Promise<T>;

/**
 * Whether a page that could not be fetched may come at a later poll: network trouble, timeouts,
 * 5xx, 429, an unresolvable name, and robots.txt refusals (an unreadable robots.txt disallows all
 * for an hour; a real Disallow only costs a robots.txt check per later attempt, no page request).
 */
const mayPassLater = (err: FetchError) => err.retryable || err.code === 'dns' || err.code === 'robots';

/** Fetching for one run: the client, the limits, the stop signal, the hosts whose pages fell silent. */
class WebRun {
  readonly client: WebClient;
  readonly web: WebConfig;
  private silentHosts = new Set<string>();

  constructor(readonly opts: WebRunOptions, store?: Store) {
    this.client = opts.client ?? (store ? pacedClient(store, opts.config.web) : new WebClient(opts.config.web));
    this.web = opts.config.web;
  }

  parse(res: FetchResponse, text = responseText(res)): ParsedFeed {
    return parseFeed(text, res.url, { maxBytes: this.web.maxFeedBytes, maxItems: this.web.maxFeedItems });
  }

  /** A feed item as a report: the linked page when the item is only a teaser (and fetching is on). */
  async itemRaw(item: FeedItem, feed: ParsedFeed, feedUrl: string): Promise<RawReport> {
    const ctx = { feedUrl, feedTitle: feed.title };
    if (hasFullText(item) || !item.link || !this.web.fetchLinkedPages) return itemReport(item, ctx);
    try {
      const res = await this.client.get(item.link, { kind: 'page', signal: this.opts.signal });
      return itemReport(item, ctx, { html: responseText(res) });
    } catch (err) {
      if (!(err instanceof FetchError)) throw err;
      return itemReport(item, ctx);
    }
  }

  /** One URL for `ingest`/`extract`: a page gives one report, a feed one per item. */
  async urlReports(url: string): Promise<RawReport[]> {
    const res = await this.client.get(url, { kind: 'page', signal: this.opts.signal });
    const text = responseText(res);
    if (!looksLikeFeed(text, header(res, 'content-type') ?? '')) {
      return [pageReport(res, canonicalUrl(res.url) ?? res.url, this.opts.sourceHint)];
    }
    const feed = this.parse(res, text);
    const raws: RawReport[] = [];
    for (const item of feed.items) raws.push(await this.itemRaw(item, feed, res.url));
    return raws;
  }

  /**
   * A GET for a poll: a timeout is not retried now (the next poll tries again). A host where one
   * page did not answer is not asked for other pages in this poll, so a silent site costs one
   * timeout, not one per item (each feed still gets its own try).
   */
  private async pollGet(url: string, kind: ResourceKind, headers?: Record<string, string>): Promise<PollFetch> {
    const host = new URL(url).host;
    if (kind === 'page' && this.silentHosts.has(host)) {
      return { error: new FetchError('timeout', `not tried: ${host} did not answer earlier in this poll`), tried: false };
    }
    try {
      return { res: await this.client.get(url, { kind, headers, signal: this.opts.signal, retryTimeouts: false }) };
    } catch (err) {
      if (!(err instanceof FetchError)) throw err;
      if (kind === 'page' && err.code === 'timeout') this.silentHosts.add(host);
      // Refused because the site's robots.txt did not answer (cached "disallow all" for an hour):
      // the page was not asked for, so it costs no attempt; the retry window still bounds it.
      return { error: err, tried: !err.extra.robotsUnread };
    }
  }

  /**
   * One new, changed or page-missing item of a poll: the report to ingest (none when the item is
   * unchanged and its page is still missing: the teaser stored before stays) and the page still
   * missing after this poll, if a later poll should try it again.
   */
  private async pollItem(
    item: FeedItem,
    ctx: ItemContext,
    changed: boolean,
    missing: MissingPage | null,
    result: FeedPollResult,
  ): Promise<{ raw: RawReport | null; missingPage: MissingPage | null }> {
    const teaser = changed ? itemReport(item, ctx) : null;
    if (!item.link || hasFullText(item) || !this.web.fetchLinkedPages) return { raw: teaser, missingPage: null };
    const now = (this.opts.now ?? Date.now)();
    const retrying = changed ? null : missing;
    if (retrying && !pageRetryAllowed(retrying, now)) {
      result.notes.push(`${item.link}: page still missing since ${retrying.since}; the feed's summary stays`);
      return { raw: null, missingPage: null };
    }
    const page = await this.pollGet(item.link, 'page');
    if ('res' in page) {
      if (retrying) result.pagesRecovered++;
      return { raw: itemReport(item, ctx, { html: responseText(page.res) }), missingPage: null };
    }
    const next: MissingPage = {
      failures: (retrying?.failures ?? 0) + (page.tried ? 1 : 0),
      since: retrying?.since ?? new Date(now).toISOString(),
    };
    const again = mayPassLater(page.error) && pageRetryAllowed(next, now);
    const stored = retrying ? "the feed's summary stays" : "used the feed's summary";
    result.notes.push(
      `${item.link}: ${page.error.message}; ${stored}${again ? `, the page is tried again at the next poll (${next.failures} of ${PAGE_ATTEMPTS} attempts made)` : ''}`,
    );
    return { raw: teaser, missingPage: again ? next : null };
  }

  /** Ingests the items that are new, changed, or still missing their page since `seen`; returns what to remember of them. */
  async ingestItems(
    ingest: IngestTurn,
    feed: ParsedFeed,
    feedUrl: string,
    seen: Map<string, string>,
    result: FeedPollResult,
  ) {
    const processed: { key: string; fingerprint: string; articleId: string | null; pageMissing: boolean }[] = [];
    if (feed.totalItems > feed.items.length) {
      result.notes.push(`read the first ${feed.items.length} of ${feed.totalItems} items (limit)`);
    }
    const ctx = { feedUrl, feedTitle: feed.title };
    const keys = new Set<string>();
    for (const item of feed.items) {
      // A key twice in one document (sloppy guids) counts once: the first, as feed readers do.
      if (keys.has(item.key)) continue;
      keys.add(item.key);
      const fingerprint = itemFingerprint(item);
      const stored = seen.get(item.key);
      const before = stored === undefined ? null : decodeItemMemory(stored);
      const changed = before?.fingerprint !== fingerprint;
      if (!changed && !before?.missingPage) continue;
      this.opts.signal?.throwIfAborted();
      const { raw, missingPage } = await this.pollItem(item, ctx, changed, before?.missingPage ?? null, result);
      // Null when nothing was ingested: the store then keeps the article id it had.
      const articleId = raw ? await ingest((ingestor) => ingestor.add(raw)) : null;
      if (changed && before === null) result.newItems++;
      else if (changed) result.changedItems++;
      processed.push({
        key: item.key,
        fingerprint: encodeItemMemory({ fingerprint, missingPage }),
        articleId,
        pageMissing: !!missingPage,
      });
    }
    return processed;
  }

  /** Polls one feed: conditional GET, parse, ingest new and changed items, record its health. */
  async pollFeed(store: Store, ingest: IngestTurn, feed: FeedRecord): Promise<FeedPollResult> {
    const now = this.opts.now ?? Date.now;
    // Subscriptions made before the interval rule was one may be shorter: they are polled at its floor.
    const interval = Math.max(feed.intervalSeconds, FEED_INTERVAL.minSeconds);
    const result: FeedPollResult = {
      feedId: feed.id,
      url: feed.url,
      status: 'ok',
      newItems: 0,
      changedItems: 0,
      pagesRecovered: 0,
      error: null,
      notes: [],
    };
    const headers: Record<string, string> = { accept: FEED_ACCEPT };
    if (feed.etag) headers['if-none-match'] = feed.etag;
    if (feed.lastModified) headers['if-modified-since'] = feed.lastModified;
    try {
      const got = await this.pollGet(feed.url, 'feed', headers);
      if ('error' in got) throw got.error;
      const res = got.res;
      const ok = {
        checkedAt: new Date(now()).toISOString(),
        ok: true,
        failures: 0,
        error: null,
        nextCheckAt: nextCheckAt(now(), interval, 0),
      };
      if (res.status === 304) {
        result.status = 'not-modified';
        await store.recordFeedPoll(feed.id, { ...ok, items: [] });
        return result;
      }
      const parsed = this.parse(res);
      const seen = await store.feedItemFingerprints(
        feed.id,
        parsed.items.map((i) => i.key),
      );
      const processed = await this.ingestItems(ingest, parsed, feed.url, seen, result);
      const items = processed.map(({ pageMissing: _, ...item }) => item);
      // While a page is missing the feed is fetched in full (no validators): a 304 would not list
      // the item, and the next poll needs it to try the page again.
      const pagesMissing = processed.some((i) => i.pageMissing);
      const validators = pagesMissing
        ? { etag: null, lastModified: null }
        : { etag: header(res, 'etag'), lastModified: header(res, 'last-modified') };
      // Articles first, then the record of having read them: a crash in between only means re-reading.
      await ingest(async (ingestor) => {
        await ingestor.flush();
        await store.recordFeedPoll(feed.id, { ...ok, ...validators, title: parsed.title, items });
      });
    } catch (err) {
      // A broken store is not the feed's fault; anything else the feed did is recorded against it.
      if (err instanceof StoreError) throw err;
      Object.assign(result, { status: 'failed', error: message(err) });
      if (this.opts.signal?.aborted) return result; // stopped by the user: not the feed's failure either
      const failures = feed.failures + 1;
      // The backoff, or the server's Retry-After when it asks for longer.
      const retryAfterMs = err instanceof FetchError ? (err.extra.retryAfterMs ?? 0) : 0;
      const backoffAt = nextCheckAt(now(), interval, failures);
      const nextAt = Date.parse(backoffAt) >= now() + retryAfterMs ? backoffAt : new Date(now() + retryAfterMs).toISOString();
      const checkedAt = new Date(now()).toISOString();
      await store.recordFeedPoll(feed.id, {
        checkedAt,
        ok: false,
        failures,
        error: message(err),
        nextCheckAt: nextAt,
        items: [],
      });
    }
    return result;
  }
}

/**
 * Polls the given feeds (default: all) once. Feeds of different hosts are read side by side
 * (config.web.pollHostsAtOnce), one host's one after another; one feed's failure or silence
 * holds up no other. Results come in the order the feeds were given; `onFeed` hears each as it ends.
 */
export async function pollFeeds(
  store: Store,
  opts: WebRunOptions & { feeds?: FeedRecord[]; onFeed?: (r: FeedPollResult) => void },
): Promise<PollSummary> {
  const run = new WebRun(opts, store);
  const ingestor = new Ingestor(store, opts);
  const turn = takingTurns();
  const ingest: IngestTurn = (task) => turn(() => task(ingestor));
  const feeds = opts.feeds ?? (await store.listFeeds());
  const results = new Map<FeedRecord, FeedPollResult>();
  await runLanes(hostLanes(feeds), opts.config.web.pollHostsAtOnce, async (feed) => {
    if (opts.signal?.aborted) return;
    opts.onProgress?.({ done: results.size, total: feeds.length, current: feed.url });
    const r = await run.pollFeed(store, ingest, feed);
    results.set(feed, r);
    opts.onFeed?.(r);
  });
  opts.onProgress?.({ done: results.size, total: feeds.length, current: '' });
  const polled = feeds.flatMap((f) => results.get(f) ?? []);
  return { ...(await ingestor.finish()), feeds: polled };
}

/**
 * How long a poller holds a due feed it claimed: longer than one feed's poll can take (a feed
 * timeout and its teasers' pages at the host's pace), so no other poller takes it meanwhile.
 */
const FEED_LEASE_SECONDS = 15 * 60;
/** Feeds one poll claims at most. */
const CLAIM_LIMIT = 1_000;

/** A client whose per-host pacing holds across the processes on one store (a busy store: this process's pace alone). */
export function pacedClient(store: Store, web: WebConfig): WebClient {
  const sharedPace = (host: string, earliest: number, gapMs: number) =>
    store.reserveHostSlot(host, earliest, gapMs).catch((err: unknown) => {
      if (err instanceof StoreBusy) return earliest;
      throw err;
    });
  return new WebClient(web, { sharedPace });
}

/** This process's name in feed claims. */
export const pollerName = () => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/**
 * Polls the feeds due now that no other poller holds: each is claimed for a lease first, so the
 * pollers on one store (any number of processes) poll each due feed once; the claims are given
 * back once the polls are recorded. Null when nothing was due and free.
 */
export async function pollDueFeeds(
  store: Store,
  opts: WebRunOptions & { owner?: string; onFeed?: (r: FeedPollResult) => void },
): Promise<PollSummary | null> {
  const owner = opts.owner ?? pollerName();
  const now = new Date((opts.now ?? Date.now)()).toISOString();
  const feeds = await store.claimDueFeeds(now, owner, FEED_LEASE_SECONDS, CLAIM_LIMIT);
  if (!feeds.length) return null;
  try {
    return await pollFeeds(store, { ...opts, feeds });
  } finally {
    await store.releaseFeedClaims(owner, feeds.map((f) => f.id));
  }
}

/** Subscribes to a feed URL; the first poll is due at once. */
/** Subscribing to a feed already followed. */
export class FeedExistsError extends Error {
  override name = 'FeedExistsError';
  constructor(readonly feed: FeedRecord) {
    super(`already subscribed as ${feed.id}: ${feed.url}`);
  }
}

export async function subscribeFeed(
  store: Store,
  url: string,
  opts: { intervalSeconds: number; now?: number },
): Promise<FeedRecord> {
  const canonical = canonicalUrl(url);
  if (!canonical) throw new FetchError('bad-url', `not an http(s) URL: ${url}`);
  // Another spelling of a subscribed feed's URL (a tracking parameter, a trailing slash) is that feed.
  const existing = await store.getFeed(`f-${shortHash(canonical, 8)}`);
  if (existing) throw new FeedExistsError(existing);
  const at = new Date(opts.now ?? Date.now()).toISOString();
  return store.addFeed({
    id: `f-${shortHash(canonical, 8)}`,
    url: canonical,
    title: null,
    intervalSeconds: opts.intervalSeconds,
    addedAt: at,
    nextCheckAt: at,
  });
}

/** Polls feeds as they fall due until the signal aborts (`parallax watch`). */
export async function watchFeeds(
  store: Store,
  opts: WebRunOptions & {
    signal: AbortSignal;
    clock?: SchedulerClock;
    onPoll?: (s: PollSummary) => void;
    onError?: (e: unknown) => void;
  },
): Promise<void> {
  const clock = opts.clock ?? realSchedulerClock;
  const client = opts.client ?? pacedClient(store, opts.config.web);
  // Polls every few minutes: the story grouping is restored once, not at every poll.
  const grouping = opts.grouping ?? new GroupingCache();
  const owner = pollerName();
  await runScheduler({
    clock,
    signal: opts.signal,
    maxSleepMs: 60_000,
    onError: opts.onError,
    nextDue: async () => {
      const times = (await store.listFeeds()).map((f) => Date.parse(f.nextCheckAt));
      return times.length ? Math.min(...times) : null;
    },
    pollDue: async () => {
      // Due and not held by another poller (watch, poll, another machine's worker).
      const summary = await pollDueFeeds(store, { ...opts, client, grouping, owner, now: clock.now });
      if (summary) opts.onPoll?.(summary);
    },
  });
}

/** Ingests pages and one-off feeds by URL; each URL that yields nothing is skipped with its reason. */
export async function ingestUrls(store: Store, urls: string[], opts: WebRunOptions): Promise<IngestSummary> {
  const run = new WebRun(opts, store);
  const ingestor = new Ingestor(store, opts);
  for (const [i, url] of urls.entries()) {
    opts.onProgress?.({ done: i, total: urls.length, current: url });
    try {
      for (const raw of await run.urlReports(url)) await ingestor.add(raw);
    } catch (err) {
      if (!isInputError(err)) throw err;
      ingestor.skipInput(url, message(err));
    }
  }
  opts.onProgress?.({ done: urls.length, total: urls.length, current: '' });
  return ingestor.finish();
}

/** Fetches and extracts one URL without storing anything (`parallax extract URL`). */
export async function extractUrl(
  url: string,
  opts: WebRunOptions,
): Promise<{ articles: Article[]; skipped: { input: string; reason: string }[] }> {
  const out: { articles: Article[]; skipped: { input: string; reason: string }[] } = {
    articles: [],
    skipped: [],
  };
  try {
    for (const raw of await new WebRun(opts).urlReports(url)) {
      try {
        out.articles.push(extractArticle(raw));
      } catch (err) {
        if (!(err instanceof ExtractError)) throw err;
        out.skipped.push({ input: raw.url ?? url, reason: err.message });
      }
    }
  } catch (err) {
    if (!isInputError(err)) throw err;
    out.skipped.push({ input: url, reason: message(err) });
  }
  return out;
}
