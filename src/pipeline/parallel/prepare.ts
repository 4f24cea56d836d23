// The per-report work that needs no shared state (extract + analyze + the grouping features):
// safe to run on any thread.
import { noMentions, type Article, type Mentions, type RawReport } from '../../model/index.ts';
import { extractArticle, ExtractError } from '../2-extract/extract.ts';
import { analyzeArticle } from '../3-analyze/analyze.ts';
import { articleFeatures, type ArticleFeatures } from '../4-cluster/features.ts';
import { defaultStoryAssignerOptions } from '../4-cluster/story-assigner.ts';

/**
 * A prepared report. `features` are the default assigner's per-article features (a pure function
 * of article + mentions), computed here so the main thread, which groups in order, does not.
 */
export type Prepared =
  | { article: Article; mentions: Mentions; features?: ArticleFeatures; warning?: string }
  | { error: string };

export function prepareReport(raw: RawReport): Prepared {
  let article: Article;
  try {
    article = extractArticle(raw);
  } catch (err) {
    if (err instanceof ExtractError) return { error: err.message };
    return { error: `extract failed: ${(err as Error).message}` };
  }
  let mentions: Mentions;
  let warning: string | undefined;
  try {
    mentions = analyzeArticle(article);
  } catch (err) {
    // An analyzer bug must not lose the report: keep the article, without mentions, and say so.
    mentions = noMentions();
    warning = `analysis failed, stored without mentions: ${(err as Error).message}`;
  }
  // Features are optional for the runner: if they cannot be made here, the assigner makes them.
  let features: ArticleFeatures | undefined;
  try {
    features = articleFeatures(article, mentions, defaultStoryAssignerOptions);
  } catch {
    features = undefined;
  }
  return { article, mentions, features, ...(warning ? { warning } : {}) };
}
