// Figures: numbers with what they count and their unit — digits or words ("four teens", "two
// dozen", "a 90-day curfew", "roughly 120,000 residents" → approximate), vague quantities kept as
// such ("dozens"), ranges ("10 to 15"), and casualty counts labelled killed / injured / shot,
// including "a man was shot and killed" (1) and "no one was injured" (0). Dates, times, ages,
// phone numbers, addresses and years are not figures.
import type { Article, FigureMention, Span } from '../../../model/index.ts';
import { DIGIT_NUMBER, DIGIT_NUMBER_CONTINENTAL, WORD_NUMBER, WORD_NUMBER_ES, parseNumber } from './numbers.ts';
import { PERSON_NOUNS, labelAfter, labelBefore, nounLabel } from './casualty-words.ts';
import { listedVictims, uncountedVictims } from './victims.ts';

const APPROX = '(?:about|around|roughly|nearly|almost|approximately|some|more than|over|at least|up to|fewer than|less than|an estimated|estimated|as many as|close to|upwards of|just over|just under|at most)';
const NUMBER = `(?:\\$\\s?)?(?:${DIGIT_NUMBER}|\\b${WORD_NUMBER})(?![\\p{L}\\d])`;
const QUANTITY = new RegExp(
  `(?:\\b(${APPROX})\\s+)?(?:\\b(between)\\s+)?(${NUMBER})(?:\\s*(?:to|-|–|and|or)\\s*(${NUMBER}))?`,
  'giu',
);
// Spanish: its own number words, hedges and range words ("unas 12.000", "entre 10 y 15").
const APPROX_ES = '(?:unos|unas|alrededor de|cerca de|más de|mas de|menos de|al menos|por lo menos|casi|aproximadamente|hasta|poco más de|un total de)';
const NUMBER_ES = `(?:\\$\\s?)?(?:${DIGIT_NUMBER_CONTINENTAL}|\\b${WORD_NUMBER_ES})(?![\\p{L}\\d])`;
const QUANTITY_ES = new RegExp(
  `(?:\\b(${APPROX_ES})\\s+)?(?:\\b(entre)\\s+)?(${NUMBER_ES})(?:\\s*(?:a|-|–|y|o)\\s*(${NUMBER_ES}))?`,
  'giu',
);
// Spanish units, named as the English ones so figures line up across languages.
const UNIT_ES: [RegExp, string][] = [
  [/^\s*(?:horas?)\b/iu, 'hour'],
  [/^\s*(?:días?|dias?)\b/iu, 'day'],
  [/^\s*(?:semanas?)\b/iu, 'week'],
  [/^\s*(?:meses|mes)\b/iu, 'month'],
  [/^\s*(?:años?)\b/iu, 'year'],
  [/^\s*(?:minutos?)\b/iu, 'minute'],
  [/^\s*(?:kilómetros?|kilometros?|km)\b/iu, 'km'],
  [/^\s*(?:hectáreas?|hectareas?)\b/iu, 'hectare'],
  [/^\s*(?:por ciento|%)/iu, '%'],
];
const VAGUE = /\b(dozens|hundreds|thousands|tens of thousands|hundreds of thousands|millions|scores|several|a few|a handful|numerous)\b(?:\s+of)?/gi;
const ZERO =
  /\b(no one|nobody|none|no other (?:people|persons|one)|no one else)(?:\s+(?:else|other))?\s+(?:\w+\s+)?(?:was|were|has been|had been|is|got|appeared to be|appears to have been)\s+(?:\w+\s+)?(killed|hurt|injured|wounded|shot|struck|harmed)|\bno\s+(?:other\s+|additional\s+|serious\s+)?(injuries|deaths|fatalities|casualties)\b/gi;
const SINGULAR =
  /\b(an?|one|another|one other|the|his|her|their)\s+((?:\d+-year-old|young|teenage|unidentified|elderly|local|off-duty|pregnant|[a-z]+)\s+){0,2}(man|woman|boy|girl|teen|teenager|juvenile|person|victim|child|toddler|infant|student|driver|officer|deputy|clerk|customer|resident|bystander|mother|father|son|daughter|husband|wife|brother|sister|grandmother|grandfather|uncle|aunt|cousin|nephew|niece|girlfriend|boyfriend|motorist|pedestrian|homeowner|neighbor|passenger|friend|roommate|classmate|\d+-year-old)\b|\b(another|one other)\b(?=\s+(?:was\s+|is\s+|being\s+)?(?:\w+ly\s+)?(?:injured|wounded|hurt|killed))/gi;
// One death named by its noun: "the shooting death of his nephew", "the murder of a 7-year-old girl".
const DEATH_OF =
  /\b(?:(?:deaths?|murder|killing|slaying|homicide) of|killing|murdering) (?:a |an |the |his |her |their )?(?:\d+-year-old |[a-z]+ ){0,2}?(man|woman|boy|girl|child|son|daughter|nephew|niece|teen|teenager|toddler|infant|baby|father|mother|brother|sister|wife|husband|girlfriend|boyfriend|student|officer|\d+-year-old)\b/gi;
const NAME = "\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}\\.)?(?:\\s+\\p{Lu}[\\p{L}'’-]+){1,2}(?:,\\s*\\d{1,2},?)?";
const NAMED_VICTIMS = new RegExp(
  `\\b(killing|fatally shooting|fatally wounding|injuring|wounding|shot and killed|shot and wounded|killed|wounded|injured)\\s+(${NAME}(?:\\s*,\\s*${NAME})*(?:,?\\s+and\\s+${NAME})?)`,
  'gu',
);
// A named victim with an age: "Jasper Stansbery, 15, was found ...", "John Doe, 23, of Dayton, was shot".
const NAMED_AGE = /\b\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\.)?\s+\p{Lu}[\p{L}'’-]+,\s*\d{1,2},(?:\s+of\s+[^,.]{2,40},)?/gu;
// One victim as the object of the verb: "shot his uncle in the head", "fatally shot a 25-year-old man".
const OBJECT_VICTIM =
  /\b(fatally shot|shot and killed|shot and wounded|shot|shoots|shooting|killed|kills|killing|wounded|wounding|injured|injuring)\s+(?:his|her|their|a|an|the)\s+(?:(?:\d+[- ]year[- ]old|young|younger|older|own|teenage|infant|toddler|baby|little|adult|innocent|elderly|unarmed|pregnant|\w+-old)\s+){0,2}(man|woman|boy|girl|son|daughter|brother|sister|sibling|mother|father|uncle|aunt|cousin|nephew|niece|wife|husband|girlfriend|boyfriend|friend|neighbor|grandmother|grandfather|child|teen|teenager|toddler|infant|baby|victim|person|student|officer|deputy|passenger|driver|bystander|clerk|customer)\b(?!['’]s)/gi;
// The same sentence told of a death just before: "… was killed and …", "… died, while …".
const BOTH = /\bboth(?:\s+(?:the|a|an|his|her)\s+[\w-]+(?:\s+[\w-]+)?\s+and\s+(?:the|a|an|his|her)\s+[\w-]+(?:\s+[\w-]+)?)?(?=\s+(?:were|are|have been|had been)\b)/gi;
const AFTER_A_DEATH = /\b(?:killed|dead|died|slain)\b[^.!?;]{0,40}?(?:,?\s+(?:and|while|as)|;)\s+$/i;
const FATAL = /\b(?:fatal|deadly|fatally) (?:shooting|stabbing|shot)\b/gi;
// Headlines drop articles and auxiliaries: "Teen dies after shooting", "Man, 25, shot and killed".
const HEADLINE_SINGULAR =
  /^(?:[\w'-]+\s+){0,3}?(man|woman|boy|girl|teen|teenager|toddler|child|person|student|father|mother|officer|\d+-year-old)(?:,\s*\d+,)?\s+(?:is\s+|was\s+)?(?=fatally|shot|killed|dies|died|dead|slain|wounded|injured|hurt|critically)/gi;

const UNIT = /^\s*(%|percent|per cent|km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|ft|acres?|hectares?|tonnes?|tons?|kg|kilograms?|pounds|lbs|dollars|euros|degrees|hours?|days?|weeks?|months?|years?|minutes?|seconds?)\b/i;
const HYPHEN_UNIT = /^-(day|week|month|year|hour|minute|mile|kilometre|kilometer|km|meter|metre|foot|acre|story|storey|bed|room|member|page|point)s?\b/i;
const SKIP_WORDS = new Set(['other', 'more', 'additional', 'new', 'young', 'local', 'armed', 'unidentified', 'separate', 'different', 'masked', 'unknown', 'innocent', 'consecutive', 'straight', 'successive', 'further']);
// Function words (English, plus the commonest of the other languages we ingest) are never counted.
const NOT_A_NOUN =
  /^(of|in|at|on|and|or|to|from|for|by|with|who|that|which|were|was|is|are|have|has|had|will|would|said|say|says|after|before|than|as|per|p|a|an|the|y|e|de|del|la|el|los|las|en|por|para|que|con|et|le|les|des|du|und|der|die|das|von|mit)$/i;

const ONE_OF_MANY = /^\s+(?:of\s+(?:the|its|his|her|their|our|my|this|these|those)\s+(?:most|least|best|worst|few|many|first|last|top|largest|biggest|\w+est)\b|de\s+(?:los|las)\s+(?:\p{L}+\s+){0,2}(?:más|menos|mejores|peores|mayores|principales)\b)/iu;

function blocked(text: string, start: number, end: number, taken: Span[]): boolean {
  if (taken.some((s) => s.start < end && start < s.end)) return true;
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 16);
  if (/\bages?\s+(?:\d+,?\s*(?:and\s+)?)+$/i.test(text.slice(Math.max(0, start - 30), start))) return true;
  // Citations "[31]", ages "(22)", "Cartrail Robertson, 13," and "Bert Hollis Jr., 60,", references "one of the six".
  if (/[[(]$/.test(before) && /^[\])]/.test(after)) return true;
  if (/\p{Lu}\p{L}+\.?,\s*$/u.test(before) && /^\s*(?:,|\.|and\b|were\b|was\b|of\b)/.test(after) && /^\d{1,2}$/.test(text.slice(start, end))) return true;
  if (/\b(?:of the|of those|of these|one of)\s+$/i.test(before)) return true;
  // "one of the most stable nations", "uno de los países más estables": one picked out of many, not a count.
  if (/^(?:one|uno|una)$/i.test(text.slice(start, end)) && ONE_OF_MANY.test(text.slice(end, end + 60))) return true;
  if (/[\d/:#-]$|\b(?:no|route|highway|interstate|i|us|sr|cr|fm|hwy|unit|apt|suite|room|page|number|channel|ages?d?|aged)\.?\s*$/i.test(before)) return true;
  if (/^(?:\s?(?:a\.?m|p\.?m)\b|:\d|\/\d|\s?o'clock|-\d|-?years?-old|\s+years?\s+old|(?:st|nd|rd|th)\b|\.\d)/i.test(after)) return true;
  // Clock times: "0810 GMT", "a las 8.10", "um 14 Uhr".
  if (/^\s*(?:GMT|UTC|CET|CEST|EST|EDT|CST|CDT|PST|PDT|BST|local time|hrs?\b|Uhr)/i.test(after) || /\b(?:a las|à|alle|um)\s*$/i.test(before)) return true;
  if (/^\s+(?:block|(?:\p{Lu}[\p{L}.]*\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Blvd|Boulevard|Lane|Ln|Way|Court|Ct|Place|Pl|Pkwy|Hwy|Highway)\b)/u.test(text.slice(end, end + 40))) return true;
  let a = start;
  while (a > 0 && !/\s/.test(text[a - 1])) a--;
  return /(:\/\/|www\.|@)/.test(text.slice(a, end + 20).split(/\s/)[0]);
}

/** What follows a quantity: its unit (if any), the counted noun and where the noun ends. */
function countedNoun(after: string, headline = false): { unit: string | null; noun: string | null; length: number } {
  let rest = after;
  let unit: string | null = null;
  for (const [re, name] of UNIT_ES) {
    const m = re.exec(rest);
    if (m) return { unit: name, noun: null, length: m[0].length };
  }
  const hyphen = HYPHEN_UNIT.exec(rest);
  const plain = hyphen ? null : UNIT.exec(rest);
  if (hyphen || plain) {
    const u = (hyphen ?? plain)!;
    unit = u[1].toLowerCase().replace(/^per cent$|^percent$/, '%').replace(/s$/, '') || null;
    rest = rest.slice(u[0].length);
    // "a 60-day state of emergency": the compound measures the noun after it, which is not counted.
    if (hyphen) return { unit, noun: null, length: u[0].length };
  }
  const consumed = after.length - rest.length;
  // Case-insensitive so headlines count too ("3 Adults Injured"); nouns come back lowercased.
  const lead = /^\s+(?:(?:of|de)\s+(?:the\s+|them\s+|those\s+|los\s+|las\s+)?)?/i.exec(rest)?.[0];
  if (!lead) return { unit, noun: null, length: consumed }; // punctuation right after the number
  let offset = consumed + lead.length;
  const words: [string, string][] = [];
  for (const m of rest.slice(lead.length).matchAll(/((?:\d+-)?\p{L}[\p{L}'-]*)(\s*)/giuy)) {
    words.push([m[0], m[1]]);
    if (!m[2] || words.length === 3) break; // punctuation ends the phrase
  }
  for (const [i, [whole, word]] of words.entries()) {
    const w = word.toLowerCase();
    // Outside headlines a capitalised word is a name ("three Lisbon ferries"), not what is counted.
    if (NOT_A_NOUN.test(w) || /ly$/.test(w) || w.length < 2 || (!headline && /^\p{Lu}/u.test(word))) break;
    // A noun used as an adjective before a plural: "two commuter ferries" counts ferries.
    const next = words[i + 1]?.[1].toLowerCase();
    if (next && !/s$/.test(w) && /[^s]s$/.test(next) && !PERSON_NOUNS.has(w) && !NOT_A_NOUN.test(next) && !nounLabel(w)) {
      offset += whole.length;
      continue;
    }
    if ((SKIP_WORDS.has(w) || /^\d+-year-old$/.test(w)) && i < words.length - 1) {
      offset += whole.length;
      continue;
    }
    return { unit, noun: w, length: offset + word.length };
  }
  return { unit, noun: null, length: consumed };
}

// "people" in any language: "unas 12.000 personas" and "some 12,000 people" count the same thing.
const PEOPLE = new Set(['people', 'persons', 'personas', 'personnes', 'persone', 'pessoas', 'personen', 'osób', 'ljudi', 'osoba']);

/** Every figure in the text. `dates` are spans already taken by dates (their numbers are not figures). */
export function extractFigures(article: Pick<Article, 'text'> & { language?: string }, dates: Span[] = [], opts: { headline?: boolean } = {}): FigureMention[] {
  const { text } = article;
  // Most languages but English write 6.000 for six thousand and 8,5 for eight and a half.
  const continental = !!article.language && !/^(en|und)$/.test(article.language);
  const numberOf = (s: string) => parseNumber(continental ? s.replace(/\.(?=\d{3}\b)/g, '').replace(/,(?=\d{1,2}\b)/, '.') : s);
  const out: FigureMention[] = [];
  const taken: Span[] = [...dates];
  const push = (f: FigureMention) => {
    out.push(f);
    taken.push(f);
  };
  for (const m of text.matchAll(ZERO)) {
    const label = (m[2] ?? m[3]).toLowerCase();
    const counts = /kill|death|fatal/.test(label) ? 'killed' : /shot|struck/.test(label) ? 'shot' : 'injured';
    push({ start: m.index!, end: m.index! + m[0].length, text: m[0], value: 0, approx: false, vague: false, unit: null, counts });
  }
  // Listed victims before the bare numbers, so "Two children and a woman" is read as one count.
  for (const f of listedVictims(text, opts.headline)) if (!taken.some((t) => t.start < f.end && f.start < t.end)) push(f);
  for (const m of text.matchAll(article.language === 'es' ? QUANTITY_ES : QUANTITY)) {
    const start = m.index! + (m[0].length - m[0].trimStart().length);
    const end = m.index! + m[0].length;
    const numStart = m.index! + m[0].indexOf(m[3]);
    if (blocked(text, numStart, end, taken)) continue;
    const low = numberOf(m[3].replace(/^\$\s?/, ''));
    const high = m[4] ? numberOf(m[4].replace(/^\$\s?/, '')) : null;
    if (low === null) continue;
    // "between 10 and 15" is a range; "17 and 19" is a list.
    if (m[4] && (high === null || high <= low || (/\band\b/.test(m[0]) && !m[2]))) continue;
    const isYear = /^(19|20)\d{2}$/.test(m[3]) && !m[4];
    const { unit, noun, length } = countedNoun(text.slice(end, end + 60), opts.headline);
    if (isYear && (!noun || /^\s*[\p{Lu},.;]/u.test(text.slice(end, end + 2)))) continue; // "in 2020", not "2020 votes"
    const money = m[3].startsWith('$');
    const after = text.slice(end + length);
    const before = text.slice(Math.max(0, start - 40), start);
    let counts: string | null = noun && PEOPLE.has(noun) ? 'people' : noun;
    if (!unit) {
      // "killed three people and wounded two": the verb right before the number wins.
      const fired = /\b(?:fired|firing|fire|heard|hear)\s+(?:\w+\s+)?$/i.test(before);
      const label = fired ? null : nounLabel(noun) ?? (noun === null || PERSON_NOUNS.has(noun) ? (labelBefore(before, after) ?? labelAfter(after, opts.headline)) : null);
      if (label) counts = label;
      else if (noun === 'shot' || noun === 'shots') counts = 'shots fired';
    }
    // A bare long number with nothing counted is a code or an id ("text 76765"), not a figure.
    if (!counts && !unit && !money && /^\d{4,}$/.test(m[3])) continue;
    const value = high !== null ? (low + high) / 2 : low;
    push({
      start,
      end,
      text: m[0].trim(),
      value,
      low: high !== null ? low : null,
      high,
      approx: !!m[1],
      vague: false,
      unit: money ? 'USD' : unit,
      counts,
    });
  }
  for (const m of text.matchAll(VAGUE)) {
    const end = m.index! + m[0].length;
    if (taken.some((s) => s.start < end && m.index! < s.end)) continue;
    const { noun } = countedNoun(text.slice(end, end + 60));
    push({ start: m.index!, end, text: m[0], value: null, approx: true, vague: true, unit: null, counts: noun });
  }
  const singular = (re: RegExp, label?: 'killed') => {
    for (const m of text.matchAll(re)) {
      const end = m.index! + m[0].length;
      if (taken.some((s) => s.start < end && m.index! < s.end)) continue;
      let counts = label ?? labelAfter(text.slice(end, end + 90), opts.headline);
      // "A juvenile was killed and a delivery driver was shot": one more victim, who lived.
      if (counts === 'shot' && AFTER_A_DEATH.test(text.slice(Math.max(0, m.index! - 120), m.index!))) counts = 'injured';
      if (counts) push({ start: m.index!, end, text: m[0].trim(), value: 1, approx: false, vague: false, unit: null, counts });
    }
  };
  // "Both the gunman and the child were taken to a hospital": two.
  for (const m of text.matchAll(BOTH)) {
    const end = m.index! + m[0].length;
    if (taken.some((s) => s.start < end && m.index! < s.end)) continue;
    const counts = labelAfter(text.slice(end, end + 90));
    if (counts) push({ start: m.index!, end, text: m[0].trim(), value: 2, approx: false, vague: false, unit: null, counts });
  }
  singular(SINGULAR);
  singular(DEATH_OF, 'killed');
  singular(NAMED_AGE);
  for (const m of text.matchAll(OBJECT_VICTIM)) {
    const end = m.index! + m[0].length;
    const start = m.index! + m[1].length + 1;
    if (taken.some((s) => s.start < end && start < s.end)) continue;
    const verb = m[1].toLowerCase();
    const counts = /kill|fatal/.test(verb) ? 'killed' : /wound|injur/.test(verb) ? 'injured' : 'shot';
    push({ start, end, text: text.slice(start, end), value: 1, approx: false, vague: false, unit: null, counts });
  }
  // Named victims: "killing Sarah Davidson at the scene and injuring Leanne Smith and Dustin Grey".
  for (const m of text.matchAll(NAMED_VICTIMS)) {
    const names = m[2].split(/,\s*(?:and\s+)?|\s+and\s+/).filter((n) => /^\p{Lu}/u.test(n));
    const start = m.index! + m[0].indexOf(m[2]);
    const end = start + m[2].length;
    if (!names.length || taken.some((s) => s.start < end && start < s.end)) continue;
    const counts = /kill|fatal/i.test(m[1]) ? 'killed' : /injur|wound/i.test(m[1]) ? 'injured' : 'shot';
    push({ start, end, text: m[2], value: names.length, approx: false, vague: false, unit: null, counts });
  }
  for (const f of uncountedVictims(text)) if (!taken.some((t) => t.start < f.end && f.start < t.end)) push(f);
  // "a fatal shooting": at least one death, count unknown.
  for (const m of text.matchAll(FATAL)) {
    const end = m.index! + m[0].length;
    if (!taken.some((s) => s.start < end && m.index! < s.end)) push({ start: m.index!, end, text: m[0], value: 1, low: 1, high: null, approx: true, vague: false, unit: null, counts: 'killed' });
  }
  if (opts.headline) singular(HEADLINE_SINGULAR);
  return out.sort((a, b) => a.start - b.start);
}
