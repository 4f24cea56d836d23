// Splitting a story whose articles drifted apart. The story is cut in two by spectral bisection
// (the sweep cut of the second eigenvector of its normalised article-similarity graph, which
// minimises the normalised cut), and the split is kept only when both halves hold two or more
// articles, the cut is below `splitCut` and the halves' centroids are less alike than
// `splitSimilarity`: two earthquakes that one early, vague report glued together come apart; one
// event told in different words does not.
// The graph keeps each article's few most similar articles only (`splitNeighbours`). On the full
// similarity matrix two similar events and one event's two angles cut alike (ECB+: 0.86–0.95
// against 0.8–1.2), since every article is somewhat like every other; among nearest neighbours
// two events fall apart (0.09–0.21) while one event's articles stay linked (mostly 0.23–0.5).
// Spectral rather than two-means: two-means seeded with the first and the least similar article
// often cut one outlier off instead of the two events (ECB+ topics 5, 29: see docs/CLUSTERING.md).
import type { StoryIndex } from './story-index.ts';
import { oneDayKind } from './story-days.ts';

export interface SplitOptions {
  /** Most similar articles each article keeps an edge to (more in big stories). */
  splitNeighbours: number;
  /** Normalised cut of the neighbour graph above which a story holds together. */
  splitCut: number;
  /** Centroid similarity of the two halves at or above which they are one event. */
  splitSimilarity: number;
  /** Whether a story of a kind that happens on one day holds when its halves name a person in common (`driftedSplit`). */
  splitPersonBridge: boolean;
}

/** Larger stories are not tried (cost grows with the square of the size; big stories are rarely two events). */
const MAX_MEMBERS = 150;
const ITERATIONS = 60;

/** The members to move out into a new story, or null when the story holds together. */
export function driftedHalf(index: StoryIndex, members: number[], o: SplitOptions): number[] | null {
  return driftedSplit(index, members, o)?.leave ?? null;
}

/** The same, with the normalised cut it was found at. */
export function driftedSplit(index: StoryIndex, members: number[], o: SplitOptions): { leave: number[]; ncut: number } | null {
  if (members.length < 4 || members.length > MAX_MEMBERS) return null;
  const sorted = [...members].sort((a, b) => a - b);
  const [sideA, sideB, ncut] = bisect(neighbourGraph(index, sorted, o));
  const [a, b] = [sideA, sideB].map((side) => side.map((i) => sorted[i]));
  if (a.length < 2 || b.length < 2 || ncut > o.splitCut) return null;
  // The half without the story's first article leaves (the story keeps its id where it began).
  const [stay, leave] = a.includes(sorted[0]) ? [a, b] : [b, a];
  // A shooting's first reports and its follow-ups (a charge, an arraignment, a verdict) are told in
  // different words, so the neighbour graph may cut between them, but most of either side name the
  // same suspect or victim: the person bridge holds them, as it does against stated days
  // (story-days.ts). Only for kinds that happen on one day: two rehab stays or two nominations of
  // one person are two events. Most of each side, not any member: a report of a new fire that
  // recalls the governor whose church burned four years before names her too.
  if (o.splitPersonBridge && personOfBoth(index, stay, leave) && oneDayKind(index, sorted) >= 0) return null;
  return index.groupScore(index.groupQuery(stay), leave) < o.splitSimilarity ? { leave, ncut } : null;
}

/** Whether one person is named by at least half the members of each side (persons.ts: officials left out). */
export function personOfBoth(index: StoryIndex, a: number[], b: number[]): boolean {
  const named = (side: number[]) => {
    const counts = new Map<string, number>();
    for (const m of side) for (const p of index.entries[m].persons) counts.set(p, (counts.get(p) ?? 0) + 1);
    return counts;
  };
  const [inA, inB] = [named(a), named(b)];
  for (const [p, n] of inA) if (2 * n >= a.length && 2 * (inB.get(p) ?? 0) >= b.length) return true;
  return false;
}

/** Normalised cut, in the graph driftedSplit cuts, between `side` and the rest of `members`. */
export function partitionCut(index: StoryIndex, members: number[], side: Set<number>, o: SplitOptions): number {
  const sorted = [...members].sort((a, b) => a - b);
  const w = neighbourGraph(index, sorted, o);
  return normalisedCut(w, sorted.map((m) => side.has(m)));
}

/** Each article linked to its most similar ones; neighbours grow with the story: a big story of one event is not cut along its outlets. */
function neighbourGraph(index: StoryIndex, sorted: number[], o: SplitOptions): Float64Array[] {
  const k = Math.max(o.splitNeighbours, Math.round(sorted.length / 10));
  return nearest(similarities(index, sorted), k);
}

/** cut/vol(A) + cut/vol(B) of a two-way partition of a graph. */
export function normalisedCut(w: Float64Array[], inA: boolean[]): number {
  let cut = 0;
  let volumeA = 0;
  let volume = 0;
  for (let i = 0; i < w.length; i++) {
    for (let j = 0; j < w.length; j++) {
      volume += w[i][j];
      if (inA[i]) volumeA += w[i][j];
      if (inA[i] && !inA[j]) cut += w[i][j];
    }
  }
  return cut / (volumeA + 1e-9) + cut / (volume - volumeA + 1e-9);
}

/** Symmetric article-to-article similarity matrix (zero diagonal). */
function similarities(index: StoryIndex, members: number[]): Float64Array[] {
  const n = members.length;
  const w = Array.from({ length: n }, () => new Float64Array(n));
  const queries = members.map((m) => index.query(index.entries[m]));
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) w[i][j] = index.articleSimilarity(queries[i], index.entries[members[j]]);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) w[i][j] = w[j][i] = (w[i][j] + w[j][i]) / 2;
  }
  return w;
}

/** The graph of each article's `k` most similar articles (an edge kept when either end chose it). */
export function nearest(w: Float64Array[], k: number): Float64Array[] {
  if (k >= w.length - 1) return w;
  const keep = w.map((row, i) => {
    const order = [...row.keys()].filter((j) => j !== i).sort((x, y) => row[y] - row[x] || x - y);
    return new Set(order.slice(0, k));
  });
  return w.map((row, i) => row.map((x, j) => (keep[i].has(j) || keep[j].has(i) ? x : 0)));
}

/** Two sides (indexes into the matrix) with the smallest normalised cut along the Fiedler order. */
export function bisect(w: Float64Array[]): [number[], number[], number] {
  const n = w.length;
  const degree = w.map((row) => row.reduce((s, x) => s + x, 0) + 1e-9);
  const root = degree.map(Math.sqrt);
  const volume = degree.reduce((s, x) => s + x, 0);
  // Top eigenvector of D^-1/2 W D^-1/2 is D^1/2·1; power iteration on (M + I) orthogonal to it
  // converges to the second one. A fixed start keeps the result deterministic.
  const top = root.map((x) => x / Math.sqrt(volume));
  let v = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1));
  for (let it = 0; it < ITERATIONS; it++) {
    const along = v.reduce((s, x, i) => s + x * top[i], 0);
    for (let i = 0; i < n; i++) v[i] -= along * top[i];
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = v[i];
      for (let j = 0; j < n; j++) s += (w[i][j] / (root[i] * root[j])) * v[j];
      next[i] = s;
    }
    const norm = Math.hypot(...next) || 1;
    v = next.map((x) => x / norm);
  }
  const order = [...Array(n).keys()].sort((p, q) => v[p] / root[p] - v[q] / root[q] || p - q);
  // Sweep: move articles to side A in Fiedler order, keeping the cut and A's volume up to date.
  const inA = new Uint8Array(n);
  let cut = 0;
  let volumeA = 0;
  let best = { ncut: Infinity, k: 1 };
  for (let k = 0; k < n - 1; k++) {
    const i = order[k];
    for (let j = 0; j < n; j++) if (j !== i) cut += inA[j] ? -w[i][j] : w[i][j];
    inA[i] = 1;
    volumeA += degree[i];
    const ncut = cut / volumeA + cut / (volume - volumeA);
    if (ncut < best.ncut) best = { ncut, k: k + 1 };
  }
  return [order.slice(0, best.k), order.slice(best.k), best.ncut];
}
