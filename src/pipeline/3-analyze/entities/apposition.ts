// The noun a name stands beside, as a type cue: "el primer ministro israelí, Ehud Barak" is a
// person, "la empresa americana Lycos" an organisation; "el alcalde de Toledo" (a complement) and
// "members of the violent Disciples" (no apposition) type nothing.
import type { ClassifyContext } from './classify.ts';
import { ORG_NOUNS, PERSON_NOUNS, SPEECH_VERBS } from './lexicon.ts';
import type { NameToken } from './tokens.ts';

/** Words that end a noun phrase's walk back: prepositions and determiners right before a name make
 * it a complement ("el alcalde de Toledo", "the mayor of Springfield"), not the noun's apposition. */
const NOT_IN_APPOSITION = new Set(
  'a an the of in on at to for from by with and or near after before into onto over under behind outside inside around against toward towards during until via de del la el los las al en con por para desde hacia sobre entre según y o e u que su sus un una'.split(' '),
);
/** Complements inside a role ("del Interior", "de la Junta de Extremadura", "of the Interior"). */
const COMPLEMENT = /^(?:de|del|of|for)$/;
/** Adjectives that may stand between a role noun and the name: Spanish ones follow the noun
 * ("el primer ministro israelí", "el portavoz municipal"); told apart from verbs by their endings. */
const ADJECTIVE_LIKE = /(?:al|ar|an[oa]|ense|és|esa|í|ista|ic[oa]|iv[oa]|in[oa]|er[oa]|ol|eñ[oa]|ad[oa]|ente|or|ora)s?$/u;
const PRE_MODIFIERS = new Set('primer primera ex nuevo nueva actual antiguo antigua former new then late'.split(' '));

/**
 * The kind of noun the name stands in apposition to: "el primer ministro israelí, Ehud Barak",
 * "el ministro del Interior, Jaime Mayor Oreja", "la empresa americana Lycos". Walks back over
 * up to two adjectives, role complements ("del Interior") and adjectives again to a head noun.
 */
export function appositionHead(ctx: ClassifyContext, toks: NameToken[]): 'person' | 'organization' | null {
  const start = toks[0].start;
  const clause = ctx.text.slice(Math.max(0, start - 90), start);
  const cut = Math.max(...['.', ';', ':', '!', '?', '\n', '"', '«', '“', '…'].map((c) => clause.lastIndexOf(c)));
  const words = clause.slice(cut + 1).match(/[\p{L}\p{M}'’-]+|\d+|[^\s\p{L}\p{M}\d]/gu) ?? [];
  let i = words.length - 1;
  // A complement may stand between noun and name only when a comma closes it: "el portavoz del
  // sindicato, Jaume Collboni"; "members of the violent Disciples" is no apposition.
  const comma = words[i] === ',' || words[i] === '(';
  if (comma) i--;
  if (i < 0 || NOT_IN_APPOSITION.has(words[i].toLowerCase())) return null;
  let adjectives = 0;
  let skipped = false;
  for (; i >= 0; i--) {
    const w = words[i];
    if (!/^[\p{L}\p{M}]/u.test(w)) return null;
    const lower = w.toLowerCase();
    // "los ministros de Agricultura, X y Y" is rare; "members of the Unit, State Crime Lab" is a list.
    // A plural before the comma stands beside names only when they are listed ("sus hijos, Juan y
    // Ana"); "agents, Crime Scene technicians and …" is a list of nouns.
    const singular = skipped || (comma && !pluralMayStandBeside(ctx, toks)) ? [lower] : [lower, lower.replace(/s$/, ''), lower.replace(/es$/, '')];
    if (w === lower) {
      // "el portavoz del sindicato, Jaume Collboni": a noun after "de"/"of" is a complement of the head.
      const article = i > 0 && /^(?:el|la|los|las|the)$/.test(words[i - 1]) ? 1 : 0;
      if (comma && i - 1 - article >= 0 && COMPLEMENT.test(words[i - 1 - article])) {
        i -= 1 + article;
        skipped = true;
        continue;
      }
      if (singular.some((x) => PERSON_NOUNS.has(x))) return 'person';
      if (singular.some((x) => ORG_NOUNS.has(x))) return 'organization';
      // "el golpista Speight", "la tenista Arantxa": a Spanish -ista noun after an article names a person.
      if (/istas?$/.test(lower) && i > 0 && /^(?:el|la|los|las|un|una|del|al)$/i.test(words[i - 1])) return 'person';
      if (SPEECH_VERBS.has(lower) || !(ADJECTIVE_LIKE.test(lower) || PRE_MODIFIERS.has(lower)) || ++adjectives > 2) return null;
      continue;
    }
    // A capitalised complement: back over its words to the "de"/"of" that opens it.
    if (!comma) return null;
    let j = i;
    while (j >= 0 && words[j] !== ',' && !COMPLEMENT.test(words[j])) j--;
    if (j < 0 || words[j] === ',' || i - j > 6) return null;
    i = j;
    skipped = true;
  }
  return null;
}

/**
 * A plural noun before the comma may stand beside this name: the name opens a list of names
 * ("sus hijos, Juan y Ana", "the victims, Ana Ruiz, Luis …") or the noun is one of a group ("One of
 * the victims, Cedric Ginger"); otherwise it is a list of nouns ("agents, Crime Scene technicians").
 */
export function pluralMayStandBeside(ctx: ClassifyContext, toks: NameToken[]): boolean {
  const last = toks[toks.length - 1];
  if (/^(?:,|\s+(?:and|y|e)\s)/.test(ctx.text.slice(last.end, last.end + 6))) return true;
  return /\b(?:one|uno|una) (?:of|de) (?:the|los|las|sus|his|her|their) [\p{L}-]+,?\s+$/iu.test(ctx.text.slice(Math.max(0, toks[0].start - 40), toks[0].start));
}
