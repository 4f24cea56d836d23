// The HTTP edge: JSON API under /api, the web app everywhere else. Routes call the runner or
// the store; errors leave as { error: { code, message } }.
import { Hono, type Context } from 'hono';
import type { Config } from '../config/index.ts';
import { GroupingCache } from '../pipeline/grouping-cache.ts';
import type { Store } from '../store/store.ts';
import { ConflictCounts } from './conflicts.ts';
import { ApiError, errorResponse, onError } from './errors.ts';
import { openApiDocument } from './openapi.ts';
import { feedRoutes } from './routes/feeds.ts';
import { fetchAndIngest, ingestRoutes, type UrlIngest } from './routes/ingest.ts';
import type { QueueOptions } from './queued-ingest.ts';
import { rateLimit, SEARCH_RATE } from './rate-limit.ts';
import { readRoutes } from './routes/read.ts';
import { limitBody, loopbackHostOnly, requireToken, securityHeaders } from './security.ts';
import { webRoutes } from './static.ts';
import { watchRoutes } from './routes/watches.ts';

export interface AppOptions {
  store: Store;
  config: Config;
  /** The write token (PARALLAX_TOKEN); null refuses every write. */
  token: string | null;
  /** Reads without the token (default true: the server listens on loopback). */
  openReads?: boolean;
  /** URL intake; default: the safe fetcher (run-web.ts); null turns it off (501). */
  ingestUrl?: UrlIngest | null;
  /** The story grouping kept between ingests; the server shares it with its feed watcher. */
  grouping?: GroupingCache;
  /** Serve the web app too (default true). */
  web?: boolean;
  log?: (msg: string) => void;
  /** Queue API ingests for workers and the assigner instead of ingesting here (`serve --queue`). */
  queue?: QueueOptions;
  /** Who a request comes from, for the per-client limit on searches (default: the socket's address). */
  clientOf?: (c: Context) => string;
}

export const JSON_BODY_LIMIT = 4 * 1024 * 1024;

export function createApp(opts: AppOptions) {
  const { store, config } = opts;
  const conflicts = new ConflictCounts(store);
  const app = new Hono();
  app.use('*', securityHeaders);
  if (opts.openReads !== false) app.use('*', loopbackHostOnly);
  app.onError(onError(opts.log ?? ((m) => console.error(m))));
  app.notFound((c) => errorResponse(c, new ApiError('not_found', `no route ${c.req.method} ${c.req.path}`)));

  const api = new Hono();
  if (opts.openReads === false) api.use('*', requireToken(opts.token));
  api.on(['POST', 'PUT', 'PATCH', 'DELETE'], '*', requireToken(opts.token));
  api.use('/ingest/files', limitBody(Math.min(config.maxFileBytes * 2, 64 * 1024 * 1024)));
  api.on(['POST', 'PUT', 'PATCH'], '*', async (c, next) =>
    c.req.path.endsWith('/ingest/files') ? next() : limitBody(JSON_BODY_LIMIT)(c, next),
  );
  api.get('/health', async (c) =>
    c.json({ ok: true, ...(await store.counts()), pendingConflictCounts: await conflicts.pending() }),
  );
  api.use('/search', rateLimit(SEARCH_RATE, opts.clientOf));
  api.get('/openapi.json', (c) => c.json(openApiDocument()));
  api.route('/', readRoutes(store, conflicts));
  const refresh = () => void conflicts.fillPending();
  const ingestUrl = opts.ingestUrl === undefined ? fetchAndIngest(config) : (opts.ingestUrl ?? undefined);
  const grouping = opts.grouping ?? new GroupingCache();
  api.route('/', ingestRoutes({ store, config, ingestUrl, grouping, afterIngest: refresh, queue: opts.queue }));
  api.route('/', feedRoutes(store, config, refresh, grouping));
  api.route('/', watchRoutes(store, config));
  app.route('/api', api);
  if (opts.web !== false) app.route('/', webRoutes());
  return { app, conflicts };
}
