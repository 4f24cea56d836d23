import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { charsetParam, declaredCharset, decodeHtml } from './charset.ts';

const RUSSIAN = 'Пожар на складе в Новосибирске потушили за два часа';
const GERMAN = 'Die Bürgermeisterin eröffnete am Freitag die Brücke über die Straße';
const page = (head: string, body: string) =>
  `<!doctype html><html><head>${head}<title>t</title></head><body><p>${body}</p></body></html>`;

test('decodeHtml: declared and sniffed charsets', async (t) => {
  const cases: { name: string; bytes: Buffer; header?: string; charset: string; text: string }[] = [
    {
      name: 'meta charset windows-1251',
      bytes: iconv.encode(page('<meta charset="windows-1251">', RUSSIAN), 'win1251'),
      charset: 'windows-1251',
      text: RUSSIAN,
    },
    {
      name: 'http-equiv content-type cp1251',
      bytes: iconv.encode(
        page('<meta http-equiv="Content-Type" content="text/html; charset=cp1251">', RUSSIAN),
        'win1251',
      ),
      charset: 'windows-1251',
      text: RUSSIAN,
    },
    {
      name: 'meta ISO-8859-1 (read as windows-1252, as browsers do)',
      bytes: iconv.encode(page('<meta charset="ISO-8859-1">', GERMAN), 'latin1'),
      charset: 'windows-1252',
      text: GERMAN,
    },
    {
      name: 'header wins over meta',
      bytes: iconv.encode(page('<meta charset="utf-8">', RUSSIAN), 'win1251'),
      header: 'text/html; charset="windows-1251"',
      charset: 'windows-1251',
      text: RUSSIAN,
    },
    {
      name: 'UTF-8 BOM',
      bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('', RUSSIAN))]),
      charset: 'utf-8',
      text: RUSSIAN,
    },
    {
      name: 'UTF-16LE BOM',
      bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(page('', GERMAN), 'utf16le')]),
      charset: 'utf-16le',
      text: GERMAN,
    },
    { name: 'undeclared UTF-8', bytes: Buffer.from(page('', RUSSIAN)), charset: 'utf-8', text: RUSSIAN },
    {
      name: 'undeclared windows-1251 guessed',
      bytes: iconv.encode(page('', RUSSIAN), 'win1251'),
      charset: 'windows-1251',
      text: RUSSIAN,
    },
    {
      name: 'undeclared latin-1 guessed',
      bytes: iconv.encode(page('', GERMAN), 'latin1'),
      charset: 'windows-1252',
      text: GERMAN,
    },
    {
      name: 'declared utf-8 but really windows-1251',
      bytes: iconv.encode(page('<meta charset="utf-8">', RUSSIAN), 'win1251'),
      charset: 'windows-1251',
      text: RUSSIAN,
    },
    {
      name: 'unknown label falls back to sniffing',
      bytes: Buffer.from(page('<meta charset="no-such-charset">', RUSSIAN)),
      charset: 'utf-8',
      text: RUSSIAN,
    },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      const { html, charset } = decodeHtml(c.bytes, c.header);
      assert.equal(charset, c.charset);
      assert.ok(html.includes(c.text), html);
      assert.ok(!html.startsWith('\uFEFF'));
    });
  }
});

test('decodeHtml: windows-1252 punctuation in 0x80–0x9F is not read as C1 controls', async (t) => {
  // Node 20.18.3+ decodes these bytes as Latin-1 (nodejs/node#56542); browsers use the WHATWG index.
  const QUOTE = 'It’s “done” — the mayor said… €40 for Œuvres';
  const cp1252 = (head: string) => iconv.encode(page(head, QUOTE), 'win1252');
  const cases: [string, Buffer, string?][] = [
    ['meta windows-1252', cp1252('<meta charset="windows-1252">')],
    ['meta iso-8859-1', cp1252('<meta charset="iso-8859-1">')],
    ['header latin1', cp1252(''), 'text/html; charset=latin1'],
    ['labelled utf-8 but really windows-1252', cp1252('<meta charset="utf-8">')],
    ['undeclared', cp1252('')],
  ];
  for (const [name, bytes, header] of cases) {
    await t.test(name, () => {
      const { html, charset } = decodeHtml(bytes, header);
      assert.equal(charset, 'windows-1252');
      assert.ok(html.includes(QUOTE), JSON.stringify(html));
    });
  }
  // The five bytes the index leaves unassigned stay as themselves, as in browsers.
  const { html } = decodeHtml(
    Buffer.from([0x3c, 0x70, 0x3e, 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x80]),
    'text/html; charset=windows-1252',
  );
  assert.equal(html, '<p>\x81\x8d\x8f\x90\x9d€');
});

test('charsetParam and declaredCharset', () => {
  assert.equal(charsetParam('text/html; charset=KOI8-R'), 'KOI8-R');
  assert.equal(charsetParam('text/html'), null);
  assert.equal(charsetParam(undefined), null);
  assert.equal(
    declaredCharset(Buffer.from('<?xml version="1.0" encoding="ISO-8859-2"?><html>')),
    'ISO-8859-2',
  );
  // A commented-out meta does not count.
  assert.equal(
    declaredCharset(Buffer.from('<!-- <meta charset="koi8-r"> --><meta charset="utf-8">')),
    'utf-8',
  );
});
