// A complete write batch: the articles, stories and moves the runner decided, with every derived
// row the store indexes (rows.ts). The one way a batch is made, by the runner and by tests.
import type { ArticleWrite, WriteBatch } from '../../store/store.ts';
import { deriveRows } from './rows.ts';

export function completeBatch(batch: Pick<WriteBatch, 'articles' | 'stories' | 'moves'>): WriteBatch {
  const articles: ArticleWrite[] = batch.articles;
  return { ...batch, ...deriveRows(articles) };
}
