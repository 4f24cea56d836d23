import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RawReport } from '../../model/index.ts';
import { ExtractError, extractArticle } from './extract.ts';

const json = (record: Record<string, unknown>, extra: Partial<RawReport> = {}): RawReport => ({
  format: 'json',
  path: 'feeds/wire.jsonl',
  url: null,
  content: JSON.stringify(record),
  record,
  locator: 'line 1',
  ...extra,
});

describe('extractArticle', () => {
  it('maps JSON fields, keeps the given id and unknown fields as metadata', () => {
    const a = extractArticle(
      json({ id: 'mw-17', title: 'Quake hits coast', body: 'A strong earthquake struck on Tuesday.', dct: '2026-02-03', source: 'Meridian Wire', section: 'world', language: 'en' }),
    );
    assert.equal(a.id, 'mw-17');
    assert.equal(a.source, 'Meridian Wire');
    assert.equal(a.text, 'A strong earthquake struck on Tuesday.');
    assert.deepEqual(a.published && [a.published.date, a.published.method], ['2026-02-03', 'json-field']);
    assert.deepEqual(a.metadata, { section: 'world' });
  });

  it('takes the body date line as the publication date when the record has no date field', () => {
    const a = extractArticle(json({ title: 'Fire at the mill', text: 'March 3, 2026\n\nA fire broke out at the old mill on Tuesday.' }));
    assert.equal(a.text, 'A fire broke out at the old mill on Tuesday.');
    assert.deepEqual(a.published && [a.published.date, a.published.method], ['2026-03-03', 'date-line']);
    // The record's own date wins over the body's.
    const b = extractArticle(json({ title: 'Fire at the mill', text: 'March 3, 2026\n\nA fire broke out.', published: '2026-03-04' }));
    assert.deepEqual(b.published && [b.published.date, b.published.method], ['2026-03-04', 'json-field']);
    // An empty date field is neither a date nor metadata.
    assert.deepEqual(extractArticle(json({ title: 'T', text: 'Body.', published: null, section: 'world' })).metadata, { section: 'world' });
  });

  it('refuses a text too long for one report, with its length', () => {
    const body = 'A sentence of the report. '.repeat(20_000);
    assert.throws(() => extractArticle(json({ title: 'T', text: body })), /too long for one report: 519,999 characters of text \(limit 500,000\)/);
  });

  it('uses only an http(s) url as the address', () => {
    assert.equal(extractArticle(json({ title: 'T', text: 'Body.', url: 42 })).url, null);
    assert.equal(extractArticle(json({ title: 'T', text: 'Body.', url: 'javascript:alert(1)' })).url, null);
    assert.equal(extractArticle(json({ title: 'T', text: 'Body.', url: 'https://harborledger.example/a' })).url, 'https://harborledger.example/a');
  });

  it('takes the outlet a byline names before the file name, after a stated source, the URL host and --source', () => {
    const text = (front: string) => ({ format: 'text' as const, path: 'inbox/report-17.txt', url: null, content: `${front}Fire at the mill\nBy Liam O'Rourke | Eastbridge Times\n\nA fire broke out.` });
    assert.equal(extractArticle(text('')).source, 'Eastbridge Times');
    assert.equal(extractArticle({ ...text(''), sourceHint: 'Desk' }).source, 'Desk');
    assert.equal(extractArticle(text('---\nsource: Harbor Ledger\n---\n')).source, 'Harbor Ledger');
  });

  it('takes the outlet from the URL host, then --source, then the file name', () => {
    const base = { title: 'T', text: 'Body text here.' };
    assert.equal(extractArticle(json({ ...base, url: 'https://www.harborledger.example/a' })).source, 'harborledger.example');
    assert.equal(extractArticle(json(base, { sourceHint: 'Desk' })).source, 'Desk');
    assert.equal(extractArticle(json(base)).source, 'wire');
  });

  it('reads an archived URL as the page it was taken from, keeping the archive address', () => {
    const archive = 'http://web.archive.org/web/20161124152639/http://www.valleycourier.example/story/boy-shot';
    const a = extractArticle(json({ title: 'T', text: 'Body text here.', uri: archive }));
    assert.equal(a.source, 'valleycourier.example');
    assert.equal(a.url, 'http://www.valleycourier.example/story/boy-shot');
    assert.equal(a.metadata.archive_url, archive);
    // A page fetched from an archive.today copy, with no canonical link of its own.
    const body = 'The river rose two metres overnight, officials said, and roads were closed. '.repeat(6);
    const page = extractArticle({ format: 'html', path: null, url: 'https://archive.ph/2024.02.01-080000/https://plainsman.example/news/flood', content: `<html><head><title>Flood</title></head><body><article><p>${body}</p></article></body></html>` });
    assert.equal(page.source, 'plainsman.example');
    assert.equal(page.url, 'https://plainsman.example/news/flood');
  });

  it('does not take an archive that hides the original for the outlet', () => {
    const a = extractArticle(json({ title: 'T', text: 'Body text here.', url: 'https://archive.ph/Xy7Qk' }, { path: 'inbox/export.jsonl' }));
    assert.equal(a.source, 'unknown');
  });

  it('takes the outlet from a staff byline, and a file name only when it reads like a name', () => {
    const text = (body: string, path = 'inbox/report-17.txt') => ({ format: 'text' as const, path, url: null, content: body });
    assert.equal(extractArticle(text('Storm nears\nBy Valley Courier staff\n\nThe storm reached the coast.')).source, 'Valley Courier');
    assert.equal(extractArticle(json({ title: 'T', text: 'Body.', author: 'Harbor Ledger Staff' })).source, 'Harbor Ledger');
    assert.equal(extractArticle(text('Storm nears\n\nThe storm reached the coast.')).source, 'unknown');
    assert.equal(extractArticle(text('Storm nears\n\nThe storm reached the coast.', 'inbox/harbor-ledger.txt')).source, 'harbor-ledger');
  });

  it('derives a stable id from path and position when none is given', () => {
    const a = extractArticle(json({ title: 'T', text: 'Body.' }));
    const b = extractArticle(json({ title: 'T2', text: 'Other body.' }));
    const c = extractArticle(json({ title: 'T', text: 'Body.' }, { locator: 'line 2' }));
    assert.match(a.id, /^a-[0-9a-f]{12}$/);
    assert.equal(a.id, b.id, 'same place, changed content: same article (a new version)');
    assert.notEqual(a.id, c.id);
  });

  it('reads Markdown with front matter and strips markup', () => {
    const a = extractArticle({
      format: 'markdown',
      path: 'x.md',
      url: null,
      content: '---\ntitle: Storm nears\nsource: Valley Courier\npublished: 2026-01-09\nid: vc-1\n---\n# Storm nears\n\nThe **storm** reached [the coast](https://x.example) at night.\n\n![radar](radar.png)\n',
    });
    assert.equal(a.id, 'vc-1');
    assert.equal(a.title, 'Storm nears');
    assert.equal(a.text, 'Storm nears\n\nThe storm reached the coast at night.\n\nradar');
    assert.equal(a.published?.method, 'front-matter');
  });

  it('never invents a publication date', () => {
    const a = extractArticle({ format: 'text', path: 'x.txt', url: null, content: 'Title\n\nBody without a date.' });
    assert.equal(a.published, null);
  });

  it('detects the language when none is given', () => {
    const a = extractArticle({
      format: 'text',
      path: 'x.txt',
      url: null,
      content: 'Inundaciones en Valencia\n\nLas lluvias torrenciales provocaron el desbordamiento del río durante la noche del viernes.',
    });
    assert.equal(a.language, 'es');
  });

  it('rejects reports with no text', () => {
    assert.throws(() => extractArticle(json({ title: 'Only a title' })), ExtractError);
    assert.throws(() => extractArticle({ format: 'text', path: 'x.txt', url: null, content: 'Tags: a, b\nIMG_1.jpg\n' }), /empty/);
  });

  it('turns HTML bodies inside JSON into text', () => {
    const a = extractArticle(json({ title: 'T', text: '<p>First para.</p><p>Second <b>para</b>.</p>' }));
    assert.equal(a.text, 'First para.\n\nSecond para.');
  });

  it('resolves a relative canonical link against the page URL, and drops non-http ones', () => {
    const page = (href: string, url: string | null): RawReport => ({
      format: 'html',
      path: null,
      url,
      content: `<html><head><title>Fire at mill</title><link rel="canonical" href="${href}"></head><body><article><h1>Fire at mill</h1><p>${'A fire broke out at the old mill on Tuesday night and crews fought it until dawn. '.repeat(6)}</p></article></body></html>`,
    });
    assert.equal(extractArticle(page('/news/mill-fire', 'https://courier.example/amp/mill-fire?x=1')).url, 'https://courier.example/news/mill-fire');
    assert.equal(extractArticle(page('javascript:alert(1)', 'https://courier.example/a')).url, 'https://courier.example/a');
    assert.equal(extractArticle(page('/news/mill-fire', null)).url, null);
  });
});

describe('a scraped page that is only a photo gallery', () => {
  const slides = [
    'Image 1 of / 3 Caption Close',
    'Image 1 of 3 Firefighters search the rubble of a warehouse that collapsed Tuesday in Riverton. Firefighters search the rubble of a warehouse that collapsed Tuesday in Riverton. Photo: Dana Ruiz, The Riverton Ledger',
    'Image 2 of 3 Two workers were killed when the roof of the warehouse gave way during a storm. Two workers were killed when the roof of the warehouse gave...',
  ].join('\n\n');
  it('keeps its captions as the text instead of refusing the report', () => {
    const a = extractArticle(json({ id: 'g1', title: 'Two killed as warehouse roof collapses in Riverton', text: slides }));
    assert.equal(
      a.text,
      'Firefighters search the rubble of a warehouse that collapsed Tuesday in Riverton.\n\nTwo workers were killed when the roof of the warehouse gave way during a storm.',
    );
  });
  it('still refuses a page whose slides speak of another story', () => {
    const other = ['Image 1 of 2 Dancers perform at the spring festival parade downtown on Saturday afternoon.', 'Image 2 of 2 Children ride the carousel at the spring festival downtown on Saturday.'].join('\n\n');
    assert.throws(() => extractArticle(json({ id: 'g2', title: 'Teen shoots herself by accident', text: other })), ExtractError);
  });
  it('keeps an article with sentences as it is: captions stay dropped', () => {
    const text = `${slides}\n\nA storm brought down the roof of a Riverton warehouse on Tuesday, killing two workers, officials said.`;
    const a = extractArticle(json({ id: 'g3', title: 'Two killed as warehouse roof collapses in Riverton', text }));
    assert.equal(a.text, 'A storm brought down the roof of a Riverton warehouse on Tuesday, killing two workers, officials said.');
  });
});
