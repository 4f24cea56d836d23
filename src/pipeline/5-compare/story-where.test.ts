import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PublishedDate } from '../../model/index.ts';
import { paragraphSpans, sentenceSpans } from '../2-extract/segment.ts';
import { extractDates } from '../3-analyze/dates/dates.ts';
import { eventDate } from '../3-analyze/event-date.ts';
import { extractPlaces } from '../3-analyze/places/places.ts';
import { storyWhen, storyWhere } from './story-where.ts';

const published = (date: string): PublishedDate => ({ date, iso: null, method: 'json-field', confidence: 0.95, text: date });
function stored(text: string, title: string, pub: string, url: string | null = null) {
  const article = { text, title, url, published: published(pub), sentences: sentenceSpans(text, paragraphSpans(text)) };
  return { article, mentions: { places: extractPlaces(article), eventDate: eventDate(article, extractDates(article)) } };
}

describe('storyWhen: the day the reports put the event on, the publication day only as a fallback', () => {
  it('"on the 28th" in a report published on the 30th, and a report that dates nothing', () => {
    const a = stored('Peruvian President José Jerí announced on the 28th a 60-day state of emergency in the region of Tacna.', 'Peru declares emergency', '2025-11-30');
    const b = stored('Peruvian President José Jarí has announced a state of emergency in Tacna, where migrants are stranded.', 'Emergency in Tacna', '2025-11-30');
    assert.equal(storyWhen([a, b]), '2025-11-28');
  });
  it('falls back to the publication day when no report dates the event', () => {
    const a = stored('A man was hurt in a crash on Elm Street, police said.', 'Crash on Elm Street', '2025-11-30');
    assert.equal(storyWhen([a]), '2025-11-30');
  });
  it('never shows a day made up for a month ("last May"): a day another report gives, else none', () => {
    const month = stored('The man who was shot in the head last May has been charged with a robbery, police said.', 'Shooting victim charged', '2016-09-20');
    assert.equal(month.mentions.eventDate?.month, true);
    assert.equal(storyWhen([month]), null);
    const day = stored('A man was shot in the head on May 3 outside a store on Elm Street, police said.', 'Man shot on Elm Street', '2016-05-04');
    assert.equal(storyWhen([month, day]), '2016-05-03');
  });
});

describe("storyWhere: where the event happened, not the most-named place", () => {
  it('a capital dateline is where the report was filed: the emergency is in Tacna, not Lima or Chile', () => {
    const a = stored(
      'Peruvian President José Jerí announced on the 28th a state of emergency in the southern region of Tacna, on the border with Chile. Chile has sent soldiers to its border, and Chile expects more migrants.',
      'Peru declares emergency on border with Chile',
      '2025-11-30',
    );
    const b = stored(
      'LIMA — Peruvian President José Jarí has announced a state of emergency in Tacna, where migrants are stranded. Chile said it would not let them cross. Authorities in Chile and Peru are talking.',
      'Emergency in Tacna as migrants wait at the Chile border',
      '2025-11-30',
    );
    assert.equal(`${storyWhere([a, b])?.name}/${storyWhere([a, b])?.country}`, 'Tacna/PE');
  });
  it('a title that qualifies the town ("LEXINGTON, S.C.:") vouches for its reading against other reports', () => {
    const a = stored('A 13-year-old was shot and killed at a home in Lexington on Wednesday, the Lexington coroner said.', 'LEXINGTON, S.C.: Child shot, killed at Lexington home', '2014-10-02');
    const b = stored(
      'A soldier from Wilmington returned from the war to a surprise. WILMINGTON, N.C. — An Army wife was thrilled. Lexington police said an eighth grader died at a Lexington home.',
      'Eighth grader dead after shooting at Lexington home',
      '2014-10-02',
    );
    const where = storyWhere([a, b]);
    assert.equal(where && `${where.name}/${where.lat.toFixed(1)}`, 'Lexington/34.0');
  });
});
