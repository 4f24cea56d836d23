import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PublishedDate } from '../../../model/index.ts';
import { extractDates } from './dates.ts';

const published = (date: string, confidence = 0.95): PublishedDate => ({ date, iso: null, method: 'json-field', confidence, text: date });
const datesIn = (text: string, pub: string | null = '2014-01-28') => extractDates({ text, published: pub ? published(pub) : null, sentences: [] });

describe('extractDates', () => {
  // [sentence, publication day (a Tuesday unless noted), expected [text, date, granularity] of each date]
  const cases: [string, string, [string, string, string][]][] = [
    ['A 12-year-old was shot at about 6 p.m. Monday evening, police said.', '2014-01-28', [['Monday evening', '2014-01-27', 'day']]],
    ['The teen was in critical condition Tuesday.', '2014-01-28', [['Tuesday', '2014-01-28', 'day']]],
    ['The council will vote on Monday.', '2014-01-28', [['Monday', '2014-02-03', 'day']]],
    ['Crews worked before more hot weather forecast for Thursday.', '2026-01-19', [['Thursday', '2026-01-22', 'day']]],
    ['The decision, adopted on March 13, covers two counties.', '2026-03-14', [['March 13', '2026-03-13', 'day']]],
    ['Bosnia holds a general election on March 29.', '2026-03-14', [['March 29', '2026-03-29', 'day']]],
    ['The fire broke out on 12 March.', '2015-01-05', [['12 March', '2014-03-12', 'day']]],
    ['The shooting happened Dec. 30 outside a bar.', '2014-01-03', [['Dec. 30', '2013-12-30', 'day']]],
    ['The suspect was arrested Jan. 27, 2014, in Raleigh.', '2015-06-01', [['Jan. 27, 2014', '2014-01-27', 'day']]],
    ['Records dated 2014-01-27 show the call.', '2015-06-01', [['2014-01-27', '2014-01-27', 'day']]],
    ['On the 14th, the prefect declared an emergency.', '2026-03-20', [['the 14th', '2026-03-14', 'day']]],
    ['Last week, police registered 1,000 arrivals.', '2026-03-14', [['Last week', '2026-03-02', 'week']]],
    ['He was released yesterday.', '2014-01-28', [['yesterday', '2014-01-27', 'day']]],
    ['The plant closed three days ago.', '2014-01-28', [['three days ago', '2014-01-25', 'day']]],
    ['Turnout fell in 2012 and again last year.', '2014-01-28', [['2012', '2012-01-01', 'year'], ['last year', '2013-01-01', 'year']]],
    ['The law took effect in March 2013.', '2014-01-28', [['March 2013', '2013-03-01', 'month']]],
    ['It was filed 1/27/2014 at the courthouse.', '2014-02-10', [['1/27/2014', '2014-01-27', 'day']]],
    ['Sam died Feb. 21,2015, at home.', '2016-03-05', [['Feb. 21,2015', '2015-02-21', 'day']]],
    // A month without a day: a past one for what happened, a coming one for what will.
    ['He was killed in May.', '2015-03-20', [['May', '2014-05-01', 'month']]],
    ['The trial will begin in May.', '2015-03-20', [['May', '2015-05-01', 'month']]],
    ['The girl was shot last July.', '2015-04-29', [['July', '2014-07-01', 'month']]],
    ['The girl was shot last March.', '2015-03-20', [['March', '2014-03-01', 'month']]],
    ['Two brothers will stand trial for the January shooting deaths of four women.', '2013-09-13', [['January', '2013-01-01', 'month']]],
    ['He was charged after a July shooting on Bourbon Street.', '2015-01-15', [['July', '2014-07-01', 'month']]],
    // "the May" before no incident word is no date.
    ['The May Company store closed.', '2015-01-15', []],
  ];
  for (const [sentence, pub, expected] of cases) {
    it(sentence, () => {
      const got = datesIn(sentence, pub).map((d) => [d.text, d.date, d.granularity]);
      assert.deepEqual(got, expected);
    });
  }

  it('spans point at the text as written', () => {
    const text = 'Police said the shooting happened Monday evening near the park.';
    for (const d of datesIn(text)) assert.equal(text.slice(d.start, d.end), d.text);
  });

  it('says what happened from the words before the date, whole numbers kept', () => {
    const what = (text: string) => datesIn(text, '2026-01-19').map((d) => d.what);
    assert.deepEqual(what('A magnitude 6.8 earthquake struck central Peru on Sunday.'), ['magnitude 6.8 earthquake struck central Peru']);
    assert.deepEqual(what('The fire burned 12,400 hectares before Sunday.'), ['The fire burned 12,400 hectares before']);
    assert.deepEqual(what('Police came. The bridge reopened on Sunday.'), ['The bridge reopened']);
  });

  it('ignores a date inside a URL', () => {
    assert.deepEqual(datesIn('Read it at http://example.com/2014-01-02/story.html or www.news.com/2014/01/02/x'), []);
  });

  it('"2020" as a count is not a year', () => {
    assert.deepEqual(datesIn('The measure passed with 2020 votes.'), []);
  });

  it('"may" the verb is not May the month', () => {
    assert.deepEqual(datesIn('Police may 5 more officers assign, they said.'), []);
  });

  it('relative dates without a publication date stay unresolved, with confidence 0', () => {
    const [d] = datesIn('He was shot Monday.', null);
    assert.equal(d.date, null);
    assert.equal(d.confidence, 0);
    assert.equal(d.relative, true);
  });

  it('relative dates are less sure than absolute ones', () => {
    const [rel, abs] = datesIn('He was shot Monday, three weeks after the Jan. 6, 2014 hearing.');
    assert.ok(rel.confidence < abs.confidence);
  });

  it('reads Spanish dates in Spanish articles only', () => {
    const es = extractDates({ text: 'Dos ferris chocaron el lunes; el 14 de marzo hubo otro.', published: published('2026-03-24'), sentences: [], language: 'es' });
    assert.deepEqual(es.map((d) => [d.text, d.date]), [['lunes', '2026-03-23'], ['14 de marzo', '2026-03-14']]);
    assert.deepEqual(datesIn('The lunes and martes were empty.'), []);
  });

  it('a "Posted" stamp at the top is the reference when the publication date is a later crawl', () => {
    const text = 'Created: 01/26/2015 1:24 PM\n\nAt 11:07 a.m. Sunday, police responded to the call.';
    const sunday = datesIn(text, '2017-01-29').find((d) => d.text === 'Sunday');
    assert.equal(sunday?.date, '2015-01-25');
  });
});
