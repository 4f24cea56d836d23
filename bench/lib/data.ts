// Where the benchmark corpora live (../shared/data from the project root, or $PARALLAX_DATA).
// They are never copied into the repo; a benchmark whose data is absent says so and skips.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DATA_DIR = process.env.PARALLAX_DATA ?? resolve(PROJECT_ROOT, '../shared/data');

/** Path of a corpus folder, or null (with a message on stderr) when it is not on this machine. */
export function corpus(name: string): string | null {
  const dir = join(DATA_DIR, name);
  if (existsSync(dir)) return dir;
  console.error(`bench: ${name} is absent (looked in ${dir}); set PARALLAX_DATA to the shared data folder. Skipping.`);
  return null;
}

/** The non-empty lines of a JSON Lines file (each still to be parsed: some callers keep the raw line). */
export function jsonLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim());
}

/** The value after `name` on the command line (`--dump FILE`), or null. */
export function argValue(name: string): string | null {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? null) : null;
}

/** Peak resident set size of this process so far, in MB (Linux VmHWM). */
export async function peakRssMb(): Promise<number> {
  try {
    const { readFile } = await import('node:fs/promises');
    const status = await readFile('/proc/self/status', 'utf8');
    const m = /VmHWM:\s+(\d+) kB/.exec(status);
    if (m) return Math.round(+m[1] / 1024);
  } catch {
    // Not Linux: fall back to the current RSS.
  }
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}

/** One gva-dev incident of `incidents.jsonl` (metadata is missing for some). */
export interface GvaIncident {
  incident: string;
  date?: string;
  num_killed?: number;
  num_injured?: number;
  lat_lon?: [number, number];
  city_or_county?: string;
  state?: string;
}

/** gva-dev's incidents by id, from the corpus folder. */
export function gvaIncidents(dir: string): Map<string, GvaIncident> {
  const incidents = new Map<string, GvaIncident>();
  for (const line of jsonLines(join(dir, 'incidents.jsonl'))) {
    const inc = JSON.parse(line) as GvaIncident;
    incidents.set(inc.incident, inc);
  }
  return incidents;
}
