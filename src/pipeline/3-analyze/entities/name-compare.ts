// Name comparison helpers shared by per-article resolution and story-level linking (folding: text/fold.ts).

/** Edit distance counting a swap of two neighbouring letters as one edit ("Jaime"/"Jamie"), stopping
 * early once it exceeds `max` (returns max + 1 then). */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2] + 1);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length];
}

/** Initials of the significant words of an organisation name: "Ministry of Defence" → "MD". */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w && !/^(of|the|and|for|de|del|la|el|los|las|y|&)$/i.test(w))
    .map((w) => w[0].toUpperCase())
    .join('');
}
