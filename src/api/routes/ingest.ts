// Write routes: add reports as pasted text, uploaded files or a URL. One ingest runs at a time,
// behind the write token; the story grouping is kept between them (grouping-cache.ts).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Hono } from 'hono';
import type { Config } from '../../config/index.ts';
import type { RawReport, StoryRecord } from '../../model/index.ts';
import { isSupportedFile, readFileReports } from '../../pipeline/1-intake/files.ts';
import { ingestUrls } from '../../pipeline/run-web.ts';
import type { GroupingCache } from '../../pipeline/grouping-cache.ts';
import { workerPool } from '../../pipeline/parallel/pool.ts';
import type { Prepared } from '../../pipeline/parallel/prepare.ts';
import { Ingestor, type IngestSummary } from '../../pipeline/run.ts';
import type { Store } from '../../store/store.ts';
import { shortHash } from '../../util/hash.ts';
import { ApiError } from '../errors.ts';
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
}

export const MAX_FILES = 20;
/** One worker: the other core keeps answering requests. */
const UPLOAD_WORKERS = 1;
/** Reports handed to the worker ahead of grouping: keeps it busy, bounds memory. */
const UPLOAD_IN_FLIGHT = 64;
/** Longest stretch of ingest work between two turns of the event loop. */
const TURN_MS = 20;

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
    const dir = await mkdtemp(join(tmpdir(), 'parallax-upload-'));
    // Extraction and analysis run on a worker thread (about a second to start, off the event loop):
    // inline, the reports' settled awaits gave the event loop no turn for seconds (1,000 reports:
    // 8.4 s), and a server's first upload also loaded the language models on it (100 reports:
    // story list p99 3.3 s; on the worker 0.15 s).
    const pool = workerPool(UPLOAD_WORKERS);
    try {
      const result = await ingest(async (ing) => {
        const ids: (string | null)[] = [];
        // Consumed in submission order: grouping is order-dependent.
        const inFlight: Promise<[RawReport, Prepared]>[] = [];
        let turn = performance.now();
        const drain = async (keep: number) => {
          while (inFlight.length > keep) {
            const [raw, prepared] = await inFlight.shift()!;
            ids.push(await ing.addPrepared(raw, prepared));
            // Settled promises chain as microtasks, which never let a request in: give the event
            // loop a turn every TURN_MS of grouping work.
            if (performance.now() - turn > TURN_MS) {
              await new Promise((r) => setImmediate(r));
              turn = performance.now();
            }
          }
        };
        for (const [k, f] of files.entries()) {
          const name =
            basename(f.name || 'upload.txt')
              .replace(/[^\w.-]+/g, '_')
              .slice(-120) || 'upload.txt';
          if (!isSupportedFile(name)) {
            ing.skipInput(name, 'unsupported type (use .txt, .md, .html, .json, .jsonl or a feed: .xml, .rss, .atom)');
            continue;
          }
          if (f.size > config.maxFileBytes) {
            ing.skipInput(name, `too large: over ${config.maxFileBytes} bytes`);
            continue;
          }
          const tmp = join(dir, `${k}-${name}`);
          await writeFile(tmp, Buffer.from(await f.arrayBuffer()));
          for await (const ev of readFileReports(tmp, { ...config, sourceHint: source })) {
            if (ev.kind === 'skip') {
              await drain(0); // skips keep their place among the reports
              ing.skipInput(name, ev.reason);
              continue;
            }
            // Uploads are known by their file name, not the temporary file, so uploading the same
            // file again updates it.
            const raw: RawReport = { ...ev.raw, path: `upload/${name}`, realPath: undefined };
            inFlight.push(pool.submit(raw).then((p): [RawReport, Prepared] => [raw, p]));
            await drain(UPLOAD_IN_FLIGHT);
          }
        }
        await drain(0);
        return ids;
      });
      return c.json(respond(result), 201);
    } finally {
      await pool.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  app.post('/ingest/url', async (c) => {
    const body = parse(UrlIngestBody, await jsonBody(c.req), 'body');
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
