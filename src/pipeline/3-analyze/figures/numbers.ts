// Numbers written as digits or words: "120,000", "2.5 million", "twenty-five", "two dozen",
// "a hundred", "a half-dozen". Pure parsing; finding them in text is figures.ts's job.

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = {
  dozen: 12,
  hundred: 100,
  thousand: 1000,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  k: 1000,
  m: 1e6,
  bn: 1e9,
};

// Spanish number words, matched only in Spanish text ("once" is eleven there, a word in English).
// "un"/"una" count only before a scale word ("un millón"), never alone: they are also articles.
const UNITS_ES: Record<string, number> = {
  cero: 0,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciséis: 16,
  dieciseis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veinte: 20,
  veintiuno: 21,
  veintiuna: 21,
  veintidós: 22,
  veintidos: 22,
  veintitrés: 23,
  veintitres: 23,
  veinticuatro: 24,
  veinticinco: 25,
  veintiséis: 26,
  veintiseis: 26,
  veintisiete: 27,
  veintiocho: 28,
  veintinueve: 29,
  cien: 100,
  ciento: 100,
  doscientos: 200,
  doscientas: 200,
  trescientos: 300,
  trescientas: 300,
  cuatrocientos: 400,
  cuatrocientas: 400,
  quinientos: 500,
  quinientas: 500,
  seiscientos: 600,
  seiscientas: 600,
  setecientos: 700,
  setecientas: 700,
  ochocientos: 800,
  ochocientas: 800,
  novecientos: 900,
  novecientas: 900,
};
const TENS_ES: Record<string, number> = {
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  sesenta: 60,
  setenta: 70,
  ochenta: 80,
  noventa: 90,
};
const SCALES_ES: Record<string, number> = {
  docena: 12,
  docenas: 12,
  mil: 1000,
  millón: 1e6,
  millon: 1e6,
  millones: 1e6,
};
const ONE = new Set(['a', 'an', 'un', 'una', 'uno']);
const HALF = new Set(['half', 'media']);
// Words inside a number phrase that add nothing: "one hundred and twenty", "treinta y dos", "un millón de".
const FILLERS = new Set(['and', 'y', 'de']);

const UNIT_WORDS = Object.keys(UNITS).join('|');
const TEN_WORDS = Object.keys(TENS).join('|');
/** A number in words, e.g. "twenty-five", "two hundred", "a dozen", "one hundred and twenty". */
export const WORD_NUMBER = `(?:(?:${TEN_WORDS})(?:[- ](?:${UNIT_WORDS}))?|${UNIT_WORDS}|(?:a|an|half a|a half)(?=[- ](?:dozen|hundred|thousand|million|billion)))(?:[- ](?:dozen|hundred|thousand|million|billion)(?: and (?:(?:${TEN_WORDS})(?:-(?:${UNIT_WORDS}))?|${UNIT_WORDS}))?)*`;
const ES_SIMPLE = `(?:(?:${Object.keys(TENS_ES).join('|')})(?: y (?:uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve))?|${Object.keys(UNITS_ES).join('|')})`;
/** A Spanish number in words: "cuatro", "treinta y dos", "dos mil", "un millón", "media docena". */
const ES_SCALE = `(?: (?:docenas?|mil|millón|millon|millones)(?: ${ES_SIMPLE})*)`;
export const WORD_NUMBER_ES = `(?:${ES_SIMPLE}(?: ${ES_SIMPLE})*${ES_SCALE}*|(?:un|una|media)${ES_SCALE}+)`;
/** A number in digits, with optional scale word: "1,200", "3.5", "2.5 million", "12k". */
// "$2.6 million" and "$2.6-million" (a compound before a noun) are one amount; "5-k" is no scale.
export const DIGIT_NUMBER = `(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:(?:\\s?|-(?=[mbt]))(?:million|billion|trillion|thousand|hundred|dozen|bn|k)\\b)?`;

/** The same in languages that write 1.300 for a thousand three hundred and 1,3 for one point three ("1,3 millones"). */
export const DIGIT_NUMBER_CONTINENTAL = `(?:\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,\\d+)?(?:\\s?(?:millones|millón|millon|mil|million|billion|trillion|thousand|hundred|dozen|bn|k)\\b)?`;

/** The value of a number phrase matched by WORD_NUMBER or DIGIT_NUMBER, or null. */
export function parseNumber(phrase: string): number | null {
  const s = phrase
    .toLowerCase()
    .replace(/,(?=\d{3})/g, '')
    .replace(/\b(?:half an?|an? half)\b/, 'half')
    .trim();
  const digits = /^(\d+(?:\.\d+)?)(?:\s|-)?(million|billion|trillion|thousand|hundred|dozen|bn|k|millones|millón|millon|mil)?$/.exec(s);
  if (digits) return round(+digits[1] * (digits[2] ? (SCALES[digits[2]] ?? SCALES_ES[digits[2]]) : 1));
  // One pass for both languages: the matching regexes decide which language's words get here.
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of s.split(/[\s-]+/)) {
    if (FILLERS.has(w)) continue;
    const value = ONE.has(w) ? 1 : HALF.has(w) ? 0.5 : (UNITS[w] ?? TENS[w] ?? UNITS_ES[w] ?? TENS_ES[w]);
    const scale = SCALES[w] ?? SCALES_ES[w];
    if (value !== undefined) current += value;
    else if (scale !== undefined) {
      current = (current || 1) * scale;
      if (scale >= 1000) {
        total += current;
        current = 0;
      }
    } else return null;
    seen = true;
  }
  return seen ? round(total + current) : null;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
