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
    let at = Math.max(this.clock.now(), this.nextFree.get(host) ?? 0);
    this.nextFree.set(host, at + gap);
    if (this.shared && gap > 0) {
      // Our own queue first, then the slot other processes leave us.
      at = await this.shared(host, at, gap);
      this.nextFree.set(host, Math.max(this.nextFree.get(host) ?? 0, at + gap));
    }
    const wait = at - this.clock.now();
    if (wait > 0) await this.clock.sleep(wait);
  }
}
