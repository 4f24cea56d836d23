// The city a local outlet's web address names: chicago.suntimes.com, abc7chicago.com, fresnobee.com,
// kansascity.com. Local news is mostly about its own area, so this city helps read an ambiguous
// name ("Austin" in a Chicago paper is the West Side neighbourhood, not Texas) and stands in when
// a brief names no place at all ("in the 1200 block of Main Street").
import { placeKey } from '../../../text/fold.ts';
import { gazetteer, type GazetteerPlace } from './gazetteer.ts';

/** A name only counts when it is a sizeable city: small towns' names are common words ("Bee"). */
const MIN_POPULATION_WHOLE = 20_000;
const MIN_POPULATION_PART = 60_000;
const MIN_LETTERS = 5;
// Host labels that are the platform, not the outlet.
const PLATFORM = new Set(['www', 'web', 'archive', 'cbslocal', 'news', 'm', 'amp', 'mobile', 'com', 'org', 'net']);

let bySpacelessName: Map<string, GazetteerPlace> | null = null;

/** The biggest city for each spaceless folded name ("kansascity", "stlouis" → "saintlouis"). */
function cityIndex(): Map<string, GazetteerPlace> {
  if (bySpacelessName) return bySpacelessName;
  const index = new Map<string, GazetteerPlace>();
  for (const [name, places] of gazetteer().byName) {
    const key = name.replace(/[^a-z]/g, '');
    if (key.length < MIN_LETTERS) continue;
    for (const p of places) {
      if (p.kind !== 'city' || p.population < MIN_POPULATION_WHOLE) continue;
      const had = index.get(key);
      if (!had || had.population < p.population) index.set(key, p);
    }
  }
  bySpacelessName = index;
  return index;
}

/** Letters a broadcaster's brand may take before the city ("clickon", "myfox", "nbc"). */
const MAX_BRAND = 7;

function longest(part: string, index: Map<string, GazetteerPlace>, country: string | null, cut: (n: number) => string, maxRest = Infinity): { place: GazetteerPlace; length: number } | null {
  for (let n = part.length; n >= MIN_LETTERS && part.length - n <= maxRest; n--) {
    const p = index.get(cut(n));
    if (!p || (country && p.country !== country)) continue;
    if (n < part.length && p.population < MIN_POPULATION_PART) continue;
    return { place: p, length: n };
  }
  return null;
}

const cache = new Map<string, GazetteerPlace | null>();

/** The outlet's host, the original one for an archived copy. */
export function outletHost(url: string | null): string | null {
  if (!url) return null;
  const inner = /web\.archive\.org\/web\/\w+\/(?:https?:\/\/)?([^/:?#]+)/i.exec(url)?.[1];
  const host = inner ?? /^[a-z]+:\/\/([^/:?#]+)/i.exec(url)?.[1];
  return host ? host.toLowerCase().replace(/^www\./, '') : null;
}

/**
 * The city named by the outlet's host: a whole label ("chicago.suntimes.com"), or a label's start
 * or end ("fresnobee", "abc7chicago", "fox2detroit"), in the outlet's country when that is known.
 */
export function outletCity(url: string | null, country: string | null = null): GazetteerPlace | null {
  const host = outletHost(url);
  if (!host) return null;
  const key = `${host}|${country ?? ''}`;
  if (cache.has(key)) return cache.get(key)!;
  const index = cityIndex();
  let best: GazetteerPlace | null = null;
  let bestLength = 0;
  const labels = host.split('.').slice(0, -1).filter((l) => !PLATFORM.has(l));
  for (const label of labels) {
    // Parts split at digits ("abc7chicago" → abc, chicago). Papers put their city first
    // ("fresnobee", "beaumontenterprise"); broadcasters after a short brand ("nbcchicago", "clickondetroit").
    for (const part of label.replace(/[^a-z0-9]/g, '').split(/\d+/)) {
      const prefix = longest(part, index, country, (n) => part.slice(0, n));
      const found = prefix ?? longest(part, index, country, (n) => part.slice(part.length - n), MAX_BRAND);
      if (found && found.length > bestLength) [best, bestLength] = [found.place, found.length];
    }
  }
  best ??= stateAndTown(host, country)?.town ?? null;
  if (cache.size > 5000) cache.clear();
  cache.set(key, best);
  return best;
}

/** Letters a paper may put after a state's name ("delawareonline", "idahopress"). */
const MAX_AFTER_STATE = 8;
const MIN_STATE_LETTERS = 4;

let byStateKey: Map<string, GazetteerPlace> | null = null;

/**
 * States and provinces by spaceless folded name, leaving out a name that is also a sizeable city's
 * elsewhere: "washington" is the capital, "victoria" a Canadian city as much as an Australian state.
 */
function stateIndex(): Map<string, GazetteerPlace> {
  if (byStateKey) return byStateKey;
  const index = new Map<string, GazetteerPlace>();
  for (const r of gazetteer().regions.values()) {
    const key = placeKey(r.name).replace(/[^a-z]/g, '');
    if (key.length < MIN_STATE_LETTERS) continue;
    const namesake = gazetteer().byName.get(placeKey(r.name))?.some((p) => p.kind === 'city' && p.population >= MIN_POPULATION_PART && (p.country !== r.country || p.admin1 !== r.admin1));
    if (!namesake) index.set(key, r);
  }
  byStateKey = index;
  return index;
}

/**
 * The state a host label names, at its start ("delawareonline", "arkansasonline") or after a short
 * brand ("nbcconnecticut"), and the town before it when that is one of the state's ("limaohio").
 * A longer city name that begins or ends the same way ("kansascity", "indianapolis") is the city's.
 */
function stateAndTown(host: string, country: string | null): { state: GazetteerPlace; town: GazetteerPlace | null } | null {
  const states = stateIndex();
  const cities = cityIndex();
  // A country's own domain (".ge") is no US state's outlet; ".uk" is Britain's.
  const tld = host.split('.').pop() ?? '';
  const tldCountry = tld.length === 2 ? (tld === 'uk' ? 'GB' : tld.toUpperCase()) : null;
  const labels = host.split('.').slice(0, -1).filter((l) => !PLATFORM.has(l));
  for (const label of labels) {
    for (const part of label.replace(/[^a-z0-9]/g, '').split(/\d+/)) {
      for (const [key, state] of states) {
        if ((country && state.country !== country) || (tldCountry && state.country !== tldCountry)) continue;
        const atStart = part.startsWith(key) && part.length - key.length <= MAX_AFTER_STATE;
        const atEnd = !atStart && part.endsWith(key) && part.length - key.length <= MAX_BRAND;
        if (!atStart && !atEnd) continue;
        let longer = false;
        for (let n = key.length + 1; n <= part.length && !longer; n++) longer = cities.has(atStart ? part.slice(0, n) : part.slice(part.length - n));
        if (longer) continue;
        const before = atEnd ? part.slice(0, part.length - key.length) : '';
        const town = before.length >= MIN_STATE_LETTERS
          ? ((gazetteer().byName.get(before) ?? []).filter((p) => p.kind === 'city' && p.country === state.country && p.admin1 === state.admin1).sort((a, b) => b.population - a.population)[0] ?? null)
          : null;
        return { state, town };
      }
    }
  }
  return null;
}

/** The state or province the outlet's host names ("nbcconnecticut.com", "limaohio.com"), when it names one. */
export function outletState(url: string | null, country: string | null = null): GazetteerPlace | null {
  const host = outletHost(url);
  return host ? (stateAndTown(host, country)?.state ?? null) : null;
}
