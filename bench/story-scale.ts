// How a story report's cost grows with its size: one story of N made-up reports
// (test/reliability/reports.ts, extracted and analysed for real), built with buildStoryReport.
// Prints the first computation in this process and the median of 3 after it, in CPU ms.
//   node --import tsx bench/story-scale.ts [50,100,150,300,600]
import type { RawReport } from '../src/model/index.ts';
import { prepareReport } from '../src/pipeline/parallel/prepare.ts';
import { buildStoryReport } from '../src/pipeline/story-report.ts';
import type { StoredArticle } from '../src/store/store.ts';
import { report } from '../test/reliability/reports.ts';

const sizes = (process.argv[2] ?? '50,100,150,300,600').split(',').map(Number);
const STORY = { id: 'st-scale', title: 'Scale', createdAt: '2026-04-01T00:00:00Z', updatedAt: '2026-04-02T00:00:00Z' };
const all: StoredArticle[] = [];
for (let i = 0; all.length < Math.max(...sizes); i++) {
  const r = report('scale', i);
  const raw: RawReport = { format: 'text', path: null, url: null, content: `${r.title}\n\n${r.text}`, locator: r.id, given: { title: r.title, source: r.source }, hints: {} };
  const p = prepareReport(raw);
  if ('error' in p) continue;
  all.push({ article: { ...p.article, id: `scale-${i}`, source: r.source }, mentions: p.mentions, storyId: STORY.id, copyOf: null } as StoredArticle);
}
const cpuMs = (fn: () => void) => {
  const t = process.cpuUsage();
  fn();
  const u = process.cpuUsage(t);
  return (u.user + u.system) / 1000;
};
console.log('articles  first ms  then ms  ms/article');
for (const n of sizes) {
  const arts = all.slice(0, n);
  const first = cpuMs(() => buildStoryReport(STORY, arts, { withText: true }));
  const then = [0, 1, 2].map(() => cpuMs(() => buildStoryReport(STORY, arts, { withText: true }))).sort((a, b) => a - b)[1];
  console.log(`${String(n).padStart(8)} ${first.toFixed(1).padStart(9)} ${then.toFixed(1).padStart(8)} ${(then / n).toFixed(2).padStart(11)}`);
}
