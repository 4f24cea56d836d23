// A feed URL that points inside (loopback, private networks, cloud metadata) is refused when it is
// added, not first at poll time; an allow-listed intranet address is still accepted.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { testApp } from '../api/fixtures.ts';
import { runCli } from '../cli-helpers.ts';
import { withTempDir } from '../temp-dir.ts';

const INSIDE: [string, RegExp][] = [
  ['http://127.0.0.1:8080/feed.xml', /refusing 127\.0\.0\.1:8080: .*loopback/],
  ['http://169.254.169.254/latest/meta-data/', /refusing 169\.254\.169\.254: .*(metadata|link-local)/],
  ['http://[::1]/rss', /refusing \[::1\]: .*loopback/],
  ['http://10.1.2.3/news.rss', /refusing 10\.1\.2\.3: .*private/],
  ['http://localhost/rss', /refusing localhost: .*loopback/],
];

describe('feeds add refuses addresses inside', () => {
  for (const [url, message] of INSIDE)
    it(`CLI: ${url}`, async () =>
      withTempDir('feed-guard', async (dir) => {
        const db = join(dir, 'p.db');
        const { code, err } = await runCli(['feeds', 'add', url, '--db', db]);
        assert.equal(code, 1, err);
        assert.match(err, message);
        assert.match((await runCli(['feeds', 'list', '--db', db])).out, /No feeds yet/);
      }));

  it('API: 400 with the reason, nothing subscribed', async () => {
    const { app, auth } = await testApp();
    const res = await app.request('/api/feeds', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: 'http://169.254.169.254/latest/meta-data/' }),
    });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { error: { message: string } }).error.message, /refusing 169\.254\.169\.254/);
    assert.equal(((await (await app.request('/api/feeds')).json()) as { feeds: unknown[] }).feeds.length, 0);
  });

  it('an allow-listed address is subscribed', async () =>
    withTempDir('feed-allow', async (dir) => {
      const { code, err } = await runCli(['feeds', 'add', 'http://127.0.0.1:8080/feed.xml', '--db', join(dir, 'p.db')], { PARALLAX_FETCH_ALLOW: '127.0.0.1' });
      assert.equal(code, 0, err);
    }));
});
