// Replicas of a corpus for the scale benchmarks (bench:throughput, bench:scaleout): each replica
// renames every capitalised word and a third of the others, lengths kept (so every span stays
// valid), and is dated 9 days later per replica, so it reads as other incidents, not a copy.

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Shifts the letters of every capitalised word (so every replica has its own people and places)
 * and of about a third of the other words, chosen per replica; lengths are kept. Replica 0 is the
 * original.
 */
export function rewrite(s: string, replica: number): string {
  if (replica === 0) return s;
  // Letters at even and odd places move by different amounts, so replicas up to 625 all differ
  // (one shift for every letter would repeat every 25 replicas: replica 26 would reuse replica
  // 1's names, and from 78k articles on the stories would be found again 25 replicas later).
  const shifts = [(replica % 25) + 1, (Math.floor(replica / 25) % 25) + 1];
  return s.replace(/[A-Za-z]{3,}/g, (w) => {
    if (!/^[A-Z]/.test(w) && fnv(`${w.toLowerCase()}#${replica}`) % 3 !== 0) return w;
    return w.replace(/[a-z]/g, (c, at: number) => String.fromCharCode(((c.charCodeAt(0) - 97 + shifts[at % 2]) % 26) + 97));
  });
}

/** The day `replica` × 9 days after `day` (YYYY-MM-DD). */
export const later = (day: string, replica: number): string =>
  new Date(Date.parse(day) + replica * 9 * 86_400_000).toISOString().slice(0, 10);
