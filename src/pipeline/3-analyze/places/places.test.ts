import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articlePlaces, extractPlaces, mainPlace, storyPlace } from './places.ts';

const places = (text: string, url: string | null = null) => extractPlaces({ text, url });
const named = (text: string) => places(text).map((p) => `${p.text}→${p.name}/${p.country}${p.admin1 && p.kind !== 'country' ? `-${p.admin1}` : ''}`);

describe('extractPlaces', () => {
  // [text, expected "as written→name/country-admin1" list]
  const cases: [string, string[]][] = [
    ['ROCKY MOUNT, N.C. — Four teens were shot on a basketball court.', ['ROCKY MOUNT→Rocky Mount/US-NC', 'N.C.→North Carolina/US-NC']],
    ['A man was shot in Atlanta, and police in Macon are looking for a car from Georgia.', ['Atlanta→Atlanta/US-GA', 'Macon→Macon/US-GA', 'Georgia→Georgia/US-GA']],
    ['Protesters filled the streets of Tbilisi as Georgia braced for talks with Russia.', ['Tbilisi→Tbilisi/GE-51', 'Georgia→Georgia/GE', 'Russia→Russia/RU']],
    ['Paris Hilton arrived at the gala on Saturday.', []],
    ['Mayor Jackson said the budget was approved.', []],
    ['Croatia placed two counties along its border with Bosnia and Herzegovina under emergency rule.', ['Croatia→Croatia/HR', 'Bosnia and Herzegovina→Bosnia and Herzegovina/BA']],
    ['The shooting happened in St. Louis, Missouri, late Friday.', ['St. Louis→St. Louis/US-MO', 'Missouri→Missouri/US-MO']],
    ['Springfield, Ill. police said the victim died.', ['Springfield→Springfield/US-IL', 'Ill.→Illinois/US-IL']],
    ['Police said Austin Hedrick was a fan. Austin loved to dance.', []],
    ['Reading the report, officials said Police had no comment.', []],
    ['Floods hit Valencia in eastern Spain on Tuesday.', ['Valencia→Valencia/ES-60', 'Spain→Spain/ES']],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(named(text), expected));

  it('every span points at the name as written', () => {
    const text = 'LAKE STEVENS, Wash. — The family moved from Seattle to Everett, Washington, last year.';
    const found = places(text);
    assert.ok(found.length >= 3);
    for (const p of found) assert.equal(text.slice(p.start, p.end), p.text);
  });

  it('a town too small for the gazetteer is placed at its state', () => {
    const [town] = places('CAMERON, W.Va. (AP) — Cameron police say the shooting was accidental.');
    assert.equal(town.admin1, 'WV');
    assert.ok(Math.abs(town.lat - 38.5) < 1);
  });

  it('coordinates and kinds come from the gazetteer', () => {
    const [fr] = places('The summit opened in Paris on Monday.');
    assert.equal(fr.country, 'FR');
    assert.equal(fr.kind, 'city');
    assert.ok(Math.abs(fr.lat - 48.85) < 0.1 && Math.abs(fr.lon - 2.35) < 0.1);
    const [tx] = places('The storm moved across Texas.');
    assert.equal(tx.kind, 'region');
  });

  it('the title helps read the text', () => {
    const { text, title } = articlePlaces({ title: 'Shooting in Germantown, Tennessee', text: 'Police in Germantown said two men were hurt.', url: null });
    assert.equal(text[0].admin1, 'TN');
    assert.equal(title[0].admin1, 'TN');
  });
});

describe('mainPlace', () => {
  it('prefers the dateline city over the country', () => {
    const text = 'SLAVONSKI BROD, Croatia — Croatia has placed two counties under emergency rule. Croatia said more help would come.';
    assert.equal(mainPlace(places(text))?.name, 'Slavonski Brod');
  });
  it('falls back to the title when the text names no place', () => {
    const { text, title } = articlePlaces({ title: 'Five people shot in Memphis apartment complex', text: 'Five people were shot Wednesday night.', url: null });
    assert.equal(mainPlace(text, title)?.name, 'Memphis');
  });
  it('is null without places', () => assert.equal(mainPlace([]), null));
});

describe('storyPlace', () => {
  it('takes the place most articles point to', () => {
    const a = places('DAYTON, Ohio — A man was shot.')[0];
    const b = places('Police in Columbus, Ohio said.')[0];
    assert.equal(storyPlace([a, b, a, null])?.name, 'Dayton');
  });
});
