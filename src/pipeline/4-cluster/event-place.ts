// Where a report says its event happened, at city level: the cities the analysis stage geocoded in
// its lead. Two reports whose leads name only cities far apart are about two events, however alike
// their words ("a 16-year-old shot" in Atlanta and in Boulder); a suburb or a district geocoded as
// a town of the same metro area is not far.
import type { PlaceMention } from '../../model/index.ts';

/** The lead, where a report says where it happened (later places are a suspect's home, a hospital, a trial). */
const LEAD = 600;
const MIN_CONFIDENCE = 0.5;
const MAX_CITIES = 4;
/** Cities nearer than this are one metro area (a suburb, a county seat, a neighbourhood geocoded as a town). */
export const SAME_AREA_KM = 60;

/** A city: [lat, lon, hash of its folded name], flat. */
export const CITY = 3;

/**
 * The lead's cities as flat [lat, lon, name hash, …], rounded to 0.01°, distinct, in text order. The
 * name is kept because the geocoder may place one name differently in two reports (Vancouver in
 * Canada or in Washington): the same name written is never evidence of two places.
 */
export function leadCities(places: PlaceMention[]): number[] {
  const out: number[] = [];
  const seen = new Set<string>();
  for (const p of [...places].sort((a, b) => a.start - b.start)) {
    if (p.kind !== 'city' || p.start >= LEAD || p.confidence < MIN_CONFIDENCE) continue;
    const [lat, lon] = [Math.round(p.lat * 100) / 100, Math.round(p.lon * 100) / 100];
    const key = `${lat},${lon}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(lat, lon, nameHash(p.name));
    if (out.length >= CITY * MAX_CITIES) break;
  }
  return out;
}

/** FNV-1a of the folded name, as a small integer. */
function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (const ch of name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return h >>> 1;
}

function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Both name cities in their leads, and none of one's is in the metro area of any of the other's, nor of the same name. */
export function citiesApart(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (!a.length || !b.length) return false;
  for (let i = 0; i < a.length; i += CITY) {
    for (let j = 0; j < b.length; j += CITY) if (a[i + 2] === b[j + 2] || km(a[i], a[i + 1], b[j], b[j + 1]) < SAME_AREA_KM) return false;
  }
  return true;
}

/**
 * What a story says (its cities, its victims' ages): the values at least half as many members give
 * as the most given one (a report that names where the suspect lives does not move the story).
 * Values are `stride` numbers long (a city is [lat, lon]), flat.
 */
export function storyValues(members: Iterable<ArrayLike<number>>, stride: number): number[] {
  const counts = new Map<string, [number[], number]>();
  for (const c of members) {
    for (let i = 0; i < c.length; i += stride) {
      const v = Array.from({ length: stride }, (_, k) => c[i + k]);
      const key = v.join(',');
      const got = counts.get(key);
      if (got) got[1]++;
      else counts.set(key, [v, 1]);
    }
  }
  let top = 0;
  for (const [, n] of counts.values()) top = Math.max(top, n);
  const out: number[] = [];
  for (const [v, n] of counts.values()) if (2 * n >= top) out.push(...v);
  return out;
}
