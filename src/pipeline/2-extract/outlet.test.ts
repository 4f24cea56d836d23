import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { archivedOriginal, fileOutlet, staffOutlet } from './outlet.ts';

describe('archivedOriginal: the page an archive copy was taken from', () => {
  const cases: [string, string | null][] = [
    [
      'http://web.archive.org/web/20160315083012/http://www.harborledger.example/news/fire-at-mill',
      'http://www.harborledger.example/news/fire-at-mill',
    ],
    [
      'https://web.archive.org/web/20191102120000id_/https://valleycourier.example/2019/11/01/flood/',
      'https://valleycourier.example/2019/11/01/flood/',
    ],
    [
      'https://web.archive.org/web/2019/https://valleycourier.example/a?id=3',
      'https://valleycourier.example/a?id=3',
    ],
    [
      'https://web.archive.org/web/20160315083012/http:/www.harborledger.example/x',
      'http://www.harborledger.example/x',
    ],
    [
      'https://web.archive.org/web/20160315083012/www.harborledger.example/x',
      'http://www.harborledger.example/x',
    ],
    [
      'https://archive.ph/2023.05.04-101112/https://www.plainsman.example/story/42',
      'https://www.plainsman.example/story/42',
    ],
    [
      'https://archive.today/newest/https://www.plainsman.example/story/42',
      'https://www.plainsman.example/story/42',
    ],
    [
      'https://archive.is/20230504101112/https://www.plainsman.example/story/42',
      'https://www.plainsman.example/story/42',
    ],
    [
      'https://webarchive.nationalarchives.gov.uk/20200101120000/https://www.agency.example/press/notice',
      'https://www.agency.example/press/notice',
    ],
    [
      'https://arquivo.pt/wayback/20190101000000/https://jornal.example/artigo',
      'https://jornal.example/artigo',
    ],
    [
      'https://webcache.googleusercontent.com/search?q=cache:AbC123:https://www.plainsman.example/story/42+&cd=1',
      'https://www.plainsman.example/story/42',
    ],
    // Nothing to recover: a short archive id, or an ordinary page.
    ['https://archive.ph/Xy7Qk', null],
    ['https://www.harborledger.example/news/2016/03/15/fire', null],
    ['https://www.harborledger.example/archive/20160315083012/index', null],
  ];
  for (const [url, original] of cases)
    it(url, () => assert.equal(archivedOriginal(url)?.original ?? null, original));

  it('tells an archive host that hides the original', () => {
    assert.equal(archivedOriginal('https://archive.ph/Xy7Qk'), null);
  });
});

describe('staffOutlet: a staff byline names the outlet', () => {
  const cases: [string, string | null][] = [
    ['Valley Courier staff', 'Valley Courier'],
    ['The Plainsman Staff', 'The Plainsman'],
    ['Harbor Ledger staff reports', 'Harbor Ledger'],
    ['Eastbridge Times Staff Writer', 'Eastbridge Times'],
    ['Liam O’Rourke', null],
    ['staff', null],
    ['Staff Reports', null],
  ];
  for (const [name, outlet] of cases) it(name, () => assert.equal(staffOutlet(name), outlet));
});

describe('fileOutlet: a file name is an outlet only when it reads like one', () => {
  const cases: [string, string | null][] = [
    ['feeds/wire.jsonl', 'wire'],
    ['inbox/harbor-ledger.txt', 'harbor-ledger'],
    ['inbox/report-17.txt', null],
    ['inbox/article.html', null],
    ['inbox/2026-03-14.txt', null],
    ['inbox/untitled (3).md', null],
    ['inbox/9f86d081884c7d65.json', null],
    ['inbox/export_20260314.jsonl', null],
    ['inbox/IMG_2041.txt', null],
  ];
  for (const [path, outlet] of cases) it(path, () => assert.equal(fileOutlet(path), outlet));
});
