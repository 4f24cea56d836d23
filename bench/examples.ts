// npm run bench:examples — how well `analyze` groups the bundled examples (BCubed vs expected.json).
import { join } from 'node:path';
import { fmt } from './lib/bcubed.ts';
import { PROJECT_ROOT } from './lib/data.ts';
import { scoreExamples } from './lib/examples-score.ts';

const dir = join(PROJECT_ROOT, 'examples');
const t0 = performance.now();
const r = await scoreExamples(dir);
const ms = performance.now() - t0;
console.log(`examples/: ${r.score.items} reports, ${r.score.classes} true stories, ${r.score.clusters} found (${ms.toFixed(0)} ms)`);
console.log(`BCubed precision ${fmt(r.score.precision)}  recall ${fmt(r.score.recall)}  F1 ${fmt(r.score.f1)}`);
if (r.unmatched.length) console.log(`not found in output: ${r.unmatched.join(', ')}`);
if (r.unexpected.length) console.log(`not in expected.json: ${r.unexpected.join(', ')}`);
if (r.summary.skipped.length) console.log(`skipped: ${r.summary.skipped.map((s) => `${s.input}: ${s.reason}`).join('; ')}`);
for (const s of r.stories) {
  const refs = s.articles.map((a) => r.refOf.get(a.id) ?? a.id);
  const keys = new Set(refs.map((ref) => r.expected.stories.find((g) => g.members.includes(ref))?.key ?? '?'));
  console.log(`  ${keys.size > 1 ? 'MIXED ' : ''}${s.title.slice(0, 60).padEnd(60)} ${s.articles.length} ← ${[...keys].join(', ')}`);
}
