// The CLI's web commands: `feeds add|list|remove`, `poll`, `watch`, and URL inputs of `ingest`
// and `extract`. Thin: arguments in, runner or store called, results printed.
import { FEED_INTERVAL_RULE, isFeedInterval, type Config } from '../config/index.ts';
import type { Article } from '../model/index.ts';
import { feedHealth } from '../pipeline/1-intake/feeds/health.ts';
import { canonicalUrl } from '../pipeline/1-intake/web/canonical-url.ts';
import { refuseInsideAddress } from '../pipeline/1-intake/web/feed-guard.ts';
import {
  extractUrl,
  pollDueFeeds,
  pollFeeds,
  subscribeFeed,
  watchFeeds,
  type FeedPollResult,
  type PollSummary,
} from '../pipeline/run-web.ts';
import type { Progress } from '../pipeline/run.ts';
import type { FeedRecord, Store } from '../store/store.ts';
import { renderSkips, renderSummary, skipLine } from './render.ts';
import { escapedJson } from './terminal-text.ts';
import { UsageError } from './usage.ts';

export interface WebCli {
  config: Config;
  flags: { json?: boolean; interval?: string; source?: string; all?: boolean };
  out: (s: string) => void;
  err: (s: string) => void;
  onProgress?: (p: Progress) => void;
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** "15m", "2h", "1d", "900s"; a bare number means minutes. Within FEED_INTERVAL, as in the API. */
export function parseInterval(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([smhd]?)$/i.exec(text.trim());
  const seconds = m ? Math.round(Number(m[1]) * UNITS[(m[2] || 'm').toLowerCase()]) : NaN;
  if (!isFeedInterval(seconds)) throw new UsageError(`--interval ${FEED_INTERVAL_RULE} (e.g. 15m, 2h), got "${text}"`);
  return seconds;
}

const ago = (iso: string | null, now = Date.now()) => {
  if (!iso) return 'never';
  const s = Math.round((now - Date.parse(iso)) / 1000);
  const abs = Math.abs(s);
  const span =
    abs < 90
      ? `${abs}s`
      : abs < 5400
        ? `${Math.round(abs / 60)}m`
        : abs < 129600
          ? `${Math.round(abs / 3600)}h`
          : `${Math.round(abs / 86400)}d`;
  return s >= 0 ? `${span} ago` : `in ${span}`;
};

/** The API's health word, with the failures in a row behind it ("failing ×2"). */
const healthLine = (f: FeedRecord) => `${feedHealth(f)}${f.failures ? ` ×${f.failures}` : ''}`;

export function renderFeeds(feeds: FeedRecord[]): string {
  if (!feeds.length) return 'No feeds yet. Subscribe with `parallax feeds add URL`.';
  return feeds
    .map((f) =>
      [
        `${f.id}  ${healthLine(f).padEnd(11)} ${f.title ?? '(untitled)'}`,
        `    ${f.url}`,
        `    every ${Math.round(f.intervalSeconds / 60)}m · ${f.itemCount} item${f.itemCount === 1 ? '' : 's'} · checked ${ago(f.lastCheckedAt)} · last success ${ago(f.lastSuccessAt)} · next ${ago(f.nextCheckAt)}`,
        ...(f.lastError && f.failures ? [`    last error: ${f.lastError}`] : []),
      ].join('\n'),
    )
    .join('\n');
}

/** What a poll of one feed brought (shared with the server's watch log). */
export const pollCounts = (r: FeedPollResult) =>
  `${r.newItems} new, ${r.changedItems} changed${r.pagesRecovered ? `, ${r.pagesRecovered} teaser${r.pagesRecovered === 1 ? '' : 's'} replaced by the page` : ''}`;

const renderPoll = (r: FeedPollResult) =>
  [
    `${r.status === 'failed' ? '✗' : '✓'} ${r.url}: ${r.status === 'failed' ? r.error : r.status === 'not-modified' ? 'not modified' : pollCounts(r)}`,
    ...r.notes.map((n) => `    note: ${n}`),
  ].join('\n');

async function findFeed(store: Store, idOrUrl: string): Promise<FeedRecord | null> {
  return (
    (await store.getFeed(idOrUrl)) ??
    (await store.listFeeds()).find((f) => f.url === idOrUrl.trim() || f.url === `${idOrUrl.trim()}/`) ??
    null
  );
}

/** `feeds add URL [--interval 30m]`, `feeds list [--json]`, `feeds remove ID|URL`. */
export async function feedsCommand(store: Store, args: string[], cli: WebCli): Promise<number> {
  const [sub, target] = args;
  if (sub === 'list' || sub === undefined) {
    const feeds = await store.listFeeds();
    cli.out(
      cli.flags.json
        ? escapedJson({ feeds: feeds.map((f) => ({ ...f, health: feedHealth(f) })) }, 2)
        : renderFeeds(feeds),
    );
    return 0;
  }
  if (!target) throw new UsageError(`missing URL or feed id for "feeds ${sub}"`);
  if (sub === 'add') {
    const interval = cli.flags.interval
      ? parseInterval(cli.flags.interval)
      : cli.config.web.feedIntervalSeconds;
    if (!canonicalUrl(target)) throw new UsageError(`not an http(s) URL: ${target}`);
    await refuseInsideAddress(target, cli.config.web.allow);
    // subscribeFeed refuses a feed already followed, under any spelling of its URL.
    const feed = await subscribeFeed(store, target, { intervalSeconds: interval });
    cli.out(
      cli.flags.json
        ? escapedJson(feed, 2)
        : `Subscribed ${feed.id} ${feed.url} (every ${Math.round(interval / 60)}m). Run \`parallax poll\` to read it now.`,
    );
    return 0;
  }
  if (sub === 'remove') {
    const feed = await findFeed(store, target);
    if (!feed || !(await store.removeFeed(feed.id))) {
      cli.err(`parallax: no feed ${target}`);
      return 1;
    }
    cli.out(`Unsubscribed ${feed.id} ${feed.url} (its articles stay in the store).`);
    return 0;
  }
  throw new UsageError(`unknown feeds command "${sub}" (add, list, remove)`);
}

function report(summary: PollSummary, store: Store, cli: WebCli) {
  return store.counts().then((totals) => {
    if (summary.skipped.length) cli.err(renderSkips(summary));
    cli.err(renderSummary(summary, totals));
  });
}

/** `poll`: every feed that is due once, now (a cron job must not hammer a feed in backoff). Exit 1 when every feed failed. */
export async function pollCommand(store: Store, cli: WebCli): Promise<number> {
  const all = await store.listFeeds();
  if (!all.length) {
    cli.err('parallax: no feeds to poll. Subscribe with `parallax feeds add URL`.');
    return 1;
  }
  const run = { config: cli.config, onProgress: cli.onProgress, onFeed: cli.flags.json ? undefined : (r: FeedPollResult) => cli.out(renderPoll(r)) };
  // Due feeds are claimed first: another `poll` or `watch` on this store polls none of them twice.
  const summary = cli.flags.all ? await pollFeeds(store, { ...run, feeds: all }) : await pollDueFeeds(store, run);
  if (!summary) {
    const next = all.map((f) => f.nextCheckAt).sort()[0];
    cli.err(`parallax: no feed is due (or another poller has them); the next at ${next} (\`parallax feeds list\` shows each; \`parallax poll --all\` reads them all now).`);
    return 0;
  }
  if (cli.flags.json) cli.out(escapedJson(summary, 2));
  await report(summary, store, cli);
  return summary.feeds.some((f) => f.status !== 'failed') ? 0 : 1;
}

/** `watch`: polls feeds as they fall due until Ctrl-C (SIGINT) or SIGTERM. */
export async function watchCommand(store: Store, cli: WebCli): Promise<number> {
  const stop = new AbortController();
  const onSignal = () => {
    cli.err('parallax: stopping (what was fetched is kept)…');
    stop.abort();
  };
  cli.err(`parallax: watching ${(await store.listFeeds()).length} feeds; Ctrl-C to stop.`);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await watchFeeds(store, {
      config: cli.config,
      signal: stop.signal,
      onPoll: (s) => {
        for (const r of s.feeds) cli.out(`${new Date().toISOString()} ${renderPoll(r)}`);
      },
      onError: (e) => cli.err(`parallax: ${(e as Error).message}`),
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return 0;
}

/** `extract URL`: clean text and metadata of one page (or each item of a feed), nothing stored. */
export async function extractUrlCommand(url: string, cli: WebCli): Promise<number> {
  const { articles, skipped } = await extractUrl(url, { config: cli.config, sourceHint: cli.flags.source });
  for (const s of skipped) cli.err(skipLine(s));
  const show = (a: Article) =>
    `${a.title}\n${a.source} · ${a.published?.date ?? 'undated'} · ${a.language}\n\n${a.text}\n`;
  if (cli.flags.json) cli.out(escapedJson(articles.length === 1 ? articles[0] : articles, 2));
  else for (const a of articles) cli.out(show(a));
  return articles.length ? 0 : 1;
}
