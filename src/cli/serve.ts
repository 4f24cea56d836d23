// `parallax serve` (and the end of `npm start`): the HTTP API and web app on one port.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../api/app.ts';
import type { Config } from '../config/index.ts';
import type { WebClient } from '../pipeline/1-intake/web/client.ts';
import { GroupingCache } from '../pipeline/grouping-cache.ts';
import { deliveryOptionsFromEnv, startDelivering } from '../pipeline/run-alerts.ts';
import { watchFeeds } from '../pipeline/run-web.ts';
import { pollCounts } from './feeds.ts';
import type { Store } from '../store/store.ts';

export interface ServeOptions {
  store: Store;
  config: Config;
  port: number;
  host: string;
  /** PARALLAX_TOKEN; when absent a random one is made for this run and printed. */
  token?: string;
  log: (line: string) => void;
  /** Queue API ingests for workers and the assigner instead of ingesting here (`serve --queue`). */
  queue?: { waitMs: number };
  /** Also poll the stored feed subscriptions as they fall due (`serve --watch`). */
  watch?: boolean;
  /** Web client for the feed watcher (tests point it at loopback). */
  client?: WebClient;
  /** Environment for alert delivery settings (run-alerts.ts: webhooks, SMTP); default process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface Running {
  url: string;
  token: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export async function startServer(opts: ServeOptions): Promise<Running> {
  const token = opts.token || randomBytes(18).toString('base64url');
  const openReads = LOOPBACK.has(opts.host);
  // One grouping for the API's ingests and the feed watcher: restored from the store once, not per ingest.
  const grouping = new GroupingCache();
  const { app, conflicts } = createApp({
    grouping,
    store: opts.store,
    config: opts.config,
    token,
    openReads,
    log: opts.log,
    queue: opts.queue,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  // Beyond loopback, the write token (and, with reads closed, every request) would cross the network in clear.
  if (!openReads)
    opts.log(
      `serve: warning: listening on ${opts.host} over plain HTTP: the write token travels in clear. ` +
        'Serve on 127.0.0.1 behind a TLS reverse proxy instead (README: "Behind a reverse proxy").',
    );
  void conflicts.fillPending().catch((e: Error) => opts.log(`serve: comparing stories failed: ${e.message}`));
  const watcher = opts.watch ? startWatcher(opts, grouping) : null;
  // Alerts go out from here, every few seconds; the lease keeps a second server from sending too.
  const stopDelivering = startDelivering(opts.store, deliveryOptionsFromEnv(opts.env ?? process.env, opts.config.web.allow), 3_000, (e) =>
    opts.log(`serve: delivering alerts failed: ${e.message}`),
  );
  return {
    url: `http://${host}:${port}/`,
    token,
    close: async () => {
      conflicts.stop();
      // The recount in progress ends at its next story; the store must outlive it.
      await conflicts.fillPending().catch(() => 0);
      await watcher?.stop();
      await stopDelivering();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
    },
  };
}

/** Feed polling alongside the server; stopping waits for the request in flight. */
function startWatcher(opts: ServeOptions, grouping: GroupingCache): { stop(): Promise<void> } {
  const abort = new AbortController();
  const done = watchFeeds(opts.store, {
    config: opts.config,
    grouping,
    client: opts.client,
    signal: abort.signal,
    onPoll: (s) => {
      for (const f of s.feeds) opts.log(`serve: feed ${f.url}: ${f.status}${f.error ? ` (${f.error})` : ''}, ${pollCounts(f)}`);
    },
    onError: (e) => opts.log(`serve: feed polling: ${(e as Error).message}`),
  }).catch((e: Error) => opts.log(`serve: feed polling stopped: ${e.message}`));
  return {
    stop: async () => {
      abort.abort();
      await done;
    },
  };
}

/** Serves until SIGINT/SIGTERM, printing where to open the app. */
export async function serveUntilStopped(opts: ServeOptions & { out: (s: string) => void }): Promise<number> {
  const running = await startServer(opts);
  const given = !!opts.token;
  opts.out(`Parallax is running. Open ${running.url}${given ? '' : `?token=${running.token}`}`);
  opts.out(
    given
      ? 'Writes use the token in PARALLAX_TOKEN.'
      : "That link carries this run's write token (set PARALLAX_TOKEN to choose your own).",
  );
  opts.out(`API: ${running.url}api/openapi.json · Ctrl-C to stop`);
  if (opts.queue) opts.out('Ingests are queued for `parallax worker` processes and the assigner (`parallax worker --assigner`): run them on this store.');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.close();
  return 0;
}
