// Splitting a story whose articles drifted apart: two-means inside the story, seeded with its
// first article and the article least like it. The split is kept only when both halves hold two
// or more articles and the halves' centroids are less alike than `splitSimilarity`: two
// earthquakes that one early, vague report glued together come apart; one event told in
// different words does not.
import type { StoryIndex } from './story-index.ts';

const ROUNDS = 3;
/** Larger stories are not tried (cost grows with size; big stories are rarely two events). */
const MAX_MEMBERS = 200;

/** The members to move out into a new story, or null when the story holds together. */
export function driftedHalf(index: StoryIndex, members: number[], splitSimilarity: number): number[] | null {
  if (members.length < 4 || members.length > MAX_MEMBERS) return null;
  const sorted = [...members].sort((a, b) => a - b);
  const queries = new Map(sorted.map((m) => [m, index.query(index.entries[m])]));
  const first = sorted[0];
  let far = sorted[1];
  let farSim = Infinity;
  for (const m of sorted.slice(1)) {
    const sim = index.articleSimilarity(queries.get(first)!, index.entries[m]);
    if (sim < farSim) [far, farSim] = [m, sim];
  }
  let a = [first];
  let b = [far];
  for (let round = 0; round < ROUNDS; round++) {
    const nextA: number[] = [];
    const nextB: number[] = [];
    for (const m of sorted) {
      const q = queries.get(m)!;
      const toA = index.groupScore(q, a.filter((x) => x !== m).length ? a.filter((x) => x !== m) : a);
      const toB = index.groupScore(q, b.filter((x) => x !== m).length ? b.filter((x) => x !== m) : b);
      (toA >= toB ? nextA : nextB).push(m);
    }
    if (!nextB.length || !nextA.length) return null;
    [a, b] = [nextA, nextB];
  }
  if (a.length < 2 || b.length < 2) return null;
  const apart = index.groupScore(index.groupQuery(a), b);
  return apart < splitSimilarity ? b : null;
}
