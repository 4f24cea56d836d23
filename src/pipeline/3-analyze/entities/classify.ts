// Types one name candidate (person, organisation, place, other) from lexicons and context cues.
import type { EntityType, PlaceKind, Span } from '../../../model/index.ts';
import { isFirstName } from './first-names.ts';
import { clubByArticle } from '../places/spanish-club.ts';
import type { PlaceLexicon } from './gazetteer.ts';
import { entityKey } from '../../../text/fold.ts';
import {
  DEMONYM_NOT_PLACE,
  NAME_CONNECTORS,
  NAME_PARTICLES,
  NAME_SUFFIXES,
  PERSON_NOUNS,
  NOT_ORG_ACRONYMS,
  ORG_WORDS,
  PLACE_WORDS,
  SPANISH_SPEECH_VERBS,
  SPEECH_VERBS,
  TITLE_HEADS,
  TITLE_MODIFIERS,
} from './lexicon.ts';
import type { NameToken } from './tokens.ts';
import { appositionHead, pluralMayStandBeside } from './apposition.ts';
import { ordinaryPhrase } from './ordinary.ts';

export interface Candidate extends Span {
  text: string;
  type: EntityType;
  /** The name as the article writes it here (titles stripped); resolution may expand it. */
  name: string;
  role: string | null;
  /** How the type was decided: 'strong' cues (title, first name, lexicon) beat 'weak' defaults. */
  cue: 'strong' | 'weak';
  sentenceStart: boolean;
  tokens: number;
}

/** A place the places extractor found: its kind and the gazetteer's name, when known. */
export type PlaceSpan = Span & { kind?: PlaceKind; name?: string; country?: string | null };

export interface ClassifyContext {
  text: string;
  places: PlaceLexicon;
  /** Spans the places extractor already recognised, with the kind of place when known. */
  placeSpans: PlaceSpan[];
}

const bare = (w: string) => w.replace(/\.$/, '');
/** Lexicon form of a word: "MINISTER" → "Minister" so shouted words still match. */
export const lexForm = (w: string) =>
  w.length > 2 && w === w.toUpperCase() && /\p{Lu}{2}/u.test(w) ? w[0] + w.slice(1).toLowerCase() : bare(w);
const isAcronym = (w: string) =>
  /^(?:\p{Lu}[\p{Ll}]?){1,2}\p{Lu}{1,4}s?$/u.test(w) && /\p{Lu}.*\p{Lu}/u.test(w) && w.length <= 6;
export const isTitleWord = (w: string) => TITLE_HEADS.has(lexForm(w)) || TITLE_MODIFIERS.has(lexForm(w));
export const nameLike = (t: NameToken) => {
  const w = lexForm(t.text);
  return (
    (t.capitalised && !isTitleWord(t.text) && !ORG_WORDS.has(w) && !PLACE_WORDS.has(w)) ||
    NAME_PARTICLES.has(t.text)
  );
};
export const spanText = (ctx: ClassifyContext, toks: NameToken[]) =>
  ctx.text.slice(toks[0].start, toks[toks.length - 1].start + toks[toks.length - 1].text.length);

export function candidate(
  ctx: ClassifyContext,
  toks: NameToken[],
  type: EntityType,
  cue: Candidate['cue'],
  role: string | null,
  name?: string,
): Candidate {
  const text = spanText(ctx, toks);
  return {
    text,
    start: toks[0].start,
    end: toks[0].start + text.length,
    type,
    name: name ?? text,
    role,
    cue,
    sentenceStart: toks[0].sentenceStart,
    tokens: toks.length,
  };
}

const DATELINE_END = /^(?:,\s*[\p{L}.]+(?: [\p{L}.]+)?,?)?\s*(?:\([^)]{1,20}\)\s*)?(?:[-—–]|--)/u;
const atParagraphStart = (ctx: ClassifyContext, t: NameToken) =>
  /(?:^|\n)[\s*_#>(]*$/.test(ctx.text.slice(Math.max(0, t.start - 8), t.start));

/** Words right after the run (skipping a comma): "Kovač told", "Willie Te'o, 15,". */
function personContext(ctx: ClassifyContext, toks: NameToken[]): boolean {
  const after = ctx.text.slice(toks[toks.length - 1].end, toks[toks.length - 1].end + 24);
  const next = /^,?\s+(\p{L}+)/u.exec(after)?.[1];
  if (next && SPEECH_VERBS.has(next)) return true;
  if (/^,\s+\d{1,3},/.test(after)) return true;
  const before = ctx.text.slice(Math.max(0, toks[0].start - 24), toks[0].start);
  // "…, said Kovač." / "…, dijo Arias.": the speaker after the verb.
  const verbBefore = /(\p{L}+)\s+$/u.exec(before)?.[1];
  if (verbBefore && (/^(?:said|says|told|added)$/.test(verbBefore) || SPANISH_SPEECH_VERBS.has(verbBefore)) && /^[\s]*[,.]/.test(after)) return true;
  // "Chaudhry, quien no tuvo", "Ms Ortiz, who": a relative pronoun for people.
  // Not for plurals ("two St. Mary Deputies, who") or a place's institution ("Orlando Health, who").
  if (
    /^,\s+(?:who|quien)\b/.test(after) &&
    !/(?:ies|ers|ists|ants|ors)$/.test(toks[toks.length - 1].text) &&
    !ctx.places.places.has(entityKey(toks[0].text))
  )
    return true;
  // Apposition with a noun for a person: "chief executive, Dana Whitfield," / "Ivana Perić, coordinator of".
  const nounBefore = /(\p{Ll}+),?\s+$/u.exec(before)?.[1];
  const nounAfter = /^,\s+(?:(?:a|an|the|its|his|her|their|el|la|los|las|un|una|su|sus)\s+)?(?:[\p{Ll}\d-]+\s+){0,2}?(\p{Ll}+)\b/u.exec(
    after,
  )?.[1];
  const personNoun = (w: string | undefined) =>
    !!w && (PERSON_NOUNS.has(w) || PERSON_NOUNS.has(w.replace(/s$/, '')));
  // A plural before the comma stands beside a list of names ("his sons, Tom and Lee"), else it starts
  // a list of nouns ("agents, Crime Scene technicians and …").
  const before1 = nounBefore && (PERSON_NOUNS.has(nounBefore) || (pluralMayStandBeside(ctx, toks) && personNoun(nounBefore)));
  return !!before1 || personNoun(nounAfter);
}

const PATRONYMIC = /^\p{Lu}\p{Ll}{2,}[eé]z$/u;

/** Institutions whose capitalised common noun is their name ("el Gobierno", "the Senate"). */
const INSTITUTIONS = new Set(
  'Congress Parliament Senate Pentagon Kremlin Gobierno Ejecutivo Estado Ejército Congreso Parlamento Senado Ayuntamiento Generalitat Govern Xunta Junta Presidencia Administración Diputación Cabildo Audiencia Supremo'.split(' '),
);
/** First words that make a club or union of the place after them. */
const ORG_PREFIXES = new Set('Real Atlético Deportivo Sporting Racing Club Unión Union Athletic'.split(' '));
const COMPASS_HEADS = new Set('North South East West Northeast Northwest Southeast Southwest Lake'.split(' '));
const REGION_TAILS = new Set(['District', 'Parish', 'County', 'Region', 'Borough']);
const SPANISH_PLACE_HEADS = new Set(
  'Estadio Plaza Calle Avenida Aeropuerto Palacio Puente Paseo Parque Río Monte Isla Islas Playa Bahía Golfo Valle Lago Mar Océano Cabo Altos Cordillera Península Barrio Carretera Autopista Polígono Glorieta Ronda Bulevar'.split(' '),
);
const GEO_HEADS = new Set(['Gulf', 'Bay', 'Sea', 'Strait', 'Straits', 'Lake', 'Cape', 'Isle', 'Isles', 'Mount', 'Bight', 'Sound']);

export function classifyName(ctx: ClassifyContext, toks: NameToken[], out: Candidate[]): void {
  const words = toks.map((t) => lexForm(t.text));
  const first = words[0];
  const last = words[words.length - 1];
  const folded = entityKey(spanText(ctx, toks));
  // "el Gobierno", "the Congress": a capitalised institution inside a sentence names that institution.
  if (toks.length === 1 && INSTITUTIONS.has(first) && !toks[0].sentenceStart) {
    out.push(candidate(ctx, toks, 'organization', 'strong', null));
    return;
  }
  if (toks.length === 1 && (ORG_WORDS.has(first) || NAME_SUFFIXES.has(toks[0].text))) return; // "Police", "Sr." name no one
  // "Assistant U.S." left of "Attorney Pete Hautzinger": title words and abbreviations alone name no one.
  if (toks.length >= 2 && toks.some((t) => isTitleWord(t.text)) && toks.every((t) => isTitleWord(t.text) || /^(?:\p{Lu}\.){2,}$/u.test(t.text))) return;
  // "Real Madrid", "Atlético Bilbao", "Unión Europea": a club or union word before a place makes an organisation.
  if (toks.length >= 2 && ORG_PREFIXES.has(first)) {
    out.push(candidate(ctx, toks, 'organization', 'strong', null));
    return;
  }
  // "Street said" after "Jackson Street": the head word of a place named in the text is no one.
  if (toks.length === 1 && PLACE_WORDS.has(first) && new RegExp(`\\p{Lu}\\p{L}+ ${toks[0].text}\\b`, 'u').test(ctx.text)) return;
  // "West Side", "South Calumet", "Lake Louisville": a compass or lake word leads a place, never a person.
  const orgWord = (w: string) => w.split('-').some((p) => ORG_WORDS.has(p) || ORG_WORDS.has(lexForm(p)));
  if (toks.length >= 2 && COMPASS_HEADS.has(first) && !isFirstName(toks[1].text) && !words.some(orgWord)) {
    out.push(candidate(ctx, toks, 'place', 'weak', null));
    return;
  }
  // "K9", "Unit 7": a name with digits in it is no one.
  if (toks.some((t) => /\d/.test(t.text))) {
    out.push(candidate(ctx, toks, 'other', 'weak', null));
    return;
  }
  // "Gulf of Aden", "Strait of Hormuz", "Bay of Biscay": a geographic head with "of" is a place.
  if (toks.length >= 3 && GEO_HEADS.has(first) && toks[1].text === 'of') {
    out.push(candidate(ctx, toks, 'place', 'strong', null));
    return;
  }
  // "Estadio de Francia", "Plaza de Colón", "Altos del Golán": a Spanish place head leads its name.
  if (toks.length >= 2 && SPANISH_PLACE_HEADS.has(first) && !words.slice(1).some(orgWord)) {
    out.push(candidate(ctx, toks, 'place', 'strong', null));
    return;
  }
  const shouted = toks.every((t) => t.text.length > 1 && t.text === t.text.toUpperCase());
  if (shouted && (toks.length > 1 || toks[0].text.length > 6 || atParagraphStart(ctx, toks[0]))) {
    // "SLAVONSKI BROD, Croatia —": a dateline names a place; other shouted runs are headline noise.
    if (
      atParagraphStart(ctx, toks[0]) &&
      DATELINE_END.test(ctx.text.slice(toks[toks.length - 1].end, toks[toks.length - 1].end + 40))
    ) {
      // "EL CALAFATE" → "El Calafate", "RIO DE JANEIRO" → "Rio de Janeiro": short words too, connectors in lower case.
      const name = toks.map((t, i) => (i > 0 && NAME_CONNECTORS.has(t.text.toLowerCase()) ? t.text.toLowerCase() : t.text[0] + t.text.slice(1).toLowerCase()));
      out.push(candidate(ctx, toks, 'place', 'strong', null, name.join(' ')));
    }
    return;
  }
  // "Ms. Acosta", "Mr. Frum": a name right after an honorific is a person (the honorific itself is
  // split off the run as a function word).
  if (toks.length <= 3 && /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sr|Sra)\.?\s+$/.test(ctx.text.slice(Math.max(0, toks[0].start - 6), toks[0].start))) {
    out.push(candidate(ctx, toks, 'person', 'strong', null));
    return;
  }
  const inPlaceSpan = ctx.placeSpans.some(
    (p) => p.start <= toks[0].start && p.end >= toks[toks.length - 1].end,
  );
  const knownPlace = ctx.places.places.get(folded);
  if (
    toks.length >= 2 &&
    isFirstName(first) &&
    !knownPlace &&
    // "Santiago de Chile", "San José": a place the places extractor read as a whole is no person.
    !inPlaceSpan &&
    // "Wayne County Jail", "Jackson Street Bridge": a place or organisation word anywhere makes it no person.
    !words.some((w, i) => i > 0 && (ORG_WORDS.has(w) || PLACE_WORDS.has(w))) &&
    // People's names hold particles (de, van), not "of", "for" or "the": "Justice for Nasser".
    !toks.some((t) => /^(?:of|and|for|the)$/.test(t.text)) &&
    // A name ends at its suffix: "Martin Luther King Jr. Day" is named after a person.
    !toks.slice(0, -1).some((t) => NAME_SUFFIXES.has(t.text))
  ) {
    out.push(candidate(ctx, toks, 'person', 'strong', null));
    return;
  }
  // "el Valencia", "al Albacete": in Spanish a city takes no article, its club does.
  if (clubByArticle(ctx.text, toks[0].start, toks[toks.length - 1].start + toks[toks.length - 1].text.length)) {
    out.push(candidate(ctx, toks, 'organization', 'strong', null));
    return;
  }
  if (knownPlace || inPlaceSpan) {
    // "Alemania" and "Germany", "EU" and "European Union" are one place: a country or a continent the
    // places extractor resolved takes the gazetteer's name. A city or a state keeps the report's own
    // ("Cologne", "Ky."): as grouping terms, a state's full name joined one state's unrelated events.
    const region = ctx.placeSpans.find((p) => p.start === toks[0].start && (p.kind === 'country' || (p.kind === 'region' && !p.country)));
    const c = candidate(ctx, toks, 'place', 'strong', null, knownPlace ?? region?.name);
    // "La Paz", "El Salvador", "Los Angeles": the article the place's name starts with is part of it.
    const whole = ctx.placeSpans.find((p) => p.start < c.start && p.end === c.end && /^(?:El|La|Los|Las) $/.test(ctx.text.slice(p.start, c.start)));
    if (whole) Object.assign(c, { start: whole.start, text: ctx.text.slice(whole.start, c.end), name: knownPlace ?? ctx.text.slice(whole.start, c.end) });
    out.push(c);
    return;
  }
  if (toks.length === 1 && isAcronym(toks[0].text)) {
    if (!NOT_ORG_ACRONYMS.has(toks[0].text)) out.push(candidate(ctx, toks, 'organization', 'strong', null));
    return;
  }
  // "Schenectady City School District", "Crime Stoppers of Acadia Parish": an organisation of a region.
  if (REGION_TAILS.has(last) && words.slice(0, -1).some(orgWord)) {
    out.push(candidate(ctx, toks, 'organization', 'strong', null));
    return;
  }
  if (PLACE_WORDS.has(last) && !ORG_WORDS.has(last) && toks.length >= 2) {
    out.push(candidate(ctx, toks, 'place', 'weak', null));
    return;
  }
  if (words.some(orgWord)) {
    out.push(candidate(ctx, toks, 'organization', 'strong', null));
    return;
  }
  const demonym = toks.length === 1 ? ctx.places.demonyms.get(toks[0].text) : undefined;
  if (demonym) {
    const next = /^\s+(\p{L}+)/u.exec(ctx.text.slice(toks[0].end, toks[0].end + 30))?.[1];
    const plural = toks[0].text.endsWith('s');
    const adjective =
      next && ((next === next.toLowerCase() && !DEMONYM_NOT_PLACE.has(next)) || isTitleWord(next));
    if (plural || adjective) out.push(candidate(ctx, toks, 'place', 'strong', null, demonym));
    return;
  }
  // "Martínez Pardo", "Rodríguez Ibarra", "Pérez": a Spanish patronymic surname (-ez) names a person.
  if (toks.length <= 4 && !shouted && toks.some((t) => PATRONYMIC.test(t.text))) {
    out.push(candidate(ctx, toks, 'person', 'strong', null));
    return;
  }
  // "el ministro del Interior, Jaime Mayor Oreja", "la empresa americana Lycos": the noun the name
  // stands beside says what it names.
  const head = toks.length <= 5 ? appositionHead(ctx, toks) : null;
  if (head) {
    out.push(candidate(ctx, toks, head, 'strong', null));
    return;
  }
  // "New York Giants", "Gainesville Police": a name that starts with a place and goes on is an organisation.
  // ("Sandy Blampied" is not: a one-word town before a single name may be a first name.)
  for (let n = toks.length - 1; n >= 1; n--) {
    const rest = words.slice(n);
    if (
      (n >= 2 || rest.some((w) => w.endsWith('s'))) &&
      ctx.places.places.has(entityKey(spanText(ctx, toks.slice(0, n))))
    ) {
      out.push(candidate(ctx, toks, 'organization', 'weak', null));
      return;
    }
  }
  // People's names hold particles (de, van) but not "of"/"and"/"for": "Port of Antwerp said" is no person.
  if (
    toks.length <= 4 &&
    !toks.some((t) => /^(?:of|and|for|the)$/.test(t.text)) &&
    personContext(ctx, toks)
  ) {
    // "Businesses said", "Analysts said": a lone sentence-initial word is a person only if the article names them in full.
    // A Spanish speech verb agrees with its subject: "Valero apuntó" is one speaker, "Fuentes indicaron" are not.
    const singularVerb = SPANISH_SPEECH_VERBS.has(/^,?\s+(\p{L}+)/u.exec(ctx.text.slice(toks[0].end, toks[0].end + 16))?.[1] ?? '');
    const lone =
      (toks.length === 1 &&
        ((toks[0].sentenceStart && !singularVerb) || /(?:ers|ists|ants|ies|ors)$/.test(toks[0].text))) ||
      // "said Frightened Neighbor": ordinary words are a description, not a name.
      ordinaryPhrase(ctx.text, toks.map((t) => t.text));
    out.push(candidate(ctx, toks, lone ? 'other' : 'person', lone ? 'weak' : 'strong', null));
    return;
  }
  // Unknown multi-word names stay 'other' until resolution sees the last word used alone (a surname).
  out.push(candidate(ctx, toks, 'other', 'weak', null));
}
