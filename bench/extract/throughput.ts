// End-to-end ingest throughput of plain-text articles: the gva-dev articles written as .txt files
// (front matter with title, date and URL) into a temporary folder outside the repo, ingested with
// the real runner (intake → extract → analyze → assign → write) into an in-memory SQLite store.
// Measures what the runner does by default (its own choice of worker threads) and the peak RSS of
// this process (worker threads share it, so it covers them).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../../src/config/index.ts';
import { ingestPaths } from '../../src/pipeline/run.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { corpus, peakRssMb } from '../lib/data.ts';
import type { Section, SectionResult } from '../extract.ts';

const yamlString = (s: string) => JSON.stringify(s.replace(/\s+/g, ' ').trim()); // JSON strings are valid YAML

export const section: Section = {
  name: 'throughput',
  async run(): Promise<SectionResult | null> {
    const dir = corpus('gva-dev');
    if (!dir) return null;
    const tmp = mkdtempSync(join(tmpdir(), 'parallax-throughput-'));
    try {
      let files = 0;
      for (const line of readFileSync(join(dir, 'articles.jsonl'), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const a = JSON.parse(line) as { id: string; title: string; dct: string; uri: string; content: string };
        const front = `---\ntitle: ${yamlString(a.title)}\npublished: ${yamlString(a.dct)}\nurl: ${yamlString(a.uri)}\n---\n`;
        writeFileSync(join(tmp, `${a.id}.txt`), `${front}${a.content}\n`);
        files++;
      }
      const store = new SqliteStore(':memory:');
      const t0 = performance.now();
      const summary = await ingestPaths(store, [tmp], { config: defaultConfig });
      const seconds = (performance.now() - t0) / 1000;
      await store.close();
      const result = {
        files,
        ingested: summary.added + summary.updated,
        skipped: summary.skipped.length,
        seconds: Math.round(seconds * 100) / 100,
        articlesPerSecond: Math.round(((summary.added + summary.updated) / seconds) * 10) / 10,
        peakRssMb: await peakRssMb(),
        cores: availableParallelism(),
      };
      console.log('files | ingested | seconds | articles/s | peak RSS MB | cores');
      console.log(`${files} | ${result.ingested} | ${result.seconds} | ${result.articlesPerSecond} | ${result.peakRssMb} | ${result.cores} (runner's default workers)`);
      return result;
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};
