// Places mentioned in an article, geocoded offline, and the article's main location.
import type { Article, PlaceKind, PlaceMention } from '../../../model/index.ts';
import type { GazetteerPlace } from './gazetteer.ts';
import { recognizeToponyms, type RecognizeOptions } from './recognize.ts';
import { resolveToponyms, type Resolved } from './resolve.ts';

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
  const tld = (inner ?? host).split('.').pop() ?? '';
  return TLD_COUNTRY[tld] ?? null;
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
export function articlePlaces(article: Pick<Article, 'text' | 'url'> & { title?: string }, opts: PlaceOptions = {}): { text: PlaceMention[]; title: PlaceMention[] } {
  const inText = recognizeToponyms(article.text, opts);
  const inTitle = article.title ? recognizeToponyms(article.title, opts).filter((t) => t.places.length) : [];
  const resolved = resolveToponyms([...inText, ...inTitle], outletCountry(article.url));
  const mention = ({ toponym: t, place: p, confidence }: Resolved): PlaceMention => ({
    start: t.start,
    end: t.end,
    text: t.text,
    name: p.name,
    kind: t.source === 'feature' && p.kind === 'city' ? 'other' : kindOf(p),
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
  return { text: text.sort((a, b) => a.start - b.start), title };
}

/**
 * Where the story happens: the place with the most weighted mentions, a city when there is one.
 * A dateline and an early mention weigh more; a place named in the title weighs 1.5 more (and
 * may win alone when the text names none: its span then points into the title).
 */
export function mainPlace(places: PlaceMention[], titlePlaces: PlaceMention[] = [], textLength = 0): PlaceMention | null {
  const weights = new Map<string, { place: PlaceMention; w: number }>();
  const key = (p: PlaceMention) => `${p.name}|${p.country}|${p.admin1 ?? ''}`;
  for (const p of places) {
    if (p.kind === 'other') continue;
    let w = p.confidence;
    if (p.start < 40) w += 1.5; // dateline
    else if (textLength && p.start < textLength / 4) w += 0.3;
    const entry = weights.get(key(p));
    if (entry) entry.w += w;
    else weights.set(key(p), { place: p, w });
  }
  for (const p of titlePlaces) {
    if (p.kind === 'other') continue;
    const entry = weights.get(key(p));
    if (entry) entry.w += 1.5;
    else weights.set(key(p), { place: p, w: 1.5 * p.confidence });
  }
  const best = (kind: PlaceKind) => [...weights.values()].filter((e) => e.place.kind === kind).sort((a, b) => b.w - a.w || a.place.start - b.place.start)[0];
  return (best('city') ?? best('region') ?? best('country'))?.place ?? null;
}

/** A story's main place from its articles' main places: the one most articles point to. */
export function storyPlace(perArticle: (PlaceMention | null)[]): PlaceMention | null {
  const votes = new Map<string, { place: PlaceMention; w: number }>();
  for (const p of perArticle) {
    if (!p) continue;
    const key = `${p.name}|${p.country}|${p.admin1 ?? ''}`;
    const v = votes.get(key);
    const w = p.confidence + (p.kind === 'city' ? 0.5 : 0);
    if (v) v.w += w;
    else votes.set(key, { place: p, w });
  }
  return [...votes.values()].sort((a, b) => b.w - a.w)[0]?.place ?? null;
}
