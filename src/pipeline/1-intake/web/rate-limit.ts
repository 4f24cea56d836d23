// Politeness: at most one request to a host per interval (or per the robots.txt Crawl-delay when
// that is longer). Reservations are made in order, so concurrent callers queue up fairly.

export interface Clock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Pacing shared with other processes (a next-allowed time per host in the store): reserves the
 * first slot at or after `earliest` (epoch ms) and returns it; the next one is `gapMs` later.
 */
export type SharedPace = (host: string, earliest: number, gapMs: number) => Promise<number>;

/** A wake later than this share of the gap past its slot takes a fresh slot (at most `LATE_TRIES` slots per request). */
const LATE_SHARE = 0.1;
const LATE_TRIES = 3;

export class HostRateLimiter {
  private nextFree = new Map<string, number>();

  constructor(
    private intervalMs: number,
    private clock: Clock = realClock,
    private shared?: SharedPace,
  ) {}

  /** Waits until a request to `host` is allowed; `minIntervalMs` can lengthen the gap (Crawl-delay). */
  async wait(host: string, minIntervalMs = 0): Promise<void> {
    const gap = Math.max(this.intervalMs, minIntervalMs);
    if (gap <= 0) return;
    for (let tries = 1; ; tries++) {
      const at = await this.reserve(host, gap);
      const wait = at - this.clock.now();
      if (wait > 0) await this.clock.sleep(wait);
      // Woken late (a loaded machine): the next slot, this process's or another's, may now come
      // less than a gap after this request. The slot is given up for a fresh one that leaves the gap.
      const late = this.clock.now() - at;
      if (late <= gap * LATE_SHARE || tries >= LATE_TRIES) {
        this.nextFree.set(host, Math.max(this.nextFree.get(host) ?? 0, this.clock.now() + gap));
        return;
      }
    }
  }

  /** The first slot for `host` this process's queue, then the other processes', leave it. */
  private async reserve(host: string, gap: number): Promise<number> {
    let at = Math.max(this.clock.now(), this.nextFree.get(host) ?? 0);
    this.nextFree.set(host, at + gap);
    if (this.shared && gap > 0) {
      at = await this.shared(host, at, gap);
      this.nextFree.set(host, Math.max(this.nextFree.get(host) ?? 0, at + gap));
    }
    return at;
  }
}
