// Per-article analysis: who, when, where, how many, who said what. Each extractor is a pure
// function of the article; this file only runs them in order.
import type { Article, Mentions } from '../../model/index.ts';
import { noMentions } from '../../model/index.ts';

export function analyzeArticle(_article: Article): Mentions {
  // Extractors (entities, dates, places, figures, quotes) are added here by the extraction issue.
  return noMentions();
}
