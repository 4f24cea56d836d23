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
    // "would-be" is an adjective ("his would-be victim"), not a plan.
    ['A boy was shot by his would-be victim Monday night, police said.', '2017-02-07', [['Monday night', '2017-02-06', 'day']]],
    ['Police said the would-be robber fled on foot Sunday.', '2017-02-07', [['Sunday', '2017-02-05', 'day']]],
    // A month without a day: a past one for what happened, a coming one for what will.
    ['He was killed in May.', '2015-03-20', [['May', '2014-05-01', 'month']]],
    ['The trial will begin in May.', '2015-03-20', [['May', '2015-05-01', 'month']]],
    ['The girl was shot last July.', '2015-04-29', [['July', '2014-07-01', 'month']]],
    ['The girl was shot last March.', '2015-03-20', [['March', '2014-03-01', 'month']]],
    ['Two brothers will stand trial for the January shooting deaths of four women.', '2013-09-13', [['January', '2013-01-01', 'month']]],
    ['He was charged after a July shooting on Bourbon Street.', '2015-01-15', [['July', '2014-07-01', 'month']]],
    // An incident named by its day has happened: the day is a past one, however far the next such day.
    ['The family is still waiting for answers in the May 31 death of their 3-year-old boy.', '2016-02-24', [['May 31', '2015-05-31', 'day']]],
    ['No one is in custody for the Oct. 12 shooting on Elm Street.', '2016-08-05', [['Oct. 12', '2015-10-12', 'day']]],
    ['Detectives still seek witnesses to the Dec. 20 fatal stabbing outside the bar.', '2016-09-01', [['Dec. 20', '2015-12-20', 'day']]],
    // A day named by a coming step stays a coming one.
    ['The May 31 hearing will decide whether he stands trial.', '2016-02-24', [['May 31', '2016-05-31', 'day']]],
    // "the May" before no incident word is no date.
    ['The May Company store closed.', '2015-01-15', []],
    // Issue 18: the event's day as written. "on the 28th" in a paper of the 30th.
    ['Peruvian President José Jerí announced on the 28th a state of emergency.', '2025-11-30', [['the 28th', '2025-11-28', 'day']]],
    // The weekday names the year: "Saturday, April 25" said the day after was April 24, 1998.
    ['The paper said in an editorial on Saturday, April 25, that the court erred.', '1998-04-24', [['Saturday, April 25', '1998-04-25', 'day']]],
    ['The paper wrote on Saturday, April 25: the court erred.', '1998-04-24', [['Saturday, April 25', '1998-04-25', 'day']]],
    ['The government declared on Friday 28 November a state of emergency.', '2025-11-30', [['Friday 28 November', '2025-11-28', 'day']]],
    // A payment date in a past-tense sentence is still a coming day.
    ['The company declared a stock dividend, payable Dec. 15 to holders of record Nov. 17.', '1989-10-26', [['Dec. 15', '1989-12-15', 'day'], ['Nov. 17', '1989-11-17', 'day']]],
    ['The notes, which were priced at par, are due Nov. 1, 2009.', '1989-10-30', [['Nov. 1, 2009', '2009-11-01', 'day']]],
    ['A man was shot last night outside a bar, police said.', '2025-11-30', [['last night', '2025-11-29', 'day']]],
    // Holidays on a fixed day.
    ['A man accidentally shot his friend on New Year\'s Eve, police said.', '2017-01-03', [["New Year's Eve", '2016-12-31', 'day']]],
    ['Her brother was killed on the Fourth of July.', '2016-07-21', [['the Fourth of July', '2016-07-04', 'day']]],
    // A deadline after a past verb is still ahead; a past-perfect plan is past.
    ['The parent asked the unit to respond by Oct. 31.', '1989-10-26', [['Oct. 31', '1989-10-31', 'day']]],
    // "ahead of the December 14 runoff": an event to come, not last year's, whatever verb came before.
    ['Hundreds of migrants fled ahead of the December 14 runoff.', '2025-11-30', [['December 14', '2025-12-14', 'day']]],
    ['The attack came weeks before the March 3 vote.', '2024-03-10', [['March 3', '2024-03-03', 'day']]],
    ['Ten members had filed their reports by Wednesday.', '1990-08-16', [['Wednesday', '1990-08-15', 'day']]],
    ['The offer had been scheduled to expire at midnight Friday.', '1989-10-30', [['Friday', '1989-10-27', 'day']]],
    ['Women\'s Day is this coming Sunday.', '1998-03-05', [['this coming Sunday', '1998-03-08', 'day']]],
    // News writes a scheduled step in the present tense: "meet Monday" is the coming Monday (a Friday paper).
    ['He and the Palestinian leader meet separately Monday with the secretary of state.', '1998-05-01', [['Monday', '1998-05-04', 'day']]],
    ['The two delegations resume talks Thursday in Geneva.', '1998-05-01', [['Thursday', '1998-05-07', 'day']]],
    ['The governor visits the border towns on Wednesday, aides said.', '2016-03-14', [['Wednesday', '2016-03-16', 'day']]],
    // A noun before the day, or a past verb after it, leaves the day past.
    ['The track meet Monday was canceled after the storm.', '2016-03-15', [['Monday', '2016-03-14', 'day']]],
    ['Since his return Monday, the senator has met no one.', '2016-03-15', [['Monday', '2016-03-14', 'day']]],
    // "Today," opening a sentence that tells of no event is the present era, not a day.
    ['And today, the right to work is equal to the right to survival.', '1998-03-05', []],
    ['Today, he bends down to greet the children who visit the museum.', '2017-01-28', []],
    ['Today, police arrested a second suspect in the killing.', '2017-01-28', [['Today', '2017-01-28', 'day']]],
    ['Also today, the king arrived in Washington.', '1990-08-15', [['today', '1990-08-15', 'day']]],
    ['Today, the council will vote on the budget.', '2017-01-28', [['Today', '2017-01-28', 'day']]],
    ['Police said two men were shot today, and one is in critical condition.', '2017-01-28', [['today', '2017-01-28', 'day']]],
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

  // Spanish: the tense and "próximo" / "pasado" / "mañana" say which way a weekday points. [text, publication day, expected]
  const spanish: [string, string, [string, string][]][] = [
    ['España jugará este miércoles en Francia.', '2001-09-01', [['miércoles', '2001-09-05']]],
    ['La selección se concentrará el próximo lunes en Caracas.', '2000-06-15', [['lunes', '2000-06-19']]],
    ['El presidente se despidió el pasado jueves por televisión.', '2000-06-01', [['jueves', '2000-05-25']]],
    ['Las diputadas serán recibidas mañana, viernes, por el tribunal.', '2000-08-17', [['mañana', '2000-08-18'], ['viernes', '2000-08-18']]],
    ['El mandato comenzará a contar a partir del 1 de diciembre próximo.', '2000-06-01', [['1 de diciembre', '2000-12-01']]],
    // A range's first day takes the month that follows it.
    ['Los niños recibieron los regalos en Nochebuena.', '1998-12-28', [['Nochebuena', '1998-12-24']]],
    ['La feria se celebrará del 7 al 11 de septiembre.', '2001-04-02', [['7', '2001-09-07'], ['11 de septiembre', '2001-09-11']]],
    // Portuguese weekday names are Spanish ordinals: "la segunda parte", "es quinta".
    ['El equipo mejoró en la segunda parte y ya es quinta en la tabla.', '1999-02-02', []],
  ];
  for (const [text, pub, expected] of spanish) {
    it(`es: ${text}`, () => {
      const got = extractDates({ text, published: published(pub), sentences: [], language: 'es' }).map((d) => [d.text, d.date]);
      assert.deepEqual(got, expected);
    });
  }

  it('a bridge or street named after a day is no date: "25 de Abril"', () => {
    const es = extractDates({ text: 'El tráfico quedó cortado en el puente 25 de Abril durante dos horas el domingo.', published: published('2025-11-30'), sentences: [], language: 'es' });
    assert.deepEqual(es.map((d) => d.text), ['domingo']);
    const pt = extractDates({ text: 'A avenida 5 de Outubro fechou; o acidente foi a 3 de outubro.', published: published('2025-11-30'), sentences: [], language: 'pt' });
    assert.deepEqual(pt.map((d) => [d.text, d.date]), [['3 de outubro', '2025-10-03']]);
  });

  it('a "Posted" stamp at the top is the reference when the publication date is a later crawl', () => {
    const text = 'Created: 01/26/2015 1:24 PM\n\nAt 11:07 a.m. Sunday, police responded to the call.';
    const sunday = datesIn(text, '2017-01-29').find((d) => d.text === 'Sunday');
    assert.equal(sunday?.date, '2015-01-25');
  });

  // A page updated over days heads each section with its day: the section's relative dates are read
  // against that day, not the stored publication day. [text, publication day, [date text, day] of each relative word]
  const sections: [string, string, [string, string][]][] = [
    [
      'UPDATE 1/11: The boy was taken off life support on Sunday and died.\n\nPREVIOUS 1/4: Police are investigating an accidental shooting. Two brothers were waiting in a parked car Monday when they found a loaded gun.',
      '2016-01-12',
      [['Sunday', '2016-01-10'], ['Monday', '2016-01-04']],
    ],
    ['FIRST REPORT (Nov. 1)\n\nPolice are investigating a shooting tonight after a man walked into the hospital.', '2015-11-02', [['tonight', '2015-11-01']]],
    ['A man was shot last night outside a bar.\n\nUpdated 08/20/13 – 4:56 p.m.\n\nThe man died this morning, police said.', '2013-08-19', [['last night', '2013-08-18'], ['this morning', '2013-08-20']]],
    // No day after the word, or the word inside a sentence: no section.
    ['Update your browser to watch the video.\n\nA man was shot Sunday night.', '2016-01-12', [['Sunday night', '2016-01-10']]],
    ['The story was last updated Oct. 30, before the man shot Sunday night died.', '2015-11-04', [['Sunday night', '2015-11-01']]],
  ];
  for (const [text, pub, expected] of sections)
    it(`section day: ${text.slice(0, 60)}`, () => {
      // The relative words (a day and month without a year is relative too, but not read against a day).
      const got = datesIn(text, pub).filter((d) => d.relative && !/\d/.test(d.text)).map((d) => [d.text, d.date]);
      assert.deepEqual(got, expected);
    });
});
