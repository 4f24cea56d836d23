// Write routes: add reports as pasted text, uploaded files or a URL. One ingest runs at a time,
// behind the write token; the story grouping is kept between them (grouping-cache.ts).
import { Hono, type Context } from 'hono';
import type { Config } from '../../config/index.ts';
import type { RawReport, StoryRecord } from '../../model/index.ts';
import { ingestUrls } from '../../pipeline/run-web.ts';
import type { GroupingCache } from '../../pipeline/grouping-cache.ts';
import { queuedUrl } from '../../pipeline/1-intake/queued-url.ts';
import { ingestUploads, uploadReports } from '../../pipeline/run-upload.ts';
import { Ingestor, type IngestSummary, type Skip } from '../../pipeline/run.ts';
import type { Store } from '../../store/store.ts';
import { shortHash } from '../../util/hash.ts';
import { ApiError } from '../errors.ts';
import { awaitQueued, enqueue, parseTicket, queuedAnswer, withSkips, type QueuedAnswer, type QueueOptions } from '../queued-ingest.ts';
import { TextIngestBody, UrlIngestBody, jsonBody, parse } from '../schemas.ts';

/** Fetches and ingests one URL. */
export type UrlIngest = (store: Store, url: string, opts: { sourceHint?: string; grouping?: GroupingCache }) => Promise<IngestSummary>;

/** URL intake through the safe fetcher (private addresses refused, size and time limits, robots.txt). */
export const fetchAndIngest =
  (config: Config): UrlIngest =>
  (store, url, opts) =>
    ingestUrls(store, [url], { config, sourceHint: opts.sourceHint, grouping: opts.grouping });

export interface IngestDeps {
  store: Store;
  config: Config;
  ingestUrl?: UrlIngest;
  /** The grouping kept between ingests (one per server). */
  grouping?: GroupingCache;
  /** Called after every successful ingest (e.g. to refresh conflict counts). */
  afterIngest?: () => void;
  /** Queue ingests for workers and the assigner instead of ingesting here (`serve --queue`). */
  queue?: QueueOptions;
}

export const MAX_FILES = 20;

export function ingestRoutes(deps: IngestDeps) {
  const app = new Hono();
  const { store, config } = deps;
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Runs an ingest and reports which story each new or changed article joined. */
  const ingest = (work: (ingestor: Ingestor) => Promise<(string | null)[]>) =>
    serially(async () => {
      const ingestor = new Ingestor(store, { config, grouping: deps.grouping });
      const ids = (await work(ingestor)).filter((id): id is string => !!id);
      const summary = await ingestor.finish();
      const articles = [];
      // Each story read once, however many of the upload's articles joined it.
      const stories = new Map<string, Promise<[StoryRecord | null, number]>>();
      const storyOf = (id: string) => {
        let got = stories.get(id);
        if (!got) stories.set(id, (got = Promise.all([store.getStory(id), store.storyArticles(id).then((a) => a.length)])));
        return got;
      };
      for (const id of ids) {
        const s = await store.getArticle(id);
        if (!s) continue;
        const [story, size] = await storyOf(s.storyId);
        articles.push({
          id,
          title: s.article.title,
          source: s.article.source,
          storyId: s.storyId,
          storyTitle: story?.title ?? '',
          storyArticles: size,
          copyOf: s.copyOf,
        });
      }
      deps.afterIngest?.();
      return { summary, articles };
    });

  const respond = (result: Awaited<ReturnType<typeof ingest>>) => {
    const { summary } = result;
    if (!result.articles.length && summary.unchanged === 0) {
      throw new ApiError(
        'nothing_ingested',
        `nothing could be ingested: ${summary.skipped.map((s) => `${s.input}: ${s.reason}`).join('; ')}`,
        summary.skipped,
      );
    }
    return result;
  };

  /** A queued ingest's answer: done, the ingest's own; else 202 and where to ask again. */
  const queuedReply = (c: Context, answer: QueuedAnswer, skips: Skip[] = [], shape: 'articles' | 'summary' = 'articles') => {
    if (!answer.done) {
      const statusUrl = `/api/ingest/queued/${answer.ticket}`;
      c.header('location', statusUrl);
      return c.json({ status: 'queued' as const, statusUrl, counts: answer.counts, skipped: skips }, 202);
    }
    deps.afterIngest?.();
    const { summary, articles } = withSkips(answer, skips);
    const result = respond({ summary, articles });
    return c.json(shape === 'summary' ? { summary: result.summary } : result, 201);
  };
  const queueAndWait = async (raws: RawReport[], describe: (raw: RawReport) => string) => {
    const ticket = await enqueue(store, raws);
    const inputs = new Map(parseTicket(ticket).seqs.map((seq, i) => [seq, describe(raws[i])]));
    return awaitQueued(store, ticket, deps.queue!, inputs);
  };

  app.get('/ingest/queued/:ticket', async (c) => {
    const answer = await queuedAnswer(store, c.req.param('ticket'));
    if (!answer.done) return queuedReply(c, answer);
    return c.json(respond({ summary: answer.summary, articles: answer.articles }), 200);
  });

  app.post('/ingest/text', async (c) => {
    const body = parse(TextIngestBody, await jsonBody(c.req), 'body');
    const raw: RawReport = {
      format: body.format,
      path: null,
      url: body.url ?? null,
      content: body.text,
      // Pasted reports have no path: the content itself keeps the id stable across re-submits.
      locator: `pasted ${shortHash(body.text)}`,
      // Stated fields win over what the text says (its first line is then body, not title).
      given: { ...(body.title ? { title: body.title } : {}), ...(body.source ? { source: body.source } : {}) },
      hints: {
        ...(body.published
          ? {
              published: {
                date: body.published,
                iso: null,
                method: 'front-matter' as const,
                confidence: 0.9,
                text: body.published,
              },
            }
          : {}),
      },
    };
    if (deps.queue) return queuedReply(c, await queueAndWait([raw], () => 'pasted text'));
    return c.json(respond(await ingest(async (ing) => [await ing.add(raw)])), 201);
  });

  app.post('/ingest/files', async (c) => {
    if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '')) {
      throw new ApiError(
        'unsupported_media_type',
        'expected multipart/form-data with one or more "file" fields',
      );
    }
    const form = await c.req.parseBody({ all: true });
    const files = [form.file ?? []].flat().filter((f): f is File => f instanceof File);
    if (!files.length) throw new ApiError('invalid_input', 'no "file" field in the upload');
    if (files.length > MAX_FILES)
      throw new ApiError('invalid_input', `at most ${MAX_FILES} files per upload`);
    const source =
      typeof form.source === 'string' && form.source.trim() ? form.source.trim().slice(0, 200) : undefined;
    if (deps.queue) {
      const raws: RawReport[] = [];
      const skips: Skip[] = [];
      for await (const ev of uploadReports(files, { config, sourceHint: source })) {
        if (ev.kind === 'skip') skips.push({ input: ev.input, reason: ev.reason });
        else raws.push(ev.raw);
      }
      if (!raws.length) respond({ summary: { added: 0, updated: 0, unchanged: 0, skipped: skips, warnings: [], storiesTouched: 0 }, articles: [] });
      const describe = (raw: RawReport) => `${raw.path}${raw.locator ? ` (${raw.locator})` : ''}`;
      return queuedReply(c, await queueAndWait(raws, describe), skips);
    }
    const result = await ingest((ing) => ingestUploads(ing, files, { config, sourceHint: source }));
    return c.json(respond(result), 201);
  });

  app.post('/ingest/url', async (c) => {
    const body = parse(UrlIngestBody, await jsonBody(c.req), 'body');
    if (deps.queue) {
      // A worker fetches it, with the same guard and limits.
      const raw = queuedUrl(body.url, body.source);
      if (!raw) throw new ApiError('invalid_input', 'url: not an http(s) URL');
      return queuedReply(c, await queueAndWait([raw], () => body.url), [], 'summary');
    }
    if (!deps.ingestUrl)
      throw new ApiError(
        'url_ingest_unavailable',
        'URL intake is not available in this version; paste the text or upload the saved page',
      );
    const fetchOne = deps.ingestUrl;
    const result = await serially(async () => {
      const summary = await fetchOne(store, body.url, { sourceHint: body.source, grouping: deps.grouping });
      deps.afterIngest?.();
      return summary;
    });
    if (result.added + result.updated + result.unchanged === 0) {
      throw new ApiError(
        'nothing_ingested',
        `nothing could be ingested: ${result.skipped.map((s) => s.reason).join('; ')}`,
        result.skipped,
      );
    }
    return c.json({ summary: result }, 201);
  });

  return app;
}
