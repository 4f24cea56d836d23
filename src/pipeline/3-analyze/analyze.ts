// Per-article analysis: who, when, where, how many, who said what. Each extractor is a pure
// function of the article; this file only runs them in order.
import type { Article, Mentions } from '../../model/index.ts';
import { noMentions } from '../../model/index.ts';
import { extractDates } from './dates/dates.ts';
import { eventDate } from './event-date.ts';
import { extractFigures } from './figures/figures.ts';
import { extractPlaces } from './places/places.ts';
import { extractEntities } from './entities/extract.ts';
import { extractQuotes } from './quotes/extract.ts';

export function analyzeArticle(article: Article): Mentions {
  // Extractors (entities, dates, places, figures, quotes) are added here by the extraction issue.
  const mentions = noMentions();
  // Order matters: figures skip the numbers that dates claimed; the event date reads the dates.
  mentions.dates = extractDates(article);
  mentions.eventDate = eventDate(article, mentions.dates);
  mentions.places = extractPlaces(article);
  mentions.figures = extractFigures(article, mentions.dates);
  // Entities after places (a name inside a place span is a place); quotes read the entities for speakers.
  mentions.entities = extractEntities(article.text, { placeSpans: mentions.places, outlet: article.source });
  mentions.quotes = extractQuotes(article.text, mentions.entities, { sentences: article.sentences });
  return mentions;
}
