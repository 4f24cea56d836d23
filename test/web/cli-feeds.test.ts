// The web commands through the CLI, against a loopback server allow-listed by PARALLAX_FETCH_ALLOW.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseInterval } from '../../src/cli/feeds.ts';
import { runCli } from '../cli-helpers.ts';
import { send, startServer, type TestServer } from './server.ts';

let srv: TestServer;
let dir: string;
let env: NodeJS.ProcessEnv;

const PAGE = `<!doctype html><html lang="en"><head><title>Comet visible to the naked eye this week</title>
<meta property="article:published_time" content="2026-03-12T21:00:00Z"></head><body><article>
<h1>Comet visible to the naked eye this week</h1>
<p>Astronomers say the comet will be brightest on Thursday evening, low in the western sky after sunset.</p>
<p>Observers away from city lights should be able to see its tail without binoculars, the observatory said.</p>
<p>The comet last passed this close to the Sun about 6,000 years ago, according to orbital calculations.</p>
</article></body></html>`;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-web-cli-'));
  srv = await startServer({ '/comet': send(PAGE) });
  // The Atom fixture carries its full text: polling needs no page fetches.
  srv.routes.set(
    '/atom.xml',
    send(
      readFileSync(new URL('./fixtures/atom.xml', import.meta.url), 'utf8').replaceAll(
        'https://monitor.example',
        srv.origin,
      ),
      { 'content-type': 'application/atom+xml' },
    ),
  );
  env = { PARALLAX_DB: join(dir, 'p.db'), PARALLAX_FETCH_ALLOW: '127.0.0.1' };
});
after(async () => {
  await srv.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('parallax feeds / poll', () => {
  it('adds a feed, polls it twice (nothing new the second time), lists its health, removes it', async () => {
    const add = await runCli(['feeds', 'add', `${srv.origin}/atom.xml`, '--interval', '15m'], env);
    assert.equal(add.code, 0, add.err);
    assert.match(add.out, /Subscribed f-\w+ .*every 15m/);
    assert.equal(
      (await runCli(['feeds', 'add', `${srv.origin}/atom.xml`], env)).code,
      1,
      'no double subscription',
    );

    const p1 = await runCli(['poll'], env);
    assert.equal(p1.code, 0, p1.err);
    assert.match(p1.out, /✓ .*atom\.xml: 1 new, 0 changed/);
    const early = await runCli(['poll'], env);
    assert.deepEqual([early.code, /no feed is due/.test(early.err), early.out], [0, true, ''], 'not before its interval');
    const p2 = await runCli(['poll', '--all'], env);
    assert.match(p2.out, /atom\.xml: 0 new, 0 changed/);

    const list = await runCli(['feeds', 'list', '--json'], env);
    const feeds = JSON.parse(list.out).feeds;
    assert.equal(feeds.length, 1);
    assert.deepEqual(
      [feeds[0].health, feeds[0].title, feeds[0].itemCount, feeds[0].intervalSeconds],
      ['ok', 'Border Monitor', 1, 900],
    );
    assert.match((await runCli(['feeds', 'list'], env)).out, /ok\s+Border Monitor/);

    const stories = JSON.parse((await runCli(['stories', '--json'], env)).out).stories;
    assert.equal(stories[0].articles[0].title, 'State of emergency declared at the border');

    const rm = await runCli(['feeds', 'remove', feeds[0].id], env);
    assert.equal(rm.code, 0);
    assert.match((await runCli(['feeds', 'list'], env)).out, /No feeds yet/);
  });

  it('shows a failing feed as failing, with its error', async () => {
    await runCli(['feeds', 'add', `${srv.origin}/gone.xml`], env);
    const p = await runCli(['poll'], env);
    assert.equal(p.code, 1, 'every feed failed');
    assert.match(p.out, /✗ .*gone\.xml: web: HTTP 404/);
    const list = (await runCli(['feeds', 'list'], env)).out;
    assert.match(list, /failing ×1/);
    assert.match(list, /last error: web: HTTP 404/);
  });

  it('watch stops cleanly on SIGINT', async () => {
    const before = process.listenerCount('SIGINT');
    const run = runCli(['watch'], env);
    const deadline = Date.now() + 5000;
    while (process.listenerCount('SIGINT') === before && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    process.emit('SIGINT');
    const r = await run;
    assert.equal(r.code, 0);
    assert.match(r.err, /watching 1 feeds[\s\S]*stopping/);
    assert.equal(process.listenerCount('SIGINT'), before, 'handler removed');
  });

  it('rejects a bad interval as bad usage', async () => {
    assert.equal((await runCli(['feeds', 'add', `${srv.origin}/x.xml`, '--interval', '5s'], env)).code, 2);
    assert.deepEqual(['300s', '15m', '2h', '1d', '30'].map(parseInterval), [300, 900, 7200, 86400, 1800]);
  });

  it('holds an interval to the rule the API holds it to: 5 minutes to 7 days', async () => {
    const tooOften = await runCli(['feeds', 'add', `${srv.origin}/x.xml`, '--interval', '1m'], env);
    assert.equal(tooOften.code, 2);
    assert.match(tooOften.err, /^parallax: --interval must be between 5 minutes and 7 days \(e\.g\. 15m, 2h\), got "1m"/);
    for (const text of ['299s', '4m', '4.9m', '7.1d', '8d']) assert.throws(() => parseInterval(text), /between 5 minutes and 7 days/, text);
    assert.deepEqual(['5m', '7d'].map(parseInterval), [300, 7 * 86400]);
  });
});

describe('parallax ingest / extract URL', () => {
  it('ingests and extracts a page by URL', async () => {
    const ing = await runCli(['ingest', `${srv.origin}/comet?utm_campaign=x`], env);
    assert.equal(ing.code, 0, ing.err);
    const ex = await runCli(['extract', `${srv.origin}/comet`, '--json'], env);
    assert.equal(ex.code, 0, ex.err);
    const article = JSON.parse(ex.out);
    assert.equal(article.title, 'Comet visible to the naked eye this week');
    assert.equal(article.url, `${srv.origin}/comet`);
    assert.match(article.text, /6,000 years ago/);
  });

  it('refuses loopback without the allow-list, saying why', async () => {
    const r = await runCli(['ingest', `${srv.origin}/comet`], { PARALLAX_DB: join(dir, 'q.db') });
    assert.equal(r.code, 1);
    assert.match(r.err, /refusing 127\.0\.0\.1:\d+: 127\.0\.0\.1 is a loopback address/);
  });
});
