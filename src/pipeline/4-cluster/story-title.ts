// A story's title: the headline that shares most words with the other headlines (the most
// representative one), not simply the first to arrive.
import { termCounts } from './terms.ts';

export function representativeTitle(titles: string[]): string {
  if (titles.length <= 2) return titles[0] ?? '';
  const sets = titles.map((t) => new Set(termCounts(t, '').keys()));
  let best = 0;
  let bestScore = -1;
  sets.forEach((a, i) => {
    let score = 0;
    sets.forEach((b, j) => {
      if (i === j) return;
      let shared = 0;
      for (const t of a) if (b.has(t)) shared++;
      score += shared / Math.sqrt((a.size || 1) * (b.size || 1));
    });
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return titles[best];
}
