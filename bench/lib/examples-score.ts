// Scores the grouping of examples/ against examples/expected.json (BCubed over every report).
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defaultConfig } from '../../src/config/index.ts';
import type { StoryReport } from '../../src/model/index.ts';
import { ingestPaths, storiesReport, type IngestSummary } from '../../src/pipeline/run.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { bcubed, type BCubed } from './bcubed.ts';

export interface ExpectedExamples {
  stories: { key: string; title: string; members: string[] }[];
  copies?: { copy: string; of: string }[];
  conflicts?: { story: string; kind: string; about: string; values: string[] }[];
  non_conflicts?: { story: string; about: string; values: string[]; why?: string }[];
}

export interface ExamplesScore {
  score: BCubed;
  stories: StoryReport[];
  summary: IngestSummary;
  /** Gold member refs that matched no analysed article. */
  unmatched: string[];
  /** Analysed articles that no gold member names. */
  unexpected: string[];
  /** Each article's member ref (its id when expected.json uses it, else its path under examples/). */
  refOf: Map<string, string>;
  expected: ExpectedExamples;
}

export async function scoreExamples(dir: string): Promise<ExamplesScore> {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as ExpectedExamples;
  const store = new SqliteStore(':memory:');
  try {
    const summary = await ingestPaths(store, [dir], { config: defaultConfig });
    const stories = await storiesReport(store);
    const gold = new Map<string, string>();
    for (const s of expected.stories) for (const m of s.members) gold.set(m, s.key);
    const predicted = new Map<string, string>();
    const refOf = new Map<string, string>();
    const unexpected: string[] = [];
    for (const story of stories) {
      for (const a of story.articles) {
        const byPath = a.path ? relative(dir, a.path).split('\\').join('/') : null;
        const ref = gold.has(a.id) ? a.id : byPath && gold.has(byPath) ? byPath : null;
        if (!ref) {
          unexpected.push(`${a.id} (${a.path})`);
          continue;
        }
        refOf.set(a.id, ref);
        predicted.set(ref, story.id);
      }
    }
    const unmatched = [...gold.keys()].filter((m) => !predicted.has(m));
    return { score: bcubed(predicted, gold), stories, summary, unmatched, unexpected, refOf, expected };
  } finally {
    await store.close();
  }
}
