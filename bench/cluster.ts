// Story grouping quality, scored on the stories as predicted (one parameter set for all):
//   ecbplus    all 772 ECB+ documents against their subtopic;
//   gva-dev    3,063 shooting reports in document-date order against their incident, with purity
//              (stories holding two or more incidents, and the articles in them);
//   collision  gva-dev with 840 short unrelated reports (PolNeAR train: headline and two
//              sentences) mixed in by date: how many join a shooting story, and the other way;
//   mixed      ECB+ and gva-dev in one stream, each scored against its own gold.
// Each set also runs in 5 shuffled arrival orders (spread of F1). Scores are given for the
// dev and check parts too (bench/lib/split.ts: gva-dev by incident, ECB+ by topic parity, odd =
// dev; the collision set by report): tune on dev, report check.
//   node --import tsx bench/cluster.ts   (CLUSTER_OPTS='{"joinThreshold":0.3}', CLUSTER_SETS=gva-dev,ecbplus, CLUSTER_SHUFFLES=5, CLUSTER_CACHE=file,
//   CLUSTER_DIFF=1: with ecbplus and mixed, the ECB+ stories that differ between the two runs)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OnlineStoryAssigner, type StoryAssignerOptions } from '../src/pipeline/4-cluster/story-assigner.ts';
import { fmt } from './lib/bcubed.ts';
import { PROJECT_ROOT } from './lib/data.ts';
import { bcubedWithin, joinedWith, purity, storiesMixing } from './lib/purity.ts';
import { partOf, type Part } from './lib/split.ts';
import { loadShortUnrelated } from './cluster/collision.ts';
import { analysisFailures, loadEcbPlus, loadGvaDev, type LabelledDoc } from './cluster/docs.ts';

export { analysisFailures, loadEcbPlus, loadGvaDev, type LabelledDoc } from './cluster/docs.ts';

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

/** Stories of one run over `docs` in this order (with the runner's final repair). */
export function grouped(docs: LabelledDoc[], opts: Partial<StoryAssignerOptions>): Map<string, string> {
  const assigner = new OnlineStoryAssigner(opts);
  for (const d of docs) assigner.assign({ article: d.article, mentions: d.mentions });
  assigner.repair(); // as the runner's final flush does
  return assigner.assignments();
}

export function scoreOrder(docs: LabelledDoc[], opts: Partial<StoryAssignerOptions>) {
  const gold = new Map(docs.map((d) => [d.article.id, d.gold]));
  return bcubedWithin(grouped(docs, opts), gold, [...gold.keys()]);
}

/** A labelled corpus inside a run: its gold labels, and which part (dev/check) each item is in. */
interface Scored {
  name: string;
  gold: Map<string, string>;
  part: (id: string) => Part;
}

const scoredOf = (name: string, docs: LabelledDoc[], part: (d: LabelledDoc) => Part): Scored => ({
  name,
  gold: new Map(docs.map((d) => [d.article.id, `${name}:${d.gold}`])),
  part: ((parts) => (id: string) => parts.get(id)!)(new Map(docs.map((d) => [d.article.id, part(d)]))),
});

const ecbPart = (d: LabelledDoc): Part => (parseInt(d.gold, 10) % 2 === 1 ? 'dev' : 'check');
const gvaPart = (d: LabelledDoc): Part => partOf(d.gold);

/** One corpus's scores within a run: all, dev, check; purity when asked. */
function scoreCorpus(predicted: Map<string, string>, c: Scored, withPurity: boolean) {
  const items = [...c.gold.keys()];
  const by = (p: Part | null) => bcubedWithin(predicted, c.gold, p ? items.filter((i) => c.part(i) === p) : items);
  const labelPart = new Map(items.map((i) => [c.gold.get(i)!, c.part(i)]));
  return {
    all: by(null),
    dev: by('dev'),
    check: by('check'),
    ...(withPurity
      ? {
          purity: purity(predicted, c.gold),
          purityDev: purity(predicted, c.gold, (l) => labelPart.get(l) === 'dev'),
          purityCheck: purity(predicted, c.gold, (l) => labelPart.get(l) === 'check'),
        }
      : {}),
  };
}

/** Merges two streams by publication day, keeping each one's own order within a day. */
function byDay(a: LabelledDoc[], b: LabelledDoc[]): LabelledDoc[] {
  const day = (d: LabelledDoc) => d.article.published?.date.slice(0, 10) ?? '';
  const out: LabelledDoc[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && day(a[i]) <= day(b[j]))) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

/** Two undated-against-dated streams interleaved evenly, each keeping its own order. */
export function interleaved(a: LabelledDoc[], b: LabelledDoc[]): LabelledDoc[] {
  const at = (k: number, n: number) => (k + 0.5) / n;
  return [...a.map((d, k) => [at(k, a.length), 0, d] as const), ...b.map((d, k) => [at(k, b.length), 1, d] as const)]
    .sort((x, y) => x[0] - y[0] || x[1] - y[1])
    .map(([, , d]) => d);
}

interface SetRun {
  name: string;
  docs: LabelledDoc[];
  corpora: { scored: Scored; purity: boolean }[];
  /** Short unrelated reports and the corpus they must not join. */
  collision?: { reports: Set<string>; into: Set<string> };
}

function runOnce(set: SetRun, order: LabelledDoc[], opts: Partial<StoryAssignerOptions>) {
  const predicted = grouped(order, opts);
  if (process.env.CLUSTER_DUMP && order === set.docs) dump(set, predicted);
  const corpora = Object.fromEntries(set.corpora.map(({ scored, purity: p }) => [scored.name, scoreCorpus(predicted, scored, p)]));
  let collision: Record<string, number> | undefined;
  if (set.collision) {
    const { reports, into } = set.collision;
    const rep = [...reports];
    const devRep = rep.filter((r) => partOf(r) === 'dev');
    const checkRep = rep.filter((r) => partOf(r) === 'check');
    collision = {
      reports: rep.length,
      joined: joinedWith(predicted, rep, into),
      joinedDev: joinedWith(predicted, devRep, into),
      reportsDev: devRep.length,
      joinedCheck: joinedWith(predicted, checkRep, into),
      reportsCheck: checkRep.length,
      // The other way: shooting reports in a story of mostly unrelated reports.
      intoJoined: joinedWith(predicted, [...into], reports),
      // Stricter: short reports in a story holding any shooting report.
      inAny: storiesMixing(predicted, reports, into).inA,
      mixedStories: storiesMixing(predicted, reports, into).stories,
      mixedItems: storiesMixing(predicted, reports, into).items,
    };
  }
  return { corpora, collision, predicted };
}

/**
 * One corpus's stories that differ between two runs (its items only): each run's groups the other
 * run does not have, as 'id[gold] …'. Which reports the mixed stream groups otherwise than the
 * corpus's run alone is where the mixed score moved (issue #23).
 */
export function differingStories(a: Map<string, string>, b: Map<string, string>, gold: Map<string, string>): { onlyA: string[]; onlyB: string[] } {
  const groups = (m: Map<string, string>) => {
    const by = new Map<string, string[]>();
    for (const id of gold.keys()) (by.get(m.get(id)!) ?? by.set(m.get(id)!, []).get(m.get(id)!)!).push(id);
    return new Map([...by.values()].map((g) => [[...g].sort().map((id) => `${id}[${gold.get(id)}]`).join(' '), g]));
  };
  const [ga, gb] = [groups(a), groups(b)];
  return { onlyA: [...ga.keys()].filter((k) => !gb.has(k)), onlyB: [...gb.keys()].filter((k) => !ga.has(k)) };
}

/** CLUSTER_DUMP=1: the main order's collisions and mixed stories, headlines only (to read why). */
function dump(set: SetRun, predicted: Map<string, string>): void {
  const title = new Map(set.docs.map((d) => [d.article.id, `${d.gold} | ${d.article.published?.date.slice(0, 10) ?? '-'} | ${d.article.title.slice(0, 90)}`]));
  const stories = new Map<string, string[]>();
  for (const [id, s] of predicted) (stories.get(s) ?? stories.set(s, []).get(s)!).push(id);
  for (const members of stories.values()) {
    const golds = new Set(members.map((m) => set.docs.find((d) => d.article.id === m)?.gold));
    if (golds.size < 2 || (set.collision && !(members.some((m) => set.collision!.reports.has(m)) && members.some((m) => set.collision!.into.has(m))))) continue;
    console.log(`-- story of ${members.length}`);
    for (const m of members) console.log(`   ${title.get(m)}`);
  }
}

/**
 * The corpora, extracted and analysed (about a minute). CLUSTER_CACHE=file keeps them in that file
 * for reruns that change only grouping code; delete it when extraction or analysis changed.
 */
export function loaded(wanted: Set<string>): { ecb: LabelledDoc[] | null; gva: LabelledDoc[] | null; short: LabelledDoc[] | null } {
  const cache = process.env.CLUSTER_CACHE;
  if (cache && existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as ReturnType<typeof loaded>;
  const all = !!cache;
  const docs = {
    ecb: all || wanted.has('ecbplus') || wanted.has('mixed') ? loadEcbPlus() : null,
    gva: all || wanted.has('gva-dev') || wanted.has('collision') || wanted.has('mixed') ? loadGvaDev() : null,
    short: all || wanted.has('collision') ? loadShortUnrelated() : null,
  };
  if (cache) writeFileSync(cache, JSON.stringify(docs));
  return docs;
}

async function main(): Promise<void> {
  const opts = JSON.parse(process.env.CLUSTER_OPTS ?? '{}') as Partial<StoryAssignerOptions>;
  const shuffles = Number(process.env.CLUSTER_SHUFFLES ?? 5);
  const wanted = new Set((process.env.CLUSTER_SETS ?? 'ecbplus,gva-dev,collision,mixed').split(','));
  const t0 = performance.now();
  const { ecb, gva, short } = loaded(wanted);
  console.log(`loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const sets: SetRun[] = [];
  const ecbScored = ecb && scoredOf('ecbplus', ecb, ecbPart);
  const gvaScored = gva && scoredOf('gva-dev', gva, gvaPart);
  if (ecb && ecbScored && wanted.has('ecbplus')) sets.push({ name: 'ecbplus', docs: ecb, corpora: [{ scored: ecbScored, purity: true }] });
  if (gva && gvaScored && wanted.has('gva-dev')) sets.push({ name: 'gva-dev', docs: gva, corpora: [{ scored: gvaScored, purity: true }] });
  if (gva && gvaScored && short && wanted.has('collision')) {
    sets.push({
      name: 'collision',
      docs: byDay(gva, short),
      corpora: [{ scored: gvaScored, purity: true }],
      collision: { reports: new Set(short.map((d) => d.article.id)), into: new Set(gva.map((d) => d.article.id)) },
    });
  }
  if (ecb && gva && ecbScored && gvaScored && wanted.has('mixed')) {
    sets.push({ name: 'mixed', docs: interleaved(gva, ecb), corpora: [{ scored: ecbScored, purity: false }, { scored: gvaScored, purity: true }] });
  }
  const results: Record<string, unknown> = {};
  const mainOrder = new Map<string, Map<string, string>>();
  for (const set of sets) {
    const t1 = performance.now();
    const main = runOnce(set, set.docs, opts);
    mainOrder.set(set.name, main.predicted);
    const msPerDoc = (performance.now() - t1) / set.docs.length;
    const orders = Array.from({ length: shuffles }, (_, i) => runOnce(set, shuffled(set.docs, i + 1), opts));
    console.log(`\n== ${set.name}: ${set.docs.length} reports, ${msPerDoc.toFixed(2)} ms/report`);
    for (const { scored } of set.corpora) {
      const m = main.corpora[scored.name];
      const f1s = orders.map((o) => o.corpora[scored.name].all.f1);
      const spread = f1s.length ? Math.max(...f1s) - Math.min(...f1s) : 0;
      const mean = f1s.length ? f1s.reduce((s, f) => s + f, 0) / f1s.length : NaN;
      const line = (label: string, b: typeof m.all) =>
        `  ${scored.name.padEnd(8)} ${label.padEnd(5)} items ${String(b.items).padStart(4)} stories ${String(b.clusters).padStart(4)} gold ${String(b.classes).padStart(4)}  P ${fmt(b.precision)} R ${fmt(b.recall)} F1 ${fmt(b.f1)}`;
      console.log(line('all', m.all) + (f1s.length ? `  | shuffled ${fmt(Math.min(...f1s))}–${fmt(Math.max(...f1s))} (spread ${fmt(spread)}) mean ${fmt(mean)}` : ''));
      console.log(line('dev', m.dev));
      console.log(line('check', m.check));
      if (m.purity) {
        const mixedShuffled = orders.map((o) => o.corpora[scored.name].purity!.mixed);
        console.log(
          `  ${scored.name.padEnd(8)} stories mixing events: ${m.purity.mixed} holding ${m.purity.mixedArticles} articles ` +
            `(dev ${m.purityDev!.mixed}/${m.purityDev!.mixedArticles}, check ${m.purityCheck!.mixed}/${m.purityCheck!.mixedArticles}); shuffled: ${mixedShuffled.join(' ')}`,
        );
      }
      results[`${set.name}/${scored.name}`] = { ...m, shuffledF1: f1s, spread, shuffledMeanF1: mean, msPerDoc };
    }
    if (main.collision) {
      const c = main.collision;
      const rates = orders.map((o) => o.collision!.joined / o.collision!.reports);
      const pct = (a: number, b: number) => `${a}/${b} (${((100 * a) / b).toFixed(1)} %)`;
      console.log(
        `  collision: short unrelated reports in a shooting story ${pct(c.joined, c.reports)}, dev ${pct(c.joinedDev, c.reportsDev)}, check ${pct(c.joinedCheck, c.reportsCheck)}; ` +
          `in a story with any shooting report ${pct(c.inAny, c.reports)}; shooting reports in a story of mostly short ones: ${c.intoJoined}; stories holding both: ${c.mixedStories} (${c.mixedItems} reports); shuffled: ${orders.map((o) => o.collision!.joined).join(' ')} (spread of rate ${fmt(Math.max(...rates) - Math.min(...rates))})`,
      );
      results[`${set.name}/collision`] = { ...c, shuffled: orders.map((o) => o.collision) };
    }
  }
  // ECB+ alone against ECB+ inside the mixed stream, main order: the stories that differ.
  const alone = mainOrder.get('ecbplus');
  const inMixed = mainOrder.get('mixed');
  if (alone && inMixed && ecbScored) {
    const gold = new Map([...ecbScored.gold].map(([id, g]) => [id, g.slice('ecbplus:'.length)]));
    const { onlyA, onlyB } = differingStories(alone, inMixed, gold);
    console.log(`\n== ecbplus alone vs in the mixed stream (main order): ${onlyA.length} stories only alone, ${onlyB.length} only mixed${process.env.CLUSTER_DIFF ? '' : ' (CLUSTER_DIFF=1 lists them)'}`);
    if (process.env.CLUSTER_DIFF) {
      for (const g of onlyA) console.log(`  alone  ${g}`);
      for (const g of onlyB) console.log(`  mixed  ${g}`);
    }
  }
  if (analysisFailures.count) console.log(`(analysis failed on ${analysisFailures.count} documents: grouped without mentions)`);
  const out = join(PROJECT_ROOT, '.bench-out');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'cluster.json'), JSON.stringify({ options: { ...new OnlineStoryAssigner(opts).opts }, results }, null, 2));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
