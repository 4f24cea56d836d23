// A slow or hostile server must never give a truncated article stored as complete, nor a raw
// parser code: a body still arriving at the deadline is a timeout, a huge header a clear refusal.
import assert from 'node:assert/strict';
import net, { type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { parseAllowList } from '../../src/pipeline/1-intake/web/address.ts';
import { FetchError } from '../../src/pipeline/1-intake/web/errors.ts';
import { safeFetch, type FetchOptions } from '../../src/pipeline/1-intake/web/fetch.ts';

const PAGE_START =
  '<html><head><title>Dam inspection ordered</title></head><body><article><p>Engineers were sent to inspect the dam above Lowfield on Tuesday after cracks were seen.</p>';

/** Raw TCP answers, so the test controls how (and whether) the body ends. */
const ANSWERS: Record<string, (s: net.Socket) => void> = {
  // No length, no chunking: the body ends when the connection closes, which here is never.
  '/trickle-close': (s) => {
    s.write(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n${PAGE_START}`);
    const t = setInterval(() => (s.destroyed ? clearInterval(t) : s.write(' ')), 50);
  },
  '/trickle-chunked': (s) => {
    s.write(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n${PAGE_START.length.toString(16)}\r\n${PAGE_START}\r\n`);
    const t = setInterval(() => (s.destroyed ? clearInterval(t) : s.write('1\r\n \r\n')), 50);
  },
  '/huge-header': (s) => {
    s.end(`HTTP/1.1 200 OK\r\nX-Filler: ${'a'.repeat(200 * 1024)}\r\nContent-Length: 2\r\n\r\nok`);
  },
};

let server: net.Server;
let base = '';
const open = new Set<net.Socket>();
before(async () => {
  server = net.createServer((s) => {
    open.add(s);
    s.on('error', () => {});
    s.once('data', (d) => {
      const path = /^GET (\S+)/.exec(d.toString())?.[1] ?? '';
      (ANSWERS[path] ?? ((x: net.Socket) => x.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n')))(s);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  for (const s of open) s.destroy();
  server.close();
});

const opts: FetchOptions = {
  allow: parseAllowList(['127.0.0.1']),
  userAgent: 'Parallax-test/1',
  maxBytes: 1024 * 1024,
  maxRedirects: 3,
  connectTimeoutMs: 1_000,
  timeoutMs: 400,
};

const failure = (p: Promise<unknown>) =>
  p.then(
    (r) => assert.fail(`expected a FetchError, got a body of ${(r as { body: Uint8Array }).body.length} bytes`),
    (e: unknown) => e as FetchError,
  );

describe('fetch at its deadline', () => {
  for (const path of ['/trickle-close', '/trickle-chunked'])
    it(`a body still arriving at the deadline is a timeout, not a short page (${path})`, async () => {
      const err = await failure(safeFetch(`${base}${path}`, opts));
      assert.ok(err instanceof FetchError, String(err));
      assert.equal(err.code, 'timeout');
      assert.match(err.message, /did not answer in full within 400 ms/);
    });

  it('a 200 KB header is refused in words, and not worth retrying', async () => {
    const err = await failure(safeFetch(`${base}/huge-header`, opts));
    assert.ok(err instanceof FetchError, String(err));
    assert.doesNotMatch(err.message, /HPE_/);
    assert.match(err.message, /response headers too large/);
    assert.equal(err.retryable, false);
  });
});
