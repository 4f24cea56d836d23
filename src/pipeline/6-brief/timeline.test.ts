import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareSources } from '../5-compare/compare.ts';
import { date, draft, published } from '../5-compare/fixtures.ts';
import { buildTimeline } from './timeline.ts';

/** One report with one dated mention; the timeline lines it yields besides the event day. */
function lines(text: string, written: string, day: string, opts: { what?: string; language?: string } = {}) {
  const d = published(draft('a', 'Daily Example', text, { language: opts.language }), '2026-03-14');
  date(d, opts.language === 'es' ? 'jueves' : 'Thursday', '2026-03-12', { event: true });
  date(d, written, day, opts.what ? { what: opts.what } : {});
  const { facts } = compareSources([d], []);
  return buildTimeline([d], facts).filter((t) => t.date === day);
}

describe('timeline lines are events with a subject and a verb', () => {
  // [text, date as written, day, what it must say (null: no line)]
  const cases: [string, string, string, RegExp | null, { what?: string; language?: string }?][] = [
    ['Police arrested two men on Thursday. The suspects appeared in court on March 13.', 'March 13', '2026-03-13', /^The suspects appeared in court/],
    ['Police arrested two men on Thursday. Bosnia holds a general election on March 29.', 'March 29', '2026-03-29', /^Bosnia holds a general election/, { what: 'general election in Bosnia' }],
    // A dateline is not an event.
    ['ZAGREB, March 13 — Police arrested two men on Thursday after the attack.', 'March 13', '2026-03-13', null, { what: 'ZAGREB' }],
    // A fragment of a clause is not a readable event; the whole statement is.
    ['Police arrested two men on Thursday. The bill goes to the assembly, which is expected to debate it on March 20.', 'March 20', '2026-03-20', /^The bill goes to the assembly/, { what: 'which is expected to debate it' }],
    // Tweets and photo credits are not events.
    ['Police arrested two men on Thursday. Stay safe everyone #Storm pic.twitter.com/Abc123Xyz March 13, 2026', 'March 13, 2026', '2026-03-13', null],
    ['Police arrested two men on Thursday. (Photo: Jane Doe, March 13)', 'March 13', '2026-03-13', null],
    // Page timestamps are no events.
    ['Police arrested two men on Thursday. Teen hurt in shooting Posted: Friday, March 13, 2026 4:20 PM EST Updated: Friday, March 13, 2026 5:01 PM EST', 'Friday, March 13, 2026', '2026-03-13', null],
    ['Police arrested two men on Thursday. (Published Friday, March 13, 2026)', 'Friday, March 13, 2026', '2026-03-13', null],
    // The ends of a period are no events.
    ['Police arrested two men on Thursday. The county recorded 41 homicides through March 13, up from last year.', 'March 13', '2026-03-13', null],
    ['Police arrested two men on Thursday. Prosecutors say he sold the guns between March 1 and Thursday.', 'March 1', '2026-03-01', null],
    ['Police arrested two men on Thursday. A study counted 40 such shootings between Jan. 1, 2024 and March 13, 2026.', 'March 13, 2026', '2026-03-13', null],
    ['Police arrested two men on Thursday. No arrests had been made by late Friday, March 13, police said.', 'Friday, March 13', '2026-03-13', null],
    ['Police arrested two men on Thursday. Funeral Home Details Published in Daily Example on March 13, 2026 View Guest Book', 'March 13, 2026', '2026-03-13', null],
    // An opening date phrase is followed by what happened on it.
    ['Police arrested two men on Thursday. On March 13, 2026, at approximately 9:40 p.m., officers responded to a shooting call on Elm Street near the old rail depot and found a man lying in the road.', 'March 13, 2026', '2026-03-13', /officers responded/],
    // A day inside someone's quoted words is their memory, not a dated event of the story.
    ['Police arrested two men on Thursday. "I saw him on March 10 and he seemed fine," a neighbour said.', 'March 10', '2026-03-10', null],
    // A long sentence is cut after its date, never before: no line opens mid-clause.
    ['Police arrested two men on Thursday. Investigators searched the house on Elm Street and the garage behind it for several hours, and they found the rifle on March 13, officials said in a statement released late in the evening on Friday.', 'March 13', '2026-03-13', /^Investigators searched the house/],
    // A name that looks like a date (a bridge, a street) is no date.
    ['La policía detuvo a dos hombres el jueves. El tráfico se cortó en el puente 25 de Abril por la tarde.', '25 de Abril', '2026-04-25', null, { language: 'es' }],
    ['Police arrested two men on Thursday. Traffic was stopped on the 25 de Abril Bridge for an hour.', '25 de Abril', '2026-04-25', null],
    // A correction dates the story it corrects, not an event.
    ['Police arrested two men on Thursday. In a story on March 10 about a fire in a Houston home, the Associated Press misspelled a name.', 'March 10', '2026-03-10', null],
    ['Police arrested two men on Thursday. An article published March 10 misstated the age of the victim.', 'March 10', '2026-03-10', null],
    // A report of the shooting and a saying to an outlet named "The Item" are no story dates.
    ['Police arrested two men on Thursday. Crews responded to a report on March 10 of a woman shot in the 5100 block of Hawaiian Terrace.', 'March 10', '2026-03-10', /^Crews responded/],
    // A photo caption dates the photo.
    ['Police arrested two men on Thursday. The family of the victim on Tuesday, March 10, released this photo of him with his grandmother.', 'Tuesday, March 10', '2026-03-10', null],
    // A police blotter entry under its own heading is another incident.
    ['Police arrested two men on Thursday. BURGLARY: On March 10, a deputy was dispatched to a home on Old Kings Road.', 'March 10', '2026-03-10', null],
    // A case page's own heading ("HOMICIDE On …") and an update are the story's incident.
    ['Police arrested two men on Thursday. March 11, 2026 HOMICIDE On Tuesday, March 10, 2026, at approximately 11:35 PM, officers responded to a call.', 'Tuesday, March 10, 2026', '2026-03-10', /officers responded/],
    ['Police arrested two men on Thursday. UPDATE: Police identified the man shot on Tuesday, March 10, as a local welder.', 'Tuesday, March 10', '2026-03-10', /^UPDATE: Police identified/],
    // A capitalised word that is no heading does not make a blotter: an acronym opening the sentence.
    ['Police arrested two men on Thursday. Agents of the FBI searched the house on March 10 and found the rifle.', 'March 10', '2026-03-10', /^Agents of the FBI searched/],
    // A long sentence cut after its date shows the verb of the date's clause, else no line:
    // "On March 10, Darnell Reeves, a senior at the school…" says nothing happened.
    ['Police arrested two men on Thursday. On March 10, 18-year-old Darnell Reeves, a senior at the high school and a starting guard on its team for three seasons, was shot outside the gym after practice.', 'March 10', '2026-03-10', /^On March 10, 18-year-old Darnell Reeves, .* was shot/],
    ['Police arrested two men on Thursday. April 2, 2026 HOMICIDE & AGGRAVATED ASSAULT On Tuesday, March 10, 2026 at 12:10 a.m., officers responded to a shooting at the corner of Elm Street and Third Avenue, where they found two men with gunshot wounds.', 'Tuesday, March 10, 2026', '2026-03-10', /officers responded/],
    ['Police arrested two men on Thursday. March 20, 2026 ROBBERY SOLVED - A tip led to an arrest; reward paid: $1000 On Friday, March 10, 2026, at approximately 5 p.m., two men robbed the store on Elm Street at gunpoint and fled toward the interstate, police said.', 'Friday, March 10, 2026', '2026-03-10', /two men robbed the store/],
    ['Police arrested two men on Thursday. According to the criminal complaint, on March 10 Dwayne Smith, Brittany Rock, Terrence Miles, Andre Wallace, Jerome Pratt, Kevin Dunn, Marcus Bell and Tyrell Hayes, all of the east side, drove to the party.', 'March 10', '2026-03-10', null],
    // A participle of place or an adjective in -ed is no verb: "located at", "two unidentified people".
    ['Police arrested two men on Thursday. On March 10, 2026, just after 2 a.m., an officer working extra duty at the Pulse club, located at 1912 S. Orange Ave., exchanged gunfire with the shooter near the door.', 'March 10, 2026', '2026-03-10', /exchanged gunfire/],
    ['Police arrested two men on Thursday. March 20, 2026 ROBBERY On Monday, March 9, 2026, at approximately 2:40 p.m., two unidentified people, both wearing masks and dark clothing and gloves and carrying a bag, walked into the store and demanded cash from the clerk.', 'Monday, March 9, 2026', '2026-03-09', null],
    // A heading run into the date's own sentence ("… an extra award On Saturday, …") lends it no verb.
    ['Police arrested two men on Thursday. March 12, 2026 HOMICIDE SOLVED - Citizen with a tip is paid $1,000 plus $25,000 in an extra award On Saturday, March 7, 2026, at 6:17 a.m., at the corner of Elm Street and Third Avenue, officers found a man shot in a car.', 'Saturday, March 7, 2026', '2026-03-07', null],
    // A comma that closes a full date is the date's, not the end of its clause.
    ['Police arrested two men on Thursday. The shooting happened two days after the verdict in the March 10, 2026, courthouse shooting that left a bailiff and a juror wounded in the lobby of the county building.', 'March 10, 2026', '2026-03-10', /March 10, 2026, courthouse shooting/],
    // A post someone shared (emoji) is no reporting; a date in brackets after a name is a birth date.
    ['Police arrested two men on Thursday. Me and my family lost someone very special on March 10 😢 rest easy cuz', 'March 10', '2026-03-10', null],
    ['Police arrested two men on Thursday. The driver, Juan Perez (12/09/1991), was taken into custody.', '12/09/1991', '1991-12-09', null],
    // A year written after the date that is not the day's own: the day was read in the wrong year.
    ['Police arrested two men on Thursday. Court records show he filed for divorce on Valentine\'s Day, 2011 in a Kansas City court.', 'Valentine\'s Day', '2026-02-14', null],
    ['Police arrested two men on Thursday. Court records show he filed for divorce on March 3, 2011, in a Kansas City court.', 'March 3, 2011', '2011-03-03', /filed for divorce/],
    // A line whose subject only points back ("The second was on …") says nothing read alone.
    ['Police arrested two men on Thursday. The second was on March 10 at the Magnolia Hotel on Omni Boulevard.', 'March 10', '2026-03-10', null],
    ['Police arrested two men on Thursday. The first was at a nightclub on Shore Drive on March 10, 2026.', 'March 10, 2026', '2026-03-10', null],
    ['Police arrested two men on Thursday. The second shooting was on March 10 at the Magnolia Hotel on Omni Boulevard.', 'March 10', '2026-03-10', /^The second shooting was/],
    // A gallery's caption: its counter, or an agency's "CITY, ST - MONTH DD:" head.
    ['Police arrested two men on Thursday. Photo: Dana Ruiz Image 8 of 13 A resident learned that his car, stolen March 10, was used in the shooting.', 'March 10', '2026-03-10', null],
    ['Police arrested two men on Thursday. CHICAGO, IL - MARCH 10: Flowers cover a memorial outside the home where the boy was shot March 10, 2026 in Chicago, Illinois.', 'March 10, 2026', '2026-03-10', null],
    // A weather alert "expiring March 10" names the end of a period.
    ['Police arrested two men on Thursday. Flood Watch issued March 8 at 3:40PM expiring March 10 at 7:00AM in effect for the county.', 'March 10', '2026-03-10', null],
    // "March 2-15" is a period, not a day.
    ['Police arrested two men on Thursday. The first campaign ran March 2-15, and the second runs in May.', 'March 2', '2026-03-02', null],
  ];
  for (const [text, written, day, want, opts] of cases) {
    it(text, () => {
      const got = lines(text, written, day, opts);
      if (want === null) assert.deepEqual(got.map((t) => t.what), []);
      else {
        assert.equal(got.length, 1);
        assert.match(got[0].what, want);
      }
    });
  }

  it('history long before the event is marked as background', () => {
    const got = lines('Police arrested two men on Thursday. The same bar was the scene of a stabbing on May 2, 2019.', 'May 2, 2019', '2019-05-02');
    assert.equal(got.length, 1);
    assert.equal(got[0].background, true);
  });
});
