// npm run bench:report — score what the reader sees: the story JSON of `parallax analyze --json`
// (predicted stories, not gold groupings) and the per-article extractors behind it, on real data.
// Sections (pick with arguments: `npm run bench:report -- gva quotes`): gva, quotes, timex,
// spanish-ner, geowebnews, labels. Every number is printed for a fixed dev and check split
// (bench/report/split.ts); tune on dev, report both. Results land in .bench-out/report.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './lib/data.ts';
import type { Section, SectionResult } from './extract.ts';

const SECTIONS: { name: string; load: () => Promise<Section> }[] = [
  { name: 'gva', load: async () => (await import('./report/gva.ts')).section },
  { name: 'quotes', load: async () => (await import('./report/polnear.ts')).section },
  { name: 'timex', load: async () => (await import('./report/timex.ts')).section },
  { name: 'spanish-ner', load: async () => (await import('./report/spanish-ner.ts')).section },
  { name: 'geowebnews', load: async () => (await import('./extract/geowebnews.ts')).section },
  { name: 'labels', load: async () => (await import('./report/labels.ts')).section },
];

// Section names are the bare arguments before the first --flag (flags take values: --dump FILE).
const args = process.argv.slice(2);
const firstFlag = args.findIndex((a) => a.startsWith('--'));
const only = firstFlag < 0 ? args : args.slice(0, firstFlag);
const unknown = only.filter((n) => !SECTIONS.some((s) => s.name === n));
if (unknown.length) {
  console.error(`bench:report: unknown section(s) ${unknown.join(', ')}; sections: ${SECTIONS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const results: Record<string, SectionResult | null> = {};
for (const s of SECTIONS) {
  if (only.length && !only.includes(s.name)) continue;
  console.log(`\n== ${s.name} ==`);
  const t0 = performance.now();
  results[s.name] = await (await s.load()).run();
  console.log(`(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
const dir = join(PROJECT_ROOT, '.bench-out');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'report.json'), JSON.stringify(results, null, 2));
console.log(`\nwrote .bench-out/report.json`);
