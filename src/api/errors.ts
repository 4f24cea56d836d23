// The one error type of the HTTP edge: every failure leaves as JSON { error: { code, message } }
// with a stable code clients can branch on.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { QueryOverBudget, StoreBusy } from '../store/store.ts';

export const ERROR_CODES = {
  invalid_input: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  already_exists: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  search_too_costly: 400,
  nothing_ingested: 422,
  too_many_requests: 429,
  internal: 500,
  url_ingest_unavailable: 501,
  store_busy: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(`api: ${message}`);
  }
  get status(): ContentfulStatusCode {
    return ERROR_CODES[this.code];
  }
}

export const fromZod = (what: string, err: ZodError) =>
  new ApiError(
    'invalid_input',
    `invalid ${what}: ${err.issues.map((i) => `${i.path.join('.') || what} ${i.message}`).join('; ')}`,
    err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  );

export function errorResponse(c: Context, err: ApiError) {
  return c.json(
    { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } },
    err.status,
  );
}

/** Hono's onError: known errors keep their code; anything else is logged and reported as internal. */
export function onError(log: (msg: string) => void) {
  return (err: Error, c: Context) => {
    if (err instanceof ApiError) return errorResponse(c, err);
    if (err instanceof QueryOverBudget) return errorResponse(c, new ApiError('search_too_costly', err.message.replace(/^store: /, '')));
    // Another writer held the store past its bound: nothing was written, the same request may be retried.
    if (err instanceof StoreBusy) {
      c.header('Retry-After', String(err.retryAfterSeconds));
      return errorResponse(c, new ApiError('store_busy', err.message.replace(/^store: /, 'store ')));
    }
    log(`api: ${c.req.method} ${c.req.path} failed: ${err.stack ?? err.message}`);
    return errorResponse(c, new ApiError('internal', 'internal error'));
  };
}
