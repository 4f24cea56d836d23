// Numbers written as digits or words: "120,000", "2.5 million", "twenty-five", "two dozen",
// "a hundred", "a half-dozen". Pure parsing; finding them in text is figures.ts's job.

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { dozen: 12, hundred: 100, thousand: 1000, million: 1e6, billion: 1e9, trillion: 1e12, k: 1000, m: 1e6, bn: 1e9 };

const UNIT_WORDS = Object.keys(UNITS).join('|');
const TEN_WORDS = Object.keys(TENS).join('|');
/** A number in words, e.g. "twenty-five", "two hundred", "a dozen", "one hundred and twenty". */
export const WORD_NUMBER = `(?:(?:${TEN_WORDS})(?:[- ](?:${UNIT_WORDS}))?|${UNIT_WORDS}|(?:a|an|half a|a half)(?=[- ](?:dozen|hundred|thousand|million|billion)))(?:[- ](?:dozen|hundred|thousand|million|billion)(?: and (?:(?:${TEN_WORDS})(?:-(?:${UNIT_WORDS}))?|${UNIT_WORDS}))?)*`;
/** A number in digits, with optional scale word: "1,200", "3.5", "2.5 million", "12k". */
export const DIGIT_NUMBER = `(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:\\s?(?:million|billion|trillion|thousand|hundred|dozen|bn|k)\\b)?`;

/** The value of a number phrase matched by WORD_NUMBER or DIGIT_NUMBER, or null. */
export function parseNumber(phrase: string): number | null {
  const s = phrase
    .toLowerCase()
    .replace(/,(?=\d{3})/g, '')
    .replace(/\b(?:half an?|an? half)\b/, 'half')
    .trim();
  const digits = /^(\d+(?:\.\d+)?)\s?(million|billion|trillion|thousand|hundred|dozen|bn|k)?$/.exec(s);
  if (digits) return round(+digits[1] * (digits[2] ? SCALES[digits[2]] : 1));
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of s.split(/[\s-]+/)) {
    if (w === 'and') continue;
    if (w === 'a' || w === 'an') {
      current += 1;
      seen = true;
    } else if (w === 'half') {
      current += 0.5;
      seen = true;
    } else if (w in UNITS) {
      current += UNITS[w];
      seen = true;
    } else if (w in TENS) {
      current += TENS[w];
      seen = true;
    } else if (w in SCALES) {
      const scale = SCALES[w];
      current = (current || 1) * scale;
      if (scale >= 1000) {
        total += current;
        current = 0;
      }
      seen = true;
    } else return null;
  }
  return seen ? round(total + current) : null;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
