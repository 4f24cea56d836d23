import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PublishedDate } from '../../model/index.ts';
import { paragraphSpans, sentenceSpans } from '../2-extract/segment.ts';
import { extractDates } from './dates/dates.ts';
import { eventDate, storyEventDate } from './event-date.ts';

const published = (date: string): PublishedDate => ({ date, iso: null, method: 'json-field', confidence: 0.95, text: date });
function eventOf(text: string, pub: string, title?: string) {
  // Sentences as extraction finds them: whether a date is tied to a word depends on the sentence.
  const article = { title, text, published: published(pub), sentences: sentenceSpans(text, paragraphSpans(text)) };
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
    // Only a saying is dated: its day, not the publication day, stands for the event.
    ['Police said the incident was reported Sunday afternoon in the 7300 block of Brevard Street.', '2015-12-07', '2015-12-06'],
    // Named with "last", the week-old day is the event.
    ['A woman was shot last Tuesday outside a laundromat on Grove Street.', '2016-03-14', '2016-03-08'],
    // The day of a state, however qualified, or of a saying to a named outlet, is not the event's.
    ['A gunman fired into her car on Sunday. The girl remained in extremely critical condition Monday morning.', '2016-05-17', '2016-05-15'],
    ['A man was shot in the leg on Saturday. Police told WKTV Sunday evening that the shooter was known to him.', '2015-10-19', '2015-10-17'],
    ['Two people were shot at a party on Friday. Family members did not reply to requests for comment Monday.', '2015-06-23', '2015-06-19'],
    ['A man was shot dead in a bar on Tuesday. The suspect was captured Thursday in Texas.', '2015-06-26', '2015-06-23'],
    ['A girl was shot in her home on Monday night. The search for two attackers continued Wednesday.', '2016-02-11', '2016-02-08'],
  ];
  for (const [text, pub, expected] of cases) it(text.slice(0, 70), () => assert.equal(eventOf(text, pub)?.date, expected));

  // Follow-up reports weeks or months later: the day of the incident, not of the hearing. [text, publication day, event day]
  const followUps: [string, string, string][] = [
    ['A Toledo man accused in a May 25 shooting that killed one and injured three others entered pleas in court Tuesday.', '2014-11-18', '2014-05-25'],
    // The court date is recent, the killing is not: the killing is the event.
    ['Kevin Smith appeared in court Tuesday on a manslaughter charge. Police say Smith shot and killed Annarae Ponce on Jan. 1 at her home.', '2015-06-09', '2015-01-01'],
    ['Nikolai Wasilewski, 17, has been charged. Marcus Seichter was shot and killed on Dec. 22, 2015, in Beloit.', '2016-02-15', '2015-12-22'],
    ['Two men were arrested on Monday. The boy was shot dead on 7 January outside his school.', '2016-02-10', '2016-01-07'],
    // A bullet striking someone is the incident, however old the date.
    ['A mother who was accidentally shot by her own child is now facing charges. On February 2nd, the woman woke up in pain after a bullet entered her calf.', '2015-04-23', '2015-02-02'],
    // An opening phrase ending with the date: the main clause after it tells what happened on it.
    ['Police made another arrest in the shooting of five teens. Shortly after leaving a basketball tournament on June 21, five teenagers were shot at a bus stop.', '2014-07-17', '2014-06-21'],
    // A hearing still to come is never the event.
    ['A man charged in the shooting death of a Tulsa woman will be sentenced on March 3. The woman was shot on Jan. 7 outside her apartment.', '2014-02-20', '2014-01-07'],
    // Month only: the middle of the most recent such month before publication.
    ['Brothers James and Cedric Poore will stand trial for the January shooting deaths of four women, a judge ruled Friday.', '2013-09-13', '2013-01-16'],
    ['The girl was shot by another 5-year-old while visiting the couple\'s home last July. The couple pleaded not guilty Wednesday.', '2015-04-29', '2014-07-16'],
    // The incident named by its day, months before the charge, in the year that puts it before publication.
    ['Two more men were charged Tuesday with first-degree murder in the May 31 death of a sleeping 3-year-old boy.', '2016-02-24', '2015-05-31'],
    // A date given as "the night of the shooting" is the incident's, however old (past the first 300
    // characters, where a full date would be taken for the page's stamp).
    ['Two brothers have been indicted by a grand jury in the murder of a 7-year-old boy who was shot while asleep in his bedroom.\n\nBoth men, aged 19 and 22, have been indicted for capital murder in the death of the boy, and a third suspect is still being sought by detectives.\n\nThe indictment says the brothers, with the third man, tried to break into the house on Pine Ridge Road on March 4, 2016, the night of the shooting.', '2016-06-20', '2016-03-04'],
    ['Two men pleaded guilty Friday. Officers were called to the house on Sept. 3, the morning of the killing, and found the victim in the yard.', '2016-12-02', '2016-09-03'],
    // In a report of an arrest, a recent day that dates no moment of the incident (the arrest's own)
    // does not make the incident's old day background.
    ['At about noon today, Wednesday, February 8, 2017, members of the department\'s fugitive unit working with state troopers arrested a 27-year-old man wanted for the shooting of a nine-year-old girl.\n\nAt about 1:00 AM on Sunday, October 9, 2016, officers responded to a report of a shooting and found the girl wounded inside a car.', '2017-02-08', '2016-10-09'],
    // A recent day the report ties to an incident still does.
    ['Police arrested a man Tuesday in the shooting that happened Saturday night on Elm Street. He had been shot himself on Jan. 7 in a separate case.', '2016-06-01', '2016-05-28'],
  ];
  for (const [text, pub, expected] of followUps) it(`follow-up: ${text.slice(0, 60)}`, () => assert.equal(eventOf(text, pub)?.date, expected));

  // Same-day reports with traps around them. [text, publication day (a Monday unless noted), event day]
  const traps: [string, string, string][] = [
    // An earlier, other shooting given as background.
    ['A 2-year-old girl was shot Saturday night inside a home on Elm Street, police said. It was the second such shooting in the city this month. On March 1, a 3-year-old boy was shot in his home.', '2016-03-21', '2016-03-19'],
    // Without a dated shooting of its own, the report still does not take the background one's day.
    ['A 2-year-old girl was shot inside a home on Elm Street, police said. It was the second such shooting in the city this month. On March 1, a 3-year-old boy was shot in his home.', '2016-03-21', '2016-03-21'],
    // "2020" counts rounds, it is no year.
    ['Officers seized 2020 rounds of ammunition after the man was shot Friday night.', '2016-03-14', '2016-03-11'],
    // A date in a URL is no date.
    ['Read more at http://example.com/2014/01/07/shooting.html. A man was shot Sunday morning on Main Street.', '2015-06-09', '2015-06-07'],
    // A month that dates an arrest, not the shooting.
    ['Police said the man was shot Saturday. He had also been arrested in January on drug charges.', '2015-06-09', '2015-06-06'],
    // "Posted:" dates the page.
    ['Posted: Friday, June 5, 2015 8:36 AM EDT. A man was shot and killed Wednesday night outside a bar.', '2015-06-05', '2015-06-03'],
  ];
  for (const [text, pub, expected] of traps) it(`trap: ${text.slice(0, 60)}`, () => assert.equal(eventOf(text, pub)?.date, expected));

  // A victim's death is a later moment than the shooting that caused it: the day attached to the
  // injury wins over the day of the death, and the death's day stands in only when no other is given.
  // [text, publication day, event day]
  const laterMoments: [string, string, string][] = [
    ['An officer was shot in northeast Charlotte Monday night. Officer Lee Hart died on Tuesday at the medical center.', '2015-03-11', '2015-03-09'],
    ['A little girl is dead after police say her father shot her during an argument Friday night. The charge was upgraded after the girl died Saturday.', '2016-05-28', '2016-05-27'],
    ['A teenager who was shot in a drive-by on Sunday during his birthday party died Tuesday, the sheriff said.', '2016-08-10', '2016-08-07'],
    ['The boy was shot in the face by a relative Saturday afternoon. He passed away early Monday at the children\'s hospital.', '2015-07-21', '2015-07-18'],
    ['Two hunters were wounded Thursday near the lake. One of them succumbed to his injuries Saturday, deputies said.', '2014-11-24', '2014-11-20'],
    ['Deputies said the Tuesday shooting happened in the backyard. The child was rushed to the hospital and pronounced dead on Thursday.', '2016-09-30', '2016-09-27'],
    ['Police say a man injured in a November 2 shooting at 22nd and Bragg streets died at a local hospital on Sunday as a result of his wounds.', '2016-11-22', '2016-11-02'],
    ['Two suspects were arrested in the shooting. The victim was shot on Oct. 3 and died around 6 a.m. Oct. 20 at the medical center.', '2016-10-29', '2016-10-03'],
    ['Police said Fred Dunn, 38, died at a local hospital on Sunday. Dunn was one of five people shot in the incident that occurred late in the evening on Nov. 2 on Bragg Street.', '2016-11-22', '2016-11-02'],
    // An old incident day against a recent death: the death does not make the incident background.
    ['Police reported that Fred Dunn, 38, died early Sunday morning at the medical center as a result of his injuries. Dunn was one of five people injured in the incident that occurred late in the evening on Nov. 2 at a home on Bragg Street.', '2016-11-22', '2016-11-02'],
    ['The man died Saturday at the hospital. He was shot on Oct. 3 outside a store on Main Street, police said.', '2016-10-25', '2016-10-03'],
    // The day of a release or of a saying to a named outlet dates no moment of the event.
    ['A man wounded in a shooting earlier this month has died. In a news release issued Tuesday, police reported that the victim, 38, died early Sunday morning at the medical center. He was one of five people injured in the incident that occurred late in the evening on Nov. 2 at a home on Bragg Street.', '2016-11-22', '2016-11-02'],
    ['A teen died in a shooting at a home Saturday night. Deputies told KTVB Sunday that the shooting appeared to be accidental.', '2015-10-19', '2015-10-17'],
    // The death is the only day given: it stands (nearer the event than the publication day).
    ['Marcus Reed, 19, died Sunday at the hospital after a shooting on Elm Street, police said.', '2016-04-12', '2016-04-10'],
    // "died after being shot Sunday": the day belongs to the shooting.
    ['A 15-year-old died after being shot Sunday outside his home, police said.', '2016-04-12', '2016-04-10'],
  ];
  for (const [text, pub, expected] of laterMoments) it(`later moment: ${text.slice(0, 60)}`, () => assert.equal(eventOf(text, pub)?.date, expected));

  // Among days about as likely, the one the injury is dated on, not an earlier or later moment
  // around it (the last sign of life, a fight the day before, the body found, a ruling).
  const injuryDay: [string, string, string][] = [
    ['Four people, including a boy, were found shot to death inside the home on Tuesday. Police said a dispute inside the residence reached a point on Monday evening where the violence occurred.', '2017-02-22', '2017-02-21'],
    ['A student was shot near the high school Wednesday afternoon. His family said he had nothing to do with the shooting but was jumped by a group of teenagers at the school Tuesday.', '2017-03-16', '2017-03-15'],
    ['Police confirmed the body found in the river this morning is the teen sought in the murder. The 15-year-old was shot near Crenshaw Street and Senator Street on Valentine\'s Day.', '2017-02-22', '2017-02-14'],
    ['The coroner ruled the boy\'s death a homicide Thursday, two days after the arrest. The shooting happened inside a home near Wallace Street on June 22.', '2016-06-30', '2016-06-22'],
  ];
  for (const [text, pub, expected] of injuryDay) it(`injury day: ${text.slice(0, 60)}`, () => assert.equal(eventOf(text, pub)?.date, expected));

  // The body dates nothing (a short page, a teaser): the headline's day of the incident stands in
  // for the publication day, read against the same publication date. [headline, text, publication day, event day]
  const headlines: [string, string, string, string][] = [
    ['One of two men shot late Monday in Belle Glade dies', 'A man shot in Belle Glade has died, the sheriff\'s office said.', '2017-01-17', '2017-01-16'],
    ['Police call Sunday\'s Jeffersontown homicide and arson a domestic case', 'A woman was found dead in a burning home.', '2016-03-21', '2016-03-20'],
    ['Boy charged in fatal New Year\'s Eve shooting', 'A 15-year-old boy has been charged with murder.', '2017-01-01', '2016-12-31'],
    // A headline day that dates a later step, or a day to come, is not the event's.
    // (A report of an arrest that dates nothing else gives no day at all: see the follow-up table below.)
    ['Man shot Monday by store clerk arrested after chase', 'The man fled and was later arrested, police said.', '2017-01-17', '2017-01-16'],
    ['Vigil planned Friday for teen killed in shooting', 'Friends will gather to remember the teen.', '2017-01-17', '2017-01-17'],
    // The text's own day wins over the headline's.
    ['Man shot Monday in Belle Glade', 'The man was shot late Sunday night outside a store, deputies said.', '2017-01-17', '2017-01-15'],
  ];
  for (const [title, text, pub, expected] of headlines)
    it(`headline: ${title}`, () => assert.equal(eventOf(text, pub, title)?.date, expected));

  // A report of what followed an incident (an arrest, a charge, a plea, a sentence) whose text and
  // headline date no moment of it: its publication day is the day of the report, days to years after
  // the incident, so the event day is not stated (null), not guessed. [headline, text, publication day, event day]
  const undated: [string, string, string, string | undefined][] = [
    ['Third person pleads guilty in deadly bar shooting', 'A third man has entered a guilty plea in the bar shooting that killed two.', '2016-12-09', undefined],
    ['Man indicted in shooting that injured seven', 'A grand jury returned the indictment this week.', '2016-09-05', undefined],
    ['Police arrest suspect in teen\'s fatal shooting at eatery', 'A suspect is in custody in the death of a teenager at a sandwich shop.', '2016-10-17', undefined],
    ['95-year-old man charged with manslaughter in shooting death', 'Prosecutors filed the charge after a review of the case.', '2016-06-02', undefined],
    ['Gunman sentenced to 60 years in prison', 'The judge handed down the sentence after a two-day hearing.', '2014-06-29', undefined],
    // The only day given is the arrest's, however it is worded.
    ['Police arrest suspect in accidental shooting of friend', 'A 23-year-old man turned himself in to police on Friday after a warrant was issued for his arrest on suspicion of second-degree assault.', '2017-01-17', undefined],
    ['Man charged in shooting of teen', 'The suspect surrendered at the county jail Saturday on a count of aggravated assault, deputies said.', '2017-01-17', undefined],
    // Not a follow-up: the publication day still stands in, less sure.
    ['Police tried to arrest a man; he opened fire', 'An officer was wounded, police said.', '2016-10-17', '2016-10-17'],
    ['Teen killed in shooting identified', 'The teen has been identified as a 17-year-old from the east side.', '2015-10-21', '2015-10-21'],
    ['Teen wounded in shooting at basketball court', 'A teenager was taken to the hospital, police said.', '2015-10-21', '2015-10-21'],
    ['Neighbors describe hearing gunshots before man found dead', 'Residents said they heard several shots.', '2015-10-21', '2015-10-21'],
    // A follow-up whose text dates the incident keeps that day.
    ['Man charged in shooting of store clerk', 'The clerk was shot on Saturday night during a robbery.', '2016-10-17', '2016-10-15'],
  ];
  for (const [title, text, pub, expected] of undated)
    it(`undated follow-up: ${title}`, () => assert.equal(eventOf(text, pub, title)?.date, expected));

  it('a headline day points at no span of the text and is less sure than a day the text gives', () => {
    const text = 'A man shot in Belle Glade has died, the sheriff\'s office said.';
    const headline = eventDate({ title: 'One of two men shot late Monday in Belle Glade dies', text, published: published('2017-01-17'), sentences: [] }, []);
    assert.equal(headline?.span, null);
    assert.equal(headline?.headline, true);
    assert.equal(eventOf(text, '2017-01-17')?.headline, undefined);
    assert.ok(headline!.confidence < eventOf('A man was shot late Monday in Belle Glade.', '2017-01-17')!.confidence);
    assert.ok(headline!.confidence > eventOf(text, '2017-01-17')!.confidence);
  });

  // A later moment dated, the incident counted back from it: "died Thursday, three days after he
  // was shot". Only an exact count ("more than two weeks after" is no day). [text, publication day, event day]
  const countedBack: [string, string, string][] = [
    ['Rohan Levy died Thursday, three days after he was shot on a Brooklyn street, police said.', '2017-02-24', '2017-02-20'],
    ['A 19-year-old man was arrested Thursday on a manslaughter charge, a day after he accidentally shot his friend in the head.', '2017-02-24', '2017-02-22'],
    ['A 46-year-old woman died Saturday, a week after she was critically wounded in a drive-by shooting.', '2016-04-24', '2016-04-16'],
    ['Police said he was taken into custody late Tuesday night, five days after he allegedly shot up a restaurant.', '2016-05-05', '2016-04-28'],
    ['The teen died Friday, two days after the shooting outside his school.', '2016-03-14', '2016-03-09'],
    // Not exact, or not counted from the incident: the day as written.
    ['The boy died Monday, more than two weeks after he was shot.', '2016-11-22', '2016-11-21'],
    ['A man was shot Sunday night. He was released Tuesday, two days after his surgery.', '2016-11-22', '2016-11-20'],
  ];
  for (const [text, pub, expected] of countedBack) it(`counted back: ${text.slice(0, 60)}`, () => assert.equal(eventOf(text, pub)?.date, expected));

  it('points at the old date it chose', () => {
    const text = 'A Toledo man accused in a May 25 shooting that killed one entered pleas in court Tuesday.';
    const e = eventOf(text, '2014-11-18')!;
    assert.equal(text.slice(e.span!.start, e.span!.end), 'May 25');
    assert.ok(e.confidence >= 0.6);
  });

  it('a month without a day is usable for grouping (>= 0.5) but less sure than a day', () => {
    const text = 'Brothers James and Cedric Poore will stand trial for the January shooting deaths of four women.';
    const e = eventOf(text, '2013-09-13')!;
    assert.equal(text.slice(e.span!.start, e.span!.end), 'January');
    assert.ok(e.confidence >= 0.5 && e.confidence < 0.6);
    assert.equal(e.month, true, 'marked: the day only stands for the month');
    assert.equal(eventOf('Two men were shot on May 25 outside a bar.', '2014-06-03')!.month, undefined);
  });

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

// A page's own time stamp (a date against a clock, an "Updated" line) says when it was written, not
// when the event happened: with no publication date given, it must not become the event day.
describe('page time stamps are not the event day', () => {
  const stamps = [
    'Woman killed in hit-and-run September 14, 2013 10:46 AM A 59-year-old woman died after a car struck her.',
    'Actress checks into rehab May 2, 2013 | 5:03pm The actress entered a clinic, her lawyer said.',
    'Man charged over double murder 8:56am Monday 10th June 2013 A man has been charged with murder.',
    'Saints place running back on injured reserve Friday, Sep 10, 2010 | Updated 8:52 PM EDT The team made the move.',
    'Chargers lineman arrested Posted 2/3/2009 11:11 PM The lineman was arrested on suspicion of drunken driving.',
    'Worker kills two at plant 9/10/2010 @ 1:19PM A worker killed two colleagues at the plant.',
    'Worker charged with murder 09/10/10 08:23 PM ET A worker was charged with two counts of murder.',
    'Pirate attack foiled in gulf TNN Nov 12, 2011, 05.51AM IST An Indian warship intercepted three boats.',
  ];
  for (const text of stamps)
    it(`no event day from: ${text.slice(0, 48)}…`, () => {
      const article = { text, published: null, sentences: [{ start: 0, end: text.length }] };
      assert.equal(eventDate(article, extractDates(article))?.date ?? null, null);
    });
  const prose = [
    ['On Saturday 8 June 2013, at 8:39am police were called to a house where two women were found dead.', '2013-06-08'],
    ['The shooting happened on June 8, 2013 at 11:30 p.m. near the park.', '2013-06-08'],
  ];
  for (const [text, day] of prose)
    it(`a dated event with a clock time in prose is still the event: ${day}`, () => {
      const article = { text, published: null, sentences: [{ start: 0, end: text.length }] };
      assert.equal(eventDate(article, extractDates(article))?.date, day);
    });
});

describe('with no publication date, the page stamp at the top is the day relative dates are read against', () => {
  it('"September 14, 2013 10:46 AM … Friday night" is Friday the 13th, less sure than a stated day', () => {
    const text = 'Woman killed in hit-and-run September 14, 2013 10:46 AM A 59-year-old woman died when a drunken driver struck her Friday night.';
    const article = { text, published: null, sentences: [{ start: 0, end: text.length }] };
    const ev = eventDate(article, extractDates(article));
    assert.equal(ev?.date, '2013-09-13');
    assert.ok(ev!.confidence < 0.6, `confidence ${ev!.confidence} must stay below a side in a date dispute`);
  });
  it('a date in running prose near the top is no stamp', () => {
    const text = 'The council met on September 14, 2013 to vote. It approved the plan on Friday.';
    const article = { text, published: null, sentences: [{ start: 0, end: 39 }, { start: 40, end: text.length }] };
    assert.equal(extractDates(article).find((d) => d.text === 'Friday')?.date ?? null, null);
  });
});
