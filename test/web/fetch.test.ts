// safeFetch against a loopback server serving hostile responses. Only 127.0.0.1 is ever contacted.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { parseAllowList } from '../../src/pipeline/1-intake/web/address.ts';
import { FetchError } from '../../src/pipeline/1-intake/web/errors.ts';
import { safeFetch, type FetchOptions } from '../../src/pipeline/1-intake/web/fetch.ts';
import { send, startServer, type TestServer } from './server.ts';

let srv: TestServer;
const opts = (over: Partial<FetchOptions> = {}): FetchOptions => ({
  allow: parseAllowList(['127.0.0.1']),
  userAgent: 'Parallax-test/1',
  maxBytes: 1024 * 1024,
  maxRedirects: 3,
  connectTimeoutMs: 2000,
  timeoutMs: 3000,
  // Tests never use real DNS: names resolve only through this table.
  resolve: async (host) =>
    ({ 'ok.test': ['127.0.0.1'], 'meta.test': ['169.254.169.254'], 'mixed.test': ['127.0.0.1', '10.0.0.7'] })[
      host
    ] ?? [],
  ...over,
});

const rejectsWith = async (p: Promise<unknown>, code: string, message?: RegExp) => {
  const err = await p.then(
    () => assert.fail('expected a FetchError'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof FetchError, `not a FetchError: ${err}`);
  assert.equal(err.code, code, err.message);
  if (message) assert.match(err.message, message);
  return err;
};

before(async () => {
  srv = await startServer({
    '/page': send('<html><body><p>Hello</p></body></html>', { etag: '"v1"' }),
    '/bomb': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.alloc(64 * 1024 * 1024)));
    },
    '/endless': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    },
    '/declared-huge': (_req, res) => {
      res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) });
      res.write('x');
    },
    '/slow': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write('.')), 100);
      res.on('close', () => clearInterval(t));
    },
    '/silent': () => {},
    '/missing': send('gone', {}, 404),
    '/broken': send('oops', {}, 500),
    '/loop': (_req, res) => {
      res.writeHead(302, { location: '/loop' });
      res.end();
    },
    '/to': (req, res) => {
      res.writeHead(302, { location: new URL(req.url!, 'http://x').searchParams.get('u')! });
      res.end();
    },
    '/host': (req, res) => res.end(req.headers.host),
  });
});
after(() => srv.close());

describe('safeFetch', () => {
  it('fetches an allow-listed loopback page with a clear User-Agent', async () => {
    const res = await safeFetch(`${srv.origin}/page`, opts());
    assert.equal(res.status, 200);
    assert.match(Buffer.from(res.body).toString(), /Hello/);
    assert.equal(res.headers.etag, '"v1"');
  });

  it('refuses loopback without the allow-list, before any connection', async () => {
    const before = srv.log.length;
    await rejectsWith(
      safeFetch(`${srv.origin}/page`, opts({ allow: [] })),
      'blocked-address',
      /127\.0\.0\.1 is a loopback address/,
    );
    assert.equal(srv.log.length, before);
  });

  for (const target of [
    'http://169.254.169.254/latest/meta-data/',
    'http://[::ffff:127.0.0.1]:PORT/page',
    'http://[::ffff:7f00:1]:PORT/page',
    'http://[::1]:PORT/page',
    'http://127.0.0.2:PORT/page',
    'http://10.0.0.1/',
    'http://0.0.0.0:PORT/page',
    'http://0x7f000002:PORT/page',
    'http://meta.test/',
    'http://mixed.test/',
  ]) {
    it(`blocks a redirect to ${target}`, async () => {
      srv.log.length = 0;
      const u = target.replace('PORT', String(srv.port));
      await rejectsWith(safeFetch(`${srv.origin}/to?u=${encodeURIComponent(u)}`, opts()), 'blocked-address');
      assert.deepEqual(srv.log, [`/to?u=${encodeURIComponent(u)}`], 'only the first hop reached the server');
    });
  }

  it('connects to the checked address of a resolved name and keeps its Host header', async () => {
    const res = await safeFetch(`http://ok.test:${srv.port}/host`, opts());
    assert.equal(Buffer.from(res.body).toString(), `ok.test:${srv.port}`);
  });

  it('speaks TLS to the checked address while verifying the certificate against the host name', async () => {
    const fx = (n: string) => readFileSync(new URL(`./fixtures/${n}`, import.meta.url), 'utf8');
    const tlsSrv = https.createServer(
      { key: fx('tls-ok.test.key'), cert: fx('tls-ok.test.crt') },
      (req, res) => res.end(`sni=${(req.socket as TLSSocket).servername} host=${req.headers.host}`),
    );
    await new Promise<void>((r) => tlsSrv.listen(0, '127.0.0.1', r));
    const port = (tlsSrv.address() as AddressInfo).port;
    try {
      const res = await safeFetch(`https://ok.test:${port}/`, opts({ ca: fx('tls-ok.test.crt') }));
      assert.equal(Buffer.from(res.body).toString(), `sni=ok.test host=ok.test:${port}`);
      // Same address, other name: the certificate does not match, so no response is read.
      await rejectsWith(
        safeFetch(
          `https://mixed-ok.test:${port}/`,
          opts({ ca: fx('tls-ok.test.crt'), resolve: async () => ['127.0.0.1'] }),
        ),
        'network',
        /ERR_TLS_CERT_ALTNAME_INVALID/,
      );
      await rejectsWith(safeFetch(`https://ok.test:${port}/`, opts()), 'network', /SELF_SIGNED/);
    } finally {
      tlsSrv.close();
    }
  });

  it('refuses other schemes and credentials', async () => {
    await rejectsWith(safeFetch('file:///etc/passwd', opts()), 'bad-url');
    await rejectsWith(safeFetch('ftp://127.0.0.1/x', opts()), 'bad-url');
    await rejectsWith(safeFetch(`http://u:p@127.0.0.1:${srv.port}/page`, opts()), 'bad-url');
    await rejectsWith(
      safeFetch(`${srv.origin}/to?u=${encodeURIComponent('file:///etc/passwd')}`, opts()),
      'bad-url',
    );
  });

  it('stops a gzip bomb at the decompressed size limit', async () => {
    const t = Date.now();
    await rejectsWith(safeFetch(`${srv.origin}/bomb`, opts()), 'too-large', /after decompression/);
    assert.ok(Date.now() - t < 2000);
  });

  it('stops an endless body and a body declared too large', async () => {
    await rejectsWith(safeFetch(`${srv.origin}/endless`, opts()), 'too-large');
    await rejectsWith(safeFetch(`${srv.origin}/declared-huge`, opts()), 'too-large', /50\.0 MB/);
  });

  it('gives up on a slow or silent server at the deadline', async () => {
    const t = Date.now();
    const err = await rejectsWith(safeFetch(`${srv.origin}/slow`, opts({ timeoutMs: 400 })), 'timeout');
    assert.ok(err.retryable);
    await rejectsWith(safeFetch(`${srv.origin}/silent`, opts({ timeoutMs: 400 })), 'timeout');
    assert.ok(Date.now() - t < 2500);
  });

  it('gives up at the deadline even when the garbage collector runs while it waits', async () => {
    // Node 20 can collect an AbortSignal.timeout() that only an AbortSignal.any() refers to, and
    // the fetch then never ends (nodejs/node#57736); a collection mid-wait made that happen every time.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    for (const signal of [undefined, new AbortController().signal]) {
      const pending = safeFetch(`${srv.origin}/silent`, opts({ timeoutMs: 300, signal }));
      await new Promise((r) => setTimeout(r, 50));
      gc();
      let hung: NodeJS.Timeout | undefined;
      const limit = new Promise<never>((_, reject) => {
        hung = setTimeout(() => reject(new Error('the fetch outlived its deadline by 3 s')), 3300);
      });
      await rejectsWith(Promise.race([pending, limit]), 'timeout').finally(() => clearTimeout(hung));
    }
  });

  it('reports 404 as final and 500 as worth retrying', async () => {
    const e404 = await rejectsWith(safeFetch(`${srv.origin}/missing`, opts()), 'http-status', /HTTP 404/);
    assert.equal(e404.retryable, false);
    const e500 = await rejectsWith(safeFetch(`${srv.origin}/broken`, opts()), 'http-status', /HTTP 500/);
    assert.equal(e500.retryable, true);
  });

  it('bounds redirects', async () => {
    await rejectsWith(safeFetch(`${srv.origin}/loop`, opts()), 'too-many-redirects', /more than 3/);
  });

  it('returns 304 for a conditional request without a body', async () => {
    srv.routes.set('/cond', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') res.writeHead(304).end();
      else res.writeHead(200, { etag: '"v1"' }).end('body');
    });
    const res = await safeFetch(`${srv.origin}/cond`, opts({ headers: { 'if-none-match': '"v1"' } }));
    assert.equal(res.status, 304);
    assert.equal(res.body.length, 0);
  });
});
