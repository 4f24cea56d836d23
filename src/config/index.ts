// Every setting with its default, validated once at the edge and passed in (never read globally).

export interface Config {
  /** The store (open.ts): a file path or sqlite:FILE for the embedded store, postgres://… for a server; $PARALLAX_DB. */
  db: string;
  /** Largest single file intake reads (bytes); JSONL is streamed and limited per line instead. */
  maxFileBytes: number;
  /** Largest JSONL line (bytes). */
  maxLineBytes: number;
  /** Articles written per store transaction. */
  writeBatch: number;
  /** Fetching URLs and feeds. */
  web: WebConfig;
}

export interface WebConfig {
  /** IPs or CIDRs that may be fetched although loopback/private (e.g. "127.0.0.1"); empty in production. */
  allow: string[];
  userAgent: string;
  timeoutMs: number;
  connectTimeoutMs: number;
  maxRedirects: number;
  /** Attempts per request, the first included. */
  retries: number;
  /** Smallest gap between two requests to one host. */
  hostIntervalMs: number;
  maxPageBytes: number;
  maxFeedBytes: number;
  maxFeedItems: number;
  /** Default poll interval of a new feed subscription (within FEED_INTERVAL). */
  feedIntervalSeconds: number;
  /** Hosts whose feeds one poll reads side by side (each host's feeds one after another). */
  pollHostsAtOnce: number;
  /** Fetch the linked page when a feed item carries only a summary. */
  fetchLinkedPages: boolean;
}

/**
 * How often a feed may be polled, the one rule for the CLI, the API and the config: not more often
 * than every 5 minutes (a polite reader's floor: few feeds change faster, and every poll costs the
 * publisher a request), and at least once a week.
 */
export const FEED_INTERVAL = { minSeconds: 5 * 60, maxSeconds: 7 * 24 * 3600 } as const;
export const FEED_INTERVAL_RULE = `must be between ${FEED_INTERVAL.minSeconds / 60} minutes and ${FEED_INTERVAL.maxSeconds / 86400} days`;

export const isFeedInterval = (seconds: number) =>
  Number.isInteger(seconds) && seconds >= FEED_INTERVAL.minSeconds && seconds <= FEED_INTERVAL.maxSeconds;

export const defaultWebConfig = {
  allow: [],
  userAgent: 'Parallax/0.1 (+https://github.com/parallax-news/parallax; news reader)',
  timeoutMs: 30_000,
  connectTimeoutMs: 10_000,
  maxRedirects: 5,
  retries: 3,
  hostIntervalMs: 1000,
  maxPageBytes: 5 * 1024 * 1024,
  maxFeedBytes: 10 * 1024 * 1024,
  maxFeedItems: 1000,
  feedIntervalSeconds: 1800,
  pollHostsAtOnce: 4,
  fetchLinkedPages: true,
} satisfies WebConfig;

export const defaultConfig = {
  db: './parallax.db',
  maxFileBytes: 20 * 1024 * 1024,
  maxLineBytes: 10 * 1024 * 1024,
  writeBatch: 500,
  web: defaultWebConfig,
} satisfies Config;

/** Builds the config from defaults, environment and explicit options; throws listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv, overrides: Partial<Config> = {}): Config {
  const cfg: Config = {
    ...defaultConfig,
    ...(env.PARALLAX_DB ? { db: env.PARALLAX_DB } : {}),
    ...(env.PARALLAX_MAX_FILE_BYTES ? { maxFileBytes: Number(env.PARALLAX_MAX_FILE_BYTES) } : {}),
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  };
  // PARALLAX_FETCH_ALLOW="127.0.0.1,10.0.0.0/8" lets a test or an intranet deployment reach those addresses.
  const allow = env.PARALLAX_FETCH_ALLOW?.split(',').map((s) => s.trim()).filter(Boolean);
  if (allow && !overrides.web) cfg.web = { ...cfg.web, allow };
  const problems: string[] = [];
  if (!cfg.db) problems.push('db: must be a store (a file path, sqlite:FILE or postgres://…)');
  for (const key of ['maxFileBytes', 'maxLineBytes', 'writeBatch'] as const) {
    if (!Number.isInteger(cfg[key]) || cfg[key] <= 0) problems.push(`${key}: must be a positive integer, got ${cfg[key]}`);
  }
  const web = cfg.web;
  const positive = ['timeoutMs', 'connectTimeoutMs', 'retries', 'maxPageBytes', 'maxFeedBytes', 'maxFeedItems', 'pollHostsAtOnce'] as const;
  for (const key of positive) {
    if (!Number.isInteger(web[key]) || web[key] <= 0) problems.push(`web.${key}: must be a positive integer, got ${web[key]}`);
  }
  if (!isFeedInterval(web.feedIntervalSeconds))
    problems.push(`web.feedIntervalSeconds: ${FEED_INTERVAL_RULE}, got ${web.feedIntervalSeconds} s`);
  for (const key of ['maxRedirects', 'hostIntervalMs'] as const) {
    if (!Number.isInteger(web[key]) || web[key] < 0) problems.push(`web.${key}: must be a non-negative integer, got ${web[key]}`);
  }
  const badAllow = cfg.web.allow.filter((a) => !/^[\da-f.:]*[.:][\da-f.:]*(\/\d{1,3})?$/i.test(a));
  if (badAllow.length) problems.push(`web.allow: not IP addresses or CIDRs: ${badAllow.join(', ')}`);
  if (problems.length) throw new Error(`config: ${problems.join('; ')}`);
  return cfg;
}
