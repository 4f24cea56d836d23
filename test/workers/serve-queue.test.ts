// `serve --queue` (issue #21 part 4): API ingests go into the intake queue; the web process
// analyses nothing. A request answers as an ingest here would once a worker prepared and the
// assigner stored its reports, or 202 with a status URL past its wait; the status URL answers the
// same once they are. In-process here (the app, a worker and the assigner on one store);
// serve-queue-processes.test.ts runs them as processes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../../src/api/app.ts';
import { parseTicket, ticketOf } from '../../src/api/queued-ingest.ts';
import { defaultConfig, loadConfig } from '../../src/config/index.ts';
import { runAssigner } from '../../src/pipeline/run-assigner.ts';
import { runWorker } from '../../src/pipeline/run-worker.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';

const TOKEN = 'queue-token-0123456789';
const auth = { Authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const REPORT =
  'Dam spillway opened near Lleida\n\nOperators opened the spillway of the Rialb dam near Lleida on Thursday after a week of heavy rain, the regional water agency said. ' +
  'Residents of two villages downstream were told to keep away from the riverbanks until Sunday.';

/** The app on a queued store; `close` ends its background recount before the store closes. */
function app(store: Store, waitMs: number) {
  const config = loadConfig({}, { db: ':memory:' });
  const { app, conflicts } = createApp({ store, config, token: TOKEN, web: false, log: () => {}, queue: { waitMs, pollMs: 20 } });
  return Object.assign(app, {
    close: async () => {
      conflicts.stop();
      await conflicts.fillPending().catch(() => 0);
      await store.close();
    },
  });
}

/** A worker and the assigner on the store until stopped. */
function workers(store: Store) {
  const stop = new AbortController();
  const web = { ...defaultConfig.web, retries: 0 };
  const running = Promise.all([
    runWorker(store, { owner: 'w', web, signal: stop.signal, idleMs: 20 }),
    runAssigner(store, { owner: 'a', config: defaultConfig, signal: stop.signal, pollMs: 20 }),
  ]);
  return async () => {
    stop.abort();
    await running;
  };
}

describe('serve --queue: API ingests queued for workers', () => {
  it('past its wait a request answers 202 with a status URL, which answers the ingest once the rows are assigned', async () => {
    const store = new SqliteStore(':memory:');
    const api = app(store, 200);
    const res = await api.request('/api/ingest/text', { method: 'POST', headers: auth, body: JSON.stringify({ text: REPORT }) });
    assert.equal(res.status, 202);
    const queued = (await res.json()) as { status: string; statusUrl: string; counts: Record<string, number> };
    assert.equal(queued.status, 'queued');
    assert.equal(res.headers.get('location'), queued.statusUrl);
    assert.deepEqual(queued.counts, { pending: 1, claimed: 0, prepared: 0, failed: 0, done: 0 });
    assert.equal((await store.counts()).articles, 0, 'nothing analysed nor stored by the web process');
    assert.equal((await api.request(queued.statusUrl)).status, 202, 'still queued');
    await runWorker(store, { owner: 'w', web: defaultConfig.web, untilEmpty: true });
    await runAssigner(store, { owner: 'a', config: defaultConfig, untilEmpty: true });
    const done = await api.request(queued.statusUrl);
    assert.equal(done.status, 200);
    const body = (await done.json()) as { summary: { added: number; updated: number; unchanged: number }; articles: { id: string; storyId: string; storyArticles: number; title: string }[] };
    assert.deepEqual([body.summary.added, body.summary.updated, body.summary.unchanged], [1, 0, 0]);
    assert.equal(body.articles.length, 1);
    assert.equal(body.articles[0].title, 'Dam spillway opened near Lleida');
    const stored = await store.getArticle(body.articles[0].id);
    assert.equal(stored?.storyId, body.articles[0].storyId);
    assert.equal(body.articles[0].storyArticles, 1);
    await api.close();
  });

  it('with workers running a request answers 201 once assigned: added, then the same report again unchanged', async () => {
    const store = new SqliteStore(':memory:');
    const api = app(store, 30_000);
    const stop = workers(store);
    try {
      const first = await api.request('/api/ingest/text', { method: 'POST', headers: auth, body: JSON.stringify({ text: REPORT, source: 'Agència' }) });
      assert.equal(first.status, 201, await first.clone().text());
      const a = (await first.json()) as { summary: { added: number }; articles: { source: string; storyId: string }[] };
      assert.equal(a.summary.added, 1);
      assert.equal(a.articles[0].source, 'Agència');
      const again = await api.request('/api/ingest/text', { method: 'POST', headers: auth, body: JSON.stringify({ text: REPORT, source: 'Agència' }) });
      assert.equal(again.status, 201);
      const b = (await again.json()) as { summary: { added: number; unchanged: number }; articles: unknown[] };
      assert.deepEqual([b.summary.added, b.summary.unchanged, b.articles.length], [0, 1, 0]);
      assert.equal((await store.counts()).articles, 1);
    } finally {
      await stop();
      await api.close();
    }
  });

  it('a URL is fetched by the worker: a refused address answers nothing_ingested with the fetch error', async () => {
    const store = new SqliteStore(':memory:');
    const api = app(store, 30_000);
    const stop = workers(store);
    try {
      const res = await api.request('/api/ingest/url', { method: 'POST', headers: auth, body: JSON.stringify({ url: 'http://127.0.0.1:9/private.html' }) });
      assert.equal(res.status, 422);
      const body = (await res.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'nothing_ingested');
      assert.match(body.error.message, /fetch failed: web: .*127\.0\.0\.1/);
    } finally {
      await stop();
      await api.close();
    }
  });

  it('an upload is queued report by report; a file not read keeps its skip in the answer', async () => {
    const store = new SqliteStore(':memory:');
    const api = app(store, 30_000);
    const stop = workers(store);
    try {
      const form = new FormData();
      form.append('file', new File([REPORT], 'dam.txt', { type: 'text/plain' }));
      form.append('file', new File(['%PDF-1.4'], 'scan.pdf', { type: 'application/pdf' }));
      const lines = ['Bergen ferry delayed by fog', 'Molde road reopened after landslide'].map((title, i) =>
        JSON.stringify({ id: `wire-${i}`, title, text: `${title}. The county said on Monday that traffic was back to normal by the evening, and no one was hurt in the incident.` }),
      );
      form.append('file', new File([lines.join('\n')], 'wire.jsonl', { type: 'application/x-ndjson' }));
      const res = await api.request('/api/ingest/files', { method: 'POST', headers: { Authorization: auth.Authorization }, body: form });
      assert.equal(res.status, 201, await res.clone().text());
      const body = (await res.json()) as { summary: { added: number; skipped: { input: string; reason: string }[] }; articles: { id: string }[] };
      assert.equal(body.summary.added, 3);
      assert.deepEqual(body.summary.skipped.map((s) => s.input), ['scan.pdf']);
      assert.ok(body.articles.some((a) => a.id === 'wire-1'), 'a given id is kept');
      assert.equal((await store.counts()).articles, 3);
    } finally {
      await stop();
      await api.close();
    }
  });

  it('a ticket names its rows in runs and its time, and reads back the same', () => {
    const at = Date.parse('2026-12-07T14:00:00Z');
    for (const seqs of [[7], [3, 4, 5, 9, 11, 12], Array.from({ length: 500 }, (_, i) => 1000 + i)]) {
      const t = ticketOf(at, seqs);
      assert.deepEqual(parseTicket(t), { queuedAt: at, seqs });
      assert.ok(t.length < 40, `${t} stays short`);
    }
    assert.equal(ticketOf(at, [3, 4, 5, 9, 11, 12]).split('.').slice(1).join('.'), '3-5.9.11-12');
  });

  it('a ticket that names nothing valid is not found', async () => {
    const store = new SqliteStore(':memory:');
    const api = app(store, 100);
    for (const t of ['x', 'zz.', 'abc.5-2', `abc.1-${10 ** 9}`]) assert.equal((await api.request(`/api/ingest/queued/${t}`)).status, 404, t);
    await api.close();
  });
});
