// Claim-by-claim comparison of a story's sources. Near-copies never count as independent sources.
import type { Comparison } from '../../model/index.ts';
import type { StoredArticle } from '../../store/store.ts';
import type { StoryMentions } from './aggregate.ts';

/** Articles that are independent sources (originals, not near-copies). */
export const independent = (stored: StoredArticle[]) => stored.filter((s) => !s.copyOf);

export function compareSources(_stored: StoredArticle[], _agg: StoryMentions): Comparison {
  // Fact alignment and conflict typing come with the comparison issue.
  return { agreed: [], single_source: [], conflicts: [] };
}
