// A URL in the intake queue (`parallax enqueue URL`, an API URL ingest on a queued store): the row
// holds only the address; the worker that claims it fetches the page (run-worker.ts).
import type { RawReport } from '../../model/index.ts';
import { canonicalUrl } from './web/canonical-url.ts';

/** A queued URL as a report with nothing read yet; null when it is not an http(s) URL. */
export function queuedUrl(url: string, sourceHint?: string): RawReport | null {
  // Fetched as given; the page is known by its canonical address once fetched (as `ingest URL`).
  if (!canonicalUrl(url)) return null;
  return { format: 'html', path: null, url: url.trim(), content: '', ...(sourceHint ? { sourceHint } : {}) };
}

/** Whether a queued report is an address still to fetch (no content and no record of its own). */
export const awaitsFetch = (raw: RawReport): raw is RawReport & { url: string } => !!raw.url && raw.content === '' && !raw.record;

/** Whether a command-line input names a URL rather than a file. */
export const isWebAddress = (input: string) => /^https?:\/\//i.test(input);
