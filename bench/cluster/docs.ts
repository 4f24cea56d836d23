// Loading the grouping benchmark's corpora: extracted and analysed as the pipeline does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { noMentions, type Article, type Mentions, type RawReport } from '../../src/model/index.ts';
import { ExtractError, extractArticle } from '../../src/pipeline/2-extract/extract.ts';
import { analyzeArticle } from '../../src/pipeline/3-analyze/analyze.ts';
import { corpus, jsonLines } from '../lib/data.ts';

export interface LabelledDoc {
  article: Article;
  mentions: Mentions;
  gold: string;
}

const raw = (path: string, record: Record<string, unknown>): RawReport => ({
  format: 'json',
  path,
  url: null,
  content: JSON.stringify(record),
  record,
});

/** Analysis is another stage's work in progress: a failure there must not stop this benchmark. */
export const analysisFailures = { count: 0 };
function analyzeSafely(article: Article): Mentions {
  try {
    return analyzeArticle(article);
  } catch {
    analysisFailures.count++;
    return noMentions();
  }
}

/** Extracted and analysed like the pipeline does; reports extraction refuses (empty bodies) are left out. */
export const analyzed = (r: RawReport, gold: string): LabelledDoc[] => {
  try {
    const article = extractArticle(r);
    return [{ article, mentions: analyzeSafely(article), gold }];
  } catch (err) {
    if (err instanceof ExtractError) return [];
    throw err;
  }
};

/** ECB+ documents (no title, no date), in corpus order; null when the corpus is absent. */
export function loadEcbPlus(): LabelledDoc[] | null {
  const dir = corpus('ecbplus');
  if (!dir) return null;
  const docs = JSON.parse(readFileSync(join(dir, 'docs.json'), 'utf8')) as { doc: string; subtopic: string; text: string }[];
  return docs.flatMap((d) => analyzed(raw(join(dir, 'docs.json'), { id: d.doc, text: d.text }), d.subtopic));
}

/** gva-dev articles sorted by document date (ties by id); null when the corpus is absent. */
export function loadGvaDev(): LabelledDoc[] | null {
  const dir = corpus('gva-dev');
  if (!dir) return null;
  const path = join(dir, 'articles.jsonl');
  const rows = jsonLines(path).map((l) => JSON.parse(l) as { incident: string; id: string; title: string; dct: string; uri: string; content: string });
  rows.sort((a, b) => (a.dct < b.dct ? -1 : a.dct > b.dct ? 1 : a.id < b.id ? -1 : 1));
  return rows.flatMap((r) => analyzed(raw(path, { id: r.id, title: r.title, text: r.content, published: r.dct, url: r.uri }), r.incident));
}

