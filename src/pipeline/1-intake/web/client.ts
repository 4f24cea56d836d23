// The polite, guarded web client every URL and feed request goes through: robots.txt (for pages),
// a per-host rate limit, retries with backoff, and safeFetch's address, size and time guards.
import type { WebConfig } from '../../../config/index.ts';
import { parseAllowList, type AllowEntry } from './address.ts';
import { FetchError } from './errors.ts';
import { safeFetch, type FetchOptions, type FetchResponse, type Resolver } from './fetch.ts';
import { HostRateLimiter, realClock, type Clock, type SharedPace } from './rate-limit.ts';
import { withRetry } from './retry.ts';
import { ALLOW_ALL, DISALLOW_ALL, parseRobots, robotsAllows, type RobotsRules } from './robots.ts';

export type ResourceKind = 'page' | 'feed';

export interface WebClientDeps {
  clock?: Clock;
  resolve?: Resolver;
  /** Base delay of the retry backoff (tests shorten it). */
  retryBaseMs?: number;
  /** Per-host pacing shared with other processes (rate-limit.ts); with the real clock only. */
  sharedPace?: SharedPace;
}

const ROBOTS_TTL_MS = 60 * 60 * 1000;
const ROBOTS_MAX_BYTES = 512 * 1024;
const MAX_CRAWL_DELAY_MS = 60_000;
const PAGE_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5';

export class WebClient {
  private allow: AllowEntry[];
  private limiter: HostRateLimiter;
  private clock: Clock;
  private robots = new Map<string, { rules: RobotsRules; at: number }>();
  private robotsPending = new Map<string, Promise<RobotsRules>>();

  constructor(
    private config: WebConfig,
    private deps: WebClientDeps = {},
  ) {
    this.allow = parseAllowList(config.allow);
    this.clock = deps.clock ?? realClock;
    this.limiter = new HostRateLimiter(config.hostIntervalMs, this.clock, deps.sharedPace);
  }

  /** The product token robots.txt groups are matched against: "parallax" from "Parallax/0.1 (...)". */
  private get agentToken(): string {
    return this.config.userAgent.split(/[/\s]/)[0].toLowerCase();
  }

  private async once(
    url: string,
    maxBytes: number,
    headers: Record<string, string>,
    signal?: AbortSignal,
    beforeRequest?: FetchOptions['beforeRequest'],
  ): Promise<FetchResponse> {
    return safeFetch(url, {
      allow: this.allow,
      userAgent: this.config.userAgent,
      maxBytes,
      maxRedirects: this.config.maxRedirects,
      connectTimeoutMs: this.config.connectTimeoutMs,
      timeoutMs: this.config.timeoutMs,
      headers,
      signal,
      resolve: this.deps.resolve,
      beforeRequest,
    });
  }

  /** robots.txt rules for the URL's origin, cached for an hour; fetched once for callers asking at the same time. */
  private async robotsFor(url: URL, signal?: AbortSignal): Promise<RobotsRules> {
    const cached = this.robots.get(url.origin);
    if (cached && this.clock.now() - cached.at < ROBOTS_TTL_MS) return cached.rules;
    const pending = this.robotsPending.get(url.origin);
    if (pending) return pending;
    const fetching = this.fetchRobots(url, signal).finally(() => this.robotsPending.delete(url.origin));
    this.robotsPending.set(url.origin, fetching);
    return fetching;
  }

  /** RFC 9309: a 4xx robots.txt allows all, a 5xx or an unreachable one disallows all. */
  private async fetchRobots(url: URL, signal?: AbortSignal): Promise<RobotsRules> {
    let rules: RobotsRules;
    try {
      await this.limiter.wait(url.host);
      const res = await this.once(
        new URL('/robots.txt', url).href,
        ROBOTS_MAX_BYTES,
        { accept: 'text/plain' },
        signal,
      );
      rules = parseRobots(Buffer.from(res.body).toString('utf8'), this.agentToken);
    } catch (err) {
      if (!(err instanceof FetchError)) throw err;
      if (err.code === 'blocked-address' || err.code === 'bad-url') throw err;
      const s = err.extra.status;
      rules = s !== undefined && s >= 400 && s < 500 ? ALLOW_ALL : DISALLOW_ALL;
    }
    this.robots.set(url.origin, { rules, at: this.clock.now() });
    return rules;
  }

  /**
   * GETs a page or a feed. Pages honour robots.txt; a feed is a document its publisher offers to
   * machines, subscribed to explicitly, so (like other feed readers) we fetch it without asking.
   */
  async get(
    url: string,
    opts: {
      kind: ResourceKind;
      headers?: Record<string, string>;
      signal?: AbortSignal;
      /** false: a timeout is not retried now (see RetryOptions.retryTimeouts). */
      retryTimeouts?: boolean;
    },
  ): Promise<FetchResponse> {
    // Every hop, redirects included: robots.txt of its origin (pages only), then the host's pace.
    const beforeRequest = async (u: URL) => {
      let crawlDelayMs = 0;
      if (opts.kind === 'page') {
        const rules = await this.robotsFor(u, opts.signal);
        if (!robotsAllows(rules, `${u.pathname}${u.search}`)) {
          throw new FetchError('robots', `robots.txt of ${u.host} disallows ${u.pathname}`, {
            robotsUnread: rules === DISALLOW_ALL,
          });
        }
        crawlDelayMs = Math.min(rules.crawlDelayMs, MAX_CRAWL_DELAY_MS);
      }
      await this.limiter.wait(u.host, crawlDelayMs);
    };
    const maxBytes = opts.kind === 'feed' ? this.config.maxFeedBytes : this.config.maxPageBytes;
    const headers = { accept: PAGE_ACCEPT, ...opts.headers };
    return withRetry(() => this.once(url, maxBytes, headers, opts.signal, beforeRequest), {
      attempts: this.config.retries,
      baseDelayMs: this.deps.retryBaseMs ?? 1000,
      maxDelayMs: 30_000,
      sleep: this.clock.sleep,
      signal: opts.signal,
      retryTimeouts: opts.retryTimeouts,
    });
  }
}
