// The story's main place and day, from its articles' stored mentions: the place weights of
// places.ts (datelines, titles, the outlet's city, early mentions) added up over the reports, and
// the event day most reports give — not the place or day named by the most articles in passing.
import type { Article, Mentions, PlaceMention, StoryReport } from '../../model/index.ts';
import { storyEventDate } from '../3-analyze/event-date.ts';
import { placeKey } from '../../text/fold.ts';
import { articlePlaces, storyPlace, type ArticlePlaces } from '../3-analyze/places/places.ts';

type Stored = { article: Pick<Article, 'text' | 'url' | 'title'>; mentions: Pick<Mentions, 'places' | 'eventDate'> };

/**
 * One article's places for the story weights. The stored mentions hold the text's places; the
 * title's and the outlet's city are read again (a title is short). A title name also in the text
 * takes the text's reading, which had the whole article as context (and the title's sureness when
 * the two agree).
 */
function placesOf({ article, mentions }: Stored): ArticlePlaces {
  const { title, outlet } = articlePlaces({ text: '', url: article.url, title: article.title });
  const inText = new Map(mentions.places.map((p) => [placeKey(p.text), p]));
  const titled = title.map((p): PlaceMention => {
    const same = inText.get(placeKey(p.text));
    if (!same) return p;
    // A title that vouches for the text's own reading ("LEXINGTON, S.C.: ...") keeps its sureness.
    const agrees = same.name === p.name && same.admin1 === p.admin1 && same.country === p.country;
    return { ...same, start: p.start, end: p.end, text: p.text, confidence: agrees ? Math.max(same.confidence, p.confidence) : same.confidence };
  });
  return { text: mentions.places, title: titled, textLength: article.text.length, outlet };
}

export function storyWhere(stored: Stored[]): StoryReport['where'] {
  const main = storyPlace(stored.map(placesOf));
  return main ? { name: main.name, country: main.country, lat: main.lat, lon: main.lon } : null;
}

/**
 * The story's event day; an article's publication day stands in only when no report dates the event
 * in its text. A day made up for a month the text gives ("shot last May") is never shown as the
 * story's day (gva-dev dev: right in none of 6 stories): it only places the report for grouping.
 */
export function storyWhen(stored: Stored[]): string | null {
  const days = stored.map((s) => s.mentions.eventDate).filter((d) => !d?.month);
  const read = days.filter((d) => d?.span);
  return storyEventDate(read.length ? read : days);
}
