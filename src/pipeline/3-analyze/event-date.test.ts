import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PublishedDate } from '../../model/index.ts';
import { extractDates } from './dates/dates.ts';
import { eventDate, storyEventDate } from './event-date.ts';

const published = (date: string): PublishedDate => ({ date, iso: null, method: 'json-field', confidence: 0.95, text: date });
function eventOf(text: string, pub: string) {
  const article = { text, published: published(pub), sentences: [] };
  return eventDate(article, extractDates(article));
}

describe('eventDate', () => {
  // [text, publication day, expected event day]
  const cases: [string, string, string][] = [
    [
      'A 12-year-old was in critical condition Tuesday after he and three others were shot. Four teens were shot on the court at about 6 p.m. Monday evening, police said.',
      '2014-01-28',
      '2014-01-27',
    ],
    ['Police said Tuesday that a man was shot and killed Sunday night on Elm Street.', '2014-01-28', '2014-01-26'],
    ['The decision, adopted at an emergency cabinet session on March 13, covers two counties. Bosnia holds an election on March 29.', '2026-03-14', '2026-03-13'],
    ['A Pocatello man was sentenced Monday for the Jan. 1 shooting death of his girlfriend.', '2015-06-09', '2015-01-01'],
    ['The city council met to discuss the budget.', '2014-05-02', '2014-05-02'],
    ['A man was shot Saturday night. The suspect appeared in court on Monday.', '2014-05-06', '2014-05-03'],
    ['The teen remains in stable condition Friday, police said.', '2015-11-26', '2015-11-26'],
    // A bare weekday six days back is more often the day after a lagging stored date: not the event.
    ['A woman was shot Tuesday outside a laundromat on Grove Street.', '2016-03-14', '2016-03-14'],
    // Named with "last", the week-old day is the event.
    ['A woman was shot last Tuesday outside a laundromat on Grove Street.', '2016-03-14', '2016-03-08'],
  ];
  for (const [text, pub, expected] of cases) it(text.slice(0, 70), () => assert.equal(eventOf(text, pub)?.date, expected));

  it('points at the date it chose, and is less sure without one', () => {
    const text = 'Two men were shot Saturday night outside a bar.';
    const e = eventOf(text, '2014-02-03')!;
    assert.equal(text.slice(e.span!.start, e.span!.end), 'Saturday night');
    const fallback = eventOf('The council met to discuss the budget.', '2014-02-03')!;
    assert.equal(fallback.span, null);
    assert.ok(fallback.confidence < e.confidence);
  });

  it('is less sure of a day on which things ran again (a later development than the event)', () => {
    const began = eventOf('Ferries began running across the bay on Friday.', '2026-05-08')!;
    const again = eventOf('Ferries began running again across the bay on Friday.', '2026-05-08')!;
    assert.equal(again.date, '2026-05-08');
    assert.ok(again.confidence < began.confidence);
  });

  it('is null without any date at all', () => {
    const article = { text: 'The council met.', published: null, sentences: [] };
    assert.equal(eventDate(article, extractDates(article)), null);
  });
});

describe('storyEventDate', () => {
  it('takes the day most articles give, weighted by confidence', () => {
    const e = (date: string, confidence: number) => ({ date, confidence, span: null });
    assert.equal(storyEventDate([e('2014-01-27', 0.8), e('2014-01-28', 0.4), e('2014-01-27', 0.7), null]), '2014-01-27');
    assert.equal(storyEventDate([e('2014-01-28', 0.5), e('2014-01-27', 0.5)]), '2014-01-27');
    assert.equal(storyEventDate([null]), null);
    // No two agree: the earliest sure one (later reports are follow-ups).
    assert.equal(storyEventDate([e('2016-01-15', 0.87), e('2014-06-29', 0.78), e('2016-03-24', 0.73)]), '2014-06-29');
  });
});
