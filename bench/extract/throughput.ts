// End-to-end ingest throughput of plain-text articles: the gva-dev articles written as .txt files
// (front matter with title, date and URL) into a temporary folder outside the repo, ingested with
// the real runner (intake → extract → analyze → assign → write) into an in-memory SQLite store.
// Measures what the runner does by default (its own choice of worker threads). It runs in a child
// process of its own, so the peak RSS is the ingest's alone (worker threads included), not that of
// the sections run before it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../../src/config/index.ts';
import { ingestPaths } from '../../src/pipeline/run.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { corpus, jsonLines, peakRssMb } from '../lib/data.ts';
import type { Section, SectionResult } from '../extract.ts';

const yamlString = (s: string) => JSON.stringify(s.replace(/\s+/g, ' ').trim()); // JSON strings are valid YAML

async function measure(dir: string): Promise<SectionResult> {
  const tmp = mkdtempSync(join(tmpdir(), 'parallax-throughput-'));
  try {
    let files = 0;
    for (const line of jsonLines(join(dir, 'articles.jsonl'))) {
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
    return {
      files,
      ingested: summary.added + summary.updated,
      skipped: summary.skipped.length,
      seconds: Math.round(seconds * 100) / 100,
      articlesPerSecond: Math.round(((summary.added + summary.updated) / seconds) * 10) / 10,
      peakRssMb: await peakRssMb(),
      cores: availableParallelism(),
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export const section: Section = {
  name: 'throughput',
  async run(): Promise<SectionResult | null> {
    const dir = corpus('gva-dev');
    if (!dir) return null;
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    if (child.status !== 0 || !line.startsWith('{')) throw new Error(`bench: throughput child failed (${child.status}): ${child.stderr.slice(-500)}`);
    const r = JSON.parse(line) as Record<string, number>;
    console.log('files | ingested | seconds | articles/s | peak RSS MB | cores');
    console.log(`${r.files} | ${r.ingested} | ${r.seconds} | ${r.articlesPerSecond} | ${r.peakRssMb} | ${r.cores} (runner's default workers)`);
    return r;
  },
};

if (process.argv[2] === '--child') console.log(JSON.stringify(await measure(process.argv[3])));
