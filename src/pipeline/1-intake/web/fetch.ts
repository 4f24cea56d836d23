// One guarded HTTP GET. Every hop (the first request and each redirect) resolves the host, checks
// every address before any connection, and connects to the checked address itself, so a DNS
// answer that changes between check and connect (rebinding) cannot slip through. Bodies are
// streamed under a size cap that counts decompressed bytes, and the whole exchange has a deadline.
import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import tls from 'node:tls';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { blockedReason, type AllowEntry } from './address.ts';
import { FetchError } from './errors.ts';

/** Resolves a host name to its addresses (injectable so tests never touch real DNS). */
export type Resolver = (host: string) => Promise<string[]>;

export interface FetchOptions {
  allow: readonly AllowEntry[];
  userAgent: string;
  /** Largest body accepted, counted after decompression. */
  maxBytes: number;
  maxRedirects: number;
  connectTimeoutMs: number;
  /** Deadline of each hop: connection, response head and (on the last hop) the whole body. */
  timeoutMs: number;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  resolve?: Resolver;
  /** Called before each hop's request, once its address passed: robots.txt and pacing live here. */
  beforeRequest?: (url: URL, hop: number) => Promise<void>;
  /** Extra trusted CA certificates (PEM), e.g. an intranet's own CA; the system's stay trusted. */
  ca?: string;
}

export interface FetchResponse {
  /** The URL finally answered, after redirects. */
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  body: Uint8Array;
  redirects: string[];
}

const defaultResolve: Resolver = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

const mb = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`;

/** Checks the URL and the addresses its host resolves to; returns the address to connect to. */
export async function checkedAddress(
  url: URL,
  opts: Pick<FetchOptions, 'allow' | 'resolve'>,
): Promise<string> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FetchError('bad-url', `only http and https URLs are fetched: ${url.href}`);
  if (url.username || url.password)
    throw new FetchError('bad-url', `URLs with credentials are not fetched: ${url.host}`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await (opts.resolve ?? defaultResolve)(host);
    } catch (err) {
      throw new FetchError(
        'dns',
        `cannot resolve ${host}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      );
    }
    if (!addresses.length) throw new FetchError('dns', `cannot resolve ${host}: no addresses`);
  }
  // One blocked address is enough to refuse: a host that mixes public and internal answers is suspect.
  for (const a of addresses) {
    const reason = blockedReason(a, opts.allow);
    if (reason) throw new FetchError('blocked-address', `refusing ${url.host}: ${reason}`);
  }
  return addresses[0];
}

function decompressor(
  encoding: string | undefined,
): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  const e = (encoding ?? 'identity').trim().toLowerCase();
  if (e === 'gzip' || e === 'x-gzip') return zlib.createGunzip();
  if (e === 'deflate') return zlib.createInflate();
  if (e === 'br') return zlib.createBrotliDecompress();
  if (e === 'identity' || e === '') return null;
  throw new FetchError('decode', `unsupported content encoding "${e}"`);
}

async function readBody(res: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    throw new FetchError('too-large', `body of ${mb(declared)} exceeds the limit of ${mb(maxBytes)}`);
  }
  const unzip = decompressor(res.headers['content-encoding']);
  const stream: Readable = unzip ? pipeline(res, unzip, () => {}) : res;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        res.destroy();
        unzip?.destroy();
        throw new FetchError(
          'too-large',
          `body exceeds the limit of ${mb(maxBytes)}${unzip ? ' after decompression' : ''}`,
        );
      }
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    if (err instanceof FetchError) throw err;
    if (
      (err as NodeJS.ErrnoException).code?.startsWith('Z_') ||
      (err as NodeJS.ErrnoException).code === 'ERR__ERROR'
    )
      throw new FetchError('decode', `cannot decompress the body: ${(err as Error).message}`);
    throw err;
  }
  return Buffer.concat(chunks);
}

/** Sends one request to an already checked address and waits for the response head. */
function request(
  url: URL,
  address: string,
  opts: FetchOptions,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const lib = url.protocol === 'https:' ? https : http;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve, reject) => {
    const req = lib.request({
      protocol: url.protocol,
      hostname: address,
      port: url.port || (url.protocol === 'https:' ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      agent: false,
      signal,
      // TLS: SNI and certificate checks use the host name, while the socket goes to the checked address.
      ...(url.protocol === 'https:' && !isIP(host) ? { servername: host } : {}),
      ...(opts.ca ? { ca: [...tls.rootCertificates, opts.ca] } : {}),
      headers: {
        host: url.host,
        'user-agent': opts.userAgent,
        'accept-encoding': 'gzip, deflate, br',
        accept: '*/*',
        ...opts.headers,
      },
    });
    const connectTimer = setTimeout(
      () =>
        req.destroy(
          new FetchError('timeout', `no connection to ${url.host} within ${opts.connectTimeoutMs} ms`),
        ),
      opts.connectTimeoutMs,
    );
    req.on('socket', (socket) => {
      if (!socket.connecting) clearTimeout(connectTimer);
      else socket.once('connect', () => clearTimeout(connectTimer));
    });
    req.on('response', (res) => {
      clearTimeout(connectTimer);
      resolve(res);
    });
    req.on('error', (err) => {
      clearTimeout(connectTimer);
      reject(err);
    });
    req.end();
  });
}

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed by the server',
  HPE_INVALID_CONSTANT: 'malformed HTTP response',
};

/** Answers no retry will mend, told in words rather than the parser's code. */
const BAD_RESPONSES: Record<string, string> = {
  HPE_HEADER_OVERFLOW: `response headers too large (over ${Math.round(http.maxHeaderSize / 1024)} KB)`,
};

function asFetchError(err: unknown, url: URL, deadline: AbortSignal, timeoutMs: number): unknown {
  if (err instanceof FetchError) return err;
  const bad = BAD_RESPONSES[(err as NodeJS.ErrnoException).code ?? ''];
  if (bad) return new FetchError('bad-response', `${url.host}: ${bad}`);
  if (deadline.aborted && (deadline.reason as Error)?.name === 'TimeoutError')
    return new FetchError('timeout', `${url.href} did not answer in full within ${timeoutMs} ms`);
  if ((err as Error).name === 'AbortError') return err;
  const code = (err as NodeJS.ErrnoException).code ?? '';
  return new FetchError(
    'network',
    `${url.host}: ${NETWORK_ERRORS[code] ?? (code || (err as Error).message)}`,
  );
}

const retryAfterMs = (h: string | string[] | undefined): number | undefined => {
  const v = Array.isArray(h) ? h[0] : h;
  if (!v) return undefined;
  const secs = Number(v);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(v);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
};

/**
 * GETs a URL under all the guards above. Resolves with 2xx and 304 responses; throws FetchError
 * for everything else (blocked address, 4xx/5xx, too many redirects, too large, timeout...).
 */
export async function safeFetch(input: string, opts: FetchOptions): Promise<FetchResponse> {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new FetchError('bad-url', `not a URL: ${input}`);
  }
  const redirects: string[] = [];
  for (;;) {
    // Each hop's clock starts after its politeness wait (robots.txt, Crawl-delay), which may be long.
    let deadline = opts.signal ?? new AbortController().signal;
    let clock: NodeJS.Timeout | undefined;
    try {
      const address = await checkedAddress(url, opts);
      await opts.beforeRequest?.(url, redirects.length);
      // A timer of our own rather than AbortSignal.timeout() inside AbortSignal.any(): on Node 20
      // the composite holds the timeout signal weakly, a garbage collection can take it before it
      // fires, and a server that never answers then holds the fetch forever (nodejs/node#57736).
      const timer = new AbortController();
      clock = setTimeout(() => timer.abort(new DOMException('timed out', 'TimeoutError')), opts.timeoutMs);
      deadline = opts.signal ? AbortSignal.any([timer.signal, opts.signal]) : timer.signal;
      deadline.throwIfAborted();
      const res = await request(url, address, opts, deadline);
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && status !== 304) {
        res.destroy();
        const location = res.headers.location;
        if (!location || ![301, 302, 303, 307, 308].includes(status))
          throw new FetchError('http-status', `HTTP ${status} without a usable redirect from ${url.href}`, {
            status,
          });
        if (redirects.length >= opts.maxRedirects)
          throw new FetchError(
            'too-many-redirects',
            `more than ${opts.maxRedirects} redirects from ${input}`,
          );
        redirects.push(url.href);
        try {
          url = new URL(location, url);
        } catch {
          throw new FetchError('bad-url', `bad redirect location "${location}" from ${url.href}`);
        }
        continue;
      }
      if (status >= 400 || status < 200) {
        res.destroy();
        throw new FetchError('http-status', `HTTP ${status} from ${url.href}`, {
          status,
          retryAfterMs: retryAfterMs(res.headers['retry-after']),
        });
      }
      const body = status === 304 ? new Uint8Array() : await readBody(res, opts.maxBytes);
      // A body without a length ends when the connection closes, and the deadline closes it too:
      // what arrived by then is a cut page, not the article.
      deadline.throwIfAborted();
      if (!res.complete) throw new FetchError('network', `${url.host}: the body ended early`);
      return { url: url.href, status, headers: res.headers, body, redirects };
    } catch (err) {
      throw asFetchError(err, url, deadline, opts.timeoutMs);
    } finally {
      clearTimeout(clock);
    }
  }
}
