// The web app in a real browser (Debian's chromium through playwright-core): the reader's main
// flows, and hostile source content that must never run. PARALLAX_SCREENSHOTS=1 also saves the
// main pages under docs/screenshots/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, afterEach, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { launch, skipReason } from './browser.ts';
import { HOSTILE, seedHostile, startTestServer } from './server.ts';

const skip = skipReason();
if (skip) console.log(`# ${skip}`);
const SHOTS = process.env.PARALLAX_SCREENSHOTS ? 'docs/screenshots' : null;

describe('web app in chromium', { skip: skip ?? false, timeout: 180_000 }, () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Awaited<ReturnType<typeof launch>>;
  let context: BrowserContext;
  /** Script errors, dialogs and CSP violations seen by any page of the current test. */
  const problems: string[] = [];
  afterEach(() => assert.deepEqual(problems.splice(0), []));

  before(async () => {
    server = await startTestServer();
    browser = await launch();
    context = browser.context;
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A page that fails the test on any script error, and records whether injected script ran. */
  async function open(hash: string, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => problems.push(`a dialog opened: ${d.message()}`));
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(`CSP violation: ${m.text()}`);
    });
    await page.goto(`${server.url}${hash}`);
    await page.waitForSelector('main#view > *');
    await page.waitForFunction(() => !document.getElementById('view')?.hasAttribute('aria-busy'));
    return page;
  }

  const PHONE = { width: 375, height: 812 };
  /** How far the page itself scrolls sideways (0: it fits the viewport). */
  const pageOverflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  type StoryView = {
    view: {
      sources: { article: string; copies: string[] }[];
      brief: { articles: string[] }[];
    };
  };
  const storyIds = async () =>
    (
      (await (await fetch(`${server.url}api/stories?limit=100`)).json()) as { stories: { id: string }[] }
    ).stories.map((s) => s.id);
  const storyView = async (id: string) =>
    (await (await fetch(`${server.url}api/stories/${encodeURIComponent(id)}`)).json()) as StoryView;

  const shot = async (page: Page, name: string) => {
    if (!SHOTS) return;
    await page.waitForTimeout(300); // the map's outlines arrive a moment after the page
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  };

  it('opens the story list and a story', async () => {
    const page = await open('#/');
    const rows = page.locator('.story-row');
    const { total } = (await (await fetch(`${server.url}api/stories?limit=1`)).json()) as { total: number };
    assert.ok(total >= 10, `examples and fixtures are stored (${total} stories)`);
    assert.equal(await rows.count(), Math.min(total, 25), 'the first page lists them');
    assert.match((await page.locator('.page-list .lede').textContent()) ?? '', /\d+ stories/);
    await shot(page, 'stories');
    await page
      .locator('.story-title', { hasText: /Croatia/ })
      .first()
      .click();
    await page.waitForSelector('.page-story h1');
    assert.match((await page.locator('h1').textContent()) ?? '', /Croatia/);
    assert.ok((await page.locator('.reports li').count()) >= 3, 'several reports in the story');
    await page.waitForSelector('svg.map .land path');
    await shot(page, 'story');
    await page.locator('.reports li a').first().click();
    await page.waitForSelector('.page-article .article-text p');
    assert.ok((await page.locator('.article-text').textContent())!.length > 200, 'the article text is shown');
    await shot(page, 'article');
    await page.close();
  });

  it('reveals the source sentence behind a brief citation', async () => {
    const page = await open('#/story/st-border');
    const reveal = page.locator('.brief li').first().locator('.citation-reveal');
    assert.equal(await reveal.isVisible(), false);
    await page.locator('.brief li').first().locator('.cite').first().click();
    assert.equal(await reveal.isVisible(), true);
    assert.match(
      (await reveal.locator('blockquote').textContent()) ?? '',
      /Croatia declared a state of emergency in Slavonski Brod\./,
    );
    assert.match((await reveal.textContent()) ?? '', /Eastbridge Times/);
    assert.match(
      (await page.locator('.brief li').first().locator('.cite').first().getAttribute('aria-label')) ?? '',
      /Eastbridge Times/,
      'the citation button is named by its outlet',
    );
    assert.ok((await page.locator('.badge-variant').count()) >= 1, 'spelling variants are badged');
    const shown = await page.locator('.page-story').textContent();
    assert.ok(shown?.includes('Kovac') && shown.includes('Kovač'), 'both spellings are shown');
    assert.equal(await page.locator('svg.map .pt').count(), 2, 'both places are on the map');
    await page.close();
  });

  it('opens the cited passage marked from a brief citation', async () => {
    const page = await open('#/story/st-border');
    await page.locator('.brief li').first().locator('.cite').first().click();
    const link = page
      .locator('.brief li')
      .first()
      .locator('.citation-reveal a', { hasText: 'Open the report' });
    assert.match((await link.getAttribute('href')) ?? '', /^#\/article\/a-east\?hl=\d+-\d+$/);
    await link.click();
    await page.waitForSelector('.page-article mark.hl-evidence');
    assert.equal(
      await page.locator('.article-text mark.hl-evidence').textContent(),
      'Croatia declared a state of emergency in Slavonski Brod.',
    );
    await page.close();
  });

  it('shows a disputed event day with both days and the sources of each', async () => {
    // The Antwerp fire: three reports put it on Monday 9 March, one on Tuesday 10 March.
    const page = await open('#/');
    await page
      .locator('.story-title', { hasText: /Antwerp/ })
      .first()
      .click();
    await page.waitForSelector('.page-story h1');
    const when = page.locator('.story-facts .fact', { hasText: 'When' });
    assert.ok(await when.locator('.badge-conflict', { hasText: 'disputed' }).isVisible());
    const sides = await when.locator('.when-side').allTextContents();
    assert.equal(sides.length, 2);
    assert.match(sides[0], /^9 Mar 2026(\[\d\])+$/);
    assert.match(sides[1], /^10 Mar 2026\[\d\]$/);
    const tones = await when.locator('.when-side .val').evaluateAll((els) => els.map((e) => e.className));
    assert.deepEqual(tones, ['val val-0', 'val val-1'], 'coloured as the sides of conflicting values');
    await when.locator('.when-side a', { hasText: '10 Mar 2026' }).click();
    await page.waitForSelector('.page-article mark.hl-evidence');
    assert.equal(await page.locator('.article-text mark.hl-evidence').textContent(), 'Tuesday, March 10');
    await page.close();
  });

  it('shows each source number once where a near-copy is cited with its original', async () => {
    // A story whose brief cites an original together with its near-copy (both numbered alike).
    let id: string | undefined;
    for (const s of await storyIds()) {
      const { view } = await storyView(s);
      const copyOf = new Map(view.sources.flatMap((src) => src.copies.map((c) => [c, src.article])));
      if (view.brief.some((b) => b.articles.some((a) => b.articles.includes(copyOf.get(a) ?? '')))) id = s;
    }
    assert.ok(id, 'the examples hold a brief citing a near-copy and its original');
    const page = await open(`#/story/${id}`);
    for (const li of await page.locator('.brief li').all()) {
      const nums = await li.locator('.cite').allTextContents();
      assert.deepEqual(nums, [...new Set(nums)], `a repeated marker in "${await li.textContent()}"`);
    }
    for (const refs of await page.locator('.timeline .tl-text .muted').allTextContents()) {
      const nums = refs.match(/\[[^\]]+\]/g) ?? [];
      assert.deepEqual(nums, [...new Set(nums)], `a repeated marker in the timeline: ${refs}`);
    }
    await page.close();
  });

  it('keeps the facts table readable on a phone, scrolling sideways in its box', async () => {
    // The story with the most independent sources: the widest table.
    let id = '';
    let most = 0;
    for (const s of await storyIds()) {
      const n = (await storyView(s)).view.sources.length;
      if (n > most) [id, most] = [s, n];
    }
    assert.ok(most >= 4, `a story with several sources (${most})`);
    const page = await open(`#/story/${id}`, PHONE);
    const widths = await page
      .locator('table.facts thead th')
      .evaluateAll((ths) => ths.map((th) => Math.round(th.getBoundingClientRect().width)));
    assert.equal(widths.length, most + 1);
    assert.ok(widths[0] >= 140, `the fact column is readable (${widths[0]} px)`);
    for (const w of widths.slice(1))
      assert.ok(w >= 96, `a source column is readable (${widths.join(', ')} px)`);
    const box = page.locator('.table-scroll').first();
    const scrolled = await box.evaluate((el) => {
      el.scrollLeft = 60;
      return { overflow: el.scrollWidth - el.clientWidth, left: el.scrollLeft };
    });
    assert.ok(
      scrolled.overflow > 0 && scrolled.left > 0,
      `the table scrolls in its box (${JSON.stringify(scrolled)})`,
    );
    assert.equal(await pageOverflow(page), 0, 'the page itself does not scroll sideways');
    await page.close();
  });

  it('fits the add reports page on a phone', async () => {
    const page = await open('#/add', PHONE);
    assert.equal(await pageOverflow(page), 0, 'no sideways page scroll on #/add at 375 px');
    await page.close();
  });

  it('refuses a blank paste with a plain message', async () => {
    const page = await open(`?token=${server.token}#/add`);
    await page.fill('#paste-form textarea[name=text]', '    ');
    await page.click('#paste-form button[type=submit]');
    const notice = page.locator('.ingest-result .notice-error');
    await notice.waitFor();
    assert.match((await notice.textContent()) ?? '', /Paste the text/);
    assert.doesNotMatch((await notice.textContent()) ?? '', /invalid body|expected string/);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'text');
    await page.close();
  });

  it('names error pages and offers a way on', async () => {
    const page = await open('#/story/st-border');
    for (const [hash, title] of [
      ['#/story/nope', 'Not found · Parallax'],
      ['#/article/nope', 'Not found · Parallax'],
      ['#/bogus', 'Page not found · Parallax'],
    ]) {
      await page.evaluate((h) => (location.hash = h), hash);
      await page.waitForFunction((t) => document.title === t, title);
      assert.equal(await page.locator('#view a[href="#/"]', { hasText: 'Back to stories' }).count(), 1, hash);
    }
    // With the API down: say so, and retry once it is back.
    await page.route('**/api/**', (r) => r.abort());
    await page.evaluate(() => (location.hash = '#/story/st-border'));
    await page.locator('#view h1', { hasText: 'Cannot reach the server' }).waitFor();
    assert.equal(await page.title(), 'Cannot reach the server · Parallax');
    await page.unroute('**/api/**');
    await page.locator('#view button', { hasText: 'Try again' }).click();
    await page.waitForSelector('.page-story h1');
    // Only the new page's title is announced, not the whole page.
    const title = await page.locator('.page-story h1').textContent();
    await page.waitForFunction((t) => document.getElementById('status')?.textContent === t, title);
    assert.equal(await page.locator('#view').getAttribute('aria-live'), null, 'the page is no live region');
    await page.close();
  });

  it('filters the list by a place', async () => {
    const page = await open('#/');
    const total = await page.locator('.story-row').count();
    await page.fill('input[name=place]', 'lyon');
    await page.click('.filters button[type=submit]');
    await page.waitForFunction(() => location.hash.includes('place=lyon'));
    await page.waitForFunction((n) => document.querySelectorAll('.story-row').length < n, total);
    assert.ok((await page.locator('.story-title').allTextContents()).includes('Rail strike in Lyon'));
    assert.match((await page.locator('.page-list .lede').textContent()) ?? '', /matching place “lyon”/);
    // A place chip filters too.
    const p2 = await open('#/');
    await p2.locator('.story-row[data-story=st-border] .chip-place', { hasText: 'Zagreb' }).click();
    await p2.waitForFunction(() => location.hash.includes('place=Zagreb'));
    await p2.waitForFunction((n) => document.querySelectorAll('.story-row').length < n, total);
    assert.equal(await p2.locator('.story-row[data-story=st-border]').count(), 1);
    assert.equal(await p2.locator('.story-row[data-story=st-rail]').count(), 0);
    await p2.close();
    await page.close();
  });

  it('finds a name searched without its diacritics', async () => {
    const page = await open('#/search?q=kovac');
    const marks = await page.locator('.hit mark').allTextContents();
    assert.ok(marks.includes('Kovač'), `"kovac" matched "Kovač" (marks: ${marks.join(', ')})`);
    assert.ok((await page.locator('.chip', { hasText: 'Ana Kovač' }).count()) === 1, 'the entity is offered');
    await shot(page, 'search');
    await page.locator('.chip', { hasText: 'Ana Kovač' }).click();
    await page.waitForSelector('.page-entity h1');
    const forms = (await page.locator('.page-entity .variants .badge').allTextContents()).map((t) =>
      t.replace(/\d+$/, ''),
    );
    assert.ok(
      forms.includes('Ana Kovac') && forms.includes('Ana Kovač'),
      `both spellings are listed: ${forms.join(', ')}`,
    );
    await shot(page, 'entity');
    await page.close();
  });

  it('adds a pasted report and shows the story it joined', async () => {
    const page = await open(`?token=${server.token}#/add`);
    assert.equal(await page.inputValue('input[name=token]'), server.token, 'the token from the link is kept');
    await page.fill('#paste-form input[name=source]', 'Test Gazette');
    await page.fill(
      '#paste-form textarea[name=text]',
      [
        'Antwerp port warehouse fire leaves firefighters in hospital',
        '',
        'ANTWERP, Belgium — A fire destroyed a chemical storage warehouse in the Port of Antwerp, sending black smoke over the Scheldt.',
        'The warehouse of Scheldt Logistics held plastic granulate and drums of industrial solvents; more than 150 firefighters fought the blaze.',
        'Residents of Zwijndrecht and Kallo were told to keep windows closed. Investigators and prosecutors in Antwerp are examining the cause of the fire.',
      ].join('\n'),
    );
    await shot(page, 'add');
    await page.click('#paste-form button[type=submit]');
    const joined = page.locator('.ingest-result .joined');
    await joined.waitFor();
    assert.match((await joined.textContent()) ?? '', /joined the story .*Antwerp.* \((\d+) reports\)/);
    await joined.locator('a').click();
    await page.waitForSelector('.page-story');
    assert.ok(
      (await page.locator('.reports li', { hasText: 'Test Gazette' }).count()) === 1,
      'the new report is in the story',
    );
    await page.close();
  });

  it('refuses a paste without the token', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}#/add`);
    await page.evaluate(() => localStorage.removeItem('parallax.token'));
    await page.reload();
    await page.waitForSelector('#paste-form');
    await page.fill('#paste-form textarea[name=text]', 'A report nobody may add without the token.');
    await page.click('#paste-form button[type=submit]');
    await page.locator('.notice-error').waitFor();
    assert.match((await page.locator('.notice-error').textContent()) ?? '', /token/i);
    await page.close();
  });

  it('never runs script, handlers or javascript: links from sources', async () => {
    await seedHostile(server.store);
    for (const hash of [
      '#/',
      `#/story/${HOSTILE.storyId}`,
      `#/article/${HOSTILE.articleId}`,
      '#/search?q=harbour cranes',
      `#/entity/${encodeURIComponent('<svg onload="window.__xss=\'entity\'">Mallory')}`,
    ]) {
      const page = await open(hash);
      await page.waitForTimeout(200);
      for (const el of await page.locator('img, svg image, iframe, script:not([src="/js/app.js"])').all()) {
        assert.fail(`an element from source content was created: ${await el.evaluate((e) => e.outerHTML)}`);
      }
      await page
        .locator('a, button, mark, .pt')
        .evaluateAll((els) =>
          els.forEach((e) => e.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))),
        );
      assert.equal(
        await page.evaluate(() => (window as unknown as { __xss?: string }).__xss),
        undefined,
        `script ran on ${hash}`,
      );
      const hrefs = await page.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      assert.ok(!hrefs.some((h) => /^\s*javascript:/i.test(h)), `no javascript: link on ${hash}`);
      if (hash.startsWith('#/article')) {
        assert.match(
          (await page.locator('.article-text').textContent()) ?? '',
          /<script>window.__xss='text'<\/script>/,
          'source markup is shown as text',
        );
        assert.match((await page.locator('h1').textContent()) ?? '', /^<img src=x onerror=/);
      }
      await page.close();
    }
  });
});
