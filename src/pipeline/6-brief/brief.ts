// The story brief: sentences taken verbatim from the articles, each citing the articles it comes from.
import type { BriefSentence, Comparison } from '../../model/index.ts';
import type { StoredArticle } from '../../store/store.ts';
import type { StoryMentions } from '../5-compare/aggregate.ts';
import { independent } from '../5-compare/compare.ts';

export function writeBrief(stored: StoredArticle[], _agg: StoryMentions, _comparison: Comparison): BriefSentence[] {
  // Lead sentences of up to three independent sources, each cited to its article (and copies of it).
  return independent(stored)
    .slice(0, 3)
    .flatMap(({ article }) => {
      const s = article.sentences[0];
      if (!s) return [];
      const copies = stored.filter((c) => c.copyOf === article.id).map((c) => c.article.id);
      return [{ text: article.text.slice(s.start, s.end), articles: [article.id, ...copies] }];
    });
}
