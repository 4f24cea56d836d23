// A small gradient-boosted tree model that says which text blocks of a page are the article body
// (features: html-blocks.ts). Trained by scripts/train-blocks.ts on the dev pages of the two
// extraction corpora only; the weights ship as model/blocks.json (a few kilobytes, no download).
import { readFileSync } from 'node:fs';
import { FEATURE_NAMES } from './html-blocks.ts';

/** One tree: internal nodes test feature[f] <= t; leaves hold a log-odds contribution. */
export type Tree = { f: number; t: number; l: Tree; r: Tree } | { v: number };

export interface BlockModel {
  features: string[];
  bias: number;
  trees: Tree[];
  /** Probability at or above which a block the rules kept stays. */
  threshold: number;
  /** Probability at or above which a block the rules left out is added (they are right more often). */
  addThreshold: number;
}

/** The trees as flat arrays (one walk per block and tree costs a few array reads, no objects). */
interface Flat {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  /** Leaf value; a node is a leaf when its feature is -1. */
  value: Float64Array;
  roots: number[];
}

const flattened = new WeakMap<BlockModel, Flat>();

function flatten(model: BlockModel): Flat {
  const nodes: Tree[] = [];
  const count = (t: Tree): number => ('v' in t ? 1 : 1 + count(t.l) + count(t.r));
  const size = model.trees.reduce((n, t) => n + count(t), 0);
  const out: Flat = {
    feature: new Int32Array(size),
    threshold: new Float64Array(size),
    left: new Int32Array(size),
    right: new Int32Array(size),
    value: new Float64Array(size),
    roots: [],
  };
  const add = (t: Tree): number => {
    const at = nodes.push(t) - 1;
    if ('v' in t) {
      out.feature[at] = -1;
      out.value[at] = t.v;
    } else {
      out.feature[at] = t.f;
      out.threshold[at] = t.t;
      out.left[at] = add(t.l);
      out.right[at] = add(t.r);
    }
    return at;
  };
  for (const t of model.trees) out.roots.push(add(t));
  return out;
}

/** Probability that a block with these features is body text. */
export function bodyProbability(model: BlockModel, x: number[]): number {
  let f = flattened.get(model);
  if (!f) flattened.set(model, (f = flatten(model)));
  let z = model.bias;
  for (const root of f.roots) {
    let n = root;
    while (f.feature[n] >= 0) n = x[f.feature[n]] <= f.threshold[n] ? f.left[n] : f.right[n];
    z += f.value[n];
  }
  return 1 / (1 + Math.exp(-z));
}

let loaded: BlockModel | null | undefined;

/**
 * The shipped model (null only while it has not been trained yet). A model trained on other
 * features than html-blocks.ts computes is an error: retrain with `scripts/train-blocks.ts`.
 */
export function shippedModel(): BlockModel | null {
  if (loaded !== undefined) return loaded;
  let text: string;
  try {
    text = readFileSync(new URL('./model/blocks.json', import.meta.url), 'utf8');
  } catch {
    return (loaded = null);
  }
  const model = JSON.parse(text) as BlockModel;
  if (model.features.join(',') !== FEATURE_NAMES.join(','))
    throw new Error('model/blocks.json was trained on other block features: run scripts/train-blocks.ts');
  return (loaded = model);
}
