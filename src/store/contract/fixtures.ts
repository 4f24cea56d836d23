// Articles for the store contract suites: valid, small, and easy to vary.
import type { Article } from '../../model/index.ts';

export function sampleArticle(id: string, over: Partial<Article> = {}): Article {
  const text = over.text ?? `Body of ${id}. It has two sentences.`;
  return {
    id,
    source: 'Sample Wire',
    title: `Title ${id}`,
    subtitle: null,
    author: null,
    url: null,
    path: `/reports/${id}.txt`,
    language: 'en',
    published: {
      date: '2026-03-14',
      iso: null,
      method: 'front-matter',
      confidence: 0.95,
      text: '2026-03-14',
    },
    text,
    paragraphs: [{ start: 0, end: text.length }],
    sentences: [{ start: 0, end: text.length }],
    metadata: {},
    contentHash: `hash-${id}-${text.length}`,
    dropped: [],
    ...over,
  };
}
