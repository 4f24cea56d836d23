// bench:report's dev/check split is the one every benchmark uses (bench/lib/split.ts); the rest
// here is how its sections print shares and P/R/F1.
export { partOf, type Part } from '../lib/split.ts';

/** A share rounded to three places (0 when there is nothing to share). */
export const share = (n: number, d: number): number => (d ? Math.round((n / d) * 1000) / 1000 : 0);

/** "0.853 (421/494)". */
export const shown = (n: number, d: number): string => `${share(n, d).toFixed(3)} (${n}/${d})`;

/** Precision, recall and F1 from counts. */
export function prf(tp: number, predicted: number, gold: number): { p: number; r: number; f1: number } {
  const p = predicted ? tp / predicted : 0;
  const r = gold ? tp / gold : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { p: round(p), r: round(r), f1: round(f1) };
}
