// npm run bench:extract — extraction quality and speed, one section after another:
// GeoWebNews toponyms, gva-dev incidents (place, date, casualties), end-to-end ingest throughput.
// Each section is a module with `run()`; it prints its own table and returns its numbers (or null
// when its corpus is absent). Everything lands in .bench-out/extract.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './lib/data.ts';

export type SectionResult = Record<string, unknown>;

export interface Section {
  name: string;
  run: () => Promise<SectionResult | null>;
}

// Order: quality sections first, throughput last (it spawns its own timing).
const SECTIONS: { name: string; load: () => Promise<Section> }[] = [
  { name: 'geowebnews', load: async () => (await import('./extract/geowebnews.ts')).section },
  { name: 'incidents', load: async () => (await import('./extract/incidents.ts')).section },
  { name: 'event-dates', load: async () => (await import('./extract/event-dates.ts')).section },
  { name: 'quotes', load: async () => (await import('./extract/quotes.ts')).section },
  { name: 'throughput', load: async () => (await import('./extract/throughput.ts')).section },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const results: Record<string, SectionResult | null> = {};
  for (const s of SECTIONS) {
    if (only.length && !only.includes(s.name)) continue;
    console.log(`\n== ${s.name} ==`);
    const section = await s.load();
    results[s.name] = await section.run();
  }
  const dir = join(PROJECT_ROOT, '.bench-out');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'extract.json'), JSON.stringify(results, null, 2));
  console.log(`\nwrote .bench-out/extract.json`);
}

await main();
