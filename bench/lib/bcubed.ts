// BCubed precision, recall and F1 of a clustering against gold classes (Bagga & Baldwin 1998),
// averaged over items.

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
  items: number;
  clusters: number;
  classes: number;
}

/** `predicted` and `gold` map each item to its cluster / class; only items in both count. */
export function bcubed(predicted: Map<string, string>, gold: Map<string, string>): BCubed {
  const items = [...predicted.keys()].filter((k) => gold.has(k));
  const byCluster = new Map<string, string[]>();
  const byClass = new Map<string, string[]>();
  for (const it of items) {
    const c = predicted.get(it)!;
    const g = gold.get(it)!;
    (byCluster.get(c) ?? byCluster.set(c, []).get(c)!).push(it);
    (byClass.get(g) ?? byClass.set(g, []).get(g)!).push(it);
  }
  let p = 0;
  let r = 0;
  for (const it of items) {
    const cluster = byCluster.get(predicted.get(it)!)!;
    const klass = gold.get(it)!;
    const correct = cluster.filter((o) => gold.get(o) === klass).length;
    p += correct / cluster.length;
    r += correct / byClass.get(klass)!.length;
  }
  const precision = items.length ? p / items.length : 0;
  const recall = items.length ? r / items.length : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, items: items.length, clusters: byCluster.size, classes: byClass.size };
}

export const fmt = (x: number) => x.toFixed(3);
