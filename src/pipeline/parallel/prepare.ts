// The per-report work that needs no shared state (extract + analyze): safe to run on any thread.
import type { Article, Mentions, RawReport } from '../../model/index.ts';
import { extractArticle, ExtractError } from '../2-extract/extract.ts';
import { analyzeArticle } from '../3-analyze/analyze.ts';

export type Prepared = { article: Article; mentions: Mentions } | { error: string };

export function prepareReport(raw: RawReport): Prepared {
  let article: Article;
  try {
    article = extractArticle(raw);
  } catch (err) {
    if (err instanceof ExtractError) return { error: err.message };
    return { error: `extract failed: ${(err as Error).message}` };
  }
  try {
    return { article, mentions: analyzeArticle(article) };
  } catch (err) {
    // An analyzer bug must not lose the report: keep the article with what we can say about it.
    return { error: `analyze failed: ${(err as Error).message}` };
  }
}
