// Comparison benchmark. (1) examples/: every planted discrepancy in expected.json found with the
// right kind, no conflict reported on the agreeing traps. (2) gva-dev: incidents with two or more
// articles (grouped by gold incident, so grouping errors do not blur the comparison): killed and
// injured figures reported as agreed or as a conflict, checked against incidents.jsonl.
// (3) Faithfulness over every story: evidence spans hold their values, brief sentences are in the
// articles they cite.   Run: node --import tsx bench/compare.ts [--examples-only]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../src/config/index.ts';
import type { StoryReport } from '../src/model/index.ts';
import { extractArticle } from '../src/pipeline/2-extract/extract.ts';
import { analyzeArticle } from '../src/pipeline/3-analyze/analyze.ts';
import { articleCasualties } from '../src/pipeline/3-analyze/figures/casualties.ts';
import { parseNumber } from '../src/pipeline/3-analyze/figures/numbers.ts';
import { minhashSignature, signatureSimilarity } from '../src/pipeline/4-cluster/near-copy.ts';
import { aggregateMentions, shownEntities } from '../src/pipeline/5-compare/aggregate.ts';
import { compareSources } from '../src/pipeline/5-compare/compare.ts';
import { foldLetters } from '../src/text/fold.ts';
import { checkBrief, checkEvidence, type Failure } from '../src/pipeline/6-brief/faithfulness.ts';
import { ingestPaths, storiesReport } from '../src/pipeline/run.ts';
import { buildStoryReport } from '../src/pipeline/story-report.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { StoredArticle } from '../src/store/store.ts';
import { corpus, gvaIncidents, jsonLines, PROJECT_ROOT } from './lib/data.ts';

interface Expected {
  stories: { key: string; members: string[] }[];
  conflicts: { story: string; kind: string; about: string; values: string[] }[];
  non_conflicts: { story: string; about: string; values: string[] }[];
}

const norm = (s: string) => foldLetters(s.replace(/\s+/g, ' ').trim());
const digits = (s: string) => s.replace(/(\d)[.,\s](?=\d{3}\b)/g, '$1').match(/\d+(?:[.,]\d+)?/g)?.join(' ') ?? '';

const bareNumber = (s: string) => s.replace(/^(?:at least|more than|about|around|some|roughly|nearly|over|cerca de|unas?|unos)\s+/i, '').trim();

/** An expected value and one of ours name the same thing: same words (either contains the other) or same number. */
export function sameValue(expected: string, ours: string): boolean {
  const [e, o] = [norm(expected), norm(ours)];
  if (e.includes(o) || o.includes(e)) return true;
  if (digits(expected) && digits(expected) === digits(ours)) return true;
  const [ne, no] = [parseNumber(bareNumber(expected)), parseNumber(bareNumber(ours))];
  return ne !== null && ne === no;
}

export interface ExamplesResult {
  found: { story: string; kind: string; about: string; ok: boolean; got: string }[];
  traps: { story: string; about: string; ok: boolean; got: string }[];
  unexpected: { story: string; kind: string; values: string[] }[];
  reports: StoryReport[];
  /** The planted values of a found-or-missed conflict. */
  expectedValues(f: { story: string; kind: string; about: string }): string[];
}

/** Runs the whole pipeline on examples/ and checks conflicts against expected.json. */
export async function compareExamples(dir = join(PROJECT_ROOT, 'examples')): Promise<ExamplesResult> {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  const store = new SqliteStore(':memory:');
  let reports: StoryReport[];
  try {
    await ingestPaths(store, [dir], { config: defaultConfig });
    reports = await storiesReport(store, { withText: true });
  } finally {
    await store.close();
  }
  const refOf = (a: StoryReport['articles'][number]) => (a.path ? relative(dir, a.path).split('\\').join('/') : a.id);
  // Each gold story is read off the report holding most of its members.
  const reportFor = (key: string) => {
    const members = new Set(expected.stories.find((s) => s.key === key)?.members ?? []);
    const score = (r: StoryReport) => r.articles.filter((a) => members.has(a.id) || members.has(refOf(a))).length;
    return [...reports].sort((a, b) => score(b) - score(a))[0];
  };
  const matched = new Set<object>();
  const found = expected.conflicts.map((x) => {
    const r = reportFor(x.story);
    const hit = r?.comparison.conflicts.find((c) => c.kind === x.kind && x.values.every((v) => c.values.some((ours) => sameValue(v, ours.value))));
    if (hit) matched.add(hit);
    const got = r?.comparison.conflicts.map((c) => `${c.kind}: ${c.values.map((v) => v.value).join(' | ')}`).join('; ') ?? 'no story';
    return { story: x.story, kind: x.kind, about: x.about, ok: !!hit, got };
  });
  const stories = new Set(expected.stories.map((s) => s.key));
  const unexpected = [...stories].flatMap((key) =>
    (reportFor(key)?.comparison.conflicts ?? []).filter((c) => !matched.has(c)).map((c) => ({ story: key, kind: c.kind, values: c.values.map((v) => v.value) })),
  );
  // A trap is sprung when a conflict not planted in that story opposes its values, or is any date conflict for a date trap.
  const traps = expected.non_conflicts.map((t) => {
    const isDate = /\bdate|day|when|fecha|time\b/i.test(t.about);
    const sprung = unexpected.filter(
      (u) => u.story === t.story && ((isDate && u.kind === 'date') || t.values.some((v) => u.values.some((o) => sameValue(v, o)))),
    );
    return { story: t.story, about: t.about, ok: !sprung.length, got: sprung.map((u) => `${u.kind}: ${u.values.join(' | ')}`).join('; ') };
  });
  const expectedValues = (f: { story: string; kind: string; about: string }) =>
    expected.conflicts.find((x) => x.story === f.story && x.kind === f.kind && x.about === f.about)?.values ?? [];
  return { found, traps, unexpected, reports, expectedValues };
}

interface Faithfulness {
  /** Stories of 2+ articles, and how many have a brief of 3 to 7 sentences. */
  multiStories: number;
  briefLengthOk: number;
  evidence: number;
  evidenceFailures: Failure[];
  brief: number;
  briefFailures: Failure[];
}

function faithfulness(reports: StoryReport[], textOf: (id: string) => string | undefined): Faithfulness {
  const out: Faithfulness = { multiStories: 0, briefLengthOk: 0, evidence: 0, evidenceFailures: [], brief: 0, briefFailures: [] };
  for (const r of reports) {
    if (r.articles.length > 1) {
      out.multiStories++;
      if (r.brief.length >= 3 && r.brief.length <= 7) out.briefLengthOk++;
    }
    const e = checkEvidence(r, textOf);
    const b = checkBrief(r, textOf);
    out.evidence += e.checked;
    out.evidenceFailures.push(...e.failures);
    out.brief += b.checked;
    out.briefFailures.push(...b.failures);
  }
  return out;
}

const KILLED = /^(killed|dead|deaths?|died|fatalities|fatally shot)$/i;
const INJURED = /^(injured|wounded|hurt|injuries)$/i;

interface FigureCheck {
  incident: string;
  thing: 'killed' | 'injured';
  gold: number;
  status: 'agreed' | 'conflict' | 'not-compared';
  /** Each independent article's figure as the casualty extractor reads it. */
  values: number[];
  /** The articles' figures are not all equal (the issue's test of a conflict). */
  differ: boolean;
  /** ...and one of them is the incidents.jsonl figure (a stricter test). */
  differWithGold: boolean;
  /** For agreed figures: the agreed value equals incidents.jsonl. */
  agreedGold: boolean;
  /** For conflicts marked as rising over time (`over_time`): whether the latest / earliest day's value is the incidents.jsonl one. */
  overTime?: { latestGold: boolean; earliestGold: boolean };
}

const analyzeFailures: string[] = [];

/** gva-dev incidents by gold id, each article extracted, analysed and marked as a copy when it is one. */
function* gvaStories(dir: string): Generator<{ incident: string; stored: StoredArticle[] }> {
  const byIncident = new Map<string, Record<string, unknown>[]>();
  for (const line of jsonLines(join(dir, 'articles.jsonl'))) {
    const rec = JSON.parse(line) as Record<string, unknown>;
    const id = String(rec.incident);
    byIncident.set(id, [...(byIncident.get(id) ?? []), { ...rec, source: new URL(String(rec.uri).replace(/^.*?\/(https?:\/\/)/, '$1')).hostname }]);
  }
  for (const [incident, records] of byIncident) {
    const stored: StoredArticle[] = [];
    const signatures: number[][] = [];
    for (const record of records) {
      let article;
      try {
        article = extractArticle({ format: 'json', path: null, url: null, content: JSON.stringify(record), record });
      } catch {
        continue;
      }
      let mentions;
      try {
        mentions = analyzeArticle(article);
      } catch (err) {
        analyzeFailures.push(`${article.id}: ${(err as Error).message}`);
        continue;
      }
      const sig = minhashSignature(article.text);
      const original = signatures.findIndex((s) => signatureSimilarity(s, sig) >= 0.5);
      signatures.push(sig);
      const copyOf = original >= 0 ? (stored[original].copyOf ?? stored[original].article.id) : null;
      stored.push({ article, mentions, storyId: incident, copyOf, version: 1, ingestedAt: '' });
    }
    if (stored.length) yield { incident, stored };
  }
}

/**
 * Each compared figure of an incident. An article's figure is what the casualty extractor reads in
 * it (articleCasualties, independent of how comparison picks claims); a conflict is real when the
 * articles' figures are not all equal and one of them is the incidents.jsonl figure.
 */
function checkFigures(incident: string, stored: StoredArticle[], gold: { num_killed?: number; num_injured?: number } | undefined): FigureCheck[] {
  if (!gold || stored.filter((s) => !s.copyOf).length < 2) return [];
  const { facts } = compareSources(stored, shownEntities(aggregateMentions(stored)));
  const out: FigureCheck[] = [];
  for (const [thing, re, goldValue] of [['killed', KILLED, gold.num_killed], ['injured', INJURED, gold.num_injured]] as const) {
    if (typeof goldValue !== 'number') continue;
    const read = stored
      .filter((s) => !s.copyOf && s.mentions.figures.some((f) => f.counts === thing || (thing === 'injured' && f.counts === 'shot')))
      .map((s) => articleCasualties(s.mentions.figures)[thing])
      .filter((v): v is number => v !== null);
    if (read.length < 2) continue;
    const fact = facts
      .filter((f) => f.kind === 'how-many' && re.test(f.key.slice('how-many:'.length).split('|')[0]))
      .sort((a, b) => b.claims.length - a.claims.length)[0];
    const differ = new Set(read).size > 1;
    const base = { incident, thing, gold: goldValue, values: read, differ, differWithGold: differ && read.includes(goldValue), agreedGold: false };
    const roots = new Set(fact?.claims.map((c) => stored.find((x) => x.article.id === c.article)?.copyOf ?? c.article));
    if (!fact || roots.size < 2) {
      out.push({ ...base, status: 'not-compared' });
      continue;
    }
    const agreedValue = Number(fact.claims.find((c) => c.group === 0)?.value);
    const day = (c: { article: string }) => stored.find((x) => x.article.id === c.article)?.article.published?.date ?? '';
    const byDay = [...fact.claims].sort((a, b) => (day(a) < day(b) ? -1 : day(a) > day(b) ? 1 : 0));
    const overTime = fact.conflict?.over_time ? { latestGold: Number(byDay.at(-1)!.value) === goldValue, earliestGold: Number(byDay[0].value) === goldValue } : undefined;
    out.push({ ...base, status: fact.conflict ? 'conflict' : 'agreed', agreedGold: !fact.conflict && agreedValue === goldValue, ...(overTime ? { overTime } : {}) });
  }
  return out;
}

async function main() {
  const started = Date.now();
  const ex = await compareExamples();
  const exTexts = new Map(ex.reports.flatMap((r) => r.articles.map((a) => [a.id, a.text ?? ''] as const)));
  const exFaith = faithfulness(ex.reports, (id) => exTexts.get(id));
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
  console.log('examples/');
  console.log(`  planted conflicts found with the right kind: ${ex.found.filter((f) => f.ok).length}/${ex.found.length}`);
  for (const f of ex.found.filter((x) => !x.ok)) console.log(`    missed ${f.story} ${f.kind}: ${f.about.slice(0, 70)} — got ${f.got.slice(0, 160) || 'nothing'}`);
  console.log(`  agreeing traps with no conflict: ${ex.traps.filter((t) => t.ok).length}/${ex.traps.length}`);
  for (const t of ex.traps.filter((x) => !x.ok)) console.log(`    sprung ${t.story}: ${t.about} — ${t.got.slice(0, 160)}`);
  console.log(`  conflicts not planted: ${ex.unexpected.length}`);
  for (const u of ex.unexpected) console.log(`    ${u.story} ${u.kind}: ${u.values.join(' | ').slice(0, 140)}`);
  console.log(`  evidence spans holding their value: ${pct(exFaith.evidence - exFaith.evidenceFailures.length, exFaith.evidence)} of ${exFaith.evidence}`);
  console.log(`  brief sentences found in cited articles: ${pct(exFaith.brief - exFaith.briefFailures.length, exFaith.brief)} of ${exFaith.brief}; briefs of 3–7 sentences: ${exFaith.briefLengthOk}/${exFaith.multiStories} multi-article stories`);
  for (const f of [...exFaith.evidenceFailures, ...exFaith.briefFailures].slice(0, 10)) console.log(`    ${f.check} ${f.story}: ${f.detail}`);
  const result: Record<string, unknown> = {
    examples: { found: ex.found, traps: ex.traps, unexpected: ex.unexpected, faithfulness: { ...exFaith } },
  };
  const dir = process.argv.includes('--examples-only') ? null : corpus('gva-dev');
  if (dir) {
    const gold = gvaIncidents(dir);
    const checks: FigureCheck[] = [];
    const reports: StoryReport[] = [];
    const texts = new Map<string, string>();
    const times: number[] = [];
    const slowest = { ms: 0, incident: '', articles: 0 };
    for (const { incident, stored } of gvaStories(dir)) {
      const t0 = performance.now();
      reports.push(buildStoryReport({ id: incident, title: '', createdAt: '', updatedAt: '' }, stored));
      times.push(performance.now() - t0);
      if (times.at(-1)! > slowest.ms) Object.assign(slowest, { ms: times.at(-1)!, incident, articles: stored.length });
      for (const s of stored) texts.set(s.article.id, s.article.text);
      checks.push(...checkFigures(incident, stored, gold.get(incident)));
    }
    const faith = faithfulness(reports, (id) => texts.get(id));
    if (analyzeFailures.length) console.log(`  (analysis threw on ${analyzeFailures.length} articles, left out; first: ${analyzeFailures[0]})`);
    const compared = checks.filter((c) => c.status !== 'not-compared');
    const conflicts = compared.filter((c) => c.status === 'conflict');
    const agreed = compared.filter((c) => c.status === 'agreed');
    const count = (xs: FigureCheck[], f: (c: FigureCheck) => boolean) => xs.filter(f).length;
    const found = (xs: FigureCheck[]) => `${pct(count(xs, (c) => c.status === 'conflict'), xs.length)} of ${xs.length}`;
    times.sort((a, b) => a - b);
    const p95 = times[Math.floor(times.length * 0.95)] ?? 0;
    console.log('gva-dev (incidents with 2+ independent articles whose killed/injured figure the casualty extractor reads)');
    console.log(`  figures read in 2+ articles: ${checks.length}; compared (a citable count in 2+ independent articles): ${compared.length} in ${new Set(compared.map((c) => c.incident)).size} incidents`);
    console.log(`  reported agreed ${pct(agreed.length, compared.length)}, conflict ${pct(conflicts.length, compared.length)}; agreed value = incidents.jsonl: ${count(agreed, (c) => c.agreedGold)}/${agreed.length}`);
    console.log(`  conflict right = articles' figures differ:                 ${count(conflicts, (c) => c.differ)}/${conflicts.length}; false-conflict rate ${pct(count(conflicts, (c) => !c.differ), compared.length)} of compared (target ≤ 5%)`);
    console.log(`  stricter, figures differ and one is the incidents.jsonl one: ${count(conflicts, (c) => c.differWithGold)}/${conflicts.length}; false-conflict rate ${pct(count(conflicts, (c) => !c.differWithGold), compared.length)}`);
    const moved = conflicts.filter((c) => c.overTime);
    console.log(`  count conflicts that rose from one day's reports to the next (over_time): ${moved.length}/${conflicts.length}; incidents.jsonl figure = latest value ${count(moved, (c) => c.overTime!.latestGold)}, earliest ${count(moved, (c) => c.overTime!.earliestGold)}`);
    console.log(`  real figure conflicts found (target ≥ 80%): compared ${found(compared.filter((c) => c.differ))}; all read ${found(checks.filter((c) => c.differ))}`);
    console.log(`    stricter (one figure is the gold one): compared ${found(compared.filter((c) => c.differWithGold))}; all read ${found(checks.filter((c) => c.differWithGold))}`);
    console.log(`  stories: ${reports.length}; evidence spans holding their value: ${pct(faith.evidence - faith.evidenceFailures.length, faith.evidence)} of ${faith.evidence}; brief sentences found: ${pct(faith.brief - faith.briefFailures.length, faith.brief)} of ${faith.brief}; briefs of 3–7 sentences: ${faith.briefLengthOk}/${faith.multiStories} multi-article stories`);
    for (const f of [...faith.evidenceFailures, ...faith.briefFailures].slice(0, 10)) console.log(`    ${f.check} ${f.story}: ${f.detail}`);
    console.log(`  story report time: p95 ${p95.toFixed(1)} ms, max ${slowest.ms.toFixed(1)} ms (incident ${slowest.incident}, ${slowest.articles} articles)`);
    result.gva = { checks, faithfulness: faith, reportMsP95: p95, stories: reports.length };
  }
  mkdirSync(join(PROJECT_ROOT, '.bench-out'), { recursive: true });
  writeFileSync(join(PROJECT_ROOT, '.bench-out', 'compare.json'), JSON.stringify(result, null, 1));
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s; details in .bench-out/compare.json)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
