// Places mentioned in an article, geocoded offline, and the article's main location.
import type { Article, PlaceKind, PlaceMention } from '../../../model/index.ts';
import { placeKey } from '../../../text/fold.ts';
import { gazetteer, type GazetteerPlace } from './gazetteer.ts';
import { outletCity, outletState } from './outlet-city.ts';
import { lowercaseWords, recognizeToponyms, type RecognizeOptions } from './recognize.ts';
import { resolveToponyms, type Resolved } from './resolve.ts';
import { fitStory } from './story-fit.ts';

export type PlaceOptions = RecognizeOptions;

// Country-code top-level domains that say where an outlet is (generic .com says nothing).
const TLD_COUNTRY: Record<string, string> = {
  uk: 'GB', au: 'AU', ca: 'CA', ie: 'IE', nz: 'NZ', in: 'IN', za: 'ZA', fr: 'FR', de: 'DE', es: 'ES', it: 'IT', hr: 'HR',
  ba: 'BA', rs: 'RS', si: 'SI', at: 'AT', ch: 'CH', be: 'BE', nl: 'NL', pt: 'PT', br: 'BR', ar: 'AR', cl: 'CL', mx: 'MX',
  uy: 'UY', co: 'CO', pe: 'PE', jp: 'JP', cn: 'CN', kr: 'KR', sg: 'SG', ph: 'PH', ng: 'NG', ke: 'KE', pk: 'PK', us: 'US',
};

export function outletCountry(url: string | null): string | null {
  if (!url) return null;
  const host = /^[a-z]+:\/\/([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase();
  if (!host) return null;
  // Archived copies name the original host inside the path.
  const inner = /web\.archive\.org\/web\/\d+\/(?:https?:\/\/)?([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase();
  const site = (inner ?? host).replace(/^www\./, '');
  // US broadcasters' call signs start with K or W: wral.com, kktv.com, wsoctv.com.
  if (/^[kw][a-z]{2,3}(?:tv|\d{1,2})?\.com$/.test(site)) return 'US';
  const tld = site.split('.').pop() ?? '';
  return TLD_COUNTRY[tld] ?? null;
}

// A call sign in a dateline or headline: "(WMC) -", "KKTV 11 News", "WRAL.com", "(WDAY TV)".
const CALL_SIGN = /(?:\(|\b)[KW][A-Z]{2,3}(?:-TV|-FM)?(?:\)|\s+(?:TV|News|Channel|\d{1,2})\b|\.com\b)/;

/** Where the outlet is, from its URL or a broadcaster's call sign in the headline or dateline. */
export function outletHint(article: Pick<Article, 'text' | 'url'> & { title?: string }): string | null {
  return outletCountry(article.url) ?? (CALL_SIGN.test(`${article.title ?? ''}\n${article.text.slice(0, 300)}`) ? 'US' : null);
}

const kindOf = (p: GazetteerPlace): PlaceKind => (p.kind === 'continent' ? 'region' : p.kind === 'landmark' ? 'other' : p.kind);

/** Every place the article's text names that the gazetteer can place, with its span. */
export function extractPlaces(article: Pick<Article, 'text' | 'url'> & { title?: string }, opts: PlaceOptions = {}): PlaceMention[] {
  return articlePlaces(article, opts).text;
}

/**
 * Places in the text and in the title, resolved together (the title's "Memphis, Tennessee" helps
 * read the text's "Germantown"). Title mentions have spans into the title, not the text.
 */
export function articlePlaces(article: Pick<Article, 'text' | 'url'> & { title?: string }, opts: PlaceOptions = {}): { text: PlaceMention[]; title: PlaceMention[]; outlet: PlaceMention | null } {
  const ordinary = lowercaseWords(`${article.title ?? ''}\n${article.text}`);
  const inText = recognizeToponyms(article.text, { ...opts, ordinary });
  // A headline capitalises every word: its ordinary words are those the headline or the text writes in lowercase.
  const inTitle = article.title ? recognizeToponyms(article.title, { ...opts, headline: true, ordinary }).filter((t) => t.places.length) : [];
  const country = outletHint(article);
  const home = outletCity(article.url, country);
  // Without a city, the state the host names ("nbcconnecticut.com") is the context for its namesakes.
  const area = home ?? outletState(article.url, country);
  const resolved = fitStory(resolveToponyms([...inText, ...inTitle], country, area), country, area);
  const mention = ({ toponym: t, place: p, confidence }: Resolved): PlaceMention => ({
    start: t.start,
    end: t.end,
    text: t.text,
    name: p.name,
    kind: t.source === 'feature' && p.kind === 'city' ? (/\b(county|parish)$/i.test(t.text) ? 'region' : 'other') : kindOf(p),
    country: p.country,
    admin1: p.admin1,
    lat: p.lat,
    lon: p.lon,
    confidence,
  });
  const titleSet = new Set(inTitle);
  const text = resolved.filter((r) => !titleSet.has(r.toponym)).map(mention);
  const title = resolved.filter((r) => titleSet.has(r.toponym)).map(mention);
  if (opts.features) {
    // A street or river without its own coordinates is placed at the article's main location.
    const main = mainPlace(text, title);
    if (main) {
      for (const t of inText) {
        if (t.places.length) continue;
        text.push({ start: t.start, end: t.end, text: t.text, name: t.text, kind: 'other', country: main.country, admin1: main.admin1 ?? null, lat: main.lat, lon: main.lon, confidence: 0.2 });
      }
    }
  }
  const outlet: PlaceMention | null = home
    ? { start: 0, end: 0, text: '', name: home.name, kind: 'city', country: home.country, admin1: home.admin1, lat: home.lat, lon: home.lon, confidence: 0.5 }
    : null;
  return { text: text.sort((a, b) => a.start - b.start), title, outlet };
}

/** Each place's weight, and its surest reading's confidence (for one sense per story). */
type Weights = Map<string, { place: PlaceMention; w: number; sure: number }>;

const FAR_FROM_OUTLET_KM = 250;
const FAR_FACTOR = 0.5;
const OUTLET_WEIGHT = 1;
const DATELINE_CHARS = 40;
/** Great-circle distance in km. */
function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
/** The country's capital city, by its gazetteer entry. */
const isCapital = (p: PlaceMention) => !!gazetteer().byName.get(placeKey(p.name))?.some((g) => g.feature === 'PPLC' && g.country === p.country && g.lat === p.lat && g.lon === p.lon);
const readingKey = (p: PlaceMention) => `${p.name}|${p.country}|${p.admin1 ?? ''}`;

/**
 * How much each place an article names stands for where its story happens: every mention counts
 * its confidence; a dateline ("CHICAGO —", "ROCKY MOUNT, N.C. (AP)") and an early mention count
 * more; a place named in the title counts 1.5 more.
 */
function placeWeights(places: PlaceMention[], titlePlaces: PlaceMention[], textLength: number, into: Weights = new Map(), outlet: PlaceMention | null = null): Weights {
  const local: Weights = new Map();
  for (const p of places) {
    if (p.kind === 'other') continue;
    let w = p.confidence;
    if (p.start < 40 || (p.start < 600 && /\p{Lu}{3}/u.test(p.text) && p.text === p.text.toUpperCase())) w += 2;
    else if (textLength && p.start < textLength / 4) w += 0.3;
    const entry = local.get(readingKey(p));
    if (entry) [entry.w, entry.sure] = [entry.w + w, Math.max(entry.sure, p.confidence)];
    else local.set(readingKey(p), { place: p, w, sure: p.confidence });
  }
  for (const p of titlePlaces) {
    if (p.kind === 'other') continue;
    const entry = local.get(readingKey(p));
    if (entry) [entry.w, entry.sure] = [entry.w + 1.5, Math.max(entry.sure, p.confidence)];
    else local.set(readingKey(p), { place: p, w: 1.5 * p.confidence, sure: p.confidence });
  }
  // A local report's far-away "city" is mostly a neighbourhood or street of its own city that
  // shares a name ("Austin" on Chicago's West Side, "Bordeaux" in Nashville): it counts less. The
  // report's home is the outlet's city, else its dateline ("NASHVILLE, Tenn. (WKRN) —").
  const dateline = places.find((p) => p.kind === 'city' && p.start < DATELINE_CHARS && p.text === p.text.toUpperCase() && /\p{Lu}{3}/u.test(p.text));
  // A capital's dateline ("LIMA —") is where national and foreign news is filed, not a home whose
  // neighbourhoods far namesakes would be: the state of emergency it reports may be in Tacna.
  const home = outlet ?? (dateline && !isCapital(dateline) ? dateline : null);
  // Such a far town counts at all only when the report places something else in its state
  // ("Orlando, Fla.", "Tucson, Arizona"); otherwise it is only a name shared with something local.
  const region = (p: PlaceMention) => `${p.country}-${p.admin1}`;
  const backed = (e: PlaceMention) => [...places, ...titlePlaces].some((p) => p.name !== e.name && p.admin1 && region(p) === region(e));
  if (home) for (const e of local.values()) if (e.place.kind === 'city' && km(e.place, home) > FAR_FROM_OUTLET_KM) e.w *= backed(e.place) ? FAR_FACTOR : 0;
  if (outlet) {
    const entry = local.get(readingKey(outlet));
    if (entry) entry.w += OUTLET_WEIGHT;
    else local.set(readingKey(outlet), { place: outlet, w: OUTLET_WEIGHT, sure: outlet.confidence });
  }
  for (const [k, v] of local) {
    const entry = into.get(k);
    if (entry) [entry.w, entry.sure] = [entry.w + v.w, Math.max(entry.sure, v.sure)];
    else into.set(k, v);
  }
  return into;
}

/** The heaviest city; a region or country only when no city is named. */
function heaviest(weights: Weights): PlaceMention | null {
  const best = (kind: PlaceKind) => [...weights.values()].filter((e) => e.place.kind === kind).sort((a, b) => b.w - a.w || a.place.start - b.place.start)[0];
  return (best('city') ?? best('region') ?? best('country'))?.place ?? null;
}

/** Where an article's story happens (a title-only place has its span in the title). */
export function mainPlace(places: PlaceMention[], titlePlaces: PlaceMention[] = [], textLength = 0): PlaceMention | null {
  return heaviest(placeWeights(places, titlePlaces, textLength));
}

export interface ArticlePlaces {
  text: PlaceMention[];
  title: PlaceMention[];
  textLength: number;
  /** The city the outlet's web address names, when it names one. */
  outlet?: PlaceMention | null;
}

/** A story's main place: the articles' place weights added up (a place many reports name wins). */
export function storyPlace(articles: ArticlePlaces[]): PlaceMention | null {
  const weights: Weights = new Map();
  for (const a of articles) placeWeights(a.text, a.title, a.textLength, weights, a.outlet ?? null);
  const heaviestPlace = heaviest(oneSensePerStory(weights));
  const main = heaviestPlace && inStoryCountry(heaviestPlace, weights);
  // An outlet's own city ("Baton Rouge" from batonrougecrime.com) is read where the outlet is.
  const outletOwn = articles.some((a) => a.outlet && main && a.outlet.name === main.name && a.outlet.admin1 === main.admin1);
  return main && (outletOwn ? main : inStoryRegion(main, weights));
}

const regionOfPlace = (p: Pick<PlaceMention, 'country' | 'admin1'>) => (p.country && p.admin1 ? `${p.country}-${p.admin1}` : null);

/** How much of the story's place weight, other names than `name`, lies in each state. */
function regionSupport(weights: Weights, name: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const { place: p, w } of weights.values()) {
    const r = regionOfPlace(p);
    if (!r || p.name === name || p.kind === 'country' || w <= 0) continue;
    out.set(r, (out.get(r) ?? 0) + w);
  }
  return out;
}

/**
 * A main town read in a state (or province) nothing else in the story is in, while the story's
 * other places lie in one other state of its country, a state the story names ("Madison" read as
 * Wisconsin in reports datelined "NASHVILLE, Tenn."), is that state's namesake; without one there
 * (the gazetteer lacks Monroe, Connecticut) the story is placed at the state. A city several
 * times bigger than its namesakes keeps its reading.
 */
function inStoryRegion(main: PlaceMention, weights: Weights): PlaceMention {
  const own = regionOfPlace(main);
  if (main.kind !== 'city' || !own) return main;
  // A city several times bigger than every namesake ("Phoenix", "Joplin") is what its name means.
  const readings = (gazetteer().byName.get(placeKey(main.name)) ?? []).filter((p) => p.kind === 'city');
  const self = readings.find((p) => p.lat === main.lat && p.lon === main.lon);
  if (self && readings.every((p) => p === self || p.population * DOMINANT_RATIO <= self.population)) return main;
  const support = regionSupport(weights, main.name);
  if (support.get(own)) return main;
  let total = 0;
  for (const w of support.values()) total += w;
  const [region, share] = [...support].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  const state = region ? gazetteer().regions.get(region) : null;
  if (!state || state.country !== main.country || share < STORY_COUNTRY_SHARE * total) return main;
  // The state itself must be named ("Tenn.", "Connecticut"): towns alone may be a suspect's home or a hospital.
  if (![...weights.values()].some((e) => e.w > 0 && e.place.kind === 'region' && e.place.name === state.name && regionOfPlace(e.place) === region)) return main;
  const namesake = (gazetteer().byName.get(placeKey(main.name)) ?? [])
    .filter((p) => p.kind === 'city' && regionOfPlace(p) === region)
    .sort((a, b) => b.population - a.population)[0];
  // Without a namesake there (a town too small for the gazetteer, or a surname read as a town) the story is placed at the state.
  if (!namesake) return { ...main, name: state.name, kind: 'region', admin1: state.admin1, lat: state.lat, lon: state.lon };
  return { ...main, name: namesake.name, admin1: state.admin1, lat: namesake.lat, lon: namesake.lon };
}

/** A reading this sure was vouched for by a qualifier or dateline ("LEXINGTON, S.C."), or the name has no other. */
const VOUCHED = 0.9;
/** How many times bigger than its namesakes a city must be for its name to mean it whatever the story's states. */
const DOMINANT_RATIO = 3;
/** Share of the rest of a story's place weight that must lie in one other country for its main place to be read there. */
const STORY_COUNTRY_SHARE = 0.75;

/**
 * A main town read abroad ("Berlin", Germany; "Athens", Greece) while the rest of the story's places
 * lie in one other country is that country's namesake, in a state the story names ("Connecticut",
 * "Georgia"); without such a namesake the reading stands.
 */
function inStoryCountry(main: PlaceMention, weights: Weights): PlaceMention {
  if (main.kind !== 'city') return main;
  const countries = new Map<string, number>();
  const regions = new Map<string, number>();
  let total = 0;
  for (const { place: p, w } of weights.values()) {
    if (p.name === main.name || !p.country || w <= 0) continue;
    total += w;
    countries.set(p.country, (countries.get(p.country) ?? 0) + w);
    if (p.admin1 && p.kind !== 'country') regions.set(`${p.country}-${p.admin1}`, (regions.get(`${p.country}-${p.admin1}`) ?? 0) + w);
  }
  const [country, share] = [...countries].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  if (!country || country === main.country || share < STORY_COUNTRY_SHARE * total) return main;
  const region = (p: GazetteerPlace) => regions.get(`${p.country}-${p.admin1}`) ?? 0;
  const namesakes = (gazetteer().byName.get(placeKey(main.text)) ?? gazetteer().byName.get(placeKey(main.name)) ?? [])
    .filter((p) => p.kind === 'city' && p.country === country && region(p) > 0)
    .sort((a, b) => region(b) - region(a) || b.population - a.population);
  const p = namesakes[0];
  return p ? { ...main, name: p.name, country: p.country, admin1: p.admin1, lat: p.lat, lon: p.lon } : main;
}

/**
 * Reports of one story that read a name differently ("Felton, Minn." in one, a bare "Felton" read
 * as California in another) mean the same town: the reading whose state the story's other places
 * back most (else the surest) takes the others' weight.
 */
function oneSensePerStory(weights: Weights): Weights {
  const byName = new Map<string, { place: PlaceMention; w: number; sure: number }[]>();
  for (const e of weights.values()) {
    if (e.place.kind !== 'city') continue;
    const list = byName.get(e.place.name);
    if (list) list.push(e);
    else byName.set(e.place.name, [e]);
  }
  for (const [name, list] of byName) {
    if (list.length < 2) continue;
    // A reading a report vouches for ("LEXINGTON, S.C."), else the one in the state the story's
    // other places are in, else the surest.
    const support = regionSupport(weights, name);
    const rank = (e: { place: PlaceMention; w: number; sure: number }) => [Number(e.sure >= VOUCHED), support.get(regionOfPlace(e.place) ?? '') ?? 0, e.sure, e.w];
    const sure = list.reduce((a, b) => {
      const [ra, rb] = [rank(a), rank(b)];
      const i = ra.findIndex((x, k) => x !== rb[k]);
      return i >= 0 && rb[i] > ra[i] ? b : a;
    });
    for (const e of list) if (e !== sure) [sure.w, e.w] = [sure.w + e.w, 0];
  }
  return weights;
}

