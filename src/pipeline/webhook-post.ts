// One webhook POST behind the fetcher's address guard: the host is resolved and every address
// checked before connecting (no loopback, private or metadata targets unless allowed), the request
// goes to the checked address itself (no rebinding between check and connect), redirects are not
// followed, and the whole exchange has a deadline. Only the status is read.
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { parseAllowList } from './1-intake/web/address.ts';
import { checkedAddress, type Resolver } from './1-intake/web/fetch.ts';

export interface PostOptions {
  /** Addresses or CIDRs let through the guard (the fetcher's PARALLAX_FETCH_ALLOW, and private ranges when allowed). */
  allow: readonly string[];
  timeoutMs: number;
  userAgent: string;
  resolve?: Resolver;
}

export interface PostResult {
  status: number;
}

/** Bytes of a receiver's answer read (and thrown away) at most. */
const MAX_ANSWER = 64 * 1024;

/** Throws FetchError('blocked-address' | 'bad-url' | 'dns') before connecting, or Error on network failure. */
export async function postJson(url: string, body: string, headers: Record<string, string>, opts: PostOptions): Promise<PostResult> {
  const target = new URL(url);
  const address = await checkedAddress(target, { allow: parseAllowList(opts.allow), resolve: opts.resolve });
  const lib = target.protocol === 'https:' ? https : http;
  const host = target.hostname.replace(/^\[|\]$/g, '');
  return new Promise<PostResult>((resolve, reject) => {
    const req = lib.request({
      host: address,
      port: target.port || (target.protocol === 'https:' ? 443 : 80),
      path: `${target.pathname}${target.search}`,
      method: 'POST',
      agent: false,
      timeout: opts.timeoutMs,
      ...(target.protocol === 'https:' && !isIP(host) ? { servername: host } : {}),
      headers: {
        host: target.host,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'user-agent': opts.userAgent,
        ...headers,
      },
    });
    const deadline = setTimeout(() => req.destroy(new Error(`no answer within ${opts.timeoutMs} ms`)), opts.timeoutMs);
    req.on('timeout', () => req.destroy(new Error(`no answer within ${opts.timeoutMs} ms`)));
    req.on('error', (err) => {
      clearTimeout(deadline);
      reject(err);
    });
    req.on('response', (res) => {
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_ANSWER) res.destroy();
      });
      const done = () => {
        clearTimeout(deadline);
        resolve({ status: res.statusCode ?? 0 });
      };
      res.on('end', done);
      res.on('close', done);
    });
    req.end(body);
  });
}
