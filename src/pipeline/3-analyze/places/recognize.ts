// Toponym recognition: capitalised runs of words matched against the gazetteer (leftmost-longest),
// with the look-alikes rejected: common words, person names ("Paris Hilton", "Mayor Jackson"),
// month names, acronyms. Feature names ("Edwards Street", "Harris County") are recognised whole.
import { placeKey } from '../../../text/fold.ts';
import { gazetteer, type GazetteerPlace } from './gazetteer.ts';
import { clubByArticle } from './spanish-club.ts';
import { EMBEDDING_WORDS, FEATURE_PREFIXES, FEATURE_WORDS, LOCATIVE, TITLES, nameLexicon } from './lexicon.ts';

export interface Toponym {
  start: number;
  end: number;
  text: string;
  /** Gazetteer readings of the name (empty for unresolvable features such as streets). */
  places: GazetteerPlace[];
  /** gazetteer: a known name; feature: "X Street", "X County"...; adjective: "Syrian". */
  source: 'gazetteer' | 'feature' | 'adjective';
  /** A locative preposition, a dateline or a ", State" qualifier vouches for it. */
  evidence: boolean;
  /** Part of a longer organisation name ("Rocky Mount Police Department"). */
  embedded: boolean;
  /** Readings narrowed by the qualifier that follows ("Springfield, Ill."). */
  qualifier: GazetteerPlace | null;
  /** The name of an institution that is often named after somewhere else ("Mount Sinai Hospital"). */
  institution?: boolean;
}

export interface RecognizeOptions {
  /** Also recognise demonym adjectives ("Syrian refugees") as mentions of the country. */
  adjectives?: boolean;
  /** Also recognise features without coordinates of their own (streets, rivers, counties). */
  features?: boolean;
  /**
   * Words the article writes in lowercase: capitalised only at a sentence start or in a
   * headline, they are ordinary words of its language ("Un hombre", "Boy Hit By"), not towns.
   * Defaults to the text's own lowercase words.
   */
  ordinary?: Set<string>;
  /** The text is a headline (every word capitalised). */
  headline?: boolean;
}

/** The words a text writes in lowercase (folded). */
export function lowercaseWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{M}'’-])\p{Ll}[\p{L}\p{M}]*/gu)) out.add(placeKey(m[0]));
  return out;
}

interface Token {
  start: number;
  end: number;
  /** Text without a trailing period or possessive. */
  word: string;
  fold: string;
  cap: boolean;
  dot: boolean;
  possessive: boolean;
}

// Abbreviations with inner dots ("U.S.", "W.Va.") are one token; "Williams.Memphis" (a missing space) is two.
const TOKEN_RE = /(?:\p{L}{1,3}\.){2,}|[\p{L}\p{M}]+(?:[’'-][\p{L}\p{M}]+)*\.?|\d+|\S/gu;
const CONNECTORS = new Set(['of', 'de', 'del', 'la', 'le', 'los', 'las', 'du', 'da', 'upon', 'el', 'al', 'and', 'y', 'sur', 'am', 'an', 'der', 'di', 'do', 'dos', 'das', 'the']);
const CALENDAR = /^(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas|easter)$/;
const MAX_NAME_TOKENS = 6;
// Capitalised at a sentence start, never part of a name.
const FUNCTION_WORDS = new Set(['the', 'in', 'at', 'on', 'from', 'a', 'an', 'for', 'to', 'by', 'near', 'outside', 'inside', 'across', 'when', 'while', 'after', 'before', 'as', 'but', 'and', 'or', 'if']);
const LANGUAGES = new Set(['english', 'spanish', 'french', 'german', 'arabic', 'russian', 'chinese', 'portuguese', 'italian', 'dutch', 'hindi', 'urdu']);
const DIRECTIONS = /^(north|south|east|west|downtown|central|northern|southern|eastern|western|greater|metro|suburban|rural)$/;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    let raw = m[0];
    const start = m.index!;
    const possessive = /['’]s$/i.test(raw) && raw.length > 3;
    if (possessive) raw = raw.slice(0, -2);
    const dot = raw.endsWith('.') && raw.length > 1;
    const word = dot && !/\.\p{L}{1,3}\.$/u.test(raw) ? raw.slice(0, -1) : raw;
    out.push({ start, end: start + word.length, word, fold: placeKey(word), cap: /^\p{Lu}/u.test(word), dot, possessive });
  }
  return out;
}

/** True when only spaces (no line break, no punctuation) separate two tokens. */
const joined = (text: string, a: Token, b: Token) =>
  /^[ \t]+$/.test(text.slice(a.end + (a.dot ? 1 : 0) + (a.possessive ? 2 : 0), b.start)) || (a.dot && b.start === a.end + 2);

function sentenceInitial(text: string, t: Token): boolean {
  const before = text.slice(Math.max(0, t.start - 4), t.start).replace(/[\s"“‘'(]+$/, '');
  return before === '' || /[.!?:\n—–-]$/.test(before);
}

/** Splits tokens into runs of capitalised words (with connectors inside). */
function capitalisedRuns(text: string, tokens: Token[]): [number, number][] {
  const runs: [number, number][] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!tokens[i].cap) {
      i++;
      continue;
    }
    let j = i;
    // A possessive ends a name, except in "Prince George's County", "Martha's Vineyard Island".
    const possessiveEnds = (k: number) => tokens[k].possessive && !(tokens[k + 1] && FEATURE_WORDS.has(tokens[k + 1].fold));
    while (j + 1 < tokens.length && joined(text, tokens[j], tokens[j + 1]) && !possessiveEnds(j) && (!tokens[j].dot || tokens[j].word.length <= 3)) {
      const next = tokens[j + 1];
      // "Shutterstock CHICAGO —": a change between Title Case and CAPITALS starts a new name.
      if (next.cap && isShouting(next.word) !== isShouting(tokens[j].word)) break;
      if (next.cap) j++;
      else if (CONNECTORS.has(next.fold) && tokens[j + 2]?.cap && joined(text, next, tokens[j + 2])) j += 2;
      else break;
    }
    runs.push([i, j]);
    i = j + 1;
  }
  return runs;
}

// Institutions whose names often borrow somewhere else's ("Mount Sinai Hospital", "University
// Hospital", "Bethlehem Baptist Church"), unlike a city's own police or council.
const BORROWED_NAME_HEADS = new Set(
  'hospital hospitals medical clinic university college school academy high middle elementary church cathedral chapel temple mosque synagogue memorial museum library mall zoo cemetery'.split(' '),
);

// Names in the gazetteer that news uses for something else.
const NOT_PLACES = new Set(['el nino', 'la nina', 'notre dame']);
const isShouting = (w: string) => w.length > 2 && /^[\p{Lu}.'’-]+$/u.test(w);
const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase());
const isAcronym = (w: string) => /^\p{Lu}{2,3}$/u.test(w);

export function recognizeToponyms(text: string, opts: RecognizeOptions = {}): Toponym[] {
  const g = gazetteer();
  const lex = nameLexicon();
  const tokens = tokenize(text);
  const ordinary = opts.ordinary ?? lowercaseWords(text);
  const found: Toponym[] = [];
  // A state abbreviation that qualified the last name ("Rocky Mount, N.C."): a toponym of its own.
  let abbreviationSpan: Toponym | null = null;
  // Names written out as a town's qualifier ("Burlington, Washington"), by their start: read as that region.
  const qualifierAt = new Map<number, GazetteerPlace>();
  const spanText = (a: Token, b: Token) => text.slice(a.start, b.end);
  const locativeBefore = (i: number) => i > 0 && !tokens[i - 1].cap && LOCATIVE.has(tokens[i - 1].fold);
  // One sense per article: a word seen as a person's first name ("Austin Hedrick") is not a city
  // elsewhere in the same article ("Austin was a big Cowboys fan").
  const personal = new Set<string>();
  for (const [a, b] of capitalisedRuns(text, tokens)) {
    if (b > a && lex.personal.has(tokens[a].fold) && tokens[a + 1].cap && !EMBEDDING_WORDS.has(tokens[a + 1].fold) && !FEATURE_WORDS.has(tokens[b].fold)) {
      personal.add(tokens[a].fold);
      // ...and its surname too: "Bianca Kock" makes a later "Kock" a person, not the Polish town.
      if (b === a + 1 && !g.byName.get(tokens[a].fold)?.some((p) => p.kind !== 'city')) personal.add(tokens[b].fold);
    }
  }

  for (const run of capitalisedRuns(text, tokens)) {
    let a = run[0];
    const b = run[1];
    const last = tokens[b];
    // A whole run ending in a feature word is one toponym: "Edwards Street", "Harris County".
    while (a < b && FUNCTION_WORDS.has(tokens[a].fold)) a++;
    if (b > a && FEATURE_WORDS.has(last.fold) && !g.byName.has(placeKey(spanText(tokens[a], last)))) {
      const head = tokens.slice(a, b).map((t) => t.word).join(' ');
      const named = /^(county|parish|province|district|region|state|territory)$/.test(last.fold) ? (g.byName.get(placeKey(head)) ?? []) : [];
      let places = last.fold === 'county' || last.fold === 'parish' ? named.filter((p) => p.kind === 'city') : named.filter((p) => p.kind !== 'city');
      // "Accomack County, Va.": a county the gazetteer lacks, placed at its state.
      const qualifier = qualifierAfter(b);
      if (qualifier && places.length) places = places.filter((p) => p.country === qualifier.country && (qualifier.kind === 'country' || p.admin1 === qualifier.admin1));
      if (qualifier?.kind === 'region' && !places.length) places = [{ ...qualifier, name: spanText(tokens[a], last), kind: 'city', population: 0, feature: 'REGION' }];
      if (abbreviationSpan && places.length) found.push(abbreviationSpan);
      abbreviationSpan = null;
      if (opts.features || places.length) {
        found.push({ start: tokens[a].start, end: last.end, text: spanText(tokens[a], last), places, source: 'feature', evidence: true, embedded: false, qualifier: null });
      }
      continue;
    }
    if (opts.features && b > a && FEATURE_PREFIXES.has(tokens[a].fold)) {
      found.push({ start: tokens[a].start, end: last.end, text: spanText(tokens[a], last), places: [], source: 'feature', evidence: true, embedded: false, qualifier: null });
      continue;
    }
    let i = a;
    while (i <= b) {
      let matched = false;
      for (let j = Math.min(b, i + MAX_NAME_TOKENS - 1); j >= i; j--) {
        if (!tokens[j].cap) continue;
        const name = spanText(tokens[i], tokens[j]);
        let places = g.byName.get(placeKey(name));
        const adjective = opts.adjectives && i === j ? g.byDemonym.get(tokens[i].fold) : undefined;
        // "Canadian Press": the adjective, not the town of Canadian, Texas.
        if (adjective && places?.every((p) => p.kind === 'city')) places = undefined;
        if (places && NOT_PLACES.has(placeKey(name))) continue;
        if (!places && !adjective) continue;
        const t = accept(i, j, a, b, places ?? [adjective!], adjective ? 'adjective' : 'gazetteer');
        if (t) {
          found.push(t);
          if (abbreviationSpan) found.push(abbreviationSpan);
          abbreviationSpan = null;
          i = j + 1;
          matched = true;
          break;
        }
      }
      if (!matched) i++;
    }
  }
  return found;

  function accept(i: number, j: number, a: number, b: number, places: GazetteerPlace[], source: Toponym['source']): Toponym | null {
    const first = tokens[i];
    const lastTok = tokens[j];
    const single = i === j;
    const prev = i > a ? tokens[i - 1] : i > 0 ? tokens[i - 1] : null;
    if (prev && TITLES.has(prev.fold) && joined(text, prev, first)) return null;
    if (i > a && lex.personal.has(tokens[i - 1].fold) && !CONNECTORS.has(tokens[i - 1].fold)) return null;
    let embedded = false;
    let institution = false;
    if (j < b) {
      const next = tokens[j + 1];
      institution = BORROWED_NAME_HEADS.has(next.fold) && places.every((p) => p.kind === 'city');
      // A country or adjective before a name ("US Federal Reserve", "Russian President") is still
      // a place; a city before one is usually a person or a team ("Paris Hilton", "Los Angeles Lakers").
      const namesCountry = source === 'adjective' || (places.some((p) => p.kind !== 'city') && !lex.personal.has(first.fold));
      if (EMBEDDING_WORDS.has(next.fold) || namesCountry) embedded = !CONNECTORS.has(next.fold);
      else if (!CONNECTORS.has(next.fold)) return null;
    }
    // Inside a longer name ("Paris Hilton" → not "Hilton"), except after a direction or "of".
    if (i > a && !CONNECTORS.has(tokens[i - 1].fold) && !DIRECTIONS.test(tokens[i - 1].fold)) return null;
    if (single && CALENDAR.test(first.fold)) return null;
    // "al Albacete", "el Valencia": a Spanish club, not its city.
    if (source === 'gazetteer' && clubByArticle(text, first.start, lastTok.end)) return null;
    if (single && isAcronym(first.word) && !places.some((p) => p.kind !== 'city')) return null;
    const qualifier = qualifierAfter(j);
    const dateline = i === a && a === 0 ? true : /^\s*(,|\(|—|–|-{1,2}\s)/.test(text.slice(lastTok.end, lastTok.end + 4)) && /^\p{Lu}+$/u.test(first.word) && sentenceInitial(text, first);
    const evidence = !!qualifier || locativeBefore(i) || dateline;
    if (single && source !== 'adjective') {
      const w = first.fold;
      const big = places.some((p) => p.kind !== 'city');
      const maxPop = Math.max(0, ...places.map((p) => p.population));
      // Capitalised only as a sentence's or a headline's first letter: a word the text also writes in lowercase.
      if (!big && !qualifier && ordinary.has(w) && (opts.headline || sentenceInitial(text, first))) return null;
      // "University of Florida", "Union of ...": a common word opening a longer name is part of that name.
      if (!big && j < b && tokens[j + 1].fold === 'of' && lex.common.has(w)) return null;
      if (lex.common.has(w) && !big && !(evidence && maxPop >= 20_000 && !sentenceInitial(text, first))) return null;
      if ((lex.personal.has(w) || personal.has(w)) && !big && !evidence && (maxPop < 300_000 || personal.has(w))) return null;
      if (lex.personal.has(w) && /^\s+(said|says|told|added|stated)\b/.test(text.slice(lastTok.end, lastTok.end + 8))) return null;
      if (!big && !evidence && maxPop < 15_000) return null; // a surname more often than a village
      // "Canadian", "English": an adjective, not the town of that name.
      if (!big && !evidence && (g.byDemonym.has(w) || LANGUAGES.has(w))) {
        const country = g.byDemonym.get(w);
        return opts.adjectives && country ? make([country], 'adjective') : null;
      }
    }
    // A building standing for an institution ("the White House said") over a small namesake town, unless a qualifier names the town.
    let readings = !qualifier && places.some((p) => p.kind === 'landmark') ? places.filter((p) => p.kind === 'landmark') : places;
    if (qualifier) {
      const narrowed = places.filter((p) => p.kind === 'city' && p.country === qualifier.country && (qualifier.kind === 'country' || p.admin1 === qualifier.admin1));
      if (narrowed.length) readings = narrowed;
      // A town too small for the gazetteer, in a region it knows: placed at the region.
      else if (qualifier.kind === 'region') readings = [{ ...qualifier, name: titleCase(text.slice(first.start, lastTok.end)), kind: 'city', population: 0, feature: 'REGION' }];
    }
    // The qualifier of the town before it is that region, whatever else the name may mean.
    const qualifying = qualifierAt.get(first.start);
    if (qualifying && placeKey(text.slice(first.start, lastTok.end)) === placeKey(qualifying.name)) readings = [qualifying];
    return make(readings, source);

    function make(readings: GazetteerPlace[], src: Toponym['source']): Toponym {
      return { start: first.start, end: lastTok.end, text: text.slice(first.start, lastTok.end), places: readings, source: src, evidence, embedded, qualifier, institution };
    }
  }

  /** ", N.C." / ", Georgia" / ", France" right after a name. */
  function qualifierAfter(j: number): GazetteerPlace | null {
    const comma = tokens[j + 1];
    const q = tokens[j + 2];
    if (!comma || comma.word !== ',' || !q || !q.cap || comma.start !== tokens[j].end + (tokens[j].dot ? 1 : 0)) return null;
    const two = tokens[j + 3] && joined(text, q, tokens[j + 3]) && tokens[j + 3].cap ? placeKey(`${q.word} ${tokens[j + 3].word}`) : null;
    for (const key of [two, q.fold, q.fold.replace(/\./g, '')]) {
      if (!key) continue;
      const named = (g.byName.get(key) ?? []).find((p) => p.kind === 'region' || p.kind === 'country');
      if (named) {
        qualifierAt.set(q.start, named);
        return named;
      }
      const abbreviated = g.byAbbreviation.get(key)?.[0];
      if (abbreviated && key !== two) {
        const end = q.end + (q.dot && !q.word.endsWith('.') ? 1 : 0);
        abbreviationSpan = { start: q.start, end, text: text.slice(q.start, end), places: [abbreviated], source: 'gazetteer', evidence: true, embedded: false, qualifier: null };
        return abbreviated;
      }
    }
    return null;
  }
}
