import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outletCity, outletHost, outletState } from './outlet-city.ts';

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

describe('outletState', () => {
  // A host that names a state ("nbcconnecticut", "delawareonline"), and a town in it before the
  // state's name ("limaohio" → Lima, Ohio). [url, expected state, expected city or null]
  const cases: [string, string | null, string | null][] = [
    ['https://www.nbcconnecticut.com/news/local/teen-shot/', 'Connecticut', null],
    ['https://www.delawareonline.com/story/news/crime/2017/04/05/shooting/', 'Delaware', null],
    ['http://www.arkansasonline.com/news/2016/jan/14/student-shot/', 'Arkansas', null],
    ['http://www.limaohio.com/news/206779/teen-survives/', 'Ohio', 'Lima'],
    // The capital, not the state; a city whose name begins with a state's; no state at all.
    ['https://www.washingtonpost.com/local/public-safety/officer-shot/', null, 'Washington, D.C.'],
    ['https://www.indystar.com/story/news/crime/1/', null, null],
    ['https://www.kansascity.com/news/local/crime/article1.html', null, 'Kansas City'],
    ['http://www.indianapolisrecorder.com/news/a', null, 'Indianapolis'],
    ['https://www.wral.com/news/1', null, null],
    // A country's own domain says the name is not a US state's.
    ['https://www.georgiatoday.ge/news/1', null, null],
  ];
  for (const [url, state, city] of cases)
    it(url, () => {
      assert.equal(outletState(url)?.name ?? null, state);
      assert.equal(outletCity(url, 'US')?.name ?? null, city);
    });
});
