// Name comparison helpers shared by per-article resolution and story-level linking.

/** Lower case without diacritics or punctuation: "Kovač" → "kovac", "O'Neill" → "oneill". */
export function foldName(s: string): string {
  // Fast path: plain ASCII letters and spaces need no Unicode normalisation.
  if (/^[A-Za-z ]*$/.test(s)) return s.toLowerCase().replace(/\s+/g, ' ').trim();
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[đĐ]/g, 'd')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

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

/** Keys already made: a story's linking compares each name with every cluster's, again and again. */
const phoneticKeys = new Map<string, string>();
const PHONETIC_KEYS_KEPT = 50_000;

/** Transliteration-level equivalences folded away before comparing ("ue"/"ü", "ph"/"f", doubled letters). */
export function phoneticKey(folded: string): string {
  let key = phoneticKeys.get(folded);
  if (key === undefined) {
    if (phoneticKeys.size >= PHONETIC_KEYS_KEPT) phoneticKeys.clear();
    phoneticKeys.set(folded, (key = soundKey(folded)));
  }
  return key;
}

function soundKey(folded: string): string {
  return folded
    .replace(/ue/g, 'u')
    .replace(/oe/g, 'o')
    .replace(/ae/g, 'a')
    .replace(/ph/g, 'f')
    .replace(/x/g, 'ks')
    .replace(/q/g, 'k')
    .replace(/dh/g, 'd')
    .replace(/ou/g, 'u')
    .replace(/kh/g, 'h')
    .replace(/ck/g, 'k')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

/** Initials of the significant words of an organisation name: "Ministry of Defence" → "MD". */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w && !/^(of|the|and|for|de|del|la|el|los|las|y|&)$/i.test(w))
    .map((w) => w[0].toUpperCase())
    .join('');
}
