// What the assigner keeps of each article (and stores as `features`): weighted terms in
// namespaces (w: words, n: names, f: figures, p: places), the publication and event day, a
// MinHash signature of the body for near-copies, and the people named (persons.ts). Term weights get their IDF at scoring time.
import type { Article, Mentions } from '../../model/index.ts';
import { foldMarks } from '../../text/fold.ts';
import { minhashOfWords } from './near-copy.ts';
import { personNames, personsIn } from './persons.ts';
import { leadCities } from './event-place.ts';
import { eventKind } from './kind.ts';
import { leadAges } from './lead-ages.ts';
import { dayNumber, eventDayFromText, figureTokens, nameTokens } from './signals.ts';
import { STOPWORDS } from './stopwords.ts';

export const FEATURES_VERSION = 3;

export interface ArticleFeatures {
  v: number;
  /** [namespaced term, raw weight before IDF], strongest first. */
  t: [string, number][];
  /** Publication day (days since 1970-01-01), or null. */
  d: number | null;
  /** Event day, or null when unknown. */
  e: number | null;
  /** MinHash signature of the body's word shingles. */
  m: number[];
  /** Headline, cleaned of the outlet's name (or extraction's stand-in), for the story title. */
  h: string;
  /** The body is an outlet's template (the same text under unrelated headlines): terms come from the headline alone. */
  b?: boolean;
  /** First-and-last names of the people the report names (folded; officials left out): the same victim or suspect months later. */
  r?: string[];
  /** Kind of event (kind.ts), when one stands out. */
  k?: string;
  /** The event day is stated: the analysis tied a date to the event (not the lead's weekday or the publication day standing in). */
  s?: boolean;
  /** Cities the lead names (event-place.ts), flat [lat, lon, name hash, …]: two reports whose cities are far apart are two events. */
  c?: number[];
  /** Ages the headline and lead give (lead-ages.ts): two reports whose ages differ are about two victims. */
  a?: number[];
}

export interface FeatureOptions {
  titleWeight: number;
  nameWeight: number;
  figureWeight: number;
  maxTerms: number;
}

/** A headline without its " - Outlet" / " :: Site.com" / " | Channel 5" tail. */
export function cleanHeadline(title: string): string {
  const parts = title.split(/\s+(?:[-|–—•:]{1,2})\s+/);
  while (parts.length > 1) {
    const last = parts[parts.length - 1];
    const words = last.split(/\s+/);
    const outletLike = /\.(com|org|net|co\.uk|tv)\b/i.test(last) || (words.length <= 4 && words.every((w) => /^[\p{Lu}\d&'.]/u.test(w)));
    if (!outletLike) break;
    parts.pop();
  }
  return parts.join(' - ').replace(/…$/, '').trim();
}

const words = (s: string): string[] => foldMarks(s).match(/[\p{L}\p{N}]+/gu) ?? [];

function addWords(into: Map<string, number>, list: string[], weight: number): void {
  for (const t of list) {
    if (t.length < 3 || STOPWORDS.has(t) || /^\d{1,2}$/.test(t)) continue;
    const key = `w:${t}`;
    into.set(key, (into.get(key) ?? 0) + weight);
  }
}

// At equal weight, places (from the gazetteer) before figures, names and words: the cap on terms
// must not cut the one place a long report with many names is about.
const RANK: Record<string, number> = { p: 0, f: 1, n: 2, w: 3 };
const rank = (term: string): number => RANK[term[0]] ?? 4;

// A large sum or quantity (85 million euros stolen, a 1.2 billion euro deal) tells an event apart as
// a casualty count does; rounded to two significant digits, "85 million euros" and "85.2 million euros" match. Small
// ones (a $500 fine, a 10 km drive) recur across unrelated reports.
const MIN_QUANTITY = 1000;

export function articleFeatures(article: Article, mentions: Mentions, o: FeatureOptions): ArticleFeatures {
  // ECB+-like input has no headline: extraction then makes one from the first words, which must not count twice.
  const hasTitle = !!article.title && !article.title.endsWith('…');
  const headline = hasTitle ? cleanHeadline(article.title) : '';
  const counts = new Map<string, number>();
  const body = words(article.text);
  addWords(counts, words(headline), o.titleWeight);
  addWords(counts, body, 1);
  const weights = new Map<string, number>();
  for (const [t, c] of counts) weights.set(t, 1 + Math.log(c));
  const boost = (key: string, w: number) => weights.set(key, Math.max(weights.get(key) ?? 0, w));
  for (const n of nameTokens(headline, article.text)) boost(`n:${n}`, o.nameWeight);
  for (const f of figureTokens(article.text)) boost(`f:${f}`, o.figureWeight);
  for (const e of mentions.entities) for (const part of foldMarks(e.name).split(/\s+/)) if (part.length > 2) boost(`n:${part}`, o.nameWeight);
  for (const p of mentions.places) boost(`p:${foldMarks(p.name)}`, o.nameWeight);
  for (const f of mentions.figures) {
    if (f.value === null) continue;
    if (f.counts) boost(`f:${f.counts}${f.value}`, o.figureWeight);
    else if (f.unit && f.value >= MIN_QUANTITY) boost(`f:${f.unit.toLowerCase()}${Number(f.value.toPrecision(2))}`, o.figureWeight);
  }
  const terms = [...weights]
    .sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]) || (a[0] < b[0] ? -1 : 1))
    .slice(0, o.maxTerms)
    .map(([t, w]) => [t, Math.round(w * 1000) / 1000] as [string, number]);
  const published = article.published ? dayNumber(article.published.date) : null;
  const eventDay = mentions.eventDate && mentions.eventDate.confidence >= 0.5 ? dayNumber(mentions.eventDate.date) : null;
  return {
    v: FEATURES_VERSION,
    t: terms,
    d: published,
    e: eventDay ?? eventDayFromText(article.text, published),
    m: minhashOfWords(body),
    h: headline || article.title,
    r: personNames(article.text, mentions),
    // Only the analysis's event day counts as stated: it ties the day to the event ("shot on
    // Monday"), where the lead's first weekday may be a vigil's or an arrest's.
    // The stand-in headline is the lead's own first words: the lead alone marks the kind.
    ...kindAndDay(headline, article.text, eventDay !== null),
    ...citiesOf(mentions),
    ...agesOf(headline, article.text),
  };
}

function kindAndDay(headline: string, text: string, stated: boolean): Pick<ArticleFeatures, 'k' | 's'> {
  const k = eventKind(headline, text);
  return { ...(k ? { k } : {}), ...(stated ? { s: true } : {}) };
}

function citiesOf(mentions: Mentions): Pick<ArticleFeatures, 'c'> {
  const c = leadCities(mentions.places);
  return c.length ? { c } : {};
}

function agesOf(headline: string, text: string): Pick<ArticleFeatures, 'a'> {
  const a = leadAges(headline, text);
  return a.length ? { a } : {};
}

const headlineTerms = (h: string): Set<string> =>
  new Set(words(h).filter((t) => t.length >= 3 && !STOPWORDS.has(t) && !/^\d+$/.test(t)));

/**
 * Whether two headlines could belong to one report (a copy may get a new headline, but it keeps
 * some of its words). Unknown (true) when either is missing.
 */
export function headlinesRelated(a: string, b: string): boolean {
  // Extraction's stand-in headline (the body's first words, ending in "…") tells nothing.
  if (a.endsWith('…') || b.endsWith('…')) return true;
  const x = headlineTerms(a);
  const y = headlineTerms(b);
  if (!x.size || !y.size) return true;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / Math.min(x.size, y.size) >= 0.3;
}

/**
 * Features of an article whose body is boilerplate: the headline's words, and the names, places
 * and figures of the body only where the headline has them too.
 */
export function headlineFeatures(f: ArticleFeatures, o: FeatureOptions): ArticleFeatures {
  const inHeadline = headlineTerms(f.h);
  const weights = new Map<string, number>();
  addWords(weights, [...inHeadline], o.titleWeight);
  for (const [t, w] of weights) weights.set(t, Math.round((1 + Math.log(w)) * 1000) / 1000);
  for (const [t, w] of f.t) if (!t.startsWith('w:') && t.slice(2).split(/\s+/).every((p) => inHeadline.has(p))) weights.set(t, w);
  // A template body names people of other events; only those the headline names are kept.
  const { k: _k, s: _s, ...rest } = f;
  return { ...rest, t: [...weights], b: true, r: personsIn(f.r ?? [], inHeadline), ...kindAndDay(f.h, '', false) };
}

/** Features as stored, checked: anything unreadable comes back as null (the article is then re-derived or skipped). */
export function readFeatures(json: unknown): ArticleFeatures | null {
  const f = json as Partial<ArticleFeatures> | null;
  if (!f || f.v !== FEATURES_VERSION || !Array.isArray(f.t) || !Array.isArray(f.m)) return null;
  return { v: f.v, t: f.t, d: f.d ?? null, e: f.e ?? null, m: f.m, h: typeof f.h === 'string' ? f.h : '', ...(f.b ? { b: true } : {}), ...(Array.isArray(f.r) ? { r: f.r.filter((x): x is string => typeof x === 'string') } : {}), ...(typeof f.k === 'string' ? { k: f.k } : {}), ...(f.s ? { s: true } : {}), ...(Array.isArray(f.c) && f.c.every((x) => typeof x === 'number') ? { c: f.c as number[] } : {}), ...(Array.isArray(f.a) && f.a.every((x) => typeof x === 'number') ? { a: f.a as number[] } : {}) };
}
