// Alerts in a real browser (Debian's chromium, as test/browser/): make a watch in the web app, add
// a report that triggers it, see the unread count in the header rise, open the event and its
// evidence; follow a story from its page.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer } from '../../src/cli/serve.ts';
import { loadConfig } from '../../src/config/index.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { launch, skipReason } from '../browser/browser.ts';
import { FIXTURES, ingest } from './helpers.ts';

const skip = skipReason();
const TOKEN = 'alerts-browser-token-0123';

describe('alerts in the web app (chromium)', { skip: skip ?? false, timeout: 120_000 }, () => {
  let dir: string;
  let store: SqliteStore;
  let running: Awaited<ReturnType<typeof startServer>>;
  let browser: Awaited<ReturnType<typeof launch>>;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-alerts-browser-'));
    const config = loadConfig({}, { db: join(dir, 'p.db') });
    store = new SqliteStore(config.db);
    await ingest(store, ['day1']);
    running = await startServer({ store, config, port: 0, host: '127.0.0.1', token: TOKEN, log: () => {}, env: {} });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await running?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('watch → report → unread count → event → evidence', async () => {
    const problems: string[] = [];
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${running.url}?token=${TOKEN}#/alerts`);
    await page.waitForSelector('#watch-form');
    assert.equal(await page.locator('#inbox-count').isHidden(), true, 'no unread alerts yet');

    await page.fill('#watch-form input[name=name]', 'Fires near Split');
    await page.fill('#watch-form input[name=words]', 'wildfire');
    await page.fill('#watch-form input[name=place]', 'Split');
    await page.fill('#watch-form input[name=radiusKm]', '60');
    await page.click('#watch-form button[type=submit]');
    await page.locator('.watches li', { hasText: 'Fires near Split' }).waitFor();

    // A report that triggers it, pasted on the "Add reports" page.
    const fire = JSON.parse(readFileSync(join(FIXTURES, 'fire.jsonl'), 'utf8'));
    await page.goto(`${running.url}#/add`);
    await page.fill('#paste-form input[name=source]', fire.source);
    await page.fill('#paste-form textarea[name=text]', `${fire.title}\n\n${fire.text}`);
    await page.click('#paste-form button[type=submit]');
    await page.locator('.ingest-result .notice-ok, .ingest-result .notice').first().waitFor();

    const badge = page.locator('#inbox-count');
    await badge.waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await badge.textContent(), '1');

    await page.click('a[data-nav=alerts]');
    const link = page.locator('.inbox-events li.unread a.event-link');
    await link.waitFor();
    assert.match((await link.textContent()) ?? '', /Fires near Split.*Wildfire/);
    await link.click();
    await page.locator('.event-page h1').waitFor();
    await page.click('.event-evidence a.evidence-link');
    const mark = page.locator('mark.hl-evidence').first();
    await mark.waitFor();
    // The passage highlighted is the event's first evidence span.
    const { events } = (await (await fetch(`${running.url}api/inbox`)).json()) as { events: { evidence: { article: string; start: number; end: number }[] }[] };
    const span = events[0].evidence[0];
    const text = (await store.getArticle(span.article))!.article.text.slice(span.start, span.end);
    assert.equal(await mark.textContent(), text);
    assert.match(text, /Split|Trogir|wildfire/i);
    // Opening the event read it: the count falls back to nothing.
    await badge.waitFor({ state: 'hidden', timeout: 15_000 });

    // Follow the dam story from its page.
    const dam = (await store.getArticle('tulcea-hl-1'))!.storyId;
    await page.goto(`${running.url}#/story/${dam}`);
    await page.click('button.follow-story');
    await page.locator('.follow', { hasText: 'Following' }).waitFor();
    assert.ok((await store.alerts.listWatches()).some((w) => w.storyId === dam));
    assert.deepEqual(problems, []);
    await page.close();
  });
});
