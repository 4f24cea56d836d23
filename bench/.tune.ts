import { loadEcbPlus, loadGvaDev, scoreOrder, shuffled } from './cluster.ts';
import { fmt } from './lib/bcubed.ts';
const ecb = loadEcbPlus()!; const gva = loadGvaDev()!;
const grid = JSON.parse(process.argv[2]) as Record<string, unknown>[];
const shuf = Number(process.env.SH ?? 0);
for (const o of grid) {
  const parts = [];
  for (const [n, d] of [['ecb', ecb], ['gva', gva]] as const) {
    const r = scoreOrder(shuf ? shuffled(d, shuf) : d, o as never);
    parts.push(`${n} P${fmt(r.precision)} R${fmt(r.recall)} F${fmt(r.f1)} n${r.clusters}`);
  }
  console.log(JSON.stringify(o), parts.join(' | '));
}
