// Readings that do not fit the article are dropped (precision first): a name is a town elsewhere
// only when something in the story points there.
import { placeKey } from '../../../text/fold.ts';
import { type GazetteerPlace } from './gazetteer.ts';
import type { Resolved } from './resolve.ts';

/** With nothing else to go by, a county is read as its namesake town only when that is a sizeable city ("St. Louis County"). */
const BIG_NAMESAKE = 50_000;
/** Below this population an unqualified town must lie near the story's other places, when it names any. */
const SMALL_TOWN = 15_000;
const NEIGHBOUR_KM = 600;
/** A city abroad this big is read without its country being named ("London" in an American report). */
const BIG_NAMESAKE_ABROAD = 100_000;
/** How many times bigger than its namesakes a city must be to be read abroad unnamed. */
const DOMINANT_RATIO = 3;

/**
 * Keeps the readings that fit: an institution's borrowed name ("Mount Sinai Hospital") only when the
 * text also names the place on its own; a county read as a namesake town ("Cook County" → Cook,
 * Australia) only in a state (else a country) the story or the outlet is in (or, with no such
 * context, when the namesake is a sizeable city); a small town abroad only when the story names
 * its country or another place in it; a small town only near the story's other places, if any.
 */
export function fitStory(picks: Resolved[], outletCountry: string | null, home: GazetteerPlace | null): Resolved[] {
  const alone = new Set(picks.filter((r) => !r.toponym.institution).map((r) => placeKey(r.toponym.text)));
  const kept = picks.filter((r) => !r.toponym.institution || alone.has(placeKey(r.toponym.text)));
  const name = (r: Resolved) => placeKey(r.toponym.text);
  const others = (r: Resolved) => kept.filter((o) => name(o) !== name(r) && o.toponym.source !== 'feature');
  const countries = (r: Resolved) => new Set([outletCountry, home?.country, ...others(r).map((o) => o.place.country)].filter(Boolean));
  const regions = (r: Resolved) => new Set([home, ...others(r).map((o) => o.place)].filter((p) => p?.country && p.admin1).map((p) => `${p!.country}-${p!.admin1}`));
  return kept.filter((r) => {
    const p = r.place;
    if (p.kind !== 'city' || p.feature === 'REGION' || r.toponym.qualifier) return true;
    const context = countries(r);
    if (r.toponym.source === 'feature') {
      // "Harris County" in a Houston report is not Harris, Minnesota: the namesake must be in a state the story names.
      const states = regions(r);
      if (states.size) return states.has(`${p.country}-${p.admin1}`);
      return context.size ? context.has(p.country) : p.population >= BIG_NAMESAKE;
    }
    // In a local outlet's report, a small foreign town ("Gentilly", France, in a New Orleans station's
    // report) only when the story is about its country.
    const local = outletCountry ?? home?.country;
    if (local && !context.has(p.country) && p.population < BIG_NAMESAKE_ABROAD) return false;
    // A city in a country the story never names is read only when it is what the name means
    // ("London"), not one of several like-sized namesakes ("Santa Rosa": California, Argentina…).
    if (context.size && !context.has(p.country) && !dominant(p, r.toponym.places)) return false;
    // A small town far from every other place of the story ("taken to Mount Sinai" in a Chicago report) is a namesake of something local.
    if (p.population >= SMALL_TOWN) return true;
    const anchors = [home, ...others(r).map((o) => o.place)].filter((o): o is GazetteerPlace => !!o && (o.kind === 'city' || (o.kind === 'region' && !!o.admin1)));
    return !anchors.length || anchors.some((o) => (o.country === p.country && o.admin1 === p.admin1) || (o.kind === 'city' && km(o, p) <= NEIGHBOUR_KM));
  });
}

/** Whether a city outweighs every other city of its name several times over. */
function dominant(p: GazetteerPlace, readings: GazetteerPlace[]): boolean {
  return readings.every((o) => o === p || o.kind !== 'city' || o.population * DOMINANT_RATIO <= p.population);
}

function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
