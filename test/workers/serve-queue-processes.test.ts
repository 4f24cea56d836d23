// `parallax serve --queue` with a `parallax worker` and a `parallax worker --assigner` as separate
// processes on one store (SQLite; PostgreSQL when PARALLAX_TEST_PG is set): a pasted report and a
// URL (fetched by the worker from a loopback server, allowed for this test) are answered once the
// assigner stored them, with the story they joined.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openStore } from '../../src/store/open.ts';
import { noPgReason, testPgUrl, withDatabase } from '../postgres/pg-test-db.ts';
import { withTempDir } from '../temp-dir.ts';
import { startServer, type TestServer } from '../web/server.ts';
import { articlePage, sendPage } from './url-pages.ts';

const BIN = new URL('../../bin/parallax.js', import.meta.url).pathname;
const TOKEN = 'queue-procs-token-0123456789';
const ENV = { ...process.env, PARALLAX_TOKEN: TOKEN, PARALLAX_FETCH_ALLOW: '127.0.0.1' };

function start(args: string[]): { child: ChildProcess; out: () => string; err: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, ...args], { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exited };
}

let pages: TestServer;
let fetched = 0;
before(async () => {
  pages = await startServer({
    '/harbour.html': (_req, res) => {
      fetched++;
      sendPage(res, articlePage(3));
    },
  });
});
after(() => pages.close());

const REPORT =
  'Wildfire near Évora contained\n\nFirefighters contained a wildfire near Évora on Saturday evening after it burned about 300 hectares of cork oak, the civil protection agency said. ' +
  'Forty residents evacuated from two hamlets were allowed back home.';

async function serveWithWorkers(db: string) {
  const serve = start(['serve', '--queue', '--queue-wait', '60', '--port', '0', '--db', db]);
  const procs = [serve, start(['worker', '--db', db]), start(['worker', '--assigner', '--db', db])];
  try {
    const end = Date.now() + 60_000;
    let url: string | undefined;
    while (!(url = /Open (http:\/\/\S+?\/)(\?|\s)/.exec(serve.out())?.[1])) {
      assert.ok(Date.now() < end, `serve did not start: ${serve.err()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const post = (path: string, body: unknown) =>
      fetch(new URL(path, url), { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await post('api/ingest/text', { text: REPORT });
    assert.equal(text.status, 201, await text.clone().text());
    const t = (await text.json()) as { summary: { added: number }; articles: { id: string; storyId: string; title: string }[] };
    assert.equal(t.summary.added, 1);
    assert.equal(t.articles[0].title, 'Wildfire near Évora contained');
    const page = await post('api/ingest/url', { url: `${pages.origin}/harbour.html` });
    assert.equal(page.status, 201, await page.clone().text());
    assert.equal(((await page.json()) as { summary: { added: number } }).summary.added, 1);
    assert.equal(fetched, 1, 'the page fetched once, by the worker');
    const story = await fetch(new URL(`api/stories/${t.articles[0].storyId}`, url));
    assert.equal(story.status, 200, 'the story it joined is readable');
  } finally {
    for (const p of procs) p.child.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
  }
  const store = await openStore(db);
  try {
    assert.equal((await store.counts()).articles, 2);
    assert.deepEqual(await store.intakeCounts(), { pending: 0, claimed: 0, prepared: 0, failed: 0 });
  } finally {
    await store.close();
  }
}

describe('serve --queue beside a worker and the assigner, as processes', () => {
  it('SQLite: a pasted report and a URL answered once assigned', { timeout: 180_000 }, () =>
    withTempDir('serve-queue', (dir) => {
      fetched = 0;
      return serveWithWorkers(join(dir, 'p.db'));
    }));
  it('PostgreSQL: the same', { timeout: 180_000, skip: testPgUrl ? false : noPgReason }, () =>
    withDatabase('servequeue', (url) => {
      fetched = 0;
      return serveWithWorkers(url);
    }));
});
