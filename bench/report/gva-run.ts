// One run of the real pipeline over gva-dev, shared by the sections that read it (gva, labels):
// ingestPaths into an in-memory store and storiesReport, exactly as `parallax analyze --json
// --with-text` does, done once per process.
import { join } from 'node:path';
import { defaultConfig } from '../../src/config/index.ts';
import type { StoryReport } from '../../src/model/index.ts';
import { ingestPaths, storiesReport } from '../../src/pipeline/run.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

let cached: Promise<{ stories: StoryReport[]; seconds: number }> | null = null;

export function analyzeFolder(dir: string): Promise<{ stories: StoryReport[]; seconds: number }> {
  cached ??= (async () => {
    const store = new SqliteStore(':memory:');
    const t0 = performance.now();
    try {
      await ingestPaths(store, [join(dir, 'articles.jsonl')], { config: defaultConfig });
      const stories = await storiesReport(store, { withText: true });
      return { stories, seconds: (performance.now() - t0) / 1000 };
    } finally {
      await store.close();
    }
  })();
  return cached;
}
