import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outletCity, outletHost } from './outlet-city.ts';

describe('outletCity', () => {
  // [url, country hint, expected city or null]
  const cases: [string | null, string | null, string | null][] = [
    ['https://chicago.examplepaper.com/news/boy-shot/', 'US', 'Chicago'],
    ['http://www.fresnobee.com/news/local/crime/article1.html', null, 'Fresno'],
    ['https://abc7chicago.com/news/story/123/', 'US', 'Chicago'],
    ['https://www.clickondetroit.com/news/local/1', 'US', 'Detroit'],
    ['http://web.archive.org/web/20160101000000/http://www.kansascity.com/news/a.html', 'US', 'Kansas City'],
    // The city comes first in a paper's name: not the brand word after it.
    ['https://www.beaumontenterprise.com/news/a', 'US', 'Beaumont'],
    // Call signs and generic names name no city.
    ['https://www.wral.com/news/1', 'US', null],
    ['https://www.thestate.com/news/local/crime/1.html', 'US', null],
    [null, null, null],
  ];
  for (const [url, country, expected] of cases) it(String(url), () => assert.equal(outletCity(url, country)?.name ?? null, expected));

  it('reads the original host of an archived copy', () => {
    assert.equal(outletHost('http://web.archive.org/web/2016/http://www.wsmv.com/story/1'), 'wsmv.com');
    assert.equal(outletHost('not a url'), null);
  });
});
