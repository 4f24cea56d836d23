// Story purity and cross-corpus scores, measured on predicted stories as the reader sees them.
import type { BCubed } from './bcubed.ts';

/** Members of each predicted story. */
export function storiesOf(predicted: Map<string, string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [item, story] of predicted) (out.get(story) ?? out.set(story, []).get(story)!).push(item);
  return out;
}

export interface Purity {
  /** Predicted stories holding articles of two or more gold events. */
  mixed: number;
  /** Articles in those stories. */
  mixedArticles: number;
}

/**
 * Stories mixing gold events, among the items `gold` labels (other items are ignored). `keep`
 * picks which mixed stories count (by the gold label holding most of the story's items).
 */
export function purity(predicted: Map<string, string>, gold: Map<string, string>, keep: (label: string) => boolean = () => true): Purity {
  let mixed = 0;
  let mixedArticles = 0;
  for (const members of storiesOf(predicted).values()) {
    const labels = new Map<string, number>();
    for (const m of members) {
      const g = gold.get(m);
      if (g !== undefined) labels.set(g, (labels.get(g) ?? 0) + 1);
    }
    if (labels.size < 2) continue;
    const major = [...labels].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
    if (!keep(major)) continue;
    mixed++;
    mixedArticles += [...labels.values()].reduce((s, n) => s + n, 0);
  }
  return { mixed, mixedArticles };
}

/**
 * BCubed over `items` only, with stories as predicted over everything: a story member the gold
 * does not label (another corpus's report) counts against precision, as it would on the page.
 */
export function bcubedWithin(predicted: Map<string, string>, gold: Map<string, string>, items: string[]): BCubed {
  const stories = storiesOf(predicted);
  const classSize = new Map<string, number>();
  for (const it of items) classSize.set(gold.get(it)!, (classSize.get(gold.get(it)!) ?? 0) + 1);
  let p = 0;
  let r = 0;
  const clusters = new Set<string>();
  for (const it of items) {
    const story = predicted.get(it)!;
    clusters.add(story);
    const members = stories.get(story)!;
    const correct = members.filter((o) => gold.get(o) === gold.get(it)).length;
    p += correct / members.length;
    r += correct / classSize.get(gold.get(it)!)!;
  }
  const precision = items.length ? p / items.length : 0;
  const recall = items.length ? r / items.length : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, items: items.length, clusters: clusters.size, classes: classSize.size };
}

/**
 * How many of `items` joined a story of `others`: sit in a story where `others` are at least as
 * many as `items` (a short report in a shooting story). A story of many short reports that took
 * in one shooting report counts the other way round (call with the sets swapped).
 */
export function joinedWith(predicted: Map<string, string>, items: string[], others: Set<string>): number {
  const mine = new Set(items);
  const count = new Map<string, [number, number]>();
  for (const [item, story] of predicted) {
    const c = count.get(story) ?? count.set(story, [0, 0]).get(story)!;
    if (mine.has(item)) c[0]++;
    else if (others.has(item)) c[1]++;
  }
  return items.filter((it) => {
    const [m, o] = count.get(predicted.get(it)!)!;
    return o > 0 && o >= m;
  }).length;
}

/** Stories holding items of both sets, the items (of both) in them, and those of `a`. */
export function storiesMixing(predicted: Map<string, string>, a: Set<string>, b: Set<string>): { stories: number; items: number; inA: number } {
  const count = new Map<string, [number, number]>();
  for (const [item, story] of predicted) {
    const c = count.get(story) ?? count.set(story, [0, 0]).get(story)!;
    if (a.has(item)) c[0]++;
    else if (b.has(item)) c[1]++;
  }
  const mixed = [...count.values()].filter(([x, y]) => x > 0 && y > 0);
  return { stories: mixed.length, items: mixed.reduce((s, [x, y]) => s + x + y, 0), inA: mixed.reduce((s, [x]) => s + x, 0) };
}
