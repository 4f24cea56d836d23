import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noMentions } from '../../model/index.ts';
import { articleFeatures, cleanHeadline } from './features.ts';
import { fixtureArticle } from './fixtures.test-data.ts';
import { defaultStoryAssignerOptions } from './story-assigner.ts';
import { extractFigures } from '../3-analyze/figures/figures.ts';
import { dayNumber, eventDayFromText, figureTokens, nameTokens } from './signals.ts';
import { representativeTitle } from './story-title.ts';

describe('grouping signals', () => {
  it('finds name-like words, not capitalised sentence starts or weekdays', () => {
    const text = 'Police said Marcus Tillman was shot on Wayne Avenue on Monday. Friends said Tillman was a mechanic. ' +
      'Police are looking for a car.';
    assert.deepEqual(nameTokens('', text), ['marcus', 'tillman', 'wayne']);
  });

  it('drops a word the article also writes in lower case', () => {
    assert.deepEqual(nameTokens('Storm Floods Vigo', 'The storm flooded Vigo.'), ['vigo']);
  });

  const days: [string, string, string | null][] = [
    ['A man was shot on Monday night in Dayton.', '2024-03-13', '2024-03-11'], // a Wednesday
    ['The fire broke out yesterday.', '2024-03-13', '2024-03-12'],
    ['Crews are on the scene.', '2024-03-13', '2024-03-13'],
    ['It happened on Wednesday.', '2024-03-13', '2024-03-13'],
  ];
  for (const [text, published, event] of days) {
    it(`dates "${text}" published ${published} to ${event}`, () => {
      const got = eventDayFromText(text, dayNumber(published));
      assert.equal(got, event === null ? null : dayNumber(event));
    });
  }

  it('has no event day without a publication day', () => {
    assert.equal(eventDayFromText('On Monday a storm hit.', null), null);
  });

  it('reads ages, counts and years', () => {
    assert.deepEqual(figureTokens('Marcus Tillman, 24, and a 31-year-old man; three people were injured in 2019.'), [
      'age24', 'age31', 'people3', 'year2019',
    ]);
  });

  it('reads a year a report states, not one that is part of a name', () => {
    const table: [string, string[]][] = [
      ['The flaw affects Windows 2000 and Server 2003 users.', []],
      ['The patch, released on December 17, 2008, fixes the flaw.', ['year2008']],
      ['Niyazov died in 2006. In 2008 voters chose a parliament.', ['year2006', 'year2008']],
      ['Since 2009 the rule has changed twice; the Vision 2030 plan set it.', ['year2009']],
      ['Polls opened on 15 December 2013 across the country.', ['year2013']],
    ];
    for (const [text, years] of table) assert.deepEqual(figureTokens(text).filter((t) => t.startsWith('year')), years, text);
  });

  it('makes a large sum a figure term at two significant digits, so two reports of one heist share it', () => {
    const terms = (text: string) => {
      const mentions = { ...noMentions(), figures: extractFigures({ text }) };
      return articleFeatures(fixtureArticle({ id: text, title: 'Heist', published: null, text }), mentions, defaultStoryAssignerOptions)
        .t.map(([t]) => t)
        .filter((t) => t.startsWith('f:'));
    };
    assert.deepEqual(terms('Robbers took jewels worth 85 million euros.'), ['f:euro85000000']);
    assert.deepEqual(terms('Jewels worth 85.2 million euros were stolen.'), ['f:euro85000000']);
    assert.deepEqual(terms('Thieves stole two million euros from a Paris jeweller.'), ['f:euro2000000']);
    // Small sums recur across unrelated reports; a counted one keeps its count term.
    assert.deepEqual(terms('The shop had 300 euros in the till.'), []);
  });

  const headlines: [string, string][] = [
    ['Teen in critical condition after shooting :: WRAL.com', 'Teen in critical condition after shooting'],
    ['Teen charged in fatal shooting - WKRN News 2', 'Teen charged in fatal shooting'],
    ['Storm Irene: what we know', 'Storm Irene: what we know'],
    ['Police seek driver - the search goes on', 'Police seek driver - the search goes on'],
  ];
  for (const [raw, clean] of headlines) {
    it(`cleans headline "${raw}"`, () => assert.equal(cleanHeadline(raw), clean));
  }

  it('titles a story with the headline most like the others, not the first', () => {
    const title = representativeTitle([
      'Vigil tonight',
      'Two men shot outside Dayton bar',
      'Police name man shot outside Dayton bar',
      'Man shot outside Dayton bar dies',
    ]);
    assert.match(title, /Dayton bar/);
    assert.notEqual(title, 'Vigil tonight');
  });

  it('keeps the place of a long report with many names under the cap on terms', () => {
    const syllable = (i: number) => ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'ze'][i % 9];
    const names = Array.from({ length: 80 }, (_, i) => `Ada ${'Bo'}${syllable(i)}${syllable(Math.floor(i / 9))}wick`);
    const text = `Police in Greensburg said ${names.join(', ')} were questioned.`;
    const place = { text: 'Greensburg', name: 'Greensburg', kind: 'city' as const, country: 'US', lat: 37.26, lon: -85.5, confidence: 0.9, start: 10, end: 20 };
    const mentions = { ...noMentions(), places: [place] };
    const f = articleFeatures(fixtureArticle({ id: 'x', title: 'Questioning goes on', published: '2024-03-12', text }), mentions, defaultStoryAssignerOptions);
    assert.equal(f.t.length, defaultStoryAssignerOptions.maxTerms);
    assert.ok(f.t.some(([t]) => t === 'p:greensburg'), 'the place survives the cap');
  });
});
