// Victims counted without a plain "number + noun": listed by kind ("Two children and a woman were
// shot" → 3) and single victims with no counted noun ("accidentally shot himself", "she was shot",
// "arrived at the hospital with a gunshot wound" → 1).
import type { FigureMention } from '../../../model/index.ts';
import { labelAfter } from './casualty-words.ts';

// One victim without a counted noun: "accidentally shot himself", "she was shot in the arm",
// "arrived at the hospital with a gunshot wound".
const SELF_SHOT = /\b(?:shot|shoots|shooting|wounded|wounding)\s+(?:him|her|them)sel(?:f|ves)\b/gi;
const PRONOUN_VICTIM = /\b(?:he|she)\s+(?:was|had been|has been|is|got)\s+(?:\w+ly\s+)?(?:shot|wounded|injured|hospitali[sz]ed|struck by (?:a )?(?:bullet|gunfire)|hit by (?:a )?(?:bullet|gunfire))\b/gi;
const GUNSHOT_WOUND = /\b(?:with|suffered|suffering|sustained|sustaining|treated for|of|from)\s+(?:an?\s+|one\s+)?(?:apparent\s+|single\s+|non-life-threatening\s+|minor\s+|serious\s+|critical\s+)?gunshot wound\b/gi;
// Victims listed by kind: "Two children and a woman were shot", "2 Girls, 2 Men Shot" — the
// counts of a coordinated subject add up.
const VICTIM_KIND = '(?:men|man|women|woman|boys?|girls?|teens?|teenagers?|child|children|kids?|persons?|people|adults?|juveniles?|students?|officers?|deputies|deputy|victims?|mother|father|sons?|daughters?|brothers?|sisters?|wife|husband|friends?|relatives?|bystanders?|others?)';
const LISTED = `(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|an?|another|his|her|their)\\s+(?:[\\w-]+\\s+){0,2}?${VICTIM_KIND}\\b(?:,\\s*(?:ages?\\s+)?\\d{1,2}(?:\\s+and\\s+\\d{1,2})?,)?`;
const LISTED_ONE = new RegExp(`\\b${LISTED}`, 'gi');
const VICTIM_LIST = new RegExp(`\\b${LISTED}(?:\\s*,\\s*${LISTED})*(?:,?\\s+and\\s+|\\s*,\\s*)${LISTED}`, 'gi');
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
  for (const m of text.matchAll(VICTIM_LIST)) {
    const end = m.index! + m[0].length;
    const counts = labelAfter(text.slice(end, end + 90), headline);
    // "Four victims, three men and a woman": a total, then its breakdown — not a sum.
    if (!counts || /\b(?:victims|people|persons|others)\b/i.test(m[0])) continue;
    let total = 0;
    for (const [part] of m[0].matchAll(LISTED_ONE)) {
      const n = listedCount(part);
      if (n === null) {
        total = NaN;
        break;
      }
      total += n;
    }
    if (Number.isFinite(total) && total > 1) out.push(figure(m.index!, end, m[0], total, counts));
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
      out.push(figure(m.index!, end, m[0], 1, killed ? 'killed' : 'shot'));
    }
  }
  return out;
}
