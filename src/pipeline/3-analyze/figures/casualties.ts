// Casualty counts per article and per story (several reports of one incident). Pure: the comparison
// stage and the incident benchmark both use these.
import type { FigureMention } from '../../../model/index.ts';

export interface Casualties {
  /** Null when the article says nothing about casualties. */
  killed: number | null;
  injured: number | null;
  /** People shot, killed or not, when the article counts them that way ("four shot, one fatally"). */
  shot?: number | null;
  /** Whether `injured` is only "shot minus killed" (no explicit count of the wounded). */
  injuredFromShot?: boolean;
  /** Read from words alone ("died", "was shot"), no count: used only when no report counts. */
  guessed?: boolean;
  /** Whether `injured` is 0 only because the article counts no one wounded or shot, not even "no one else was hurt". */
  woundedUnsaid?: boolean;
}

// A death reported in words, not counted: "died at the hospital", "a murder-suicide", "the homicide".
const DEATH_WORDS = /\b(?:died|dies|dead|death|deaths|killed|killing|slain|fatal(?:ly)?|deadly|passed away|claim(?:s|ed|ing)? (?:the |his |her |their )?li(?:fe|ves)|(?:taken|removed) off life support|homicide|murder-suicide|(?<!attempted |attempted first-degree )murder(?:ed)?|body (?:was|were) found|bod(?:y|ies) of)\b/i;
// A shooting reported in words: someone was hit, though no count is given.
const SHOT_WORDS = /\b(?:shot|shoots|shooting|gunshot|wounded|injured|struck by (?:a )?(?:bullet|gunfire))\b/i;
// Both the killer and the victim die: "kills son, self", "murder-suicide", "then shot himself".
const MURDER_SUICIDE = /\bmurder[- ]suicide\b|\b(?:kill(?:s|ed)|shoots?|shot)\s+(?:his|her)\s+(?:[\w-]+\s+){0,2}?\w+,?\s+(?:and\s+)?(?:then\s+)?(?:him|her)?self\b/i;

const LEDE_CHARS = 1500;
// Words without a count are read only from the headline and the first lines: further down a
// page they are as often about a related story as about this one.
const WORDS_ONLY_CHARS = 500;
// Words about death that report none: "no one died", "could have been killed", the homicide unit.
const NOT_A_DEATH = /\b(?:no one|nobody|none)\s+(?:\w+\s+)?(?:was\s+|were\s+)?(?:died|killed|dead)\b|\b(?:could|would|might)(?:\s+\w+)?\s+have\s+(?:been\s+)?(?:killed|died|dead)\b|\bhomicide\s+(?:unit|detectives?|investigators?|division|squad|bureau|section|office)\b|\bbody[- ]?cam(?:era)?s?\b|\b(?:his|her|their|the)\s+body\b(?!\s+(?:was|of))|\bnot\s+(?:killed|dead|fatal)\b|\bbrain[- ]dead\b|\blife and death\b|\bdeadly (?:weapons?|force)\b|\bnon-?fatal\b|\b(?:injured|wounded|hurt) or killed\b|\bkilled or (?:injured|wounded|hurt)\b/gi;
const reportsDeath = (text: string) => DEATH_WORDS.test(text.replace(NOT_A_DEATH, ' '));
// A victim named again rather than introduced: "the boy", "The victim", "he was shot", "Givens, 16,".
const BACK_REFERENCE = /^(?:the|he|she)\b/i;
// A shooting named by how many it hit.
const MULTIPLE = /\b(double|triple|quadruple|quintuple)[- ]shootings?\b/i;
const MULTIPLES: Record<string, number> = { double: 2, triple: 3, quadruple: 4, quintuple: 5 };
const ELSE = /\b(?:else|other)\b/i;
const ANOTHER = /^(?:another|a second|a third|one other)\b/i;
const maxOf = (xs: number[]) => (xs.length ? Math.max(...xs) : null);
// A city's or a weekend's tally of many shootings, not one incident's victims: "23 others were
// wounded in shootings across the city", "five wounded since Tuesday in separate shootings".
const TALLY = /\b(?:in|from|during)\s+(?:(?:separate|several|multiple|other|different)\s+)?shootings\b|\bseparate (?:shootings|incidents|attacks)\b|\bcity-?wide\b|\bacross the (?:city|county|state|region)\b/i;
// A headline over several incidents: "… in Chicago shootings", "… in Wednesday shootings across
// Chicago", "… in shootings citywide"; not "… in two shootings on Centre Avenue", which ties them,
// nor a bare "2 dead, 2 injured in shootings".
const ROUNDUP = /\b(?:in|from|during|across)\s+(?!(?:two|three|both|2|3)\b)(?:[\p{L}'’.-]+\s+){1,4}?shootings\b|\bshootings\s+(?:across|around|throughout)\b|\bcity-?wide\b/iu;
/** Characters after a count within which a tally says what it adds up. */
const TALLY_REACH = 100;

/** A count that adds up a city's separate shootings (its text at its offsets; a misaligned text says nothing). */
function isTally(text: string, f: FigureMention): boolean {
  // One victim is no tally, even in a report of separate incidents.
  if (f.value === null || f.value < 2 || f.start < 0 || text.slice(f.start, f.end).trim() !== f.text) return false;
  const clause = text.slice(f.end, f.end + TALLY_REACH).split(/[.;!?](?:\s|$)|\n/)[0];
  return TALLY.test(clause);
}

/**
 * One article's killed and injured: the largest count of each (later paragraphs repeat or update
 * with partial counts). "Four people were shot, one fatally" → killed 1, injured 3. `text` is the
 * text the figures point into; `title` is read with its lede for words without a count.
 */
export function articleCasualties(figures: FigureMention[], opts: { within?: number; text?: string; title?: string } = {}): Casualties {
  // Counts far down an article are mostly background ("last month a gunman killed three"):
  // by default only the lede and the paragraphs right after it count.
  const within = opts.within ?? LEDE_CHARS;
  // A roundup of a city's shootings ("1 dead, 7 wounded in Chicago shootings") counts separate incidents.
  if (opts.title && ROUNDUP.test(opts.title)) return { killed: null, injured: null };
  const body = opts.text ?? '';
  const counted = (label: string) =>
    figures.filter((f) => f.start < within && f.counts === label && f.value !== null && !f.vague && Number.isInteger(f.value) && f.value < 1000 && !isTally(body, f));
  let killed = maxOf(counted('killed').map((f) => f.value!));
  // "The boy was taken to a hospital, where he died": a victim referred back to ("the boy", "he")
  // is one already counted, so when someone died, such a mention adds no one wounded.
  const values = (label: string) => counted(label).filter((f) => !(killed && f.value === 1 && BACK_REFERENCE.test(f.text))).map((f) => f.value!);
  let injured = maxOf(values('injured'));
  let shot = maxOf(values('shot'));
  // "Another teen was shot in the foot": one more victim than those already told of.
  const more = counted('shot').find((f) => f.value === 1 && ANOTHER.test(f.text));
  if (more && shot !== null && killed) shot = Math.max(shot, killed + 1);
  // The headline is read with the lede; figure offsets point into the text alone.
  const lede = opts.text === undefined ? '' : (opts.title !== undefined ? `${opts.title}\n${opts.text}` : opts.text).slice(0, within);
  // "A quadruple shooting": at least that many were hit.
  const multiple = MULTIPLE.exec(lede)?.[1].toLowerCase();
  if (multiple) shot = Math.max(shot ?? 0, MULTIPLES[multiple]);
  if (killed === null && injured === null && shot === null) {
    // Words without numbers: a report of a death is at least one killed, of a shooting at least one hit.
    if (!lede) return { killed: null, injured: null };
    if (MURDER_SUICIDE.test(lede)) return { killed: 2, injured: 0, shot: null, injuredFromShot: true, guessed: true };
    if (reportsDeath(lede.slice(0, WORDS_ONLY_CHARS))) return { killed: 1, injured: 0, shot: null, injuredFromShot: true, guessed: true };
    if (SHOT_WORDS.test(lede)) return { killed: 0, injured: 1, shot: 1, injuredFromShot: true, guessed: true };
    return { killed: null, injured: null };
  }
  // "A 5-year-old boy who was shot ... has died": a lone victim counted as shot is the one who died.
  if (killed === null && shot === 1 && injured === null && lede && reportsDeath(lede)) killed = MURDER_SUICIDE.test(lede) ? 2 : 1;
  if (killed !== null && killed < 2 && lede && MURDER_SUICIDE.test(lede)) killed = 2;
  // "No one else was injured" with no one counted hurt or dead: the one the lede says was hit.
  if (!killed && !shot && injured === 0 && counted('injured').every((f) => f.value === 0 && ELSE.test(f.text)) && SHOT_WORDS.test(lede)) injured = 1;
  const injuredFromShot = injured === null && shot !== null;
  const woundedUnsaid = injured === null && shot === null;
  // Everyone shot and not killed was hurt: "four shot, one fatally; no one else was hurt" → 3.
  if (shot !== null) injured = Math.max(injured ?? 0, shot - (killed ?? 0));
  if (killed === null) killed = 0;
  if (injured === null) injured = 0;
  return { killed, injured, shot, injuredFromShot, ...(woundedUnsaid && { woundedUnsaid }) };
}

/** The most common value; ties go to the larger (an early report may undercount). */
export function majority(values: number[]): number | null {
  if (!values.length) return null;
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  let bestN = 0;
  for (const [v, n] of counts) if (n > bestN || (n === bestN && v > best!)) [best, bestN] = [v, n];
  return best;
}

/**
 * A story's casualties from its articles' (majority, then larger); 0 when no article gives any.
 * Each article's wounded are re-read against the story's killed, since reports differ mostly in
 * when they were written: "two shot" and elsewhere "one of them died" is one killed and one
 * wounded; "a boy in critical condition" and later "the boy has died" is one killed, no wounded.
 */
export function storyCasualties(perArticle: Casualties[]): { killed: number; injured: number } {
  const read = perArticle.filter((c) => c.killed !== null || c.injured !== null);
  const counted = read.filter((c) => !c.guessed);
  const known = counted.length ? counted : read;
  let killed = majority(known.map((c) => c.killed!).filter((v) => v !== null)) ?? 0;
  // Deaths only rise as a story is updated: a report with more dead among as many people hit as
  // another report counted ("a boy in critical condition" → "the boy has died") is the later one.
  for (const later of known)
    if (later.killed !== null && later.killed > killed && known.some((c) => c.killed !== null && c.killed < later.killed! && hit(c) === hit(later))) killed = later.killed;
  // A report that says nothing of the wounded (a follow-up on the arrest, the funeral) does not
  // vote that there were none.
  const injured = known.filter((c) => !c.woundedUnsaid).map((c) => woundedGiven(c, killed)).filter((v): v is number => v !== null);
  return { killed, injured: majority(injured) ?? 0 };
}

/** Everyone an article says was hit, dead or alive. */
const hit = (c: Casualties) => (c.injuredFromShot && c.shot != null ? Math.max(c.shot, c.killed ?? 0) : (c.killed ?? 0) + (c.injured ?? 0));

/** An article's wounded once the story's killed is known: those it counted fewer dead than died since. */
export function woundedGiven(c: Casualties, killed: number): number | null {
  if (c.injuredFromShot && c.shot != null) return Math.max(0, c.shot - killed);
  if (c.injured === null || c.killed === null || c.killed >= killed) return c.injured;
  return Math.max(0, c.injured - (killed - c.killed));
}
