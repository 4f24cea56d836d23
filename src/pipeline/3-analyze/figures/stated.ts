// A stated total ("three officers were killed", "killing two", "at least 12", "no one was hurt")
// against a victim described ("a 16-year-old boy was shot", "a fatal shooting", "two children and
// a woman"): only a stated total is a count a report can dispute.
import type { FigureMention } from '../../../model/index.ts';
import { DIGIT_NUMBER, DIGIT_NUMBER_CONTINENTAL, WORD_NUMBER, WORD_NUMBER_ES, parseNumber } from './numbers.ts';

const HEDGE = /^(?:about|around|roughly|nearly|almost|approximately|some|more than|over|at least|up to|fewer than|less than|an estimated|estimated|as many as|close to|upwards of|just over|just under|at most|between|unos|unas|alrededor de|cerca de|más de|mas de|menos de|al menos|por lo menos|casi|aproximadamente|hasta|entre)\s+/i;
const LEADING = new RegExp(`^(?:\\$\\s?)?(${DIGIT_NUMBER}|${DIGIT_NUMBER_CONTINENTAL}|${WORD_NUMBER}|${WORD_NUMBER_ES})(?![\\p{L}\\d])`, 'iu');
const NONE = /^(?:no one|nobody|none|no)\b/i;

/** The number a figure's text opens with, hedges skipped; null when it opens with words ("A man"). */
export function leadingNumber(text: string): number | null {
  const t = text.trim().replace(HEDGE, '');
  const m = LEADING.exec(t);
  if (!m) return null;
  return parseNumber(m[1]) ?? parseNumber(m[1].replace(/\.(?=\d{3}\b)/g, '').replace(/,(?=\d{1,2}\b)/, '.'));
}

/** Whether the figure is a total as written: its text opens with its own number (or states none). */
export function isStatedTotal(f: Pick<FigureMention, 'text' | 'value' | 'low' | 'vague'>): boolean {
  if (f.vague || f.value === null) return false;
  if (f.value === 0) return NONE.test(f.text.trim());
  const n = leadingNumber(f.text);
  return n !== null && (n === f.value || n === f.low);
}
