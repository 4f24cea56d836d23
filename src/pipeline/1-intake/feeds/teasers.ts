// Feed items stored from the feed's teaser because their page could not be fetched. Later polls
// try the page again, a few times over a bounded time, so a passing outage does not leave the
// article a teaser for good. What a poll remembers of an item is one string per item key (the
// store keeps it opaque): the item's fingerprint, then, while its page is still to be fetched,
// the failed attempts and when the first one was.

/** Attempts at one item's page, the first included; later polls make the others. */
export const PAGE_ATTEMPTS = 4;
/** No attempt once this long has passed since the first one failed. */
export const PAGE_RETRY_WINDOW_MS = 2 * 24 * 3600 * 1000;

export interface MissingPage {
  /** Attempts made so far (0 when none could be made yet: its host was silent this poll). */
  failures: number;
  /** ISO time the item was first stored from its teaser. */
  since: string;
}

export interface ItemMemory {
  fingerprint: string;
  /** Set while the item is stored from its teaser and its page is still to be fetched. */
  missingPage: MissingPage | null;
}

const TAG = 'page-missing';

export function encodeItemMemory(m: ItemMemory): string {
  return m.missingPage
    ? `${m.fingerprint} ${TAG} ${m.missingPage.failures} ${m.missingPage.since}`
    : m.fingerprint;
}

/** Reads a stored item memory; a bare fingerprint (all items stored before this) has no missing page. */
export function decodeItemMemory(stored: string): ItemMemory {
  const [fingerprint, tag, failures, since] = stored.split(' ');
  if (tag !== TAG || !/^\d+$/.test(failures ?? '') || !Number.isFinite(Date.parse(since ?? ''))) {
    return { fingerprint, missingPage: null };
  }
  return { fingerprint, missingPage: { failures: Number(failures), since } };
}

/** Whether a missing page may be tried again at `nowMs`, or is given up (the teaser stays). */
export function pageRetryAllowed(page: MissingPage, nowMs: number): boolean {
  return page.failures < PAGE_ATTEMPTS && nowMs - Date.parse(page.since) < PAGE_RETRY_WINDOW_MS;
}
