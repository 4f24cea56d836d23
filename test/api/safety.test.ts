// Edge safety, in-process: CSP and other headers on every response, the web app's files only,
// reads locked when the server is not on loopback.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testApp, TOKEN } from './fixtures.ts';

describe('API safety', () => {
  it('sends a strict CSP and no-sniff on pages, API answers and errors', async () => {
    const { app } = await testApp();
    for (const path of ['/', '/js/app.js', '/api/stories', '/api/nope', '/api/stories?sort=x']) {
      const res = await app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'none'/, path);
      assert.match(csp, /script-src 'self'(;|$)/, `${path}: no inline script, no eval`);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
    }
  });

  it('serves the web app files and nothing else from disk', async () => {
    const { app } = await testApp();
    const index = await app.request('/');
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await index.text(), /<script type="module" src="\/js\/app.js">/);
    assert.match((await app.request('/css/app.css')).headers.get('content-type') ?? '', /text\/css/);
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/js/../../api/app.ts', '/etc/passwd']) {
      assert.equal((await app.request(path)).status, 404, path);
    }
  });

  it('serves the offline world map, gzipped when asked', async () => {
    const { app } = await testApp();
    const raw = await app.request('/assets/world.json');
    const map = (await raw.json()) as { width: number; countries: { name: string; d: string }[] };
    assert.equal(map.width, 360);
    assert.ok(map.countries.length > 150);
    assert.ok(map.countries.some((c) => c.name === 'Croatia' && c.d.startsWith('M')));
    const gz = await app.request('/assets/world.json', { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
  });

  it('refuses other Host names on a loopback server (DNS rebinding)', async () => {
    const { app } = await testApp();
    for (const host of ['127.0.0.1:8787', 'localhost', '[::1]:9000']) {
      assert.equal(
        (await app.request('http://x/api/stories', { headers: { Host: host } })).status,
        200,
        host,
      );
    }
    for (const host of ['evil.example', 'localhost.evil.example', '127.0.0.1.nip.io']) {
      const res = await app.request('http://x/api/stories', { headers: { Host: host } });
      assert.equal(res.status, 403, host);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'forbidden');
    }
  });

  it('needs the token for reads too when reads are not open', async () => {
    const { app } = await testApp({ openReads: false });
    assert.equal((await app.request('/api/stories')).status, 401);
    assert.equal(
      (await app.request('/api/stories', { headers: { Authorization: `Bearer ${TOKEN}` } })).status,
      200,
    );
    assert.equal((await app.request('/')).status, 200, 'the app shell holds no data');
  });
});
