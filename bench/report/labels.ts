// Hand-labelled samples of what the story JSON shows on gva-dev and ECB+ (format: bench/report/README.md).
// Scores each labelled kind over every item the current run shows: right / labelled, per dev and
// check part (by a hash of the item key), and the number of shown items nobody labelled yet
// ("unlabelled N"), so a precision is never read off items no one looked at.
//   npm run bench:report -- labels                      score every kind
//   npm run bench:report -- labels --sample KIND [N]    write N unlabelled items to label (default 120)
//                                  [--corpus gva-dev|ecbplus]  from one corpus only
//   npm run bench:report -- labels --merge KIND         add the labelled todo items to bench/data
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoryReport } from '../../src/model/index.ts';
import { entityKey } from '../../src/text/fold.ts';
import { argValue, corpus, jsonLines, PROJECT_ROOT } from '../lib/data.ts';
import type { Section, SectionResult } from '../extract.ts';
import { analyzeEcbPlus, analyzePolnear } from './corpus-runs.ts';
import { analyzeFolder } from './gva-run.ts';
import { partOf, share } from './split.ts';

export const KINDS = {
  entities: { right: ['person', 'organization', 'place', 'other', 'facility'], wrong: ['not-entity', 'partial', 'furniture'] },
  conflicts: { right: ['real'], wrong: ['false'] },
  // Disputed story counts (`how_many`), each scored by the label of the count conflict it shows
  // (one dispute test: 5-compare/count-dispute.ts); one with no such conflict stays unlabelled.
  'how-many': { right: ['real'], wrong: ['false'] },
  timeline: { right: ['event'], wrong: ['not-event'] },
  lede: { right: ['lede'], wrong: ['not-lede'] },
  // Every brief sentence: reporting, or page furniture (issue 19: furniture ≤ 1% of brief sentences).
  'brief-furniture': { right: ['article'], wrong: ['furniture'] },
} as const;
export type Kind = keyof typeof KINDS;

/** One labelled item: `k` a hash of what is shown, `a` the articles it is shown for. */
export interface Label {
  k: string;
  a: string[];
  label: string;
  by?: string;
  /** Timeline: a hash of the line as the labeller read it (`what`); a changed line needs a new label. */
  w?: string;
}

/** One item the story JSON shows, with what it must be labelled to count as right. */
export interface Shown {
  k: string;
  a: string[];
  /** Timeline: a hash of the line shown (`what`). */
  w?: string;
  /** For entities, the type shown; else the kind's right label. */
  expect: string;
  /** Context for the labeller only (never written to the repo). */
  view: string;
}

export const hashOf = (s: string): string => createHash('sha1').update(entityKey(s.replace(/\s+/g, ' ').trim())).digest('hex').slice(0, 12);

function around(story: StoryReport, article: string | undefined, needle: string): string {
  const text = story.articles.find((x) => x.id === article)?.text ?? '';
  const i = needle ? text.indexOf(needle) : -1;
  return i < 0 ? '' : text.slice(Math.max(0, i - 120), i + needle.length + 120).replace(/\s+/g, ' ');
}

/** The items of one kind a story shows. */
export function shownItems(story: StoryReport, kind: Kind): Shown[] {
  if (kind === 'entities')
    return story.entities.map((e) => {
      const a = [...new Set(e.variants.flatMap((v) => v.articles))].sort();
      const form = e.variants[0]?.form ?? e.name;
      return { k: hashOf(e.name), a, expect: e.type, view: `${e.name} (${e.type}) forms: ${e.variants.map((v) => v.form).join(' / ')}\n    … ${around(story, e.variants[0]?.articles[0], form)} …` };
    });
  if (kind === 'how-many')
    return (story.how_many ?? []).filter((h) => h.status === 'disputed').map((h) => {
      const shown = shownItems(story, 'conflicts').filter((_, i) => isCountDispute(story.comparison.conflicts[i], h.what));
      const values = h.values.map((v) => String(v.value)).sort();
      return shown[0]
        ? { ...shown[0], view: `how_many ${h.what}: ${values.join(' vs ')}; as ${shown[0].view}` }
        : { k: hashOf(`how-many|${h.what}|${values.join('|')}`), a: [...new Set(h.values.flatMap((v) => v.articles))].sort(), expect: 'real', view: `how_many ${h.what}: ${values.join(' vs ')} (no conflict listed)` };
    });
  if (kind === 'conflicts')
    return story.comparison.conflicts.map((c) => {
      const values = c.values.map((v) => v.value);
      const a = [...new Set(c.values.flatMap((v) => v.articles))].sort();
      const ev = c.values.map((v) => { const e = v.evidence[0]; const t = story.articles.find((x) => x.id === e?.article)?.text ?? ''; return e ? `«${v.value}»: … ${t.slice(Math.max(0, e.start - 100), e.end + 60).replace(/\s+/g, ' ')} …` : `«${v.value}»`; });
      // A count that rose from one day's reports to the next is shown as an update, with its note.
      const shownAs = c.over_time ? ` [shown as an update, not a dispute: ${c.note ?? ''}]` : '';
      return { k: hashOf(`${c.kind}|${[...values].map((v) => entityKey(v)).sort().join('|')}`), a, expect: 'real', view: `${c.kind} about ${c.about}: ${values.join(' vs ')}${shownAs}\n    ${ev.join('\n    ')}` };
    });
  if (kind === 'timeline')
    return (story.timeline ?? []).map((t) => ({ k: hashOf(t.text), w: hashOf(t.what), a: [...t.articles].sort(), expect: 'event', view: `${t.date} ${t.what}\n    text: ${t.text}` }));
  if (kind === 'brief-furniture')
    return story.brief.map((b) => ({ k: hashOf(b.text), a: [...b.articles].sort(), expect: 'article', view: `story "${story.title}"\n    brief: ${b.text}` }));
  const first = story.brief[0];
  if (!first || story.articles.length < 2) return [];
  return [{ k: hashOf(first.text), a: [...first.articles].sort(), expect: 'lede', view: `story "${story.title}" (${story.articles.length} reports)\n    brief opens: ${first.text}\n    titles: ${story.articles.slice(0, 4).map((x) => x.title).join(' | ')}` }];
}

/** The value conflict a disputed story count shows as ("number killed"; a toll that rose is no dispute). */
const isCountDispute = (c: StoryReport['comparison']['conflicts'][number], what: string) => c.kind === 'value' && c.about === `number ${what}` && !c.over_time;

// A disputed story count is labelled as the count conflict it shows: one file for both.
const fileOf = (kind: Kind) => join(PROJECT_ROOT, 'bench/data', `report-labels-${kind === 'how-many' ? 'conflicts' : kind}.jsonl`);
export function readLabels(kind: Kind): Label[] {
  return existsSync(fileOf(kind)) ? jsonLines(fileOf(kind)).map((l) => JSON.parse(l) as Label) : [];
}

/**
 * The label of a shown item: same key, and at least one article in common. A timeline label that
 * records the line it judged (`w`) applies only to that line, and before an older label without one.
 */
export function labelOf(labels: Label[], item: Pick<Shown, 'k' | 'a' | 'w'>): Label | undefined {
  const same = labels.filter((l) => l.k === item.k && l.a.some((x) => item.a.includes(x)) && (!l.w || l.w === item.w));
  return same.find((l) => l.w) ?? same[0];
}

/** Is a shown item right by its label? */
export function isRight(kind: Kind, label: Label, item: Shown): boolean {
  // A facility (hospital, mall, apartment complex, jail) is rightly shown as a place or an organisation.
  if (kind === 'entities') return label.label === item.expect || (label.label === 'facility' && (item.expect === 'place' || item.expect === 'organization'));
  return (KINDS[kind].right as readonly string[]).includes(label.label);
}

interface Tally {
  dev: { right: number; labelled: number };
  check: { right: number; labelled: number };
  unlabelled: number;
}

/** Right / labelled per part over the items some stories show, and how many no label covers. */
function scoreKind(kind: Kind, labels: Label[], stories: StoryReport[]): Tally {
  const t: Tally = { dev: { right: 0, labelled: 0 }, check: { right: 0, labelled: 0 }, unlabelled: 0 };
  for (const item of stories.flatMap((s) => shownItems(s, kind))) {
    const label = labelOf(labels, item);
    if (!label) {
      t.unlabelled++;
      continue;
    }
    const p = t[partOf(item.k)];
    p.labelled++;
    if (process.env.BENCH_VERBOSE === 'dev-all' && kind === 'conflicts' && partOf(item.k) === 'dev') console.log(`  labelled ${kind} (${label.label}): ${item.view.split('\n')[0]}`);
    if (isRight(kind, label, item)) p.right++;
    // BENCH_VERBOSE=dev lists the dev items labelled wrong (never the check part's).
    else if (process.env.BENCH_VERBOSE === 'dev' && partOf(item.k) === 'dev') console.log(`  wrong ${kind} (${label.label}): ${item.view}`);
  }
  return t;
}

export const section: Section = {
  name: 'labels',
  async run(): Promise<SectionResult | null> {
    const dir = corpus('gva-dev');
    if (!dir) return null;
    const out = join(PROJECT_ROOT, '.bench-out');
    mkdirSync(out, { recursive: true });
    const merge = argValue('--merge') as Kind | null;
    if (merge) {
      const have = readLabels(merge);
      const todo = jsonLines(join(out, `label-todo-${merge}.jsonl`)).map((l) => JSON.parse(l) as Label);
      // Already labelled: the same item as read then (a timeline line changed since gets a new label).
      const add = todo.filter((t) => t.label && KINDS[merge] && !have.some((l) => l.k === t.k && l.w === t.w && l.a.some((x) => t.a.includes(x))));
      for (const t of add) if (![...KINDS[merge].right, ...KINDS[merge].wrong].includes(t.label as never)) throw new Error(`labels: ${merge} label "${t.label}" is not one of ${[...KINDS[merge].right, ...KINDS[merge].wrong].join(', ')}`);
      appendFileSync(fileOf(merge), add.map((t) => JSON.stringify({ k: t.k, ...(t.w ? { w: t.w } : {}), a: t.a, label: t.label, by: t.by ?? null }) + '\n').join(''));
      console.log(`labels: added ${add.length} ${merge} labels to bench/data/report-labels-${merge}.jsonl`);
      return { merged: add.length };
    }
    const only = argValue('--corpus');
    const others = { ecbplus: analyzeEcbPlus, polnear: analyzePolnear };
    const corpora: { name: string; stories: StoryReport[] }[] = [];
    if (!only || only === 'gva-dev') corpora.push({ name: 'gva-dev', stories: (await analyzeFolder(dir)).stories });
    for (const [name, run] of Object.entries(others)) {
      const at = !only || only === name ? corpus(name) : null;
      if (at) corpora.push({ name, stories: (await run(at)).stories });
    }
    const stories = corpora.flatMap((c) => c.stories);
    const sample = argValue('--sample') as Kind | null;
    if (sample) {
      if (!KINDS[sample]) throw new Error(`labels: unknown kind ${sample}; kinds: ${Object.keys(KINDS).join(', ')}`);
      const n = Number(process.argv[process.argv.indexOf('--sample') + 2]) || 120;
      const labels = readLabels(sample);
      const seen = new Set<string>();
      const items = stories.flatMap((s) => shownItems(s, sample)).filter((i) => !labelOf(labels, i) && !seen.has(i.k) && seen.add(i.k));
      const order = (i: Shown) => createHash('sha1').update(`${i.k}:${i.a[0]}`).digest('hex');
      const picked = items.sort((x, y) => order(x).localeCompare(order(y))).slice(0, n);
      writeFileSync(join(out, `label-todo-${sample}.jsonl`), picked.map((i) => JSON.stringify({ k: i.k, ...(i.w ? { w: i.w } : {}), a: i.a.slice(0, 3), label: null, by: null }) + '\n').join(''));
      writeFileSync(join(out, `label-todo-${sample}.txt`), picked.map((i, n) => `#${n} [shown: ${i.expect}] ${i.view}`).join('\n\n') + '\n');
      console.log(`labels: ${picked.length} ${sample} items to label: .bench-out/label-todo-${sample}.txt (context) and .jsonl (fill "label", then --merge ${sample})`);
      return { sampled: picked.length };
    }
    const result: SectionResult = {};
    console.log('kind       | corpus  | dev: right/labelled     | check: right/labelled   | unlabelled shown');
    for (const kind of Object.keys(KINDS) as Kind[]) {
      const labels = readLabels(kind);
      // Every corpus's own row, then all of them together (the number the target reads).
      // A corpus nobody labelled this kind on gets no row of its own (gva-dev always does).
      const rows = corpora.map((c) => ({ ...c, t: scoreKind(kind, labels, c.stories) })).filter((c, i) => i === 0 || c.t.dev.labelled + c.t.check.labelled > 0);
      if (rows.length > 1) rows.push({ name: 'all', stories, t: scoreKind(kind, labels, stories) });
      for (const c of rows) {
        const { t } = c;
        const cell = (p: { right: number; labelled: number }) => `${share(p.right, p.labelled).toFixed(3)} (${p.right}/${p.labelled})`.padEnd(23);
        console.log(`${kind.padEnd(10)} | ${c.name.padEnd(7)} | ${cell(t.dev)} | ${cell(t.check)} | unlabelled ${t.unlabelled}`);
        const entry = { dev: { ...t.dev, precision: share(t.dev.right, t.dev.labelled) }, check: { ...t.check, precision: share(t.check.right, t.check.labelled) }, unlabelled: t.unlabelled, labels: labels.length };
        result[c.name === 'all' || rows.length === 1 ? kind : `${kind}:${c.name}`] = entry;
      }
    }
    return result;
  },
};
