// Whether one report matches a topic watch. Pure. The words follow the search's rules (case and
// diacritics folded, every word required) with one difference: a word is whole unless it ends in
// "*" (the search box makes its last word a prefix as one types; a standing alert should not).
import type { Article, Evidence, Mentions, Topic } from '../../model/index.ts';
import { entityKey, nameKey as foldName } from '../../text/fold.ts';

/** Earth's mean radius, for distances between points (km). */
const EARTH_KM = 6371;

/** Shortest prefix a topic may use ("fl*" would match most reports). */
export const MIN_PREFIX = 3;
/** Most words in one topic (the search takes 12). */
export const MAX_TOPIC_WORDS = 12;
/** Largest radius around a place, so one watch stays within a few cells of the index. */
export const MAX_RADIUS_KM = 1000;

/** Words as the search folds them (src/text/fold.ts): "São-Tomé's" → "sao", "tome", "s". */
export const searchWordsOf = (s: string): string[] => foldName(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** An ASCII word's hash as reportWords computes it while scanning (no string made per word). */
const wordHash = (s: string, from: number, to: number) => {
  let h = 0;
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
};
/** Three ASCII letters as one number. */
const headCode = (s: string, at: number) => (s.charCodeAt(at) << 16) | (s.charCodeAt(at + 1) << 8) | s.charCodeAt(at + 2);
const PREFIX_HEAD = 3;
const isAscii = (s: string) => [...s].every((c) => c.charCodeAt(0) < 0x80);

/**
 * The words some watch reads: its whole words, and the first three letters of its prefixes (a
 * prefix has at least three). Hashed, so a report's other words are passed over without a string.
 */
export class WordFilter {
  private wordHashes: Set<number>;
  private headCodes: Set<number>;
  constructor(
    private words: Set<string>,
    private heads: Set<string>,
  ) {
    this.wordHashes = new Set([...words].filter(isAscii).map((w) => wordHash(w, 0, w.length)));
    this.headCodes = new Set([...heads].filter((h) => h.length === PREFIX_HEAD && isAscii(h)).map((h) => headCode(h, 0)));
  }
  keeps(w: string): boolean {
    return this.words.has(w) || (w.length >= PREFIX_HEAD && this.heads.has(w.slice(0, PREFIX_HEAD)));
  }
  /** Whether the ASCII word at s[from, to) with this hash may be kept (keeps() then decides). */
  mayKeep(s: string, from: number, to: number, hash: number): boolean {
    return this.wordHashes.has(hash) || (to - from >= PREFIX_HEAD && this.headCodes.has(headCode(s, from)));
  }
}

/**
 * A report's words folded as searchWordsOf folds them (same result, table test in topic.test.ts):
 * the words of the lower-cased text are [a-z0-9\u0080-\uffff] runs, found by one pass over its
 * characters; only words with a letter beyond ASCII go through the Unicode folding. With a filter
 * only the words some watch reads are made and kept (every ingested report pays this scan: the
 * regex-and-set version cost ~200 µs per 3,300-character report on the loaded bench machine).
 */
export function reportWords(s: string, filter?: WordFilter): Set<string> {
  const out = new Set<string>();
  const lower = s.toLowerCase();
  const n = lower.length;
  let start = -1;
  let hash = 0;
  let ascii = true;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? lower.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c >= 0x80) {
      if (start < 0) {
        start = i;
        hash = 0;
        ascii = true;
      }
      if (c >= 0x80) ascii = false;
      else hash = (Math.imul(hash, 31) + c) | 0;
      continue;
    }
    if (start < 0) continue;
    if (!ascii) {
      for (const x of searchWordsOf(lower.slice(start, i))) if (!filter || filter.keeps(x)) out.add(x);
    } else if (!filter) out.add(lower.slice(start, i));
    else if (filter.mayKeep(lower, start, i, hash)) {
      const w = lower.slice(start, i);
      if (filter.keeps(w)) out.add(w);
    }
    start = -1;
  }
  return out;
}

export interface TopicWords {
  whole: string[];
  prefixes: string[];
}

/** A topic's words, folded; throws with the problem when one is unusable. */
export function topicWords(words: string): TopicWords {
  const raw = words.split(/\s+/).filter(Boolean);
  const whole: string[] = [];
  const prefixes: string[] = [];
  for (const w of raw) {
    const prefix = w.endsWith('*');
    const folded = searchWordsOf(prefix ? w.slice(0, -1) : w);
    if (!folded.length) continue;
    if (prefix) {
      const last = folded.pop()!;
      if (last.length < MIN_PREFIX) throw new Error(`alerts: a prefix needs at least ${MIN_PREFIX} letters: "${w}"`);
      prefixes.push(last);
    }
    whole.push(...folded);
  }
  const all = [...new Set(whole)].length + prefixes.length;
  if (!all) throw new Error(`alerts: no words in "${words}"`);
  if (all > MAX_TOPIC_WORDS) throw new Error(`alerts: at most ${MAX_TOPIC_WORDS} words in a topic`);
  return { whole: [...new Set(whole)], prefixes };
}

/** One report as topic matching reads it: folded words, entity and place keys, source, language. */
export interface TopicDoc {
  article: Article;
  words: Set<string> | null;
  entities: Map<string, Evidence>;
  places: { key: string; lat: number; lon: number; evidence: Evidence }[];
  source: string;
  language: string;
}

/** What of a report some watch reads: its words (all, only those `keep` accepts, or none), entities, places. */
export interface DocNeeds {
  words: boolean;
  filter?: WordFilter;
  entities: boolean;
  places: boolean;
}

const ALL: DocNeeds = { words: true, entities: true, places: true };

/** The report's words are folded only when some watch has words (the one costly part). */
export function topicDoc(article: Article, mentions: Mentions, withWords: boolean): TopicDoc {
  return topicDocFor(article, mentions, withWords ? ALL : { ...ALL, words: false });
}

/**
 * The report as `needs` asks: each distinct entity or place name is keyed once (a report names
 * the same one many times), the first mention citing it, as a loop over every mention would.
 */
export function topicDocFor(article: Article, mentions: Mentions, needs: DocNeeds): TopicDoc {
  const span = (s: { start: number; end: number }): Evidence => ({ article: article.id, start: s.start, end: s.end });
  const entities = new Map<string, Evidence>();
  if (needs.entities) {
    const seen = new Set<string>();
    for (const e of mentions.entities) {
      if (seen.has(e.name)) continue;
      seen.add(e.name);
      const key = entityKey(e.name);
      if (!entities.has(key)) entities.set(key, span(e));
    }
  }
  const places: TopicDoc['places'] = [];
  if (needs.places) {
    // Same name and point again cannot change a match nor its (first, nearest) citation.
    const seen = new Map<string, string>();
    const point = new Set<string>();
    for (const p of mentions.places) {
      let key = seen.get(p.name);
      if (key === undefined) seen.set(p.name, (key = foldName(p.name)));
      const id = `${key}\u0000${p.lat}\u0000${p.lon}`;
      if (point.has(id)) continue;
      point.add(id);
      places.push({ key, lat: p.lat, lon: p.lon, evidence: span(p) });
    }
  }
  return {
    article,
    words: needs.words ? reportWords(`${article.title} ${article.text}`, needs.filter) : null,
    entities,
    places,
    source: foldName(article.source),
    language: article.language,
  };
}

export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The topic folded once, as the index keeps it. */
export interface CompiledTopic {
  words: TopicWords | null;
  entity: string | null;
  place: (NonNullable<Topic['place']> & { key: string }) | null;
  source: string | null;
  language: string | null;
  minSources: number;
}

export function compileTopic(t: Topic): CompiledTopic {
  const c: CompiledTopic = {
    words: t.words?.trim() ? topicWords(t.words) : null,
    entity: t.entity?.trim() ? entityKey(t.entity) : null,
    place: t.place ? { ...t.place, key: foldName(t.place.name) } : null,
    source: t.source?.trim() ? foldName(t.source) : null,
    language: t.language?.trim() ? t.language.trim().toLowerCase() : null,
    minSources: Math.max(1, t.minSources ?? 1),
  };
  if (!c.words && !c.entity && !c.place && !c.source && !c.language)
    throw new Error('alerts: a topic needs words, an entity, a place, a source or a language');
  if (c.place?.radiusKm != null && !(c.place.radiusKm > 0 && c.place.radiusKm <= MAX_RADIUS_KM))
    throw new Error(`alerts: a radius must be between 0 and ${MAX_RADIUS_KM} km`);
  return c;
}

/**
 * Whether the report matches every part of the topic (the source count is the story's, checked by
 * the caller); returns where it does (the entity, the place, or the report's lede), or null.
 */
export function matchTopic(t: CompiledTopic, d: TopicDoc): Evidence[] | null {
  if (t.source && d.source !== t.source) return null;
  if (t.language && d.language !== t.language) return null;
  const evidence: Evidence[] = [];
  if (t.entity) {
    const e = d.entities.get(t.entity);
    if (!e) return null;
    evidence.push(e);
  }
  if (t.place) {
    const { key, radiusKm } = t.place;
    // Cited by the nearest place that matches (the watched place itself when it is named).
    let best: { km: number; evidence: Evidence } | null = null;
    for (const p of d.places) {
      const km = radiusKm == null ? (p.key === key ? 0 : Infinity) : distanceKm(p, t.place);
      if (km <= (radiusKm ?? 0) && (!best || km < best.km)) best = { km, evidence: p.evidence };
    }
    if (!best) return null;
    evidence.push(best.evidence);
  }
  if (t.words) {
    const words = d.words;
    if (!words || !t.words.whole.every((w) => words.has(w))) return null;
    if (t.words.prefixes.length && !t.words.prefixes.every((p) => [...words].some((w) => w.startsWith(p)))) return null;
  }
  if (!evidence.length) evidence.push({ article: d.article.id, start: 0, end: ledeEnd(d.article.text) });
  return evidence;
}

/** The end of a report's first sentence (at most 300 characters): what a bare report is cited by. */
export function ledeEnd(text: string): number {
  const m = /[.!?](\s|$)/.exec(text.slice(0, 300));
  return m ? m.index + 1 : Math.min(text.length, 300);
}
