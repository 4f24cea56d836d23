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

export class HostRateLimiter {
  private nextFree = new Map<string, number>();

  constructor(
    private intervalMs: number,
    private clock: Clock = realClock,
  ) {}

  /** Waits until a request to `host` is allowed; `minIntervalMs` can lengthen the gap (Crawl-delay). */
  async wait(host: string, minIntervalMs = 0): Promise<void> {
    const now = this.clock.now();
    const at = Math.max(now, this.nextFree.get(host) ?? 0);
    this.nextFree.set(host, at + Math.max(this.intervalMs, minIntervalMs));
    if (at > now) await this.clock.sleep(at - now);
  }
}
