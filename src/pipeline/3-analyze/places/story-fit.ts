// Readings that do not fit the article are dropped (precision first): a name is a town elsewhere
// only when something in the story points there.
import { foldName, type GazetteerPlace } from './gazetteer.ts';
import type { Resolved } from './resolve.ts';

/** With nothing else to go by, a county is read as its namesake town only when that is a sizeable city ("St. Louis County"). */
const BIG_NAMESAKE = 50_000;

/**
 * Keeps the readings that fit: an institution's borrowed name ("Mount Sinai Hospital") only when the
 * text also names the place on its own; a county read as a namesake town ("Cook County" → Cook,
 * Australia) only in a country the story or the outlet is in (or, with no such context, when the
 * namesake is a sizeable city).
 */
export function fitStory(picks: Resolved[], outletCountry: string | null, home: GazetteerPlace | null): Resolved[] {
  const alone = new Set(picks.filter((r) => !r.toponym.institution).map((r) => foldName(r.toponym.text)));
  const kept = picks.filter((r) => !r.toponym.institution || alone.has(foldName(r.toponym.text)));
  const name = (r: Resolved) => foldName(r.toponym.text);
  const others = (r: Resolved) => kept.filter((o) => name(o) !== name(r) && o.toponym.source !== 'feature');
  const countries = (r: Resolved) => new Set([outletCountry, home?.country, ...others(r).map((o) => o.place.country)].filter(Boolean));
  return kept.filter((r) => {
    const p = r.place;
    if (p.kind !== 'city' || r.toponym.source !== 'feature' || p.feature === 'REGION') return true;
    const context = countries(r);
    return context.size ? context.has(p.country) : p.population >= BIG_NAMESAKE;
  });
}
