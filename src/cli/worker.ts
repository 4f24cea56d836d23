// `parallax enqueue`, `parallax worker` and `parallax worker --assigner` (issue #21 part 4): reports
// queued in the store, prepared by any number of workers, assigned to stories by one elected
// assigner (its standby waits in the same command). Thin: the runners do the work.
import { hostname } from 'node:os';
import type { Config } from '../config/index.ts';
import { listInputs, readFileReports } from '../pipeline/1-intake/files.ts';
import { isWebAddress, queuedUrl } from '../pipeline/1-intake/queued-url.ts';
import { runAssigner } from '../pipeline/run-assigner.ts';
import { runWorker } from '../pipeline/run-worker.ts';
import type { RawReport } from '../model/index.ts';
import type { Store } from '../store/store.ts';
import { UsageError } from './usage.ts';

export interface WorkerCli {
  config: Config;
  flags: { assigner?: boolean; 'until-empty'?: boolean; lease?: string; batch?: string; source?: string; quiet?: boolean };
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Reports queued per store call. */
const ENQUEUE_BATCH = 500;

const ownerName = (role: string) => `${role}:${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

/** Stops on SIGINT/SIGTERM after the current batch (claims not finished come back after their lease). */
function stopOnSignal(cli: WorkerCli): { signal: AbortSignal; done: () => void } {
  const stop = new AbortController();
  const onSignal = () => {
    cli.err('parallax: stopping after the current batch…');
    stop.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    signal: stop.signal,
    done: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/**
 * `enqueue PATH|URL...`: the files' reports into the intake queue, in the order ingest reads them;
 * a URL is queued as its address, fetched by the worker that claims it.
 */
export async function enqueueCommand(store: Store, inputs: string[], cli: WorkerCli): Promise<number> {
  let batch: RawReport[] = [];
  let queued = 0;
  const put = async () => {
    queued += (await store.enqueueReports(batch)).length;
    batch = [];
  };
  // In the order given: a URL where it stands among the files.
  for (const input of inputs) {
    if (isWebAddress(input)) {
      const raw = queuedUrl(input, cli.flags.source);
      if (!raw) cli.err(`skipped ${input}: not an http(s) URL`);
      else if (batch.push(raw) >= ENQUEUE_BATCH) await put();
      continue;
    }
    const { files, skips } = await listInputs([input]);
    for (const s of skips) if (s.kind === 'skip') cli.err(`skipped ${s.input}: ${s.reason}`);
    for (const file of files) {
      for await (const ev of readFileReports(file, { ...cli.config, sourceHint: cli.flags.source })) {
        if (ev.kind === 'skip') cli.err(`skipped ${ev.input}: ${ev.reason}`);
        else if (batch.push(ev.raw) >= ENQUEUE_BATCH) await put();
      }
    }
  }
  if (batch.length) await put();
  cli.err(`parallax: ${queued} reports queued`);
  return queued ? 0 : 1;
}

/** `worker`: prepares queued reports; `worker --assigner`: stands by for, then holds, the assigner's post. */
export async function workerCommand(store: Store, cli: WorkerCli): Promise<number> {
  const { signal, done } = stopOnSignal(cli);
  const untilEmpty = cli.flags['until-empty'];
  const lease = cli.flags.lease === undefined ? undefined : Number(cli.flags.lease);
  const batch = cli.flags.batch === undefined ? undefined : Number(cli.flags.batch);
  if (batch !== undefined && !(Number.isInteger(batch) && batch >= 1 && batch <= 100_000)) throw new UsageError(`--batch must be 1..100000 articles, got ${cli.flags.batch}`);
  if (lease !== undefined && !(Number.isInteger(lease) && lease >= 1 && lease <= 3600)) throw new UsageError(`--lease must be 1..3600 seconds, got ${cli.flags.lease}`);
  try {
    if (cli.flags.assigner) {
      const owner = ownerName('assigner');
      const r = await runAssigner(store, {
        config: batch ? { ...cli.config, writeBatch: batch } : cli.config,
        owner,
        signal,
        untilEmpty,
        ...(lease ? { leaseSeconds: lease } : {}),
        onEvent: (e) =>
          cli.err(e.kind === 'lead' ? `parallax: ${owner} assigns (epoch ${e.epoch})` : `parallax: ${owner} lost the post (epoch ${e.epoch}): ${e.why}`),
      });
      cli.err(`parallax: assigner consumed ${r.consumed} intake rows`);
    } else {
      const r = await runWorker(store, { owner: ownerName('worker'), web: cli.config.web, signal, untilEmpty, ...(lease ? { leaseSeconds: lease } : {}) });
      cli.err(`parallax: worker prepared ${r.prepared}, failed ${r.failed}${r.retrying ? `, gave ${r.retrying} fetches back for a later try` : ''}`);
    }
  } finally {
    done();
  }
  return 0;
}
