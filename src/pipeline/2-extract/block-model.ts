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

function leaf(tree: Tree, x: number[]): number {
  let node = tree;
  while (!('v' in node)) node = x[node.f] <= node.t ? node.l : node.r;
  return node.v;
}

/** Probability that a block with these features is body text. */
export function bodyProbability(model: BlockModel, x: number[]): number {
  let z = model.bias;
  for (const t of model.trees) z += leaf(t, x);
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
