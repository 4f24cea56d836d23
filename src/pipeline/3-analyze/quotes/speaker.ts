// Who said a quote: the name or pronoun next to a speech verb just after the quote ("…," Kovač told
// reporters / "…," said Ivana Perić) or in the clause that introduces it (Kovač said: "…").
import type { EntityMention, Span } from '../../../model/index.ts';
import type { Gender } from './gender.ts';
import { NAME_SUFFIXES, NOT_NAMES, PERSON_NOUNS, SPEECH_VERBS, TITLE_HEADS } from '../entities/lexicon.ts';

/** Verbs that tag a quote but are too rare or too loose to type entities with (so not in SPEECH_VERBS). */
const TAG_VERBS = new Set([
  ...SPEECH_VERBS,
  ...'saying telling adding noting explaining declares answered answers charged quipped joked asserted asserts cautioned conceded concedes countered retorted observed complained boasted vowed pledged shouted yelled yelling writing predicted insisting arguing notes concludes interjected cracked proclaimed barked mused'.split(
    ' ',
  ),
]);

export interface Attribution {
  speaker: EntityMention | null;
  /** A speech verb whose subject is an indefinite description ("one neighbour said"): no one we can name. */
  anonymous: boolean;
  /** A pronoun or definite description ("he said", "the minister added") for the caller to resolve. */
  anaphoric: boolean;
  /** The gender of that pronoun ("she said" → 'f'), when it has one. */
  pronoun?: Gender;
  /** "her daughter says", "the child's mother said": someone named only through this relation, if at all. */
  relation?: string;
  /** The head noun of a definite description ("the judge said" → "judge"), to find whom it refers back to. */
  role?: string;
}

const PRONOUN = /^(he|she|they|él|ella|ellos|ellas|him|her|them)$/i;
const DEFINITE =
  /(?:^|[\s,])(?:the|this|that|his|her|their|el|la|los|las)\s+[\p{L}\d'’-]+(?:\s+[\p{L}\d'’-]+){0,3}[\s,]*$/iu;
const INDEFINITE =
  /(?:^|[\s,])(?:a|an|one|another|some|several|un|una|uno)\s+[\p{L}\d'’-]+(?:\s+[\p{L}\d'’-]+){0,5}[\s,]*$/iu;
const WORD = /[\p{L}'’]+/gu;
const pronounGender = (word: string): Gender | undefined =>
  /^(?:he|him|él)$/i.test(word) ? 'm' : /^(?:she|her|ella)$/i.test(word) ? 'f' : undefined;
const none: Attribution = { speaker: null, anonymous: false, anaphoric: false };
const named = (speaker: EntityMention): Attribution => ({ speaker, anonymous: false, anaphoric: false });

/** End of the sentence that starts at `from`, skipping periods of titles and initials ("Lt.", "M."). */
export function sentenceEnd(text: string, from: number, max: number): number {
  const limit = Math.min(text.length, from + max);
  // Search a bounded slice: a regex left to run on the whole text would make this quadratic.
  const part = text.slice(from, limit + 1);
  for (const m of part.matchAll(/[.!?](?=["”’]?(?:\s|$))|\n/g)) {
    const at = from + m.index!;
    if (at >= limit) break;
    if (m[0] !== '.' || !abbreviationAt(text, at, from)) return at;
  }
  return limit;
}

/** The period at `at` closes a title or an initial ("Lt.", "M.", "Mr."), not a sentence. */
function abbreviationAt(text: string, at: number, from = 0): boolean {
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(from, at - 12), at))?.[1] ?? '';
  return (
    /^\p{Lu}$/u.test(word) ||
    TITLE_HEADS.has(word) ||
    NAME_SUFFIXES.has(word) ||
    /\./.test(word) ||
    /^(St|Mt|Ft|Inc|Co|Corp|Ltd|No)$/.test(word)
  );
}

/** Entities starting in [from, to); `entities` is sorted by start, so a binary search finds the first. */
export function between(entities: EntityMention[], from: number, to: number): EntityMention[] {
  let lo = 0;
  let hi = entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entities[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: EntityMention[] = [];
  for (let i = lo; i < entities.length && entities[i].start < to; i++) out.push(entities[i]);
  return out;
}

/** The entity that is the subject of a speech verb: people before organisations. */
function pick(
  entities: EntityMention[],
  from: number,
  to: number,
  nearestTo: 'start' | 'end',
): EntityMention | null {
  const inside = between(entities, from, to);
  const people = inside.filter((e) => e.type === 'person');
  // A two- or three-word name of unknown type next to a speech verb is most likely a person.
  const names = inside.filter((e) => e.type === 'other' && /^\p{Lu}\S*(?: \p{Lu}\S*){1,2}$/u.test(e.name));
  const orgs = inside.filter((e) => e.type === 'organization');
  const pool = people.length ? people : names.length ? names : orgs;
  if (!pool.length) return null;
  return nearestTo === 'end' ? pool[pool.length - 1] : pool[0];
}

function verbsIn(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  for (const m of text.slice(from, to).matchAll(WORD)) {
    // Lower case only: "States" of "United States" or a sentence-initial "Asked" are no speech tag.
    if (TAG_VERBS.has(m[0]) || (SPEECH_VERBS.has(m[0].toLowerCase()) && /^\p{Ll}/u.test(m[0])))
      out.push({ start: from + m.index!, end: from + m.index! + m[0].length });
  }
  return out;
}

/** A subject that is not a name: a pronoun or "the …" refers back; "a …"/"one …" is someone unnamed. */
function describedSubject(phrase: string): Attribution | null {
  const relation = /(?:^|[\s,])(?:his|her|their|its|\p{L}+['’]s?)\s+(\p{Ll}+)[\s,]*$/u.exec(phrase)?.[1];
  if (relation && PERSON_NOUNS.has(relation))
    return { speaker: null, anonymous: false, anaphoric: false, relation };
  // "he said", "she later told", "but he did say"
  const pronoun = /(?:^|[\s,])(he|she|they|él|ella|ellos|ellas)(?:\s+\p{Ll}+){0,2}[\s,]*$/iu.exec(
    phrase,
  )?.[1];
  if (pronoun) return { speaker: null, anonymous: false, anaphoric: true, pronoun: pronounGender(pronoun) };
  if (INDEFINITE.test(phrase)) return { speaker: null, anonymous: true, anaphoric: false };
  if (DEFINITE.test(phrase)) return { speaker: null, anonymous: false, anaphoric: true, role: /(\p{L}+)[\s,]*$/u.exec(phrase)?.[1].toLowerCase() };
  return null;
}

/** ", a spokesman for House Speaker Paul Ryan, ": one comma-set apposition up to the verb, opening with a
 * determiner, "who", a lower-case word or a possessive (not a list of names). */
const APPOSITION =
  /^(?:\s*\([^)]{0,20}\))?,\s+(?:a|an|the|who|his|her|its|their|\p{Ll}[\p{L}-]*|\p{Lu}[\p{L}.-]*['’]s?)\s[^,;"“”]{1,120},\s*$/u;
const TAG_NAME =
  /(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Sgt|Col|Capt|Prof|Rev)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}/u;
const TAG_BEFORE = new RegExp(`^[\\s,"”'’—–-]*(${TAG_NAME.source})\\s*$`, 'u');
const TAG_APPOSED = new RegExp(`^[\\s,"”'’—–-]*(${TAG_NAME.source})${APPOSITION.source.slice(1)}`, 'u');
// Horizontal space is any white space but a line break (bylines end in no-break spaces too).
const BYLINE = new RegExp(
  `^[^\\S\\n]*(?:\\n\\s*)?[―—–-][^\\S\\n]*(${TAG_NAME.source})[^\\S\\n]*(?=[,.]?[^\\S\\n]*(?:\\n|$)|,)`,
  'u',
);
const TAG_AFTER = new RegExp(`^\\s+(${TAG_NAME.source})(?=\\s*(?:[,.;:!?(]|$))`, 'u');

/** A name written in the speech tag itself that the entity pass did not list ('"…," Hale said',
 * 'said Mr. Burr'): the whole subject is capitalised words, none a function word, day or month.
 * Joined to the article's person with that surname when there is one. */
function tagName(entities: EntityMention[], at: number, written: string): EntityMention | null {
  const words = written.split(/\s+/);
  // Titles come off the front, but the last word stays: "Mr. King" is Mr. King, not a king.
  let first = 0;
  while (first < words.length - 1 && TITLE_HEADS.has(words[first].replace(/\.$/, ''))) first++;
  const bare = words.slice(first);
  if (
    !bare.length ||
    bare.some((w) => NOT_NAMES.has(w.replace(/['’]s?$/u, '')) && !TITLE_HEADS.has(w.replace(/\.$/, '')))
  )
    return null;
  const name = bare.join(' ');
  const surname = bare[bare.length - 1];
  const full = entities.find((e) => e.type === 'person' && e.name.split(' ').pop() === surname);
  return { start: at, end: at + written.length, text: written, type: 'person', name: full?.name ?? name };
}

function subjectAround(text: string, entities: EntityMention[], verb: Span, clause: Span): Attribution {
  // "Clinton tweeted congratulations to Sanders, adding": a participle's subject is the clause's own.
  if (/ing$/.test(text.slice(verb.start, verb.end))) {
    const first = pick(entities, clause.start, verb.start, 'start');
    if (
      first &&
      /^[^,;]*\s\p{Ll}+(?:ed|[^s]s|\b(?:said|told|wrote|went))\b/u.test(text.slice(first.end, verb.start))
    )
      return named(first);
    if (!text.slice(clause.start, verb.start).replace(/[\s,;:"”'’—–-]/g, '')) return none;
  }
  // Subject before the verb ("Kovač told", "the AWC said", "he added"); "Robinson's attorney said" is not Robinson.
  // "Dog Andres, a spokesman for House Speaker Paul Ryan, said": the name the apposition describes.
  const described = between(entities, clause.start, verb.start).find(
    (e) => (e.type === 'person' || e.type === 'other') && APPOSITION.test(text.slice(e.end, verb.start)),
  );
  if (described && (described.type === 'person' || /^\p{Lu}\S*(?: \p{Lu}\S*){1,2}$/u.test(described.name)))
    return named(described);
  const before = pick(entities, clause.start, verb.start, 'end');
  if (before && !/^['’]s?\s*\p{Ll}/u.test(text.slice(before.end, verb.start))) {
    // "Pietrewicz was fleeing, her daughter says": a pronoun or relation right before the verb is the subject.
    const nearer = describedSubject(text.slice(before.end, verb.start));
    if (
      nearer &&
      (nearer.relation ||
        (nearer.anaphoric && /(?:he|she|they|él|ella)\W*$/i.test(text.slice(before.end, verb.start).trim())))
    )
      return nearer;
    return named(before);
  }
  const lead = text.slice(clause.start, verb.start);
  // 'Amy Paige, deputy homeland security adviser, said': a written name and its apposition.
  const writtenBefore = TAG_BEFORE.exec(lead)?.[1] ?? TAG_APPOSED.exec(lead)?.[1];
  const tagged =
    writtenBefore && tagName(entities, verb.start - lead.length + lead.indexOf(writtenBefore), writtenBefore);
  if (tagged) return named(tagged);
  if (lead.trim()) {
    const described = describedSubject(lead);
    if (described) return described;
  }
  // …or after it ("said Officer Douglas Greene", "dijo el presidente de la federación, Rodrigo Saavedra").
  const afterEnd = Math.min(clause.end, verb.end + 90);
  // "said Clinton’s top foreign policy aide Jake Sullivan": a possessive is not the speaker.
  const afterAll = pick(
    entities.filter((e) => e.start < verb.end || !/^['’]s?\s/u.test(text.slice(e.end, e.end + 3))),
    verb.end,
    afterEnd,
    'start',
  );
  const wordAfter = /^\s+([\p{L}]+)/u.exec(text.slice(verb.end, afterEnd))?.[1];
  if (wordAfter && PRONOUN.test(wordAfter))
    return { speaker: null, anonymous: false, anaphoric: true, pronoun: pronounGender(wordAfter) };
  // "said Clinton campaign manager Robby Mook": a name, lower-case role words, then the speaker.
  const roleThenName =
    afterAll &&
    between(entities, afterAll.end, afterEnd).find(
      (e) =>
        (e.type === 'person' || e.type === 'other') &&
        /^\s+(?:\p{Ll}[\p{L}-]*\s+){1,4}$/u.test(text.slice(afterAll.end, e.start)) &&
        !/\b(?:of|in|at|for|from|to|with|and|or|on|by|about|the|a|an|who|that)\b/.test(
          text.slice(afterAll.end, e.start),
        ) &&
        // …and that name comes right after the verb ("said Arcotte campaign manager Jon Kohlan").
        !text.slice(verb.end, afterAll.start).trim(),
    );
  const after = roleThenName ?? afterAll;
  if (after) return named(after);
  const writtenAfter = TAG_AFTER.exec(text.slice(verb.end, afterEnd))?.[1];
  const taggedAfter = writtenAfter && tagName(entities, text.indexOf(writtenAfter, verb.end), writtenAfter);
  if (taggedAfter) return named(taggedAfter);
  // '"…", afirmó.': a bare verb with no subject at all (Spanish drops the pronoun) refers back.
  if (!lead.replace(/[\s,;:—–-]/g, '') && !text.slice(verb.end, clause.end).replace(/[\s.,;:!?]/g, ''))
    return { speaker: null, anonymous: false, anaphoric: true };
  return { speaker: null, anonymous: true, anaphoric: false };
}

/** Attribution after the quote, in the same sentence and paragraph ("…," said X / "…," X told reporters). */
export function attributionAfter(
  text: string,
  quote: Span,
  content: string,
  entities: EntityMention[],
): Attribution {
  const end = sentenceEnd(text, quote.end, 200);
  const next = text.slice(quote.end, end).search(/["“”«]/);
  const clause = { start: quote.end, end: next < 0 ? end : quote.end + next };
  // '"…" ― Adriana Rodell' or the next line '-President Obama, tweeting …': a byline under the quote.
  const byline = BYLINE.exec(text.slice(quote.end, quote.end + 120));
  if (byline) {
    const at = quote.end + byline.index + byline[0].length - byline[1].length;
    const who =
      between(entities, at, at + byline[1].length).find((e) => e.type === 'person' || e.type === 'other') ??
      tagName(entities, at, byline[1]);
    return who ? named(who) : none;
  }
  // '"…," according to Ines Koval': the name right after it.
  const according = /^[\s,"”'’]*according to\s+(?:the\s+)?/iu.exec(text.slice(clause.start, clause.end));
  if (according) {
    const at = clause.start + according[0].length;
    const who = between(entities, at, at + 2)[0];
    return who && who.type !== 'place' ? named(who) : none;
  }
  const verb = verbsIn(text, clause.start, Math.min(clause.end, clause.start + 80))[0];
  if (!verb) return appositionTag(text, clause, entities);
  // A quote that ends its own sentence is attributed only by a bare tag: '… home." Moore said.'
  if (/[.]$/.test(content)) {
    const gap = text.slice(quote.end, verb.start);
    const tagSubject = pick(entities, quote.end, verb.start, 'end');
    const bare = tagSubject
      ? text.slice(quote.end, tagSubject.start) + text.slice(tagSubject.end, verb.start)
      : gap;
    if (bare.trim().split(/\s+/).filter(Boolean).length > 2) return none;
  }
  return subjectAround(text, entities, verb, clause);
}

/** '"…," Trask, the front-runner in the state polls …, said': the name that opens the tag, its
 * apposition set off by commas, then the verb further than the usual window. */
function appositionTag(text: string, clause: Span, entities: EntityMention[]): Attribution {
  const tail = text.slice(clause.start, Math.min(clause.end, clause.start + 220));
  const m = new RegExp(`^[\\s,"”'’]*(${TAG_NAME.source}),[^"“”()]{3,180}?,\\s+(\\p{Ll}+)\\b`, 'u').exec(tail);
  if (!m || !TAG_VERBS.has(m[2])) return none;
  const at = clause.start + tail.indexOf(m[1]);
  const entity = between(entities, at, at + m[1].length).find(
    (e) => e.type === 'person' || e.type === 'other',
  );
  const who = entity ?? tagName(entities, at, m[1]);
  return who ? named(who) : none;
}

/** Attribution in the clause that leads into the quote ("Kovač said:", "According to him,"). */
export function attributionBefore(
  text: string,
  quote: Span,
  entities: EntityMention[],
  floor: number,
): Attribution {
  const windowStart = Math.max(floor, quote.start - 240);
  const lead = text.slice(windowStart, quote.start);
  let lineStart = lead.lastIndexOf('\n') + 1;
  // 'X said:' on its own paragraph leads into the quote below it.
  if (!lead.slice(lineStart).trim() && /:\s*$/.test(lead)) lineStart = lead.trimEnd().lastIndexOf('\n') + 1;
  // "said of Mr. Halvorsen:": the period of a title starts no sentence.
  const sentenceStarts = [...lead.matchAll(/[.!?]["”]?\s+(?=["“«]?\p{Lu})/gu)]
    .filter((m) => m[0][0] !== '.' || !abbreviationAt(text, windowStart + m.index!, windowStart))
    .map((m) => m.index! + m[0].length);
  const clause = { start: windowStart + Math.max(lineStart, ...sentenceStarts), end: quote.start };
  const clauseText = text.slice(clause.start, clause.end);
  const acc = /\b(?:according to|según|de acuerdo con)\s+/i.exec(clauseText);
  if (acc) {
    const at = clause.start + acc.index + acc[0].length;
    const who = pick(entities, at, clause.end, 'start');
    if (who) return named(who);
    const described = describedSubject(text.slice(at, at + 30).split(/[,:]/)[0]);
    if (described) return described;
  }
  const verbs = verbsIn(text, clause.start, clause.end);
  const verb = verbs[verbs.length - 1];
  if (!verb) {
    const calling = callingSubject(text, clause, entities);
    if (calling) return named(calling);
    // "And Mr. Christie gloated:", "As Akhil Amar put it,": a lead-in with no speech verb we know,
    // a colon or "put it" before the quote, and a name opening the clause: that name speaks.
    if (!/(?::|\bput it,?)\s*$/.test(clauseText)) return none;
    const opener = pick(entities, clause.start, Math.min(clause.end, clause.start + 60), 'start');
    return opener && !/^['’]s?\s*\p{Ll}/u.test(text.slice(opener.end, opener.end + 3)) ? named(opener) : none;
  }
  return subjectAround(text, entities, verb, clause);
}

/** Verbs whose complement is the subject's own words for something: 'Pryce called the plan "a disgrace"'. */
const CALLING = /\b(?:called|calls|labeled|labelled|branded|dubbed|termed|deemed)\b/g;

/** The subject of a calling verb right before the quote (within 90 characters): the name just before
 * the verb, or before a short apposition (", for one,"). Never the one called, never a passive. */
function callingSubject(text: string, clause: Span, entities: EntityMention[]): EntityMention | null {
  const lead = text.slice(clause.start, clause.end);
  const m = [...lead.matchAll(CALLING)].pop();
  if (!m || lead.length - m.index! - m[0].length > 90) return null;
  const at = clause.start + m.index!;
  if (
    /\b(?:was|were|is|are|be|been|being|get|got|gets)\s+(?:\p{Ll}+ly\s+)?$/u.test(
      text.slice(clause.start, at),
    )
  )
    return null;
  const before = pick(entities, clause.start, at, 'end');
  const gap = before ? text.slice(before.end, at) : '';
  if (before && /^(?:\s+\p{Ll}+ly)?\s*$|^,[^,]{1,30},\s*$/u.test(gap)) return before;
  const written = TAG_BEFORE.exec(text.slice(clause.start, at))?.[1];
  return written
    ? tagName(
        entities,
        at - text.slice(clause.start, at).length + text.slice(clause.start, at).indexOf(written),
        written,
      )
    : null;
}
