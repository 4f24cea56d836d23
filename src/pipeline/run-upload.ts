// The runner for uploaded files (the HTTP edge's `/ingest/files`): like run.ts it owns the
// pipeline's order and hands each report to an Ingestor; the edge only passes the files in.
//   file → intake (reports, skips in place) → worker thread (extract + analyze) → Ingestor, in order.
// Extraction runs on a worker thread (about a second to start, off the event loop): inline, the
// reports' settled awaits gave the event loop no turn for seconds (1,000 reports: 8.4 s), and a
// server's first upload also loaded the language models on it (100 reports: story list p99 3.3 s;
// on the worker 0.15 s).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Config } from '../config/index.ts';
import type { RawReport } from '../model/index.ts';
import { isSupportedFile, readFileReports } from './1-intake/files.ts';
import { workerPool } from './parallel/pool.ts';
import type { Prepared } from './parallel/prepare.ts';
import type { Ingestor } from './run.ts';

/** An uploaded file as the edge received it (a web `File` fits). */
export interface UploadedFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** One worker: the other core keeps answering requests. */
const UPLOAD_WORKERS = 1;
/** And below them when cores are scarce (story list p99 during an upload: see BENCHMARKS.md). */
const UPLOAD_NICENESS = 10;
/** Reports handed to the worker ahead of grouping: keeps it busy, bounds memory. */
const UPLOAD_IN_FLIGHT = 64;
/** Longest stretch of ingest work between two turns of the event loop. */
const TURN_MS = 20;

const UNSUPPORTED = 'unsupported type (use .txt, .md, .html, .json, .jsonl or a feed: .xml, .rss, .atom)';

/** The name an upload is known by: its own base name, made safe (uploading it again updates it). */
export const uploadName = (name: string): string =>
  basename(name || 'upload.txt')
    .replace(/[^\w.-]+/g, '_')
    .slice(-120) || 'upload.txt';

/** The uploaded files' reports, in upload order, each skip in its place (known by the file's name). */
export async function* uploadReports(
  files: UploadedFile[],
  opts: { config: Pick<Config, 'maxFileBytes' | 'maxLineBytes' | 'web'>; sourceHint?: string },
): AsyncGenerator<{ kind: 'skip'; input: string; reason: string } | { kind: 'report'; raw: RawReport }> {
  const { config } = opts;
  const dir = await mkdtemp(join(tmpdir(), 'parallax-upload-'));
  try {
    for (const [k, f] of files.entries()) {
      const name = uploadName(f.name);
      if (!isSupportedFile(name)) {
        yield { kind: 'skip', input: name, reason: UNSUPPORTED };
        continue;
      }
      if (f.size > config.maxFileBytes) {
        yield { kind: 'skip', input: name, reason: `too large: over ${config.maxFileBytes} bytes` };
        continue;
      }
      const tmp = join(dir, `${k}-${name}`);
      await writeFile(tmp, Buffer.from(await f.arrayBuffer()));
      for await (const ev of readFileReports(tmp, { ...config, sourceHint: opts.sourceHint })) {
        if (ev.kind === 'skip') yield { kind: 'skip', input: name, reason: ev.reason };
        // Uploads are known by their file name, not the temporary file.
        else yield { kind: 'report', raw: { ...ev.raw, path: `upload/${name}`, realPath: undefined } };
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Adds every report of the uploaded files through `ingestor`, in upload order (grouping is
 * order-dependent); returns the ids of the articles added or changed (null for the others).
 */
export async function ingestUploads(
  ingestor: Ingestor,
  files: UploadedFile[],
  opts: { config: Pick<Config, 'maxFileBytes' | 'maxLineBytes' | 'web'>; sourceHint?: string },
): Promise<(string | null)[]> {
  const pool = workerPool(UPLOAD_WORKERS, { niceness: UPLOAD_NICENESS });
  try {
    const ids: (string | null)[] = [];
    const inFlight: Promise<[RawReport, Prepared]>[] = [];
    let turn = performance.now();
    const drain = async (keep: number) => {
      while (inFlight.length > keep) {
        const [raw, prepared] = await inFlight.shift()!;
        ids.push(await ingestor.addPrepared(raw, prepared));
        // Settled promises chain as microtasks, which never let a request in: give the event
        // loop a turn every TURN_MS of grouping work.
        if (performance.now() - turn > TURN_MS) {
          await new Promise((r) => setImmediate(r));
          turn = performance.now();
        }
      }
    };
    for await (const ev of uploadReports(files, opts)) {
      if (ev.kind === 'skip') {
        await drain(0); // skips keep their place among the reports
        ingestor.skipInput(ev.input, ev.reason);
        continue;
      }
      const raw = ev.raw;
      inFlight.push(pool.submit(raw).then((p): [RawReport, Prepared] => [raw, p]));
      await drain(UPLOAD_IN_FLIGHT);
    }
    await drain(0);
    return ids;
  } finally {
    await pool.close();
  }
}
