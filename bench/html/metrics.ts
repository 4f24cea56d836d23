// The two extraction metrics: article-extraction's shingle P/R/F1 (its evaluate.py) and
// trafilatura's segment check (its tests/comparison.py: a `with` segment found is a true positive,
// a `without` segment found a false positive; counts summed over pages).

export type Counts = [tp: number, fp: number, fn: number];

// Python's `\w+` (re.UNICODE): letters, digits and other numerics, underscore.
const TOKEN = /[\p{L}\p{N}_]+/gu;
export const tokenize = (text: string) => text.match(TOKEN) ?? [];

/** Counts of 4-token shingles, as evaluate.py's _ngrams (a short text is one shorter shingle). */
function shingles(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const s = tokens.slice(i, i + n);
    if (!s.length) continue;
    const key = s.join('\u0000');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** evaluate.py's string_shingle_matching: tp/fp/fn normalised so every page weighs the same. */
export function shingleMatch(truth: string, pred: string): Counts {
  const t = shingles(truth);
  const p = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [tp, fp, fn];
}

export const precisionOf = ([tp, fp, fn]: Counts) =>
  fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp);
export const recallOf = ([tp, fp, fn]: Counts) =>
  fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn);
export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export interface Prf {
  f1: number;
  precision: number;
  recall: number;
}

/** evaluate.py's metrics_from_tp_fp_fns: macro-averaged precision and recall, F1 of the two. */
export function shingleMetrics(all: Counts[]): Prf {
  const precision = mean(all.filter(([tp, fp]) => tp + fp > 0).map(precisionOf));
  const recall = mean(all.filter(([tp, , fn]) => tp + fn > 0).map(recallOf));
  return { f1: (2 * precision * recall) / (precision + recall), precision, recall };
}

/** Whitespace runs as one space, so a segment that spans a line break in the output still matches. */
export const flat = (text: string) => text.replace(/\s+/g, ' ');

/** trafilatura's evaluate_result on one page: tp, fp (a `without` found), fn (a `with` missed). */
export function segmentCounts(text: string, withSegs: string[], withoutSegs: string[]): Counts {
  const t = flat(text);
  const found = (s: string) => t.includes(flat(s).trim());
  const tp = withSegs.filter(found).length;
  return [tp, withoutSegs.filter(found).length, withSegs.length - tp];
}

/** Micro-averaged over pages, as trafilatura's comparison script sums its counts. */
export function segmentMetrics(all: Counts[]): Prf {
  const [tp, fp, fn] = all.reduce((a, c) => [a[0] + c[0], a[1] + c[1], a[2] + c[2]], [0, 0, 0]);
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  return { f1: (2 * precision * recall) / (precision + recall || 1), precision, recall };
}
