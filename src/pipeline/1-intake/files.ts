// Local files and folders → raw reports. Folders are walked recursively (dot-files, node_modules
// and names listed in a folder's .parallaxignore are passed over); every input that yields no
// report is reported with the reason, and one bad file never stops the others.
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { InputFormat, RawReport } from '../../model/index.ts';
import { decodeHtml } from '../2-extract/charset.ts';

export type IntakeEvent =
  | { kind: 'report'; raw: RawReport }
  | { kind: 'skip'; input: string; reason: string };

export interface FileIntakeOptions {
  maxFileBytes: number;
  maxLineBytes: number;
  sourceHint?: string;
}

const FORMATS: Record<string, InputFormat | 'jsonl'> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
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
        else skips.push({ kind: 'skip', input: p, reason: target ? 'symbolic link to a folder (not followed; name it directly)' : 'broken symbolic link' });
      }
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

function decodeHtmlFile(bytes: Uint8Array): { text: string } | { reason: string } {
  // UTF-16 pages (with a BOM) are full of NUL bytes; anything else with NULs is binary.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) return { reason: 'binary file (contains NUL bytes)' };
  return { text: decodeHtml(bytes).html };
}

/** Decodes bytes as UTF-8, refusing binary data and invalid sequences with a reason. */
export function decodeText(bytes: Uint8Array): { text: string } | { reason: string } {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { reason: 'binary file (contains NUL bytes)' };
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

async function* readJsonl(path: string, opts: FileIntakeOptions): AsyncGenerator<IntakeEvent> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    if (line.length > opts.maxLineBytes) {
      yield { kind: 'skip', input: `${path}:${n}`, reason: `too large: line ${n} is over ${opts.maxLineBytes} bytes` };
      continue;
    }
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
    yield { kind: 'report', raw: jsonReport(path, value as Record<string, unknown>, `line ${n}`, opts, line) };
  }
}

function jsonReport(path: string, record: Record<string, unknown>, locator: string, opts: FileIntakeOptions, content?: string): RawReport {
  return { format: 'json', path, url: null, content: content ?? JSON.stringify(record), record, locator, sourceHint: opts.sourceHint };
}

/** Reads one file into raw reports (several for JSON arrays and JSONL). */
export async function* readFileReports(path: string, opts: FileIntakeOptions): AsyncGenerator<IntakeEvent> {
  const format = FORMATS[extname(path).toLowerCase()];
  if (!format) {
    yield { kind: 'skip', input: path, reason: `unsupported type (${extname(path) || 'no extension'})` };
    return;
  }
  try {
    const info = await stat(path);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    if (format === 'jsonl') {
      // Check readability up front so a permission error is one clear skip.
      await (await open(path, 'r')).close();
      yield* readJsonl(path, opts);
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
    // HTML declares its own charset (BOM, <meta>): windows-1251 and Latin-1 pages are common.
    const decoded = format === 'html' ? decodeHtmlFile(bytes) : decodeText(bytes);
    if ('reason' in decoded) {
      yield { kind: 'skip', input: path, reason: decoded.reason };
      return;
    }
    if (format !== 'json') {
      if (!decoded.text.trim()) yield { kind: 'skip', input: path, reason: 'empty file' };
      else yield { kind: 'report', raw: { format, path, url: null, content: decoded.text, sourceHint: opts.sourceHint } };
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
      yield { kind: 'report', raw: jsonReport(path, record, single ? '' : `item ${i + 1}`, opts) };
    }
  } catch (err) {
    yield { kind: 'skip', input: path, reason: describeFsError(err) };
  }
}
