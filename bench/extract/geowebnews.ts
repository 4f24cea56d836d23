// GeoWebNews (Gritta et al. 2019): toponym recognition P/R/F1 and resolution accuracy within 161 km.
// Gold: the toponyms the corpus links to coordinates (Literal, Mixed, Metonymic, the modifiers,
// Embedded_*, Coercion). Other annotated types (Demonym, Homonym, Language, Non_Toponym and the
// common-noun expressions) are neither required nor penalised: a prediction overlapping only those
// is ignored. Recognition is scored two ways: exact span, and overlap (one prediction ↔ one gold).
// Accuracy@161 km is over the gold toponyms matched (overlap) by a prediction with coordinates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractPlaces, type PlaceOptions } from '../../src/pipeline/3-analyze/places/places.ts';
import { corpus } from '../lib/data.ts';
import type { Section, SectionResult } from '../extract.ts';

interface GoldToponym {
  start: number;
  end: number;
  lat: number | null;
  lon: number | null;
}

interface GwnArticle {
  text: string;
  gold: GoldToponym[];
  ignored: GoldToponym[];
}

const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : +e.slice(1)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()],
  );

function load(dir: string): GwnArticle[] {
  const xml = readFileSync(join(dir, 'GWN.xml'), 'utf8');
  const out: GwnArticle[] = [];
  for (const m of xml.matchAll(/<article\b[^>]*>([\s\S]*?)<\/article>/g)) {
    const body = m[1];
    const text = decode(/<text>([\s\S]*?)<\/text>/.exec(body)?.[1] ?? '');
    const gold: GoldToponym[] = [];
    const ignored: GoldToponym[] = [];
    for (const t of body.matchAll(/<toponym>([\s\S]*?)<\/toponym>/g)) {
      const field = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(t[1])?.[1] ?? null;
      const start = Number(field('start'));
      const end = Number(field('end'));
      if (!(start >= 0)) continue; // negative offsets point into the title
      const lat = field('latitude');
      const lon = field('longitude');
      const entry = { start, end, lat: lat === null ? null : +lat, lon: lon === null ? null : +lon };
      (lat !== null && lon !== null ? gold : ignored).push(entry);
    }
    out.push({ text, gold, ignored });
  }
  return out;
}

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
const round = (x: number) => Math.round(x * 1000) / 1000;

function score(articles: GwnArticle[], opts: PlaceOptions): SectionResult {
  let exactTp = 0, overlapTp = 0, predicted = 0, goldCount = 0, resolvedMatched = 0, within = 0;
  const t0 = performance.now();
  for (const a of articles) {
    const preds = extractPlaces({ text: a.text, url: null }, opts).filter((p) => a.gold.some((g) => overlaps(g, p)) || !a.ignored.some((g) => overlaps(g, p)));
    predicted += preds.length;
    goldCount += a.gold.length;
    const goldSpans = new Set(a.gold.map((g) => `${g.start}:${g.end}`));
    exactTp += new Set(preds.filter((p) => goldSpans.has(`${p.start}:${p.end}`)).map((p) => `${p.start}:${p.end}`)).size;
    const used = new Set<number>();
    for (const g of a.gold) {
      const i = preds.findIndex((p, k) => !used.has(k) && overlaps(g, p));
      if (i < 0) continue;
      used.add(i);
      overlapTp++;
      resolvedMatched++;
      if (haversineKm(g.lat!, g.lon!, preds[i].lat, preds[i].lon) <= 161) within++;
    }
  }
  const ms = performance.now() - t0;
  const pe = exactTp / predicted, re = exactTp / goldCount, po = overlapTp / predicted, ro = overlapTp / goldCount;
  return {
    gold: goldCount,
    predicted,
    exact: { precision: round(pe), recall: round(re), f1: round(f1(pe, re)) },
    overlap: { precision: round(po), recall: round(ro), f1: round(f1(po, ro)) },
    accuracy161: round(within / resolvedMatched),
    resolved: resolvedMatched,
    msPerArticle: round(ms / articles.length),
  };
}

export const section: Section = {
  name: 'geowebnews',
  async run() {
    const dir = corpus('geowebnews');
    if (!dir) return null;
    const articles = load(dir);
    extractPlaces({ text: 'Paris', url: null }); // build the gazetteer outside the timing
    // "pipeline": what analyze runs. "gwn-scheme": also demonym adjectives and streets/rivers,
    // which GeoWebNews annotates as toponyms but the pipeline leaves out of a story's places.
    const configs: [string, PlaceOptions][] = [
      ['pipeline', {}],
      ['gwn-scheme', { adjectives: true, features: true }],
    ];
    const result: SectionResult = { articles: articles.length };
    console.log('config      | exact P / R / F1      | overlap P / R / F1    | acc@161km (n)');
    for (const [name, opts] of configs) {
      const r = score(articles, opts) as { exact: Record<string, number>; overlap: Record<string, number>; accuracy161: number; resolved: number };
      result[name] = r;
      const prf = (x: Record<string, number>) => `${x.precision.toFixed(3)} / ${x.recall.toFixed(3)} / ${x.f1.toFixed(3)}`;
      console.log(`${name.padEnd(11)} | ${prf(r.exact)} | ${prf(r.overlap)} | ${r.accuracy161.toFixed(3)} (${r.resolved})`);
    }
    return result;
  },
};
