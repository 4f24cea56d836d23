// Local files and folders → raw reports. Folders are walked recursively (dot-files, node_modules
// and names listed in a folder's .parallaxignore are passed over); every input that yields no
// report is reported with the reason, and one bad file never stops the others.
import { createReadStream, type Stats } from 'node:fs';
import { lstat, open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WebConfig } from '../../config/index.ts';
import type { InputFormat, RawReport } from '../../model/index.ts';
import { decodeHtml } from '../2-extract/charset.ts';
import type { ParsedFeed } from './feeds/feed.ts';
import { itemReport } from './feeds/items.ts';
import { FeedError, looksLikeFeed, parseFeed } from './feeds/parse.ts';

export type IntakeEvent =
  | { kind: 'report'; raw: RawReport }
  | { kind: 'skip'; input: string; reason: string };

export interface FileIntakeOptions {
  maxFileBytes: number;
  maxLineBytes: number;
  sourceHint?: string;
  /** Feed limits, the same for feed files as for feed URLs. */
  web: Pick<WebConfig, 'maxFeedBytes' | 'maxFeedItems'>;
}

/**
 * Deeper records are refused: no article nests this far, and a deep value overflows the stack of
 * every recursive reader after intake (JSON.stringify in the store write included).
 */
export const MAX_JSON_DEPTH = 64;

const FORMATS: Record<string, InputFormat | 'jsonl' | 'feed'> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
};

export const isSupportedFile = (path: string) => extname(path).toLowerCase() in FORMATS;

async function ignoredNames(dir: string): Promise<Set<string>> {
  try {
    const text = await readFile(join(dir, '.parallaxignore'), 'utf8');
    return new Set(text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
  } catch {
    return new Set();
  }
}

/**
 * What a path is when it is neither a file nor a folder: a pipe or a device is never read (a FIFO
 * blocks until someone writes, /dev/zero never ends).
 */
export function notRegular(s: Stats, viaLink = false): string {
  const what = s.isFIFO() ? 'a named pipe (FIFO)' : s.isSocket() ? 'a socket' : s.isCharacterDevice() ? 'a character device' : s.isBlockDevice() ? 'a block device' : 'a special file';
  return `not a regular file: ${viaLink ? `a link to ${what.replace(/ \(FIFO\)$/, '')}` : what}`;
}

/** Every file under the given paths, in a stable order; missing paths come back as skips. */
export async function listInputs(paths: string[]): Promise<{ files: string[]; skips: IntakeEvent[] }> {
  const files: string[] = [];
  const skips: IntakeEvent[] = [];
  const addFile = (p: string) => {
    if (isSupportedFile(p)) files.push(p);
    else skips.push({ kind: 'skip', input: p, reason: `unsupported type (${extname(p) || 'no extension'})` });
  };
  const walk = async (dir: string, top: boolean) => {
    let entries;
    try {
      entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    } catch (err) {
      // A folder given by name is reported by the caller; one inside it is skipped alone.
      if (top) throw err;
      skips.push({ kind: 'skip', input: dir, reason: describeFsError(err) });
      return;
    }
    const ignore = await ignoredNames(dir);
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules' || ignore.has(e.name)) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p, false);
      else if (e.isFile()) addFile(p);
      else if (e.isSymbolicLink()) {
        // A linked file is read; a linked folder is not walked (links can loop).
        const target = await stat(p).catch(() => null);
        if (target?.isFile()) addFile(p);
        else if (target?.isDirectory()) skips.push({ kind: 'skip', input: p, reason: 'symbolic link to a folder (not followed; name it directly)' });
        else skips.push({ kind: 'skip', input: p, reason: target ? notRegular(target, true) : 'broken symbolic link' });
      } else skips.push({ kind: 'skip', input: p, reason: notRegular(await stat(p)) });
    }
  };
  for (const path of paths) {
    try {
      const s = await stat(path);
      if (s.isDirectory()) await walk(path, true);
      else files.push(path);
    } catch (err) {
      skips.push({ kind: 'skip', input: path, reason: describeFsError(err) });
    }
  }
  return { files, skips };
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'not found';
  if (code === 'EACCES' || code === 'EPERM') return 'unreadable: permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return `unreadable: ${(err as Error).message}`;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

// Text never holds a NUL byte: one anywhere (not only near the top) means binary, or it would end
// up in the stored text.
const BINARY = { reason: 'binary file (contains NUL bytes)' };

/** HTML and XML feeds declare their own charset (BOM, <meta>, XML declaration). */
function decodeMarkupFile(bytes: Uint8Array): { text: string } | { reason: string } {
  // UTF-16 documents (with a BOM) are full of NUL bytes; anything else with NULs is binary.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.includes(0)) return BINARY;
  return { text: decodeHtml(bytes).html };
}

/** Decodes bytes as UTF-8, refusing binary data and invalid sequences with a reason. */
export function decodeText(bytes: Uint8Array): { text: string } | { reason: string } {
  if (bytes.includes(0)) return BINARY;
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    return { reason: 'invalid UTF-8 text' };
  }
}

function recordsOf(value: unknown): Record<string, unknown>[] | null {
  const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  if (Array.isArray(value)) return value.filter(isRecord);
  if (isRecord(value)) {
    for (const key of ['articles', 'items', 'data']) if (Array.isArray(value[key])) return recordsOf(value[key]);
    return [value];
  }
  return null;
}

/** Whether a parsed value nests deeper than `limit`; iterative, since the value may be thousands deep. */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(v)) if (child && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * A file's lines as bytes, split at \n (a \r before it dropped), so each line is decoded alone.
 * A line over `maxBytes` comes back as null, without being held in memory.
 */
async function* byteLines(path: string, maxBytes: number): AsyncGenerator<Buffer | null> {
  let parts: Buffer[] = [];
  let size = 0;
  // One byte of slack for the \r of a \r\n ending.
  const add = (b: Buffer) => {
    size += b.length;
    if (size > maxBytes + 1) parts = [];
    else if (b.length) parts.push(b);
  };
  const take = () => {
    let line: Buffer | null = size > maxBytes + 1 ? null : Buffer.concat(parts);
    if (line?.at(-1) === 0x0d) line = line.subarray(0, -1);
    parts = [];
    size = 0;
    return line && line.length > maxBytes ? null : line;
  };
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
      add(chunk.subarray(start, nl));
      yield take();
      start = nl + 1;
    }
    add(chunk.subarray(start));
  }
  if (size > 0) yield take();
}

/** A file as named on the command line, and as found on disk (what its reports are known by). */
interface FileName {
  path: string;
  realPath: string;
}

async function* readJsonl(file: FileName, opts: FileIntakeOptions): AsyncGenerator<IntakeEvent> {
  const { path } = file;
  let said = false;
  for await (const ev of jsonlEvents(file, opts)) {
    said = true;
    yield ev;
  }
  // Like an empty .txt: a file of no lines (or only blank ones) is named, not passed over in silence.
  if (!said) yield { kind: 'skip', input: path, reason: 'empty file' };
}

async function* jsonlEvents(file: FileName, opts: FileIntakeOptions): AsyncGenerator<IntakeEvent> {
  const { path } = file;
  let n = 0;
  for await (const bytes of byteLines(path, opts.maxLineBytes)) {
    n++;
    if (!bytes) {
      yield { kind: 'skip', input: `${path}:${n}`, reason: `too large: line ${n} is over ${opts.maxLineBytes} bytes` };
      continue;
    }
    let line: string;
    try {
      // Like .txt and .json files, a line is UTF-8 or refused, never patched with U+FFFD. The
      // decoder drops a byte-order mark at the start of a line (line 1 of a file saved "with BOM").
      line = decoder.decode(bytes);
    } catch {
      yield { kind: 'skip', input: `${path}:${n}`, reason: `invalid UTF-8 text on line ${n}` };
      continue;
    }
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      yield { kind: 'skip', input: `${path}:${n}`, reason: `malformed JSON line ${n}` };
      continue;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      yield { kind: 'skip', input: `${path}:${n}`, reason: `line ${n} is not a JSON object` };
      continue;
    }
    if (nestedDeeperThan(value, MAX_JSON_DEPTH)) {
      yield { kind: 'skip', input: `${path}:${n}`, reason: `JSON nested deeper than ${MAX_JSON_DEPTH} levels` };
      continue;
    }
    yield { kind: 'report', raw: jsonReport(file, value as Record<string, unknown>, `line ${n}`, opts, line) };
  }
}

function jsonReport(file: FileName, record: Record<string, unknown>, locator: string, opts: FileIntakeOptions, content?: string): RawReport {
  return { format: 'json', ...file, url: null, content: content ?? JSON.stringify(record), record, locator, sourceHint: opts.sourceHint };
}

/** A feed saved as a file: each item a report, read by the parser and limits of feed URLs. */
function* feedReports(file: FileName, text: string, opts: FileIntakeOptions): Generator<IntakeEvent> {
  const { path } = file;
  // Nothing here is fetched: an item is read from what the feed itself carries.
  if (!looksLikeFeed(text)) {
    yield { kind: 'skip', input: path, reason: 'not an RSS or Atom feed (expected <rss>, <rdf:RDF> or <feed>)' };
    return;
  }
  const { maxFeedBytes, maxFeedItems } = opts.web;
  // Links are resolved against the file; relative ones become file: URLs, which are dropped.
  const base = pathToFileURL(path).href;
  let feed: ParsedFeed;
  try {
    feed = parseFeed(text, base, { maxBytes: maxFeedBytes, maxItems: maxFeedItems });
  } catch (err) {
    if (!(err instanceof FeedError)) throw err;
    yield { kind: 'skip', input: path, reason: err.message };
    return;
  }
  if (!feed.items.length) {
    yield { kind: 'skip', input: path, reason: 'feed holds no items' };
    return;
  }
  if (feed.totalItems > maxFeedItems) {
    const reason = `too many items: read the first ${maxFeedItems} of ${feed.totalItems} (limit)`;
    yield { kind: 'skip', input: path, reason };
  }
  // Outlet: the feed's title, else --source, else the file name.
  const sourceHint = feed.title ?? opts.sourceHint;
  for (const item of feed.items) {
    const raw = itemReport(item, { feedUrl: base, feedTitle: feed.title });
    // Known by its link, else by the file and the item's guid: never by a file: URL.
    yield { kind: 'report', raw: { ...raw, ...file, locator: raw.url ? undefined : `item ${item.key}`, sourceHint } };
  }
}

/** Reads one file into raw reports (several for JSON arrays, JSONL and feeds). */
export async function* readFileReports(path: string, opts: FileIntakeOptions): AsyncGenerator<IntakeEvent> {
  const format = FORMATS[extname(path).toLowerCase()];
  if (!format) {
    yield { kind: 'skip', input: path, reason: `unsupported type (${extname(path) || 'no extension'})` };
    return;
  }
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    if (!info.isFile()) {
      const viaLink = (await lstat(path)).isSymbolicLink();
      yield { kind: 'skip', input: path, reason: notRegular(info, viaLink) };
      return;
    }
    const file = { path, realPath: await realpath(path) };
    if (format === 'jsonl') {
      // Check readability up front so a permission error is one clear skip.
      await (await open(path, 'r')).close();
      yield* readJsonl(file, opts);
      return;
    }
    if (info.size > opts.maxFileBytes) {
      yield { kind: 'skip', input: path, reason: `too large: ${info.size} bytes (limit ${opts.maxFileBytes})` };
      return;
    }
    if (info.size === 0) {
      yield { kind: 'skip', input: path, reason: 'empty file' };
      return;
    }
    const bytes = await readFile(path);
    // HTML and XML declare their own charset (BOM, <meta>, <?xml encoding>): windows-1251 and
    // Latin-1 pages are common.
    const decoded = format === 'html' || format === 'feed' ? decodeMarkupFile(bytes) : decodeText(bytes);
    if ('reason' in decoded) {
      yield { kind: 'skip', input: path, reason: decoded.reason };
      return;
    }
    if (format === 'feed') {
      yield* feedReports(file, decoded.text, opts);
      return;
    }
    if (format !== 'json') {
      if (!decoded.text.trim()) yield { kind: 'skip', input: path, reason: 'empty file' };
      else yield { kind: 'report', raw: { format, ...file, url: null, content: decoded.text, sourceHint: opts.sourceHint } };
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(decoded.text);
    } catch (err) {
      yield { kind: 'skip', input: path, reason: `malformed JSON: ${(err as Error).message}` };
      return;
    }
    const records = recordsOf(value);
    if (!records || records.length === 0) {
      yield { kind: 'skip', input: path, reason: 'JSON holds no article objects' };
      return;
    }
    const single = records.length === 1 && !Array.isArray(value);
    for (const [i, record] of records.entries()) {
      const locator = single ? '' : `item ${i + 1}`;
      if (nestedDeeperThan(record, MAX_JSON_DEPTH)) {
        const reason = `JSON nested deeper than ${MAX_JSON_DEPTH} levels${locator && ` (${locator})`}`;
        yield { kind: 'skip', input: path, reason };
      } else yield { kind: 'report', raw: jsonReport(file, record, locator, opts) };
    }
  } catch (err) {
    yield { kind: 'skip', input: path, reason: describeFsError(err) };
  }
}
