// Where the assigner's main thread spends its CPU, from a V8 CPU profile (`node --cpu-prof`): each
// sample goes to the innermost project module on its stack (the store's client side, PostgreSQL
// or SQLite, with the pg driver; grouping; the batch's derived rows; the runner), garbage
// collection apart, idle samples left out. Shares of the busy samples, to split a process's CPU.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

const CATEGORIES: [string, RegExp][] = [
  ['store client', /\/src\/store\/|\/node_modules\/pg[^/]*\//],
  ['grouping', /\/src\/pipeline\/4-cluster\//],
  ['derived rows', /\/src\/pipeline\/derive\//],
  ['runner', /\/src\/pipeline\//],
];

/** `fromUs`/`toUs`: the window, on the monotonic clock in µs (process.hrtime, as the profile's times). */
export function profileShares(dir: string, fromUs: number, toUs: number): Record<string, number> | null {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return null;
  const prof = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number };
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map<number, string>();
  const category = (id: number): string => {
    const known = memo.get(id);
    if (known) return known;
    const n = byId.get(id)!;
    const name = n.callFrame.functionName;
    let cat: string | undefined;
    if (name === '(idle)') cat = 'idle';
    else if (name === '(garbage collector)') cat = 'gc';
    else cat = CATEGORIES.find(([, re]) => re.test(n.callFrame.url))?.[0];
    if (!cat) {
      const p = parent.get(id);
      cat = p === undefined ? 'other' : category(p);
    }
    memo.set(id, cat);
    return cat;
  };
  const us: Record<string, number> = {};
  let t = prof.startTime;
  prof.samples.forEach((id, i) => {
    t += prof.timeDeltas[i] ?? 0;
    if (t < fromUs || t > toUs) return;
    const c = category(id);
    us[c] = (us[c] ?? 0) + (prof.timeDeltas[i] ?? 0);
  });
  delete us.idle;
  const busy = Object.values(us).reduce((s, v) => s + v, 0);
  if (!busy) return null; // no sample in the window (clocks not comparable): no split rather than a wrong one
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(us)) out[k] = v / busy;
  return out;
}
