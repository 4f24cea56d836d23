// Turns a run of capitalised words into name candidates: splits runs that hold several names
// ("Slavonski Brod and Gunja", "Col. Michael Edmonson of the Louisiana State Police"), strips titles
// into a role and splits a leading demonym or organisation off a titled name.
import {
  classifyName,
  candidate,
  isTitleWord,
  lexForm,
  nameLike,
  spanText,
  type Candidate,
  type ClassifyContext,
} from './classify.ts';
import { isFirstName } from './first-names.ts';
import { entityKey, placeKey } from '../../../text/fold.ts';
import { ordinaryPhrase, writtenLower } from './ordinary.ts';
import { DESCRIPTION_NOUNS, NAME_SUFFIXES, NOT_NAMES, ORG_WORDS, PERSON_NOUNS, TITLE_HEADS } from './lexicon.ts';
import type { NameToken } from './tokens.ts';

/** Splits "Interior Minister Ana Kovač" into role + person, "Russian President" into place + role. */
function splitTitled(ctx: ClassifyContext, toks: NameToken[], out: Candidate[]): void {
  // "Neighbor Ken Yates said": a sentence-initial noun for a person, capitalised only because it
  // starts the sentence, describes the name after it; it is no part of the name.
  const noun = toks[0];
  if (
    toks.length >= 2 &&
    toks.length <= 4 &&
    noun.sentenceStart &&
    (PERSON_NOUNS.has(noun.text.toLowerCase()) || DESCRIPTION_NOUNS.has(noun.text.toLowerCase())) &&
    !isTitleWord(noun.text) &&
    !isFirstName(noun.text) &&
    toks.slice(1).every((t) => t.capitalised && nameLike(t)) &&
    // "Witness IDs at issue", "Neighbor Says …": a headline's words are no name; a known first name or
    // two words the article never writes in lower case are.
    (isFirstName(toks[1].text) || (toks.length >= 3 && toks.slice(1).every((t) => !writtenLower(ctx.text).has(placeKey(t.text)))))
  ) {
    // No role: "victim", "gunman", "neighbor" say what part the person plays in the story, not an
    // office (a role marks officials, whom the grouping's person link leaves out).
    out.push(candidate(ctx, toks.slice(1), 'person', 'strong', null));
    return;
  }
  // Trailing name: capitalised words that are not titles/org words, with particles, initials and suffixes.
  let k = toks.length;
  while (k > 0 && (nameLike(toks[k - 1]) || NAME_SUFFIXES.has(toks[k - 1].text))) k--;
  while (k < toks.length && !toks[k].capitalised) k++; // a name does not start with a particle
  // "… of the Communist Party of Vietnam Nguyen Phu Trong": the place belongs to the role.
  while (k < toks.length - 1 && ctx.places.places.has(entityKey(toks[k].text)) && !isFirstName(toks[k].text))
    k++;
  let h = -1;
  for (let i = k - 1; i >= 0; i--)
    if (TITLE_HEADS.has(lexForm(toks[i].text))) {
      h = i;
      break;
    }
  if (k < toks.length && h >= 0) {
    let r = h;
    while (r > 0 && (isTitleWord(toks[r - 1].text) || toks[r - 1].text === 'of')) r--;
    if (r > 0 && !toks[r - 1].capitalised) r++; // never start a role with "of"
    const role = toks.slice(r, k);
    // "Office of the Chief Medical Examiner": no role is left once "of" is dropped, so this is
    // no titled person but a name of its own (classified below). "Our Lady of Lourdes": a role
    // ending in "of" names what the title is of, not who holds it.
    // "Officer Involved Shooting": a title before ordinary words names no one; "King Jr. Day": a
    // name ends at its suffix, so words after one name something called after the person.
    const named = toks.slice(k).map((t) => t.text);
    const pastSuffix = named.slice(0, -1).some((w) => NAME_SUFFIXES.has(w));
    if (role.length && role[role.length - 1].capitalised && !ordinaryPhrase(ctx.text, named) && !pastSuffix) {
      const honorificOnly =
        role.length === 1 && /^(Mr|Mrs|Ms|Miss|Mx|Dr|Sr|Sra|Srta|Dra|Don|Doña|Sir|Dame)\.?$/.test(role[0].text);
      if (r > 0) classifyRun(ctx, toks.slice(0, r), out);
      out.push(candidate(ctx, toks.slice(k), 'person', 'strong', honorificOnly ? null : spanText(ctx, role)));
      return;
    }
  }
  // "the dead soldier's Commanding Officer": a title without a name names no one.
  const lastTok = toks[toks.length - 1].text;
  if (TITLE_HEADS.has(lexForm(lastTok)) && !NAME_SUFFIXES.has(lastTok)) return;
  classifyName(ctx, toks, out);
}

/** Possessives that open names of churches and schools ("Our Lady of …", "Nuestra Señora de …"). */
const POSSESSIVE_NAME_STARTS = new Set(['Our', 'Nuestra', 'Nuestro']);

/** Day and month names: not names, except inside one ("Sunday Times", "March Hospital"). */
const CALENDAR =
  /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$|^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;

/** "Col. Michael Edmonson of the Louisiana State Police": a person, then where they work. */
function splitPersonOfOrg(ctx: ClassifyContext, run: NameToken[]): NameToken[][] | null {
  // "Special Agent Mark Oxendine for the Bureau of Alcohol": "for" joins a person to where they work too.
  for (const [i, t] of run.entries()) if ((t.text === 'of' || t.text === 'for') && i >= 1) {
    const split = splitAt(ctx, run, i);
    if (split) return split;
  }
  return null;
}

function splitAt(ctx: ClassifyContext, run: NameToken[], i: number): NameToken[][] | null {
  const before = run.slice(0, i);
  const after = run.slice(run[i + 1]?.text === 'the' ? i + 2 : i + 1);
  const personLike =
    nameLike(before[before.length - 1]) &&
    (before.some((t) => TITLE_HEADS.has(lexForm(t.text))) || isFirstName(before[0].text));
  const orgOrPlace =
    after.some((t) => ORG_WORDS.has(lexForm(t.text))) ||
    ctx.places.places.has(entityKey(spanText(ctx, after)));
  // "Marlon Quist of Pellingham": a first name and a surname, then a short capitalised name is where
  // the person is from, even when the gazetteer does not know the town.
  const namedPerson =
    before.length >= 2 &&
    isFirstName(before[0].text) &&
    nameLike(before[before.length - 1]) &&
    !before.some((t) => ORG_WORDS.has(lexForm(t.text)));
  const shortName = after.length >= 1 && after.length <= 3 && after.every((t) => t.capitalised);
  return personLike && (orgOrPlace || (namedPerson && shortName)) && after.length ? [before, after] : null;
}

/** "Slavonski Brod and Gunja" is two names; "Bosnia and Herzegovina", "Health and Human Services" are one. */
function splitOnAnd(ctx: ClassifyContext, run: NameToken[]): NameToken[][] {
  const i = run.findIndex((t) => t.text === 'and' || t.text === 'y');
  if (i < 0) return [run];
  const whole = entityKey(spanText(ctx, run));
  if (ctx.places.places.has(whole) || ORG_WORDS.has(lexForm(run[run.length - 1].text))) return [run];
  return [run.slice(0, i), ...splitOnAnd(ctx, run.slice(i + 1))];
}

/** Words that only lead into a name: "Following Trump", "Whether Trump", "Besides Smith". */
const LEAD_WORDS = new Set(
  'Following Whether Besides Including Regarding Concerning Considering Unless Whereas Whilst Knowing Contact Given Notwithstanding Excluding Featuring Starring Meet Welcome Dear'.split(' '),
);
/** "Six-month-old Aria Lopez", "Two-year-old": an age in front of a name. */
const AGE = /^(?:\d+|[\p{L}]+)(?:-[\p{L}]+)*-old$/iu;
/** A sentence-initial adverb or gerund ("Unfortunately Martinez", "Knowing Eric") is not a name word. */
/** "Ex-wife", "Self-styled": a capitalised compound with a lower-case second part describes, it names no one. */
const DESCRIBER = /^\p{Lu}\p{Ll}*-\p{Ll}+$/u;
const leadsOnly = (t: NameToken) =>
  LEAD_WORDS.has(t.text) || AGE.test(t.text) || DESCRIBER.test(t.text) || (t.sentenceStart && /\p{Ll}(?:ing|ly)$/u.test(t.text) && !isFirstName(t.text));

/** Candidates from one run of capitalised words. */
export function classifyRun(ctx: ClassifyContext, whole: NameToken[], out: Candidate[]): void {
  const pieces = splitPersonOfOrg(ctx, whole) ?? splitOnAnd(ctx, whole);
  if (pieces.length > 1) {
    for (const p of pieces) classifyRun(ctx, p, out);
    return;
  }
  const run = whole;
  // Split on words that are never part of a name (sentence-initial "The", months, pronouns).
  let part: NameToken[] = [];
  const flush = () => {
    while (part.length && !part[0].capitalised) part.shift();
    while (part.length >= 2 && leadsOnly(part[0])) part.shift();
    while (part.length && !part[part.length - 1].capitalised) part.pop();
    if (part.length) splitTitled(ctx, part, out);
    part = [];
  };
  for (const [i, t] of run.entries()) {
    const keep =
      (part.length && ORG_WORDS.has(lexForm(part[part.length - 1].text)) && t.text === 'The') ||
      // "at Our Lady of the Lake": a possessive is capitalised inside a sentence only as part of a
      // name; at a sentence start, when a title and "of" follow ("Our Lady of Sorrows Church").
      (POSSESSIVE_NAME_STARTS.has(t.text) &&
        part.length === 0 &&
        (!t.sentenceStart || (isTitleWord(run[i + 1]?.text ?? '') && run[i + 2]?.text === 'of'))) ||
      (CALENDAR.test(t.text) && ORG_WORDS.has(lexForm(run[i + 1]?.text ?? '')));
    // "Kim Jong Un", "Kim Jong Il": an article-like word ends no phrase, so at the end of a name it is the name's.
    const nameEnd = i === run.length - 1 && part.length >= 2 && /^(?:Un|Il|Le|La|El|Lo|Du)$/.test(t.text);
    if (t.capitalised && NOT_NAMES.has(lexForm(t.text)) && !keep && !nameEnd) flush();
    else if (
      t.capitalised &&
      ctx.places.demonyms.has(t.text) &&
      part.length === 0 &&
      run.length > 1 &&
      isTitleWord(run[i + 1]?.text ?? '')
    ) {
      part.push(t);
      flush();
    } else part.push(t);
  }
  flush();
}
