// Story grouping quality: BCubed P/R/F1 on ECB+ (all 772 documents, against subtopic) and
// gva-dev (3,063 articles fed in document-date order, against incident), one set of parameters
// for both, plus the F1 spread over 5 shuffled arrival orders.
//   node --import tsx bench/cluster.ts            (CLUSTER_OPTS='{"joinThreshold":0.3}' to experiment)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { noMentions, type Article, type Mentions, type RawReport } from '../src/model/index.ts';
import { ExtractError, extractArticle } from '../src/pipeline/2-extract/extract.ts';
import { analyzeArticle } from '../src/pipeline/3-analyze/analyze.ts';
import { OnlineStoryAssigner, type StoryAssignerOptions } from '../src/pipeline/4-cluster/story-assigner.ts';
import { bcubed, fmt, type BCubed } from './lib/bcubed.ts';
import { corpus, jsonLines, PROJECT_ROOT } from './lib/data.ts';

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
const analyzed = (r: RawReport, gold: string): LabelledDoc[] => {
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

/** Deterministic Fisher–Yates shuffle (mulberry32 seeded). */
export function shuffled<T>(items: T[], seed: number): T[] {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function scoreOrder(docs: LabelledDoc[], opts: Partial<StoryAssignerOptions>): BCubed {
  const assigner = new OnlineStoryAssigner(opts);
  for (const d of docs) assigner.assign({ article: d.article, mentions: d.mentions });
  assigner.repair(); // as the runner's final flush does
  const gold = new Map(docs.map((d) => [d.article.id, d.gold]));
  return bcubed(assigner.assignments(), gold);
}

async function main(): Promise<void> {
  const opts = JSON.parse(process.env.CLUSTER_OPTS ?? '{}') as Partial<StoryAssignerOptions>;
  const shuffles = Number(process.env.CLUSTER_SHUFFLES ?? 5);
  const corpora: [string, () => LabelledDoc[] | null][] = [
    ['ecbplus', loadEcbPlus],
    ['gva-dev', loadGvaDev],
  ];
  const results: Record<string, unknown> = {};
  console.log('corpus     docs  gold  stories  P      R      F1     | shuffled F1 min–max (spread)  mean   ms/doc');
  for (const [name, load] of corpora) {
    const docs = load();
    if (!docs) continue;
    const t0 = performance.now();
    const main = scoreOrder(docs, opts);
    const msPerDoc = (performance.now() - t0) / docs.length;
    const f1s = Array.from({ length: shuffles }, (_, i) => scoreOrder(shuffled(docs, i + 1), opts).f1);
    const spread = f1s.length ? Math.max(...f1s) - Math.min(...f1s) : 0;
    const range = f1s.length ? `${fmt(Math.min(...f1s))}–${fmt(Math.max(...f1s))} (${fmt(spread)})` : 'n/a';
    // The mean moves less with one lucky or unlucky order than the main order does.
    const mean = f1s.length ? f1s.reduce((sum, f) => sum + f, 0) / f1s.length : NaN;
    console.log(
      `${name.padEnd(9)} ${String(docs.length).padStart(5)} ${String(main.classes).padStart(5)} ${String(main.clusters).padStart(8)}  ` +
        `${fmt(main.precision)}  ${fmt(main.recall)}  ${fmt(main.f1)}  | ${range.padEnd(28)} ${f1s.length ? fmt(mean) : 'n/a  '}  ${msPerDoc.toFixed(2)}`,
    );
    results[name] = { ...main, shuffledF1: f1s, spread, shuffledMeanF1: mean, msPerDoc };
  }
  if (analysisFailures.count) console.log(`(analysis failed on ${analysisFailures.count} documents: grouped without mentions)`);
  const out = join(PROJECT_ROOT, '.bench-out');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'cluster.json'), JSON.stringify({ options: { ...new OnlineStoryAssigner(opts).opts }, results }, null, 2));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
