// Quotes with speakers against the hand-made gold (bench/data/quotes-gold.json): quote recall and
// speaker accuracy, plus the speed of entities+quotes on all gva-dev articles.
// A gold quote is found when predicted quotes cover at least half of it; its predicted speaker is the
// one of the predicted quote overlapping it most, and is right when the surnames (diacritics folded)
// agree, when one is the acronym of the other, or when both are null.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { QuoteMention } from '../../src/model/index.ts';
import { extractEntities } from '../../src/pipeline/3-analyze/entities/extract.ts';
import { entityKey } from '../../src/text/fold.ts';
import { initials } from '../../src/pipeline/3-analyze/entities/name-compare.ts';
import { extractQuotes } from '../../src/pipeline/3-analyze/quotes/extract.ts';
import { corpus, jsonLines, PROJECT_ROOT } from '../lib/data.ts';
import type { Section, SectionResult } from '../extract.ts';

interface GoldQuote {
  corpus: 'geowebnews' | 'gva-dev';
  article: string;
  start: number;
  end: number;
  speaker: string | null;
  /** 'dev': looked at while writing the extractors; 'held-out': annotated afterwards, never tuned on. */
  set: 'dev' | 'held-out';
}

const decodeXml = (s: string) =>
  s.replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e as 'amp'],
  );

/** Article texts exactly as the gold offsets define them. */
function loadTexts(gwnDir: string, gvaDir: string): Map<string, string> {
  const texts = new Map<string, string>();
  const xml = readFileSync(join(gwnDir, 'GWN.xml'), 'utf8');
  for (const m of xml.matchAll(/<article file="(\d+)">[\s\S]*?<text>([\s\S]*?)<\/text>/g))
    texts.set(`geowebnews:${m[1]}`, decodeXml(m[2]));
  for (const line of jsonLines(join(gvaDir, 'articles.jsonl'))) {
    const a = JSON.parse(line) as { id: string; content: string };
    texts.set(`gva-dev:${a.id}`, a.content);
  }
  return texts;
}

const surname = (name: string) =>
  entityKey(name)
    .split(' ')
    .filter((w) => !/^(jr|sr|ii|iii)$/.test(w))
    .at(-1) ?? '';

export function sameSpeaker(gold: string | null, predicted: string | null): boolean {
  if (gold === null || predicted === null) return gold === predicted;
  if (surname(gold) === surname(predicted)) return true;
  const acronym = (s: string) => s.replace(/[^\p{Lu}]/gu, '');
  return initials(gold) === acronym(predicted) || initials(predicted) === acronym(gold);
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function analyse(text: string): QuoteMention[] {
  return extractQuotes(text, extractEntities(text));
}

async function run(): Promise<SectionResult | null> {
  const gwn = corpus('geowebnews');
  const gva = corpus('gva-dev');
  if (!gwn || !gva) return null;
  const gold = JSON.parse(readFileSync(join(PROJECT_ROOT, 'bench/data/quotes-gold.json'), 'utf8')) as {
    quotes: GoldQuote[];
  };
  const texts = loadTexts(gwn, gva);
  const sets = { dev: { gold: 0, found: 0, right: 0 }, 'held-out': { gold: 0, found: 0, right: 0 } };
  let predictedDirect = 0,
    predictedMatched = 0;
  const misses: string[] = [];
  const byArticle = new Map<string, GoldQuote[]>();
  for (const q of gold.quotes)
    byArticle.set(`${q.corpus}:${q.article}`, [...(byArticle.get(`${q.corpus}:${q.article}`) ?? []), q]);
  for (const [key, quotes] of byArticle) {
    const text = texts.get(key);
    if (text === undefined) throw new Error(`bench quotes: article ${key} is not in the corpus`);
    const preds = analyse(text);
    const direct = preds.filter((p) => p.kind === 'direct');
    predictedDirect += direct.length;
    predictedMatched += direct.filter((p) => quotes.some((g) => overlap(g, p) > 0)).length;
    for (const g of quotes) {
      const tally = sets[g.set];
      tally.gold++;
      const covered = preds.reduce((n, p) => n + overlap(g, p), 0);
      if (covered < 0.5 * (g.end - g.start)) {
        misses.push(`${key} ${g.start}: not found`);
        continue;
      }
      tally.found++;
      const best = preds.reduce((b, p) => (overlap(g, p) > overlap(g, b) ? p : b));
      if (sameSpeaker(g.speaker, best.speaker)) tally.right++;
      else
        misses.push(
          `${key} ${g.start}: speaker ${JSON.stringify(best.speaker)} ≠ ${JSON.stringify(g.speaker)}`,
        );
    }
  }
  // Speed on every gva-dev article (the lexicons are loaded once before timing).
  analyse('Warm-up: "We are ready," Ana Kovač said in Zagreb.');
  const all = [...texts].filter(([k]) => k.startsWith('gva-dev:')).map(([, t]) => t);
  const words = all.reduce((n, t) => n + (t.match(/\S+/g)?.length ?? 0), 0);
  // CPU time, not wall time: the benchmark machine is shared, and CPU time is what the extractors cost.
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let t0 = cpuMs();
  const entityLists = all.map((t) => extractEntities(t));
  const entityMs = cpuMs() - t0;
  t0 = cpuMs();
  all.forEach((t, i) => extractQuotes(t, entityLists[i]));
  const quoteMs = cpuMs() - t0;
  const all3 = Object.values(sets).reduce((a, b) => ({
    gold: a.gold + b.gold,
    found: a.found + b.found,
    right: a.right + b.right,
  }));
  const result = {
    goldQuotes: all3.gold,
    articles: byArticle.size,
    quoteRecall: round(all3.found / all3.gold),
    speakerAccuracy: round(all3.right / Math.max(1, all3.found)),
    devQuotes: sets.dev.gold,
    devRecall: round(sets.dev.found / Math.max(1, sets.dev.gold)),
    devSpeakerAccuracy: round(sets.dev.right / Math.max(1, sets.dev.found)),
    heldOutQuotes: sets['held-out'].gold,
    heldOutRecall: round(sets['held-out'].found / Math.max(1, sets['held-out'].gold)),
    heldOutSpeakerAccuracy: round(sets['held-out'].right / Math.max(1, sets['held-out'].found)),
    directPrecision: round(predictedMatched / Math.max(1, predictedDirect)),
    speedArticles: all.length,
    wordsPerSecond: Math.round(words / ((entityMs + quoteMs) / 1000)),
    msPer500Words: round(((entityMs + quoteMs) / words) * 500),
    entitiesCpuMs: Math.round(entityMs),
    quotesCpuMs: Math.round(quoteMs),
  };
  console.table(result);
  if (process.env.BENCH_VERBOSE) for (const m of misses) console.log('  ', m);
  return result;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export const section: Section = { name: 'quotes', run };

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await run();
  const dir = join(PROJECT_ROOT, '.bench-out');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'quotes.json'), JSON.stringify(result, null, 2));
}
