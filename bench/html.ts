// HTML extraction benchmark, Parallax beside Readability.js + linkedom in one run:
//  - article-extraction (scrapinghub's 181 pages): shingle P/R/F1 of its evaluate.py;
//  - trafilatura-eval (758 pages, many sites and languages): share of `with` segments found and
//    `without` segments kept out, summed over pages as trafilatura's comparison script does. A fixed
//    third is held out as the check set (first hex digit of sha1(url) >= 'b'); tune on dev only.
// Also pages per second and peak RSS of Parallax's extractor (measured before Readability runs).
//   node --import tsx bench/html.ts [--passes N] [--worst N] [--dump FILE] [--no-readability]
//     [--only article|trafilatura|furniture]
// `--only furniture` (or `npm run bench:html -- furniture`) scores only the gva-dev furniture sample.
// --worst lists the worst article-extraction and trafilatura *dev* pages (never check pages).
// --dump writes article-extraction predictions in evaluate.py's format ({id: {articleBody}}).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { corpus, peakRssMb, PROJECT_ROOT } from './lib/data.ts';
import { decodeHtml } from '../src/pipeline/2-extract/charset.ts';
import { extractHtml } from '../src/pipeline/2-extract/html.ts';
import {
  type Counts,
  mean,
  median,
  precisionOf,
  type Prf,
  recallOf,
  segmentCounts,
  segmentMetrics,
  shingleMatch,
  shingleMetrics,
  tokenize,
} from './html/metrics.ts';

/** Readability.js + linkedom, loaded after Parallax's speed and memory are measured. */
let readabilityText: (html: string) => string = () => '';

const flag = (name: string) => process.argv.includes(`--${name}`);
function value(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const withReadability = !flag('no-readability');
const only = process.argv.includes('furniture') ? 'furniture' : value('only');
const worst = Number(value('worst') ?? 0);

/** The held-out third of trafilatura-eval: fixed by the url's hash, never used for tuning. */
export const isCheckPage = (url: string) => createHash('sha1').update(url).digest('hex')[0] >= 'b';

const parallaxText = (html: string) => extractHtml(html).paragraphs.join('\n\n');
const fmt = (m: Prf) => `F1 ${m.f1.toFixed(4)}  P ${m.precision.toFixed(4)}  R ${m.recall.toFixed(4)}`;
const f1Of = (c: Counts) => (2 * precisionOf(c) * recallOf(c)) / (precisionOf(c) + recallOf(c) || 1);

interface Speed {
  pages: number;
  ms: number;
}
const speed: Speed = { pages: 0, ms: 0 };
/** Parallax's text for one page, timing only the extraction (decoding is the fetcher's work). */
function timedParallax(html: string): string {
  const t0 = performance.now();
  const text = parallaxText(html);
  speed.ms += performance.now() - t0;
  speed.pages++;
  return text;
}

function articleExtraction(result: Record<string, unknown>) {
  const dir = corpus('article-extraction');
  if (!dir) return null;
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody?: string }
  >;
  const ids = Object.keys(truth);
  const pages = new Map(
    ids.map((id) => [id, decodeHtml(gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`)))).html]),
  );
  const passes = Number(value('passes') ?? 3);
  const rates: number[] = [];
  const cpuRates: number[] = [];
  const predicted: Record<string, string> = {};
  for (let pass = 0; pass < passes; pass++) {
    const start = performance.now();
    const cpu0 = process.cpuUsage();
    for (const id of ids)
      predicted[id] = pass === 0 ? timedParallax(pages.get(id)!) : parallaxText(pages.get(id)!);
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
  console.log(`article-extraction (${ids.length} pages), shingle metric of evaluate.py`);
  console.log(`  Parallax       ${fmt(m)}  exact ${exact.toFixed(3)}`);
  console.log(
    `  pages/s median ${median(rates).toFixed(1)} over ${passes} passes (${rates.map((r) => r.toFixed(0)).join(', ')}); per CPU-second ${median(cpuRates).toFixed(1)}`,
  );
  Object.assign(result, {
    articleExtraction: {
      pages: ids.length,
      parallax: m,
      exact,
      pagesPerSecond: median(rates),
      pagesPerCpuSecond: median(cpuRates),
    },
  });
  if (worst > 0) {
    const ranked = ids.map((id, i) => ({ id, c: counts[i] })).sort((a, b) => f1Of(a.c) - f1Of(b.c));
    for (const { id, c } of ranked.slice(0, worst))
      console.log(`    ${id.slice(0, 12)} P ${precisionOf(c).toFixed(2)} R ${recallOf(c).toFixed(2)}`);
  }
  const dump = value('dump');
  if (dump)
    writeFileSync(
      dump,
      JSON.stringify(Object.fromEntries(ids.map((id) => [id, { articleBody: predicted[id] }]))),
    );
  return () => {
    const r = shingleMetrics(
      ids.map((id) => shingleMatch(truth[id].articleBody ?? '', readabilityText(pages.get(id)!))),
    );
    console.log(`  Readability.js ${fmt(r)}   (article-extraction)`);
    (result.articleExtraction as Record<string, unknown>).readability = r;
  };
}

interface EvalPage {
  file: string;
  with: string[];
  without: string[];
}

function trafilaturaEval(result: Record<string, unknown>) {
  const dir = corpus('trafilatura-eval');
  if (!dir) return null;
  const data = JSON.parse(readFileSync(join(dir, 'evaldata.json'), 'utf8')) as Record<string, EvalPage>;
  const urls = Object.keys(data);
  const html = (url: string) =>
    decodeHtml(gunzipSync(readFileSync(join(dir, 'html', `${data[url].file}.gz`)))).html;
  const parts = { dev: urls.filter((u) => !isCheckPage(u)), check: urls.filter(isCheckPage) };
  const counts = new Map(
    urls.map((u) => [u, segmentCounts(timedParallax(html(u)), data[u].with, data[u].without)]),
  );
  const out: Record<string, unknown> = {};
  console.log(`trafilatura-eval (${urls.length} pages; segments found, summed over pages)`);
  for (const [part, list] of Object.entries(parts)) {
    const m = segmentMetrics(list.map((u) => counts.get(u)!));
    console.log(`  Parallax       ${fmt(m)}   (${part}, ${list.length} pages)`);
    out[part] = { pages: list.length, parallax: m };
  }
  result.trafilaturaEval = out;
  if (worst > 0) {
    const ranked = parts.dev
      .map((u) => ({ u, c: counts.get(u)! }))
      .sort((a, b) => b.c[1] + b.c[2] - (a.c[1] + a.c[2]));
    for (const { u, c } of ranked.slice(0, worst))
      console.log(
        `    ${data[u].file} missed ${c[2]}/${data[u].with.length} kept-out-fails ${c[1]}/${data[u].without.length}`,
      );
  }
  return () => {
    for (const [part, list] of Object.entries(parts)) {
      const r = segmentMetrics(
        list.map((u) => segmentCounts(readabilityText(html(u)), data[u].with, data[u].without)),
      );
      console.log(`  Readability.js ${fmt(r)}   (${part})`);
      (out[part] as Record<string, unknown>).readability = r;
    }
  };
}

async function main() {
  const result: Record<string, unknown> = {};
  // Loaded only after the memory figure: the whole extract stage (language models and all) would
  // weigh on the HTML extractor's peak RSS.
  const loadFurniture = () => import('./html/furniture.ts');
  if (only === 'furniture') {
    const { furnitureScore, printFurniture } = await loadFurniture();
    const furniture = furnitureScore();
    if (furniture) printFurniture(furniture);
    return;
  }
  const baselines = [
    only && only !== 'article' ? null : articleExtraction(result),
    only && only !== 'trafilatura' ? null : trafilaturaEval(result),
  ];
  const rss = await peakRssMb();
  console.log(
    `Parallax speed: ${((speed.pages / speed.ms) * 1000).toFixed(1)} pages/s over ${speed.pages} pages (one core, extraction only); peak RSS ${rss} MB`,
  );
  Object.assign(result, { pagesPerSecond: (speed.pages / speed.ms) * 1000, peakRssMb: rss });
  // After the speed and memory figures: the sample reads the whole gva-dev file.
  const { furnitureScore, printFurniture } = await loadFurniture();
  const furniture = only ? null : furnitureScore();
  if (furniture) printFurniture(furniture);
  result.furniture = furniture;
  if (withReadability) {
    ({ readabilityText } = await import('./html/readability.ts'));
    for (const run of baselines) run?.();
  }
  const outDir = join(PROJECT_ROOT, '.bench-out');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'html.json'), JSON.stringify(result, null, 2));
}

if (process.argv[1]?.endsWith('html.ts')) await main();
