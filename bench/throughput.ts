// Grouping + store throughput: gva-dev replicated to 100,000 articles, fed through the real
// Ingestor into an in-memory SQLite store. Extraction runs once on the 3,007 originals and is not
// timed; each replica rewrites about a third of the words (same length, so every span stays
// valid) so replicas read as different incidents, not near-copies.
//   node --import tsx bench/throughput.ts        (THROUGHPUT_ARTICLES=20000 for a quick run)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../src/config/index.ts';
import type { Article, RawReport } from '../src/model/index.ts';
import { Ingestor } from '../src/pipeline/run.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { contentHash } from '../src/util/hash.ts';
import { loadGvaDev } from './cluster.ts';
import { peakRssMb, PROJECT_ROOT } from './lib/data.ts';

const TOTAL = Number(process.env.THROUGHPUT_ARTICLES ?? 100_000);
const WINDOW = 2_000;

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Shifts the letters of about a third of the words (chosen per replica), keeping lengths. */
function rewrite(s: string, replica: number): string {
  const shift = (replica % 25) + 1;
  return s.replace(/[A-Za-z]{3,}/g, (w) => {
    if (fnv(`${w.toLowerCase()}#${replica}`) % 3 !== 0) return w;
    return w.replace(/[a-z]/g, (c) => String.fromCharCode(((c.charCodeAt(0) - 97 + shift) % 26) + 97));
  });
}

function replicate(a: Article, replica: number): Article {
  if (replica === 0) return a;
  const text = rewrite(a.text, replica);
  const title = rewrite(a.title, replica);
  const published = a.published
    ? { ...a.published, date: new Date(Date.parse(a.published.date) + replica * 9 * 86_400_000).toISOString().slice(0, 10) }
    : null;
  return { ...a, id: `${a.id}-r${replica}`, title, text, published, contentHash: contentHash(`${title}\n${text}`) };
}

async function main(): Promise<void> {
  const base = loadGvaDev();
  if (!base) return;
  const store = new SqliteStore(':memory:');
  const ingestor = new Ingestor(store, { config: defaultConfig });
  const raw: RawReport = { format: 'json', path: 'bench', url: null, content: '' };
  const windows: { at: number; msPerArticle: number; cpuMsPerArticle: number }[] = [];
  let windowStart = performance.now();
  let windowCpu = process.cpuUsage();
  let busyMs = 0;
  const cpu0 = process.cpuUsage();
  for (let n = 0; n < TOTAL; n++) {
    const { article, mentions } = base[n % base.length];
    const a = replicate(article, Math.floor(n / base.length));
    const t0 = performance.now();
    await ingestor.addPrepared(raw, { article: a, mentions });
    busyMs += performance.now() - t0;
    if ((n + 1) % WINDOW === 0) {
      const now = performance.now();
      const cpu = process.cpuUsage(windowCpu);
      windows.push({ at: n + 1, msPerArticle: (now - windowStart) / WINDOW, cpuMsPerArticle: (cpu.user + cpu.system) / 1000 / WINDOW });
      windowStart = now;
      windowCpu = process.cpuUsage();
      if ((n + 1) % 10_000 === 0) console.error(`throughput: ${n + 1} articles, ${windows.at(-1)!.msPerArticle.toFixed(3)} ms (${windows.at(-1)!.cpuMsPerArticle.toFixed(3)} CPU ms)/article lately`);
    }
  }
  const t0 = performance.now();
  const summary = await ingestor.finish();
  busyMs += performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const counts = await store.counts();
  const near = (k: number) => windows.reduce((b, w) => (Math.abs(w.at - k) < Math.abs(b.at - k) ? w : b), windows[0]);
  // Per-article time around 10k and at the end, as CPU time: wall time on a shared machine
  // mostly measures the neighbours (wall times are in the JSON too).
  const at10k = near(10_000).cpuMsPerArticle;
  const atEnd = near(TOTAL).cpuMsPerArticle;
  const result = {
    articles: TOTAL,
    added: summary.added,
    skipped: summary.skipped.length,
    stories: counts.stories,
    articlesPerSecond: Math.round(TOTAL / (busyMs / 1000)),
    // On a shared machine wall time includes waiting for a core; CPU time (user + system) does not.
    articlesPerCpuSecond: Math.round(TOTAL / ((cpu.user + cpu.system) / 1e6)),
    msPerArticleAt10k: at10k,
    msPerArticleAtEnd: atEnd,
    ratio: atEnd / at10k,
    peakRssMb: await peakRssMb(),
  };
  console.log('articles  stories  articles/s  per CPU-s  CPU ms/article@10k  CPU ms/article@end  ratio  peak RSS MB');
  console.log(
    `${String(TOTAL).padStart(8)}  ${String(result.stories).padStart(7)}  ${String(result.articlesPerSecond).padStart(10)}  ` +
      `${String(result.articlesPerCpuSecond).padStart(9)}  ` +
      `${at10k.toFixed(3).padStart(18)}  ${atEnd.toFixed(3).padStart(18)}  ${result.ratio.toFixed(2).padStart(5)}  ${result.peakRssMb}`,
  );
  const out = join(PROJECT_ROOT, '.bench-out');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'throughput.json'), JSON.stringify({ ...result, windows }, null, 2));
  await store.close();
}

await main();
