// The command-line edge: parses arguments, calls the runner or the store, prints. No pipeline logic.
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../config/index.ts';
import { backfillDerivedRows, extractFile, ingestPaths, storiesReport, storyReport } from '../pipeline/run.ts';
import { addSummary, ingestUrls } from '../pipeline/run-web.ts';
import { openStore, storeLocation } from '../store/open.ts';
import type { Store } from '../store/store.ts';
import { alertsMain } from './alerts.ts';
import { extractUrlCommand, feedsCommand, pollCommand, watchCommand, type WebCli } from './feeds.ts';
import { migrateStoreCommand } from './migrate-store.ts';
import { enqueueCommand, workerCommand } from './worker.ts';
import { progressBar } from './progress.ts';
import { serveUntilStopped } from './serve.ts';
import { renderArticle, renderSkips, renderStories, renderStory, renderStoryList, renderSummary, skipLine } from './render.ts';
import { escapedJson, forTerminal, oneLine } from './terminal-text.ts';
import { USAGE, UsageError } from './usage.ts';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

const defaultIo = (): Io => ({ stdout: process.stdout, stderr: process.stderr, env: process.env });

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  'with-text': { type: 'boolean' },
  source: { type: 'string' },
  quiet: { type: 'boolean' },
  port: { type: 'string' },
  interval: { type: 'string' },
  all: { type: 'boolean' },
  host: { type: 'string' },
  watch: { type: 'boolean' },
  assigner: { type: 'boolean' },
  'until-empty': { type: 'boolean' },
  queue: { type: 'boolean' },
  'queue-wait': { type: 'string' },
  lease: { type: 'string' },
  batch: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Flags = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

export const EXAMPLES_DIR = fileURLToPath(new URL('../../examples', import.meta.url));

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  // Everything printed passes forTerminal (terminal-text.ts): report text never reaches the terminal raw.
  const out = (s: string) => io.stdout.write(forTerminal(s.endsWith('\n') ? s : `${s}\n`));
  const err = (s: string) => io.stderr.write(forTerminal(s.endsWith('\n') ? s : `${s}\n`));
  // Alerts have options of their own (cli/alerts.ts).
  if (argv[0] === 'alerts') return alertsMain(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    err(`parallax: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const flags = parsed.values as Flags;
  const [command, ...args] = parsed.positionals;
  if (flags.help || !command || command === 'help') {
    (command || flags.help ? out : err)(USAGE);
    return command || flags.help ? 0 : 2;
  }
  let config: Config;
  try {
    config = loadConfig(io.env, { db: flags.db });
  } catch (e) {
    err(`parallax: ${(e as Error).message}`);
    return 2;
  }
  try {
    return await run(command, args, flags, config, io, out, err);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`parallax: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    err(`parallax: ${(e as Error).message}`);
    return 1;
  }
}

function need(args: string[], n: number, what: string): void {
  if (args.length < n) throw new UsageError(`missing ${what}`);
}

/** Commands that take a fixed number of arguments refuse more (a typo must not pass silently). */
function atMost(command: string, args: string[], n: number): void {
  if (args.length > n) throw new UsageError(`unexpected argument for ${command}: ${args[n]}`);
}

/** Reading commands do not create a store where there is none (a mistyped --db would look empty). */
function existingStore(url: string): void {
  const where = storeLocation(url);
  if (where.kind !== 'sqlite') return; // a server store exists or fails to open with its own error
  const file = where.file;
  if (file !== ':memory:' && !file.startsWith('file:') && !existsSync(file))
    throw new Error(`no store at ${file} (ingest something first, or give --db)`);
}

async function withStore<T>(url: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(url);
  try {
    // A store written before the runner derived its index rows gets them first (once).
    await backfillDerivedRows(store);
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function run(
  command: string,
  args: string[],
  flags: Flags,
  config: Config,
  io: Io,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const onProgress = progressBar(io.stderr, !flags.quiet);
  const ingestInto = async (store: Store, paths: string[]) => {
    const urls = paths.filter((p) => /^https?:\/\//i.test(p));
    const files = paths.filter((p) => !/^https?:\/\//i.test(p));
    const summary = await ingestPaths(store, files, { config, sourceHint: flags.source, onProgress });
    if (urls.length) addSummary(summary, await ingestUrls(store, urls, { config, sourceHint: flags.source, onProgress }));
    if (summary.skipped.length || summary.warnings.length) err(renderSkips(summary));
    return summary;
  };
  const web: WebCli = { config, flags, out, err, onProgress };
  switch (command) {
    case 'feeds':
      return withStore(config.db, (store) => feedsCommand(store, args, web));
    case 'migrate-store':
      return migrateStoreCommand(args, { from: flags.from, to: flags.to, quiet: flags.quiet, out, err });
    case 'poll':
      atMost(command, args, 0);
      return withStore(config.db, (store) => pollCommand(store, web));
    case 'watch':
      atMost(command, args, 0);
      return withStore(config.db, (store) => watchCommand(store, web));
    case 'enqueue':
      need(args, 1, 'PATH to enqueue');
      return withStore(config.db, (store) => enqueueCommand(store, args, { config, flags, out, err }));
    case 'worker':
      atMost(command, args, 0);
      return withStore(config.db, (store) => workerCommand(store, { config, flags, out, err }));
    case 'analyze': {
      need(args, 1, 'PATH to analyze');
      return withStore(':memory:', async (store) => {
        const summary = await ingestInto(store, args);
        const stories = await storiesReport(store, { withText: flags['with-text'] });
        if (flags.json) out(escapedJson({ stories }, 2));
        else if (stories.length) out(renderStories(stories));
        err(renderSummary(summary, await store.counts()));
        return summary.added + summary.updated + summary.unchanged > 0 ? 0 : 1;
      });
    }
    case 'serve':
    case 'start': {
      atMost(command, args, 0);
      if (command === 'start' && flags.queue) throw new UsageError('--queue is for serve (start ingests the examples itself)');
      const port = flags.port === undefined ? 8787 : Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0..65535, got ${flags.port}`);
      return withStore(config.db, async (store) => {
        // npm start: the bundled examples go into an empty store on first run, then the app is served.
        if (command === 'start' && (await store.counts()).articles === 0) {
          const summary = await ingestInto(store, [EXAMPLES_DIR]);
          err(renderSummary(summary, await store.counts()));
        }
        if (command === 'start') out(renderStoryList(await store.listStories({ limit: 20 })));
        const serveOpts = { store, config, port, host: flags.host ?? '127.0.0.1', token: io.env.PARALLAX_TOKEN, log: err, out, watch: flags.watch, queue: queueOption(flags) };
        return serveUntilStopped(serveOpts);
      });
    }
    case 'ingest': {
      const paths = args;
      need(paths, 1, 'PATH or URL to ingest');
      return withStore(config.db, async (store) => {
        const summary = await ingestInto(store, paths);
        const totals = await store.counts();
        err(renderSummary(summary, totals));
        return summary.added + summary.updated + summary.unchanged > 0 ? 0 : 1;
      });
    }
    case 'stories':
      atMost(command, args, 0);
      existingStore(config.db);
      return withStore(config.db, async (store) => {
        if (flags.json) out(escapedJson({ stories: await storiesReport(store, { withText: flags['with-text'] }) }, 2));
        else out(renderStoryList(await store.listStories()));
        return 0;
      });
    case 'story':
      need(args, 1, 'story ID');
      atMost(command, args, 1);
      existingStore(config.db);
      return withStore(config.db, async (store) => {
        const report = await storyReport(store, args[0], { withText: flags['with-text'] });
        if (!report) {
          err(`parallax: no story with id ${args[0]}`);
          return 1;
        }
        out(flags.json ? escapedJson(report, 2) : renderStory(report));
        return 0;
      });
    case 'article':
      need(args, 1, 'article ID');
      atMost(command, args, 1);
      existingStore(config.db);
      return withStore(config.db, async (store) => {
        const stored = await store.getArticle(args[0]);
        if (!stored) {
          err(`parallax: no article with id ${args[0]}`);
          return 1;
        }
        out(flags.json ? escapedJson({ ...stored, versions: await store.articleVersions(args[0]) }, 2) : renderArticle(stored));
        return 0;
      });
    case 'extract': {
      need(args, 1, 'FILE to extract');
      atMost(command, args, 1);
      if (/^https?:\/\//i.test(args[0])) return extractUrlCommand(args[0], web);
      if (statSync(args[0], { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`extract takes one file, not a folder: ${args[0]} (analyze reads folders)`);
      const results = await extractFile(args[0], { config, sourceHint: flags.source });
      const articles = results.flatMap((r) => (r.article ? [r.article] : []));
      for (const r of results) if (r.skip) err(skipLine(r.skip));
      if (flags.json) out(escapedJson(articles.length === 1 ? articles[0] : articles, 2));
      else for (const a of articles) out(`${oneLine(a.title)}\n${oneLine(a.source)} · ${a.published?.date ?? 'undated'} · ${a.language}\n\n${a.text}\n`);
      return articles.length ? 0 : 1;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** `serve --queue [--queue-wait S]`: API ingests queued for workers, answered once assigned (or 202 after S seconds, 10 by default). */
function queueOption(flags: Flags): { waitMs: number } | undefined {
  if (!flags.queue) {
    if (flags['queue-wait'] !== undefined) throw new UsageError('--queue-wait needs --queue');
    return undefined;
  }
  const wait = flags['queue-wait'] === undefined ? 10 : Number(flags['queue-wait']);
  if (!(Number.isFinite(wait) && wait >= 0 && wait <= 300)) throw new UsageError(`--queue-wait must be 0..300 seconds, got ${flags['queue-wait']}`);
  return { waitMs: wait * 1000 };
}
