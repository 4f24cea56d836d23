// Article-extraction benchmark (scrapinghub/article-extraction-benchmark, 181 real pages): the
// body text extractHtml finds, scored with the same shingle precision/recall/F1 as the corpus's
// evaluate.py, plus pages per second (median of several passes) and peak RSS.
//   node --import tsx bench/html.ts [--passes N] [--worst N] [--dump FILE]
// --dump writes predictions in evaluate.py's format ({id: {articleBody}}) to check the scorer.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { corpus, peakRssMb, PROJECT_ROOT } from './lib/data.ts';
import { decodeHtml } from '../src/pipeline/2-extract/charset.ts';
import { extractHtml } from '../src/pipeline/2-extract/html.ts';

type Counts = [tp: number, fp: number, fn: number];

// Python's `\w+` (re.UNICODE): letters, digits and other numerics, underscore.
const TOKEN = /[\p{L}\p{N}_]+/gu;
const tokenize = (text: string) => text.match(TOKEN) ?? [];

/** Counts of 4-token shingles, as evaluate.py's _ngrams (a short text is one shorter shingle). */
function shingles(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const s = tokens.slice(i, i + n);
    if (!s.length) continue;
    const key = s.join('\u0000');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** evaluate.py's string_shingle_matching: tp/fp/fn normalised so every page weighs the same. */
export function shingleMatch(truth: string, pred: string): Counts {
  const t = shingles(truth);
  const p = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [tp, fp, fn];
}

const precisionOf = ([tp, fp, fn]: Counts) =>
  fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp);
const recallOf = ([tp, fp, fn]: Counts) =>
  fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** evaluate.py's metrics_from_tp_fp_fns: macro-averaged precision and recall, F1 of the two. */
export function shingleMetrics(all: Counts[]) {
  const precision = mean(all.filter(([tp, fp]) => tp + fp > 0).map(precisionOf));
  const recall = mean(all.filter(([tp, , fn]) => tp + fn > 0).map(recallOf));
  return { f1: (2 * precision * recall) / (precision + recall), precision, recall };
}

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const dir = corpus('article-extraction');
  if (!dir) return;
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody?: string }
  >;
  const ids = Object.keys(truth);
  const pages = new Map(ids.map((id) => [id, gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`)))]));
  if (readdirSync(join(dir, 'html')).length !== ids.length)
    console.error('bench: html/ and ground-truth.json differ in size');

  const passes = Number(flag('passes') ?? 3);
  const rates: number[] = [];
  // Pages per CPU-second too: the machine is shared, and wall time also counts other people's work.
  const cpuRates: number[] = [];
  const perPageMs: number[] = [];
  const predicted: Record<string, string> = {};
  const notArticles: Record<string, string> = {};
  /** How many pages each metadata field was found on. */
  const found: Record<string, number> = {};
  for (let pass = 0; pass < passes; pass++) {
    const start = performance.now();
    const cpu0 = process.cpuUsage();
    for (const id of ids) {
      const t0 = performance.now();
      const page = extractHtml(decodeHtml(pages.get(id)!).html);
      if (pass === 0) {
        predicted[id] = page.paragraphs.join('\n\n');
        if (page.notArticle) notArticles[id] = page.notArticle;
        for (const [field, value] of Object.entries({
          title: page.title,
          published: page.published,
          modified: page.modified,
          author: page.author,
          language: page.language,
          url: page.canonicalUrl,
        }))
          if (value) found[field] = (found[field] ?? 0) + 1;
      } else perPageMs.push(performance.now() - t0);
    }
    rates.push(ids.length / ((performance.now() - start) / 1000));
    const cpu = process.cpuUsage(cpu0);
    cpuRates.push(ids.length / ((cpu.user + cpu.system) / 1e6));
  }

  const counts = ids.map((id) => shingleMatch(truth[id].articleBody ?? '', predicted[id]));
  const m = shingleMetrics(counts);
  const exact = mean(
    ids.map((id) =>
      Number(tokenize(truth[id].articleBody ?? '').join(' ') === tokenize(predicted[id]).join(' ')),
    ),
  );
  const result = {
    pages: ids.length,
    f1: m.f1,
    precision: m.precision,
    recall: m.recall,
    accuracy: exact,
    pagesPerSecondMedian: median(rates),
    pagesPerSecondPasses: rates,
    pagesPerCpuSecondMedian: median(cpuRates),
    msPerPageMedian: perPageMs.length ? median(perPageMs) : null,
    peakRssMb: await peakRssMb(),
    metadataFound: found,
    notArticle: notArticles,
  };

  console.log('article-extraction (181 pages), shingle metric of evaluate.py');
  console.log(
    `  F1 ${m.f1.toFixed(4)}  precision ${m.precision.toFixed(4)}  recall ${m.recall.toFixed(4)}  exact ${exact.toFixed(3)}`,
  );
  console.log(
    `  pages/s median ${median(rates).toFixed(1)} over ${passes} passes (${rates.map((r) => r.toFixed(0)).join(', ')})`,
  );
  console.log(`  pages per CPU-second median ${median(cpuRates).toFixed(1)}`);
  console.log(
    `  ms/page median ${result.msPerPageMedian?.toFixed(2) ?? '-'}  peak RSS ${result.peakRssMb} MB`,
  );
  console.log(
    `  metadata found on: ${Object.entries(found)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} (of ${ids.length})`,
  );
  console.log(`  flagged not-article: ${Object.keys(notArticles).length}`);

  const worst = Number(flag('worst') ?? 0);
  if (worst > 0) {
    const f1Of = (c: Counts) => (2 * precisionOf(c) * recallOf(c)) / (precisionOf(c) + recallOf(c) || 1);
    const ranked = ids.map((id, i) => ({ id, c: counts[i] })).sort((a, b) => f1Of(a.c) - f1Of(b.c));
    for (const { id, c } of ranked.slice(0, worst))
      console.log(
        `  ${id.slice(0, 12)} P ${precisionOf(c).toFixed(2)} R ${recallOf(c).toFixed(2)} ${notArticles[id] ?? ''}`,
      );
  }
  const dump = flag('dump');
  if (dump)
    writeFileSync(
      dump,
      JSON.stringify(Object.fromEntries(ids.map((id) => [id, { articleBody: predicted[id] }]))),
    );

  const outDir = join(PROJECT_ROOT, '.bench-out');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'html.json'), JSON.stringify(result, null, 2));
}

if (process.argv[1]?.endsWith('html.ts')) await main();
