// A token bucket per client for the expensive reads (search): one client may burst, then is held
// to a steady rate with 429 + Retry-After, and the others keep being served.
import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from './errors.ts';

export interface RateLimit {
  /** Requests a client may make at once. */
  burst: number;
  /** Requests per second it gets back. */
  perSecond: number;
}

export const SEARCH_RATE: RateLimit = { burst: 20, perSecond: 10 };
/** Buckets kept at most; full ones are forgotten first (a client at rest owes nothing). */
const MAX_CLIENTS = 10_000;

/** The client's address as the socket gives it (a proxy in front makes every client one). */
export const socketAddress = (c: Context): string =>
  (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? 'local';

export function rateLimit(limit: RateLimit, clientOf: (c: Context) => string = socketAddress): MiddlewareHandler {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return async (c, next) => {
    const now = Date.now();
    const key = clientOf(c);
    const b = buckets.get(key) ?? { tokens: limit.burst, at: now };
    b.tokens = Math.min(limit.burst, b.tokens + ((now - b.at) / 1000) * limit.perSecond);
    b.at = now;
    if (b.tokens < 1) {
      c.header('Retry-After', String(Math.ceil((1 - b.tokens) / limit.perSecond)));
      throw new ApiError('too_many_requests', `too many requests from this client: at most ${limit.perSecond} a second`);
    }
    b.tokens -= 1;
    buckets.set(key, b);
    if (buckets.size > MAX_CLIENTS)
      for (const [k, v] of buckets) if (v.tokens + ((now - v.at) / 1000) * limit.perSecond >= limit.burst) buckets.delete(k);
    await next();
  };
}
