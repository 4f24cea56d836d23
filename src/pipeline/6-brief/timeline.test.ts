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
