// One error type for everything that can go wrong fetching a URL, with a stable code and whether
// trying again later could help.

export type FetchErrorCode =
  | 'bad-url'
  | 'blocked-address'
  | 'robots'
  | 'dns'
  | 'network'
  | 'timeout'
  | 'too-many-redirects'
  | 'too-large'
  | 'decode'
  | 'bad-response'
  | 'http-status';

const RETRYABLE = new Set<FetchErrorCode>(['network', 'timeout']);

export class FetchError extends Error {
  override name = 'FetchError';
  readonly retryable: boolean;

  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly extra: {
      status?: number;
      retryAfterMs?: number;
      /** A robots refusal only because robots.txt could not be read: the page itself was not asked for. */
      robotsUnread?: boolean;
    } = {},
  ) {
    super(`web: ${message}`);
    const s = extra.status;
    this.retryable = RETRYABLE.has(code) || (s !== undefined && (s >= 500 || s === 429 || s === 408));
  }
}
