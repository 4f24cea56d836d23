// Write routes, in-process: the token, request validation, size limits, and ingest results.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/index.ts';
import { testApp, TOKEN } from './fixtures.ts';

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

const REPORT =
  'Ferry collision in Lisbon\n\nTwo ferries collided in fog on the Tagus river in Lisbon on Monday, injuring 31 passengers. Port officials said both vessels were slowed by the fog.';

describe('API writes', () => {
  it('refuses every write without the right token with 401', async () => {
    const { app } = await testApp();
    const routes = ['/api/ingest/text', '/api/ingest/url', '/api/ingest/files', '/api/feeds'];
    for (const path of routes) {
      const variants: Record<string, string>[] = [
        {},
        { Authorization: 'Bearer wrong' },
        { Authorization: `Basic ${TOKEN}` },
        { 'X-Parallax-Token': `${TOKEN}x` },
      ];
      for (const headers of variants) {
        const res = await app.request(path, json({ text: REPORT, url: 'https://example.org/a' }, headers));
        assert.equal(res.status, 401, `${path} ${JSON.stringify(headers)}`);
        assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'unauthorized');
      }
    }
    const { app: noToken } = await testApp({ token: null });
    const res = await noToken.request(
      '/api/ingest/text',
      json({ text: REPORT }, { Authorization: 'Bearer anything' }),
    );
    assert.equal(res.status, 401, 'with no token configured, writes are off');
  });

  it('ingests pasted text and says which story it joined; the same paste again is unchanged', async () => {
    const { app, auth } = await testApp();
    const res = await app.request(
      '/api/ingest/text',
      json({ text: REPORT, source: 'Harbor Ledger', published: '2026-03-24' }, auth),
    );
    assert.equal(res.status, 201);
    const body = (await res.json()) as {
      summary: { added: number };
      articles: { id: string; source: string; storyId: string; storyArticles: number }[];
    };
    assert.equal(body.summary.added, 1);
    assert.equal(body.articles[0].source, 'Harbor Ledger');
    assert.equal(body.articles[0].storyArticles, 1);
    const story = await app.request(`/api/stories/${body.articles[0].storyId}`);
    assert.equal(story.status, 200);
    const again = (await (
      await app.request('/api/ingest/text', json({ text: REPORT }, { 'X-Parallax-Token': TOKEN }))
    ).json()) as { summary: { unchanged: number } };
    assert.equal(again.summary.unchanged, 1);
    const found = (await (await app.request('/api/search?q=tagus')).json()) as { total: number };
    assert.equal(found.total, 1, 'the new report is searchable at once');
  });

  it('takes the stated title and outlet over what the text and its URL say', async () => {
    const { app, auth } = await testApp();
    const paragraph = 'Two ferries collided in fog on the Tagus river in Lisbon on Monday, injuring 31 passengers.';
    const res = await app.request(
      '/api/ingest/text',
      json({ text: paragraph, title: 'Ferries collide on the Tagus', source: 'Harbor Ledger', url: 'https://mirror.example/a' }, auth),
    );
    assert.equal(res.status, 201, 'one paragraph with a stated title is a body, not a title');
    const { articles } = (await res.json()) as { articles: { id: string; title: string; source: string }[] };
    assert.deepEqual([articles[0].title, articles[0].source], ['Ferries collide on the Tagus', 'Harbor Ledger']);
  });

  it('validates ingest bodies', async () => {
    const { app, auth } = await testApp();
    const cases: [unknown, number, string][] = [
      [{}, 400, 'invalid_input'],
      [{ text: '' }, 400, 'invalid_input'],
      [{ text: REPORT, format: 'pdf' }, 400, 'invalid_input'],
      [{ text: REPORT, published: 'yesterday' }, 400, 'invalid_input'],
      [{ text: REPORT, published: '2024-13-45' }, 400, 'invalid_input'],
      [{ text: REPORT, url: 'javascript:alert(1)' }, 400, 'invalid_input'],
      [{ text: REPORT, extra: 1 }, 400, 'invalid_input'],
      ['{not json', 400, 'invalid_json'],
      [{ text: '   \n\n  ' }, 422, 'nothing_ingested'],
    ];
    for (const [body, status, code] of cases) {
      const res = await app.request('/api/ingest/text', json(body, auth));
      assert.equal(res.status, status, JSON.stringify(body));
      assert.equal(
        ((await res.json()) as { error: { code: string } }).error.code,
        code,
        JSON.stringify(body),
      );
    }
    const wrongType = await app.request('/api/ingest/text', {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'text/plain' },
      body: REPORT,
    });
    assert.equal(wrongType.status, 415);
  });

  it('refuses bodies over the size limit with 413', async () => {
    const { app, auth } = await testApp();
    const res = await app.request('/api/ingest/text', json({ text: 'x'.repeat(5 * 1024 * 1024) }, auth));
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'payload_too_large');
  });

  it('ingests uploaded files, skipping unsupported ones with a reason', async () => {
    const { app, auth } = await testApp();
    const form = new FormData();
    form.append('file', new File([REPORT], 'lisbon-ferry.txt', { type: 'text/plain' }));
    form.append(
      'file',
      new File(
        [
          JSON.stringify([
            {
              id: 'j1',
              title: 'Genoa floods',
              text: 'The Bisagno flooded Genoa overnight. Two people died.',
              source: 'Valley Courier',
            },
          ]),
        ],
        'feed.json',
      ),
    );
    form.append('file', new File(['%PDF-1.4'], 'report.pdf'));
    const res = await app.request('/api/ingest/files', { method: 'POST', headers: auth, body: form });
    assert.equal(res.status, 201);
    const body = (await res.json()) as {
      summary: { added: number; skipped: { input: string; reason: string }[] };
      articles: { id: string }[];
    };
    assert.equal(body.summary.added, 2);
    assert.ok(body.articles.some((a) => a.id === 'j1'));
    assert.deepEqual(
      body.summary.skipped.map((s) => s.input),
      ['report.pdf'],
    );
    const article = (await (
      await app.request(`/api/articles/${body.articles.find((a) => a.id !== 'j1')?.id}`)
    ).json()) as { article: { path: string } };
    assert.equal(article.article.path, 'upload/lisbon-ferry.txt', 'no temporary path leaks into the store');

    // An edited upload of the same name is a new version of that article, not a second one.
    const edited = new FormData();
    edited.append('file', new File([`${REPORT} Ferry services resumed on Tuesday.`], 'lisbon-ferry.txt'));
    const again = (await (
      await app.request('/api/ingest/files', { method: 'POST', headers: auth, body: edited })
    ).json()) as { summary: { added: number; updated: number }; articles: { id: string }[] };
    assert.deepEqual(
      [again.summary.added, again.summary.updated, again.articles[0].id],
      [0, 1, body.articles.find((a) => a.id !== 'j1')?.id],
    );

    const none = new FormData();
    none.append('file', new File(['binary'], 'x.exe'));
    const bad = await app.request('/api/ingest/files', { method: 'POST', headers: auth, body: none });
    assert.equal(bad.status, 422);
    const empty = await app.request('/api/ingest/files', {
      method: 'POST',
      headers: auth,
      body: new FormData(),
    });
    assert.equal(empty.status, 400);
    const notForm = await app.request('/api/ingest/files', json({ file: 'x' }, auth));
    assert.equal(notForm.status, 415);
  });

  it('validates URL ingest, and answers 501 url_ingest_unavailable when URL intake is off', async () => {
    const { app, auth } = await testApp({ ingestUrl: null });
    const bad = await app.request('/api/ingest/url', json({ url: 'file:///etc/passwd' }, auth));
    assert.equal(bad.status, 400);
    const res = await app.request('/api/ingest/url', json({ url: 'https://example.org/news/1' }, auth));
    assert.equal(res.status, 501);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'url_ingest_unavailable');
  });

  it('fetches URLs through the safe fetcher, which refuses private addresses', async () => {
    const { app, auth } = await testApp();
    const res = await app.request('/api/ingest/url', json({ url: 'http://127.0.0.1:9/admin' }, auth));
    assert.equal(res.status, 422);
    const body = (await res.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'nothing_ingested');
    assert.match(body.error.message, /127\.0\.0\.1|loopback|private|not allowed|blocked/i);
  });

  it('subscribes, lists, polls and removes feeds', async () => {
    // The feed is on loopback, which is refused unless allowed (test/reliability/feed-guard.test.ts).
    const { app, auth } = await testApp({ config: loadConfig({ PARALLAX_FETCH_ALLOW: '127.0.0.1' }, { db: ':memory:' }) });
    assert.deepEqual(await (await app.request('/api/feeds')).json(), { feeds: [] });
    const add = await app.request(
      '/api/feeds',
      json({ url: 'http://127.0.0.1:9/feed.xml', intervalMinutes: 30 }, auth),
    );
    assert.equal(add.status, 201);
    const { feed } = (await add.json()) as { feed: { id: string; intervalSeconds: number; health: string } };
    assert.deepEqual([feed.intervalSeconds, feed.health], [1800, 'new']);
    assert.equal(
      (await app.request('/api/feeds', json({ url: 'http://127.0.0.1:9/feed.xml' }, auth))).status,
      409,
    );
    const respelled = await app.request('/api/feeds', json({ url: 'http://127.0.0.1:9/feed.xml?utm_source=z' }, auth));
    assert.equal(respelled.status, 409, 'another spelling of the same feed is the same feed, not a 500');
    for (const body of [
      { url: 'ftp://x.org/feed' },
      { url: 'https://x.org/f', intervalMinutes: 1 },
      { url: 'https://x.org/f', every: 5 },
    ]) {
      assert.equal((await app.request('/api/feeds', json(body, auth))).status, 400, JSON.stringify(body));
    }
    assert.equal((await app.request(`/api/feeds/${feed.id}`)).status, 200);
    // The CLI's rule (FEED_INTERVAL), in the same words: 5 minutes to 7 days.
    for (const intervalMinutes of [4, 7 * 24 * 60 + 1]) {
      const res = await app.request('/api/feeds', json({ url: 'https://x.org/g', intervalMinutes }, auth));
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      assert.deepEqual(
        [res.status, error.code, error.message],
        [400, 'invalid_input', 'api: invalid body: intervalMinutes must be between 5 minutes and 7 days'],
      );
    }
    const fiveMinutes = await app.request('/api/feeds', json({ url: 'https://x.org/h', intervalMinutes: 5 }, auth));
    assert.equal(fiveMinutes.status, 201);
    // Polling a loopback feed fails safely and is recorded against the feed.
    const poll = await app.request(`/api/feeds/${feed.id}/poll`, { method: 'POST', headers: auth });
    assert.equal(poll.status, 200);
    const polled = (await poll.json()) as {
      summary: { feeds: { status: string }[] };
      feed: { failures: number; health: string };
    };
    assert.deepEqual(
      [polled.summary.feeds[0].status, polled.feed.failures, polled.feed.health],
      ['failed', 1, 'failing'],
    );
    assert.equal((await app.request(`/api/feeds/${feed.id}`, { method: 'DELETE' })).status, 401);
    assert.equal(
      (await app.request(`/api/feeds/${feed.id}`, { method: 'DELETE', headers: auth })).status,
      200,
    );
    assert.equal((await app.request(`/api/feeds/${feed.id}`)).status, 404);
    assert.equal((await app.request('/api/feeds/nope/poll', { method: 'POST', headers: auth })).status, 404);
  });

  it('uses the URL fetcher when one is given', async () => {
    const seen: string[] = [];
    const { app, auth } = await testApp({
      ingestUrl: async (_store, url) => {
        seen.push(url);
        return { added: 1, updated: 0, unchanged: 0, skipped: [], warnings: [], storiesTouched: 1 };
      },
    });
    const res = await app.request('/api/ingest/url', json({ url: 'https://example.org/news/1' }, auth));
    assert.equal(res.status, 201);
    assert.deepEqual(seen, ['https://example.org/news/1']);
  });

  it('restores the story grouping from the store once, not at every ingest', async () => {
    const { app, store, auth } = await testApp();
    let reads = 0;
    // A full restore reads every stored article, plainly or in store order (clusterStateAfter(0)).
    const clusterState = store.clusterState.bind(store);
    store.clusterState = () => {
      reads++;
      return clusterState();
    };
    const clusterStateAfter = store.clusterStateAfter.bind(store);
    store.clusterStateAfter = (seq: number) => {
      if (seq === 0) reads++;
      return clusterStateAfter(seq);
    };
    const first = (await (await app.request('/api/ingest/text', json({ text: REPORT }, auth))).json()) as {
      articles: { storyId: string }[];
    };
    const follow =
      'Lisbon ferries collide in fog\n\nThirty-one passengers were hurt when two ferries collided in fog on the Tagus in Lisbon on Monday, port officials said.';
    const second = (await (await app.request('/api/ingest/text', json({ text: follow }, auth))).json()) as {
      articles: { storyId: string }[];
    };
    assert.equal(reads, 1);
    assert.equal(second.articles[0].storyId, first.articles[0].storyId, 'grouped with what the kept grouping holds');
  });
});
