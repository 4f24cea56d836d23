// Victims counted without a plain "number + noun": listed by kind ("Two children and a woman were
// shot" → 3) and single victims with no counted noun ("accidentally shot himself", "she was shot",
// "arrived at the hospital with a gunshot wound" → 1).
import type { FigureMention } from '../../../model/index.ts';
import { labelAfter } from './casualty-words.ts';

// One victim without a counted noun: "accidentally shot himself", "she was shot in the arm",
// "arrived at the hospital with a gunshot wound".
const SELF_SHOT = /\b(?:shot|shoots|shooting|wounded|wounding)\s+(?:him|her|them)sel(?:f|ves)\b/gi;
const PRONOUN_VICTIM = /\b(?:he|she)\s+(?:was|had been|has been|is|got)\s+(?:\w+ly\s+)?(?:shot|wounded|injured|hospitali[sz]ed|struck by (?:a )?(?:stray )?(?:bullet|gunfire)|hit by (?:a )?(?:stray )?(?:bullet|gunfire))\b/gi;
const GUNSHOT_WOUND = /\b(?:with|suffered|suffering|sustained|sustaining|treated for|of|from)\s+(?:an?\s+|one\s+)?(?:apparent\s+|single\s+|non-life-threatening\s+|minor\s+|serious\s+|critical\s+)?gunshot wound\b/gi;
// Victims listed by kind: "Two children and a woman were shot", "2 Girls, 2 Men Shot" — the
// counts of a coordinated subject add up.
// A bare age is a victim too: "a 10-year-old and a 14-year-old were shot".
const PERSON_KIND = '(?:men|man|women|woman|boys?|girls?|teens?|teenagers?|child|children|kids?|toddlers?|infants?|babies|baby|persons?|people|adults?|juveniles?|students?|officers?|deputies|deputy|victims?|mother|father|sons?|daughters?|brothers?|sisters?|wife|husband|uncle|aunt|cousins?|nephew|niece|grandmother|grandfather|girlfriend|boyfriend|friends?|relatives?|bystanders?|passengers?|drivers?|others?)';
const VICTIM_KIND = `(?:${PERSON_KIND}|\\d{1,2}-(?:year|month)-old(?!-|\\s+(?:[\\w-]+\\s+)?${PERSON_KIND}\\b))`;
const DETERMINER = '(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|an?|another|his|her|their)';
const APPOSITION = '(?:,\\s*(?:ages?\\s+)?\\d{1,2}(?:\\s+and\\s+\\d{1,2})?,)?';
const LISTED = `${DETERMINER}\\s+(?:[\\w-]+\\s+){0,2}${VICTIM_KIND}\\b${APPOSITION}`;
// After the first, a listed victim may drop its determiner ("a man and child", "a mother and
// daughter"); a headline may drop all of them ("Boy, girl shot", "Mother and child wounded").
const LISTED_BARE = `(?:${DETERMINER}\\s+)?(?:[\\w-]+\\s+)?${VICTIM_KIND}\\b${APPOSITION}`;
const LISTED_ONE = new RegExp(`\\b${LISTED_BARE}`, 'gi');
// Running text ends a list with "and" ("a 9-year-old girl, his relative," is one victim);
// headlines may list with commas alone ("2 Girls, 2 Men Shot").
const list = (first: string, headline: boolean) => `${first}(?:\\s*,\\s*${LISTED_BARE})*(?:,?\\s+and\\s+${headline ? '|\\s*,\\s*' : ''})${LISTED_BARE}`;
const VICTIM_LIST = new RegExp(`\\b${list(LISTED, false)}`, 'gi');
const HEADLINE_VICTIM_LIST = new RegExp(`\\b${list(LISTED, true)}`, 'gi');
const HEADLINE_LIST = new RegExp(`^(?:[\\w'-]+\\s+){0,2}?(${list(LISTED_BARE, true)})`, 'gi');
// Listed victims as the object of the verb: "wounded her brother and 4-year-old daughter",
// "accidentally shot himself and a friend".
const OBJECT_LIST = new RegExp(
  `\\b(fatally shot|fatally shooting|shot and killed|shot and wounded|killed|killing|kills|murdered|murdering|wounded|wounding|wounds|injured|injuring|injures|shot|shooting|shoots)\\s+` +
    `(?:((?:him|her|them)sel(?:f|ves))\\s+and\\s+(${LISTED_BARE})|(${list(LISTED, false)}))`,
  'gi',
);
const SMALL_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** The people a listed phrase counts: "two men" 2, "a woman" 1, "their children" unknown (null). */
function listedCount(phrase: string): number | null {
  // Ages are not counts: "a 24-year-old man", "her three-year-old son".
  const head = phrase.replace(/,.*$/, '').replace(/\S+-(?:years?|months?|weeks?)-old\b/gi, '');
  const number = /\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b/i.exec(head)?.[1].toLowerCase();
  if (number) return SMALL_NUMBERS[number] ?? Number(number);
  return /(?:men|children|people|s)$/i.test(head.trim().split(/\s+/).pop() ?? '') ? null : 1;
}

const figure = (start: number, end: number, text: string, value: number, counts: string): FigureMention => ({ start, end, text, value, approx: false, vague: false, unit: null, counts });

/** Coordinated subjects of a casualty verb, their counts added up. */
export function listedVictims(text: string, headline = false): FigureMention[] {
  const out: FigureMention[] = [];
  const lists: { start: number; phrase: string; counts?: string; self?: boolean }[] = [];
  for (const m of text.matchAll(OBJECT_LIST)) {
    const verb = m[1].toLowerCase();
    const counts = /kill|fatal|murder/.test(verb) ? 'killed' : /wound|injur/.test(verb) ? 'injured' : 'shot';
    const phrase = m[4] ?? m[0].slice(m[1].length).trimStart();
    lists.push({ start: m.index! + m[0].length - phrase.length, phrase, counts, self: !!m[2] });
  }
  for (const m of text.matchAll(headline ? HEADLINE_VICTIM_LIST : VICTIM_LIST)) lists.push({ start: m.index!, phrase: m[0] });
  if (headline) for (const m of text.matchAll(HEADLINE_LIST)) lists.push({ start: m.index! + m[0].length - m[1].length, phrase: m[1] });
  for (const { start, phrase, self, ...given } of lists) {
    const end = start + phrase.length;
    const counts = given.counts ?? labelAfter(text.slice(end, end + 90), headline);
    // "Four victims, three men and a woman": a total, then its breakdown — not a sum.
    if (!counts || /\b(?:victims|people|persons|others)\b/i.test(phrase)) continue;
    let total = self ? 1 : 0;
    for (const [part] of phrase.matchAll(LISTED_ONE)) {
      const n = listedCount(part);
      if (n === null) {
        total = NaN;
        break;
      }
      total += n;
    }
    if (Number.isFinite(total) && total > 1 && !out.some((f) => f.start < end && start < f.end)) out.push(figure(start, end, phrase, total, counts));
  }
  return out;
}

/** One victim each, named by a reflexive, a pronoun or a wound rather than a counted noun. */
export function uncountedVictims(text: string): FigureMention[] {
  const out: FigureMention[] = [];
  for (const re of [SELF_SHOT, PRONOUN_VICTIM, GUNSHOT_WOUND]) {
    for (const m of text.matchAll(re)) {
      const end = m.index! + m[0].length;
      // "died of a gunshot wound", "he was shot and killed": the death is the victim's.
      const killed = /\b(?:died|dies|dead|killed|fatal(?:ly)?)\b/i.test(text.slice(Math.max(0, m.index! - 30), end + 25));
      // "he was wounded", "she was hospitalized": hurt and, unlike "shot", not dead.
      const hurt = re === PRONOUN_VICTIM && /\b(?:wounded|injured|hospitali[sz]ed)$/i.test(m[0]);
      out.push(figure(m.index!, end, m[0], 1, killed ? 'killed' : hurt ? 'injured' : 'shot'));
    }
  }
  return out;
}
