// Feed formats read into one shape; hostile XML refused or capped.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  feedDate,
  hasFullText,
  itemFingerprint,
  itemReport,
} from '../../src/pipeline/1-intake/feeds/items.ts';
import { FeedError, looksLikeFeed, parseFeed } from '../../src/pipeline/1-intake/feeds/parse.ts';
import { decodeEntities } from '../../src/pipeline/1-intake/feeds/xml.ts';
import { extractArticle } from '../../src/pipeline/2-extract/extract.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const limits = { maxBytes: 10 * 1024 * 1024, maxItems: 1000 };

describe('parseFeed', () => {
  const cases: [
    string,
    string,
    { format: string; title: string; items: number; first: Record<string, unknown> },
  ][] = [
    [
      'rss2.xml',
      'https://news.example/feed/',
      {
        format: 'rss',
        title: 'Harbour Gazette & Wire',
        items: 2,
        first: {
          key: 'https://news.example/?p=4411',
          link: 'https://news.example/2026/03/floods-close-road?utm_source=rss&utm_medium=feed',
          title: 'Floods close the coastal road at Vila Nova',
          author: 'Ana Ribeiro',
          published: 'Sat, 14 Mar 2026 08:30:00 +0000',
        },
      },
    ],
    [
      'rss091.xml',
      'http://oldtown.example/rss',
      {
        format: 'rss',
        title: 'Old Town Weekly',
        items: 1,
        first: { link: 'http://oldtown.example/library.html', content: null },
      },
    ],
    [
      'rdf.xml',
      'https://science.example/rss',
      {
        format: 'rdf',
        title: 'Science Desk',
        items: 1,
        first: {
          key: 'https://science.example/a/comet',
          author: 'Lena Fischer',
          published: '2026-03-12T21:00:00+01:00',
        },
      },
    ],
    [
      'atom.xml',
      'https://monitor.example/atom.xml',
      {
        format: 'atom',
        title: 'Border Monitor',
        items: 1,
        first: {
          key: 'tag:monitor.example,2026:88',
          link: 'https://monitor.example/2026/03/14/emergency',
          title: 'State of emergency declared at the border',
          author: 'Jorge Paredes',
          summary: '<p>The government declared a state of emergency.</p>',
        },
      },
    ],
    [
      'feed.json',
      'https://markets.example/feed.json',
      {
        format: 'json',
        title: 'Market Notes',
        items: 2,
        first: { key: '2026-03-13-rates', author: 'Priya Nair', published: '2026-03-13T14:00:00Z' },
      },
    ],
  ];
  for (const [file, url, want] of cases) {
    it(`reads ${file}`, () => {
      const feed = parseFeed(fixture(file), url, limits);
      assert.equal(feed.format, want.format);
      assert.equal(feed.title, want.title);
      assert.equal(feed.items.length, want.items);
      for (const [k, v] of Object.entries(want.first))
        assert.deepEqual(feed.items[0][k as keyof (typeof feed.items)[0]], v, k);
      assert.ok(looksLikeFeed(fixture(file)));
    });
  }

  it('keeps Atom XHTML content as markup and decodes entities exactly once', () => {
    const item = parseFeed(fixture('atom.xml'), 'https://monitor.example/atom.xml', limits).items[0];
    assert.match(item.content!, /^<div xmlns="http:\/\/www.w3.org\/1999\/xhtml"><p>The government declared/);
    assert.equal(decodeEntities('&amp;lt; &#8220;x&#x201D; &nbsp;'), '&lt; “x” &nbsp;');
  });

  it('refuses a billion-laughs document without expanding anything', () => {
    const t = Date.now();
    assert.throws(
      () => parseFeed(fixture('billion-laughs.xml'), 'http://127.0.0.1/', limits),
      (e: unknown) => {
        assert.ok(e instanceof FeedError);
        assert.match((e as Error).message, /^feeds: refusing XML with a DTD internal subset/);
        return true;
      },
    );
    assert.ok(Date.now() - t < 500);
  });

  it('caps items and size', () => {
    const items = Array.from(
      { length: 100_000 },
      (_, i) => `<item><title>Item ${i}</title><link>http://127.0.0.1/${i}</link></item>`,
    ).join('');
    const xml = `<rss version="2.0"><channel><title>Big</title>${items}</channel></rss>`;
    const feed = parseFeed(xml, 'http://127.0.0.1/big.xml', { maxBytes: 20 * 1024 * 1024, maxItems: 50 });
    assert.equal(feed.items.length, 50);
    assert.equal(feed.totalItems, 100_000);
    assert.deepEqual([feed.items[0].title, feed.items[49].title], ['Item 0', 'Item 49']);
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>${'<entry><id>x</id><title>E</title></entry>'.repeat(10)}</feed>`;
    assert.deepEqual(
      [
        parseFeed(atom, 'http://127.0.0.1/', { ...limits, maxItems: 3 }).items.length,
        parseFeed(atom, 'http://127.0.0.1/', limits).totalItems,
      ],
      [3, 10],
    );
    assert.throws(
      () => parseFeed(xml, 'http://127.0.0.1/big.xml', { maxBytes: 1024 * 1024, maxItems: 50 }),
      /exceeds the limit/,
    );
  });

  it('says clearly what is not a feed', () => {
    assert.throws(
      () => parseFeed('<html><body>hi</body></html>', 'http://x/', limits),
      /unable to detect feed format/,
    );
    assert.throws(() => parseFeed('{"items": []}', 'http://x/', limits), /not a JSON Feed/);
    assert.throws(() => parseFeed('{"items": [', 'http://x/', limits), /malformed JSON/);
    assert.equal(looksLikeFeed('<!doctype html><html>'), false);
    assert.equal(looksLikeFeed('<?xml version="1.0"?><note>hi</note>'), false);
  });

  it('recognises XML with a DTD internal subset whatever its type, so it is refused, not read as a page', () => {
    const xxe =
      '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<rss version="2.0"><channel><title>XXE &xxe;</title></channel></rss>';
    for (const doc of [
      xxe,
      fixture('billion-laughs.xml'),
      '<!DOCTYPE lolz [<!ENTITY lol "lol">]><lolz>&lol;</lolz>',
    ]) {
      assert.equal(looksLikeFeed(doc, 'application/xml'), true, doc.slice(0, 60));
      assert.throws(
        () => parseFeed(doc, 'http://127.0.0.1/', limits),
        /^FeedError: feeds: refusing XML with a DTD internal subset/,
      );
    }
  });
});

describe('feed items as reports', () => {
  it('reads RFC 822 and ISO dates as the day the feed wrote', () => {
    assert.equal(feedDate('Sat, 14 Mar 2026 23:30:00 -0500')?.date, '2026-03-14');
    assert.equal(feedDate('2026-03-12T21:00:00+01:00')?.date, '2026-03-12');
    assert.equal(feedDate('2026-03-12T21:00:00+01:00')?.method, 'feed');
    assert.equal(feedDate('not a date'), null);
  });

  it('turns a full-text item into an article with a canonical URL and the feed metadata', () => {
    const feed = parseFeed(fixture('rss2.xml'), 'https://news.example/feed/', limits);
    const [full, teaser] = feed.items;
    assert.equal(hasFullText(full), true);
    assert.equal(hasFullText(teaser), false);
    const raw = itemReport(full, { feedUrl: 'https://news.example/feed/', feedTitle: feed.title });
    assert.equal(raw.url, 'https://news.example/2026/03/floods-close-road');
    const article = extractArticle(raw);
    assert.equal(article.title, 'Floods close the coastal road at Vila Nova');
    assert.equal(article.author, 'Ana Ribeiro');
    assert.equal(article.published?.date, '2026-03-14');
    assert.match(article.text, /40 households/);
    assert.notEqual(
      itemFingerprint(full),
      itemFingerprint({ ...full, title: 'Floods close the coastal road (updated)' }),
    );
  });

  it('gives a link-less item a stable identity of its own', () => {
    const feed = parseFeed(fixture('feed.json'), 'https://markets.example/feed.json', limits);
    const ctx = { feedUrl: 'https://markets.example/feed.json', feedTitle: feed.title };
    const a = extractArticle(itemReport(feed.items[1], ctx));
    const b = extractArticle(itemReport(feed.items[1], ctx));
    const other = extractArticle(itemReport(feed.items[0], ctx));
    assert.equal(a.id, b.id);
    assert.notEqual(a.id, other.id);
    assert.equal(a.title, 'Briefly: exchange closed Monday');
  });
});
