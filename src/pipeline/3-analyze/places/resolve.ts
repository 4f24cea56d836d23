// Toponym resolution: each name's gazetteer readings scored by prominence (population, kind) and by
// the article's context — the countries and regions its other places point to, a ", State"
// qualifier, the outlet's country. Two rounds: context from the surest readings, then from all.
import { placeKey } from '../../../text/fold.ts';
import { regionOf, type GazetteerPlace } from './gazetteer.ts';
import type { Toponym } from './recognize.ts';

export interface Resolved {
  toponym: Toponym;
  place: GazetteerPlace;
  confidence: number;
}

// Prominence on one scale: a city of a million scores like a region; countries a bit above.
function prior(p: GazetteerPlace): number {
  switch (p.kind) {
    case 'country':
      return 9.5;
    case 'region':
      return 8.5;
    case 'continent':
    case 'landmark':
      return 8;
    default:
      return 1.5 * Math.log10(p.population + 10) + (p.feature === 'PPLC' ? 1 : p.feature === 'PPLA' ? 0.5 : 0);
  }
}

interface Context {
  countries: Map<string, number>;
  regions: Map<string, number>;
  total: number;
}

const regionKey = (p: GazetteerPlace) => (p.country && p.admin1 ? `${p.country}-${p.admin1}` : null);

function vote(ctx: Context, p: GazetteerPlace, w: number): void {
  if (p.country) ctx.countries.set(p.country, (ctx.countries.get(p.country) ?? 0) + w);
  const r = regionKey(p);
  if (r) ctx.regions.set(r, (ctx.regions.get(r) ?? 0) + w);
  ctx.total += w;
}

function score(p: GazetteerPlace, ctx: Context, own: GazetteerPlace | null, ownWeight: number): number {
  // Leave this mention's own vote out of its context.
  const less = (map: Map<string, number>, key: string | null, match: boolean) =>
    key ? Math.max(0, (map.get(key) ?? 0) - (match ? ownWeight : 0)) : 0;
  const total = Math.max(1, ctx.total - (own ? ownWeight : 0));
  const c = less(ctx.countries, p.country, !!own && own.country === p.country);
  const r = less(ctx.regions, regionKey(p), !!own && regionKey(own) === regionKey(p));
  return prior(p) + 4 * Math.min(1, c / total) + (p.kind === 'city' ? 2.5 * Math.min(1, r / Math.max(1, total / 2)) : 0);
}

const empty = (): Context => ({ countries: new Map(), regions: new Map(), total: 0 });

/**
 * Picks one reading per toponym. `hintCountry` is the outlet's country when known, `hintCity` the
 * city its web address names (a local outlet's "Columbia" is most likely the one in its state).
 */
export function resolveToponyms(toponyms: Toponym[], hintCountry: string | null = null, hintCity: GazetteerPlace | null = null): Resolved[] {
  const usable = toponyms.filter((t) => t.places.length);
  // Round 1: context from names with a single reading (or one country), plus qualifiers.
  const first = empty();
  if (hintCountry) vote(first, { country: hintCountry, admin1: null } as GazetteerPlace, 1);
  if (hintCity) vote(first, hintCity, 1);
  // An ambiguous name repeated ten times is still one piece of evidence (its repeats would only
  // confirm its own likeliest reading): each such name votes once.
  const voted = new Set<string>();
  for (const t of usable) {
    const best = [...t.places].sort((a, b) => prior(b) - prior(a))[0];
    const oneCountry = t.places.every((p) => p.country === best.country);
    const w = t.places.length === 1 || t.qualifier ? 1 : oneCountry ? 0.7 : 0.3;
    const key = `${placeKey(t.text)}|${t.qualifier ? 'q' : ''}`;
    if (t.places.length > 1 && voted.has(key)) continue;
    voted.add(key);
    vote(first, best, w);
    if (t.qualifier) vote(first, t.qualifier, 0.5);
  }
  let picks = usable.map((t) => pick(t, first, null, 0));
  // Round 2: context from every round-1 pick, weighted by how sure it was.
  const second = empty();
  if (hintCountry) vote(second, { country: hintCountry, admin1: null } as GazetteerPlace, 1);
  if (hintCity) vote(second, hintCity, 1);
  const voted2 = new Set<string>();
  for (const r of picks) {
    const key = `${placeKey(r.toponym.text)}|${r.place.name}|${r.place.admin1}`;
    if (r.toponym.places.length > 1 && voted2.has(key)) continue;
    voted2.add(key);
    vote(second, r.place, r.confidence);
    const region = regionOf(r.place);
    if (region && r.place.kind === 'city') vote(second, region, 0.3 * r.confidence);
  }
  picks = usable.map((t, i) => pick(t, second, picks[i].place, picks[i].confidence));
  return oneSensePerArticle(picks);
}

/**
 * A name means one place throughout an article: once qualified ("ROSWELL, N.M. —"), its bare
 * mentions ("Roswell police said") are the same town, not a bigger namesake elsewhere.
 */
function oneSensePerArticle(picks: Resolved[]): Resolved[] {
  const qualified = new Map<string, Resolved>();
  for (const r of picks) {
    if (!r.toponym.qualifier) continue;
    const key = placeKey(r.toponym.text);
    if (!qualified.has(key)) qualified.set(key, r);
  }
  if (!qualified.size) return picks;
  return picks.map((r) => {
    const q = r.toponym.qualifier ? null : qualified.get(placeKey(r.toponym.text));
    if (!q || q.place === r.place || !r.toponym.places.includes(q.place)) return r;
    return { toponym: r.toponym, place: q.place, confidence: Math.max(r.confidence, q.confidence) };
  });
}

function pick(t: Toponym, ctx: Context, own: GazetteerPlace | null, ownWeight: number): Resolved {
  let best = t.places[0];
  let bestScore = -Infinity;
  let second = -Infinity;
  for (const p of t.places) {
    const s = score(p, ctx, own, ownWeight);
    if (s > bestScore) {
      second = bestScore;
      bestScore = s;
      best = p;
    } else if (s > second) second = s;
  }
  const margin = second === -Infinity ? 4 : bestScore - second;
  let confidence = 0.5 + 0.45 * Math.tanh(margin / 2);
  if (!t.evidence && t.places.length > 1) confidence *= 0.9;
  if (t.embedded) confidence *= 0.8;
  return { toponym: t, place: best, confidence: Math.round(confidence * 100) / 100 };
}
