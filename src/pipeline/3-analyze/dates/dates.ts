// Dates as written in an article, resolved against its publication date: absolute ("12 March",
// "Jan. 27, 2014", "2014-01-27") and relative ("Monday evening", "yesterday", "last week",
// "on the 14th", "three days ago"). Each keeps its span, its text and how sure the resolution is.
import type { Article, DateGranularity, DateMention } from '../../../model/index.ts';
import { STAMP_AFTER } from './page-stamp.ts';
import { MONTHS, WEEKDAYS, dayNumber, formatDay, nearestWeekday, nearestYear, parseDay, partsOf, weekdayOf } from './calendar.ts';
import { FOREIGN_APPOSITION, FOREIGN_FUTURE, FOREIGN_MONTHS, FOREIGN_MONTH_RE, FOREIGN_PAST, FOREIGN_POINTER, FOREIGN_RELATIVE, FOREIGN_RELATIVE_RE, FOREIGN_WEEKDAYS, FOREIGN_WEEKDAY_RE, ORDINAL_WEEKDAYS } from './other-languages.ts';

const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const MONTH_NAME = '(January|February|March|April|May|June|July|August|September|October|November|December)';
const WEEKDAY = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const SMALL: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

interface Resolution {
  day: number | null;
  granularity: DateGranularity;
  /** How sure the reading is before the publication date's own uncertainty is applied. */
  sure: number;
  relative: boolean;
}

interface Ctx {
  ref: number | null;
  future: boolean;
  /** The sentence is in the past tense before the date: a past reading only. */
  past: boolean;
  language?: string;
  /** The text right before and after the match. */
  before: string;
  after: string;
  /** The rest of the sentence after the match. */
  rest: string;
}

interface Rule {
  re: RegExp;
  resolve: (m: RegExpExecArray, ctx: Ctx) => Resolution | null;
  /** Capture group that is the date itself when the match includes a lead-in word. */
  core?: number;
}

const monthOf = (s: string) => MONTHS[s.toLowerCase().replace(/\.$/, '')] ?? null;
const abs = (day: number | null, granularity: DateGranularity, sure: number): Resolution | null => (day === null ? null : { day, granularity, sure, relative: false });
const rel = (day: number | null, granularity: DateGranularity, sure: number): Resolution => ({ day, granularity, sure, relative: true });

function monthDay(ctx: Ctx, month: number | null, day: number, year?: string, weekdayName?: string): Resolution | null {
  if (!month) return null;
  if (year) return abs(dayNumber(+year, month, day), 'day', 0.95);
  if (ctx.ref === null) return dayNumber(2000, month, day) === null ? null : rel(null, 'day', 0);
  // "Saturday, April 25": the year whose April 25 is a Saturday, the nearest such.
  const wd = weekdayName ? WEEKDAYS[weekdayName.toLowerCase()] : undefined;
  if (wd !== undefined) {
    const { y } = partsOf(ctx.ref);
    const fits = [y, y - 1, y + 1].map((yy) => dayNumber(yy, month, day)).filter((n): n is number => n !== null && weekdayOf(n) === wd);
    if (fits.length) return { day: fits.sort((a, b) => Math.abs(a - ctx.ref!) - Math.abs(b - ctx.ref!))[0], granularity: 'day', sure: 0.9, relative: true };
  }
  const n = nearestYear(ctx.ref, month, day, ctx.future);
  // "broke out on 12 March" in a January paper: last March, not the coming one.
  const past = ctx.past && n !== null && n > ctx.ref ? nearestYear(ctx.ref, month, day, false, true) : n;
  return { day: past, granularity: 'day', sure: 0.85, relative: true };
}

function weekday(ctx: Ctx, name: string, qualifier: string | undefined): Resolution {
  if (ctx.ref === null) return rel(null, 'day', 0);
  const wd = WEEKDAYS[name.toLowerCase()];
  const q = qualifier?.toLowerCase();
  if (q === 'last') return rel(nearestWeekday(ctx.ref, wd, 'past', true), 'day', 0.75);
  if (q === 'next') return rel(nearestWeekday(ctx.ref, wd, 'future', true), 'day', 0.75);
  if (q === 'coming' || q === 'this coming') return rel(nearestWeekday(ctx.ref, wd, 'future', true), 'day', 0.85);
  return rel(nearestWeekday(ctx.ref, wd, ctx.future ? 'future' : 'past'), 'day', 0.85);
}

function period(ctx: Ctx, which: string, unit: string): Resolution {
  const u = unit.toLowerCase();
  if (ctx.ref === null) return rel(null, u === 'weekend' ? 'day' : (u as DateGranularity), 0);
  const w = which.toLowerCase();
  const shift = /last|past/.test(w) ? -1 : w === 'next' ? 1 : 0;
  const { y, m } = partsOf(ctx.ref);
  if (u === 'year') return rel(dayNumber(y + shift, 1, 1), 'year', 0.9);
  if (u === 'month') {
    const mm = m + shift;
    return rel(dayNumber(y + Math.floor((mm - 1) / 12), ((mm - 1 + 12) % 12) + 1, 1), 'month', 0.9);
  }
  // Weeks start on Monday.
  const monday = nearestWeekday(ctx.ref, 1, 'past') + 7 * shift;
  if (u === 'weekend') return rel(monday + 5, 'week', 0.6);
  return rel(monday, 'week', 0.8);
}

/** A month named without a day or year: "last March" is before this month, "in May" per the tense. */
function monthOnly(ctx: Ctx, month: number, reading: 'last' | 'past' | 'future' | 'nearest'): Resolution {
  if (ctx.ref === null) return rel(null, 'month', 0);
  const { y, m } = partsOf(ctx.ref);
  if (reading === 'future') return rel(nearestYear(ctx.ref, month, 1, true), 'month', 0.7);
  if (reading === 'nearest') return rel(nearestYear(ctx.ref, month, 1, false), 'month', 0.7);
  const year = month < m || (month === m && reading === 'past') ? y : y - 1;
  return rel(dayNumber(year, month, 1), 'month', 0.7);
}

const RULES: Rule[] = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, resolve: (m) => abs(dayNumber(+m[1], +m[2], +m[3]), 'day', 0.95) },
  {
    re: new RegExp(`\\b(?:${WEEKDAY}\\s*,?\\s+)?${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:(?:,\\s*|\\s+)(\\d{4})\\b)?(?!:\\d|\\d|\\s*(?:%|percent))`, 'g'),
    resolve: (m, ctx) => monthDay(ctx, monthOf(m[2]), +m[3], m[4], m[1]),
  },
  {
    re: new RegExp(`\\b(?:${WEEKDAY}\\s*,?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b(?:\\s*,?\\s+(\\d{4})\\b)?`, 'g'),
    resolve: (m, ctx) => monthDay(ctx, monthOf(m[3]), +m[2], m[4], m[1]),
  },
  { re: new RegExp(`\\b${MONTH}\\.?,?\\s+(\\d{4})\\b`, 'g'), resolve: (m) => abs(dayNumber(+m[2], monthOf(m[1])!, 1), 'month', 0.9) },
  {
    re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/g,
    resolve: (m) => {
      const year = m[3].length === 2 ? 2000 + +m[3] : +m[3];
      // US order unless the first number cannot be a month.
      const [mo, d] = +m[1] > 12 ? [+m[2], +m[1]] : [+m[1], +m[2]];
      return abs(dayNumber(year, mo, d), 'day', +m[1] > 12 || +m[2] > 12 ? 0.85 : 0.7);
    },
  },
  {
    re: new RegExp(`\\b(?:(last|this coming|this|next|coming|early|late|on)\\s+)?${WEEKDAY}(?:\\s+(morning|afternoon|evening|night|overnight))?\\b`, 'g'),
    resolve: (m, ctx) => weekday(ctx, m[2], m[1]),
  },
  {
    re: /\b(today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)|last night|the day before yesterday|earlier today)\b/gi,
    resolve: (m, ctx) => {
      const w = m[1].toLowerCase();
      // "today's world", "the people of tomorrow": an era, not a day ("tomorrow's vote" is a day).
      if ((w === 'today' && /^\s*['’]s\b/.test(ctx.after)) || (w === 'tomorrow' && /\bof\s+$/i.test(ctx.before))) return null;
      // "And today, the right to work is equal to ...": "today," opening a sentence that tells of
      // nothing done or to be done is the present era.
      if (w === 'today' && /(?:^|[.!?]["”']?\s)\s*(?:\p{L}+\s+)?$/u.test(ctx.before) && /^\s*,/.test(ctx.rest) && !PAST.test(ctx.rest) && !FUTURE.test(ctx.rest)) return null;
      const shift = w === 'yesterday' || w === 'last night' ? -1 : w === 'tomorrow' ? 1 : w.startsWith('the day before') ? -2 : 0;
      return rel(ctx.ref === null ? null : ctx.ref + shift, 'day', 0.9);
    },
  },
  { re: /\b(last|this|next|earlier this|later this|past)\s+(week|month|year|weekend)\b/gi, resolve: (m, ctx) => period(ctx, m[1], m[2]) },
  {
    re: /\b(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month|year)s?\s+ago\b/gi,
    resolve: (m, ctx) => {
      const n = SMALL[m[1].toLowerCase()] ?? +m[1];
      const unit = m[2].toLowerCase();
      if (ctx.ref === null) return rel(null, unit as DateGranularity, 0);
      if (unit === 'day') return rel(ctx.ref - n, 'day', 0.85);
      if (unit === 'week') return rel(ctx.ref - 7 * n, 'week', 0.6);
      const { y, m: mo } = partsOf(ctx.ref);
      if (unit === 'year') return rel(dayNumber(y - n, 1, 1), 'year', 0.7);
      const mm = mo - n;
      return rel(dayNumber(y + Math.floor((mm - 1) / 12), ((((mm - 1) % 12) + 12) % 12) + 1, 1), 'month', 0.7);
    },
  },
  {
    re: /\b(?:on|by|until|since) (the (\d{1,2})(?:st|nd|rd|th))\b(?!\s+(?:floor|century|anniversary|time|round|minute|day|of\s+\p{L}))/giu,
    core: 1,
    resolve: (m, ctx) => {
      if (ctx.ref === null) return rel(null, 'day', 0);
      const day = +m[2];
      const { y, m: mo, d } = partsOf(ctx.ref);
      // The nearest such day: this month, else the month before (or after, for the future).
      const mm = ctx.future ? (day >= d ? mo : mo + 1) : day <= d ? mo : mo - 1;
      return rel(dayNumber(y + Math.floor((mm - 1) / 12), ((((mm - 1) % 12) + 12) % 12) + 1, day), 'day', 0.7);
    },
  },
  {
    re: /\b(?:in|since|during|by|until|from|before|after|early|late|mid-|of|spring|summer|autumn|fall|winter)\s+((?:19|20)\d{2})\b(?![-–/]\d|\s*(?:%|percent|people|votes|[a-z]+s\b))/g,
    core: 1,
    resolve: (m) => abs(dayNumber(+m[1], 1, 1), 'year', 0.9),
  },
  {
    re: new RegExp(`\\b(?:in|since|during|until|by|early|late|mid-|last|this|next)\\s+${MONTH_NAME}\\b(?![\\s.]*\\d)`, 'g'),
    core: 1,
    resolve: (m, ctx) => monthOnly(ctx, monthOf(m[1])!, /^last\b/i.test(m[0]) ? 'last' : ctx.future ? 'future' : ctx.past ? 'past' : 'nearest'),
  },
  {
    // "the June shooting", "a July shooting on Bourbon Street": an incident's month, so a past one.
    re: new RegExp(`\\b(?:the|a|an)\\s+${MONTH_NAME}(?=\\s+(?:[\\w-]+\\s+){0,2}?(?:shootings?|shootout|killings?|slayings?|homicides?|murders?|deaths?|attacks?|stabbing|crash|fire)\\b)`, 'g'),
    core: 1,
    resolve: (m, ctx) => monthOnly(ctx, monthOf(m[1])!, 'past'),
  },
];

// Holidays on a fixed day: "on New Year's Eve", "the Fourth of July", "Nochebuena". [pattern, month, day]
const HOLIDAYS: [string, number, number][] = [
  ["New Year['’]s Eve", 12, 31], ["New Year['’]s Day", 1, 1], ['Christmas Eve', 12, 24], ['Christmas Day', 12, 25],
  ['(?:the )?Fourth of July', 7, 4], ['July Fourth', 7, 4], ['Halloween', 10, 31], ["Valentine['’]s Day", 2, 14],
];
const FOREIGN_HOLIDAYS: [string, number, number][] = [
  ['Nochebuena', 12, 24], ['Navidad', 12, 25], ['Nochevieja', 12, 31], ['Año Nuevo', 1, 1], ['Día de Reyes', 1, 6], ['Noël', 12, 25], ['Natal', 12, 25],
];
const holidayRule = ([name, month, day]: [string, number, number], flags: string): Rule => ({
  re: new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, flags),
  resolve: (_m, ctx) => monthDay(ctx, month, day),
});
RULES.push(...HOLIDAYS.map((h) => holidayRule(h, 'gu')));

// For articles in other languages: "14 de marzo de 2026", "14 mars", "el lunes", "ayer".
const FOREIGN_RULES: Rule[] = [
  ...FOREIGN_HOLIDAYS.map((h) => holidayRule(h, 'gu')),
  {
    re: new RegExp(`(?<![\\p{L}\\d])(\\d{1,2}|primero|uno)\\.?\\s+(?:de\\s+)?(${FOREIGN_MONTH_RE})(?:\\s+(?:de\\s+)?(\\d{4}))?(?![\\p{L}])`, 'giu'),
    resolve: (m, ctx) => {
      // These languages write months in lowercase: a capitalised one right after a noun is part of
      // that noun's name ("el puente 25 de Abril", "Avenida 5 de Outubro"); "el Primero de Mayo" is the day.
      if (/^\p{Lu}/u.test(m[2]) && !/(?:^|[^\p{L}])(?:el|la|los|las|del|de|al|a|en|desde|hasta|para|o|os|do|da|no|na|le|il|y|e)\s+$/iu.test(ctx.before) && ctx.before.trim()) return null;
      const day = /^\d/.test(m[1]) ? +m[1] : 1;
      return monthDay(ctx, FOREIGN_MONTHS[m[2].toLowerCase()] ?? null, day, m[3]);
    },
  },
  {
    // "del 6 al 9 de abril", "entre el 5 y el 6 de junio": the first day takes the month that follows.
    re: new RegExp(`(?<![\\p{L}\\d])(?:del|desde el|entre el|dal|du)\\s+(\\d{1,2})(?=\\s+(?:al|y el|hasta el|a|y|e|au)\\s+\\d{1,2}\\s+(?:de\\s+)?(${FOREIGN_MONTH_RE})(?![\\p{L}]))`, 'giu'),
    core: 1,
    resolve: (m, ctx) => (/^\p{Lu}/u.test(m[2]) ? null : monthDay(ctx, FOREIGN_MONTHS[m[2].toLowerCase()] ?? null, +m[1])),
  },
  {
    re: new RegExp(`(?<![\\p{L}])(${FOREIGN_WEEKDAY_RE})(?![\\p{L}])`, 'giu'),
    resolve: (m, ctx) => {
      const w = m[1].toLowerCase();
      if (ORDINAL_WEEKDAYS.has(w) && ctx.language !== 'pt' && !/^-feira/i.test(ctx.after)) return null;
      if (ctx.ref === null) return rel(null, 'day', 0);
      // "mañana, viernes": the day the relative word names.
      const apposed = FOREIGN_APPOSITION.exec(ctx.before)?.[1];
      if (apposed) return rel(ctx.ref + FOREIGN_RELATIVE[apposed.toLowerCase()], 'day', 0.85);
      // "el pasado jueves", "el próximo lunes": a week's step from today, whatever the tense says.
      const pointer = FOREIGN_POINTER.exec(ctx.before)?.[1];
      if (pointer) return rel(nearestWeekday(ctx.ref, FOREIGN_WEEKDAYS[w], FOREIGN_FUTURE.test(pointer) ? 'future' : 'past', true), 'day', 0.8);
      return rel(nearestWeekday(ctx.ref, FOREIGN_WEEKDAYS[w], ctx.future ? 'future' : 'past'), 'day', 0.8);
    },
  },
  {
    re: new RegExp(`(?<![\\p{L}])(${FOREIGN_RELATIVE_RE})(?![\\p{L}])`, 'giu'),
    resolve: (m, ctx) => {
      // "por la mañana", "esta mañana": the morning, not tomorrow.
      if (m[1].toLowerCase() === 'mañana' && /(?<![\p{L}])(?:la|esta|una|cada|media)\s+$/iu.test(ctx.before)) return null;
      return rel(ctx.ref === null ? null : ctx.ref + FOREIGN_RELATIVE[m[1].toLowerCase()], 'day', 0.85);
    },
  },
];

const FUTURE = /\b(will|would(?!-be\b)|shall|is to|are to|to be|scheduled|plans?|planned|expected|forecasts?|predicted|set to|upcoming|due|next|until|payable|effective|expires?)\b/i;
const PAST = /\b(was|were|had|did|said|happened|occurred|died|killed|shot|took place|last|broke|fled|fell|took|held|began|hit|struck|met|[a-z]{3,}ed)\b/i;

const PAST_REACH = 30;
const SCHEDULED_PRESENT = /(?<!\b(?:the|his|her|their|its|a|an|our|my|your)\s+)\b(meets?|begins?|starts?|opens?|reopens?|resumes?|returns?|arrives?|leaves?|visits?|votes?|convenes?|travels?|heads?|plays?|hosts?)\b([^.;:!?]*)$/i;
/** Characters from a scheduled-step verb to its day ("resume talks in Geneva on"). */
const SCHEDULED_REACH = 40;
// A date after "by", "before" or "ahead of" (the) marks when something else happens: no past verb forces it back.
const DEADLINE = /\b(?:by|before|ahead of)\s+(?:the\s+)?$/i;
const PAST_PERFECT = /\bhad\s+(?:been\s+)?\w+/i;
/** An incident noun right after a date, which names the incident by it ("the May 31 death"). */
const INCIDENT_NAMED = /^\s*(?:(?:fatal|deadly|double|triple|drive-by|mass|accidental)\s+)*(?:shootings?|shootout|killings?|slayings?|stabbings?|homicides?|murders?|deaths?)\b/i;
const SAID_BEFORE = /\b(?:said|told|announced|reported)\s+(?:on\s+)?$/i;

/** True when the match sits inside a URL, e-mail address or file path. */
function insideUrl(text: string, start: number, end: number): boolean {
  let a = start;
  let b = end;
  while (a > 0 && !/\s/.test(text[a - 1])) a--;
  while (b < text.length && !/\s/.test(text[b])) b++;
  return /(:\/\/|www\.|@|\.(com|org|net|html?|php)\b|\/[\w.-]*\p{L}[\w.-]*\/)/iu.test(text.slice(a, b));
}

/**
 * The day relative dates are read against: the publication date, unless a "Posted: Jan. 26, 2015"
 * stamp at the top says the article is older (the stored date is then a later crawl).
 */
export function referenceDay(article: Pick<Article, 'text' | 'published'>): { day: number | null; sure: number } {
  if (!article.published) return { day: topStamp(article.text), sure: TOP_STAMP_SURE };
  const published = parseDay(article.published.date);
  const stamp = published === null ? null : postedStamp(article.text, published);
  if (stamp !== null) return { day: stamp, sure: 0.8 };
  return { day: published, sure: article.published?.confidence ?? 0 };
}

// A section of a page updated over days, headed by its own day: "UPDATE (6/16/16): Police have
// released the name ...", "PREVIOUS 1/4: Police are investigating ...", "FIRST REPORT (Nov. 1)".
const SECTION_STAMP = new RegExp(
  `^[ \\t*]*(?:UPDATED?|PREVIOUS(?:\\s+(?:STORY|REPORT))?|FIRST\\s+REPORT|ORIGINAL(?:\\s+(?:STORY|REPORT|POST))?|EARLIER(?:\\s+(?:STORY|REPORT))?)[ \\t]*[:(–—-]*[ \\t]*\\(?[ \\t]*(?:(\\d{1,2})\\/(\\d{1,2})(?:\\/(\\d{4}|\\d{2}))?|${MONTH}\\.?[ \\t]+(\\d{1,2})(?:,?[ \\t]+(\\d{4}))?)\\b`,
  'gim',
);
/** How far from the publication day a section's own day may be and still be read as one. */
const SECTION_DAYS = 366;

/** The day each stamped section of the text was written, by where it starts (see SECTION_STAMP). */
function sectionDays(text: string, ref: number | null): { start: number; day: number }[] {
  if (ref === null) return [];
  const out: { start: number; day: number }[] = [];
  for (const m of text.matchAll(SECTION_STAMP)) {
    const month = m[1] ? +m[1] : monthOf(m[4]);
    const date = m[1] ? +m[2] : +m[5];
    const year = m[1] ? m[3] : m[6];
    if (!month || month > 12) continue;
    const day = year ? dayNumber(year.length === 2 ? 2000 + +year : +year, month, date) : nearestYear(ref, month, date, false);
    if (day !== null && Math.abs(day - ref) <= SECTION_DAYS) out.push({ start: m.index, day });
  }
  return out;
}

/** Every date in the text, resolved against the publication date when it has none of its own. */
export function extractDates(article: Pick<Article, 'text' | 'published' | 'sentences'> & { language?: string }): DateMention[] {
  const { text } = article;
  const { day: pubRef, sure: pubSure } = referenceDay(article);
  // Relative dates in a stamped section ("UPDATE (6/16/16): ... Sunday night") are read against its day.
  const sections = sectionDays(text, pubRef);
  const refAt = (pos: number) => sections.filter((s) => s.start <= pos).pop()?.day ?? pubRef;
  const found: DateMention[] = [];
  const sentenceOf = (pos: number) => article.sentences.find((s) => s.start <= pos && pos < s.end) ?? { start: Math.max(0, pos - 120), end: Math.min(text.length, pos + 60) };
  const foreign = !!article.language && !/^(en|und)$/.test(article.language);
  for (const rule of foreign ? [...RULES, ...FOREIGN_RULES] : RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const coreText = rule.core ? m[rule.core] : m[0];
      const start = m.index + (rule.core ? m[0].indexOf(coreText) : 0);
      const end = start + coreText.length;
      if (found.some((f) => f.start < end && start < f.end)) continue; // earlier rules are more specific
      if (insideUrl(text, start, end)) continue;
      const s = sentenceOf(start);
      const before = text.slice(s.start, start);
      const after = text.slice(end, s.end);
      // "had been scheduled to expire Friday": the plan itself is past.
      let future = (FUTURE.test(before.slice(-60)) && !PAST_PERFECT.test(before.slice(-60))) || (FUTURE.test(after.slice(0, 30)) && !PAST.test(before.slice(-40)));
      // Only a past verb near the date makes it past ("broke out on 12 March"), not one a clause
      // away, nor one before a deadline ("asked it to respond by Oct. 31").
      let past = !future && !DEADLINE.test(before) && PAST.test(before.slice(-PAST_REACH));
      // "Mr. Gerstner said Friday", after a quote about the future: the saying is past.
      if (SAID_BEFORE.test(before)) [future, past] = [false, true];
      // "charged in the May 31 death", "the Jan. 7 shooting": an incident named by its day has happened.
      if (!future && INCIDENT_NAMED.test(after)) past = true;
      // "He and Arafat meet separately Monday", "the delegations resume talks Thursday": news writes a
      // scheduled step in the present tense. Not after a determiner ("his return Monday"), nor with a
      // past verb on either side ("the track meet Monday was canceled").
      const scheduled = SCHEDULED_PRESENT.exec(before.slice(-SCHEDULED_REACH));
      if (!future && !past && scheduled && !PAST.test(scheduled[2]) && !PAST.test(after.split(/[,;]/)[0].slice(0, PAST_REACH))) future = true;
      if (foreign) {
        // "jugará este miércoles", "el 1 de diciembre próximo"; "se despidió el jueves".
        future = FOREIGN_FUTURE.test(before.slice(-60)) || FOREIGN_FUTURE.test(after.slice(0, 12));
        past = !future && FOREIGN_PAST.test(before.slice(-PAST_REACH));
      }
      const r = rule.resolve(m, { ref: refAt(start), future, past, language: article.language, before: before.slice(-20), after: after.slice(0, 40), rest: after });
      if (!r) continue;
      const confidence = r.day === null ? 0 : r.relative ? r.sure * Math.max(0.3, pubSure) : r.sure;
      found.push({
        start,
        end,
        text: coreText.replace(/^on\s+/i, ''),
        date: r.day === null ? null : formatDay(r.day),
        granularity: r.granularity,
        confidence: Math.round(confidence * 100) / 100,
        relative: r.relative,
        what: whatHappened(before),
      });
    }
  }
  // "on Monday": the span is the weekday itself.
  for (const f of found) {
    const lead = /^on\s+/i.exec(text.slice(f.start, f.end));
    if (lead) f.start += lead[0].length;
  }
  return found.sort((a, b) => a.start - b.start);
}

const STAMP = new RegExp(`^[\\s\\S]{0,300}?\\b(?:${MONTH}\\.?\\s+(\\d{1,2}),?\\s+((?:19|20)\\d{2})|(\\d{1,2})\\/(\\d{1,2})\\/((?:19|20)\\d{2}))\\b`);

// A page's own time stamp near the top, a dated year against a clock or an update note: "September
// 14, 2013 10:46 AM", "21 July 2013 Last updated at 11:11 GMT", "Posted 2/3/2009 11:11 PM". When no
// publication date came with the report, it is the day the page was written: relative dates are read
// against it, less surely than against a stated one.
const TOP_STAMP = new RegExp(
  `^[\\s\\S]{0,300}?\\b(?:${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})|(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s+((?:19|20)\\d{2})|(\\d{1,2})\\/(\\d{1,2})\\/((?:19|20)\\d{2}))(?=${STAMP_AFTER})`,
  'i',
);
const TOP_STAMP_SURE = 0.5;

function topStamp(text: string): number | null {
  const m = TOP_STAMP.exec(text);
  if (!m) return null;
  const month = (name: string) => MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? 0;
  if (m[1]) return dayNumber(+m[3], month(m[1]), +m[2]);
  if (m[4]) return dayNumber(+m[6], month(m[5]), +m[4]);
  return dayNumber(+m[9], +m[7], +m[8]);
}

/** A full date near the top of the text, earlier than the publication date (which is then a crawl date). */
function postedStamp(text: string, published: number): number | null {
  const m = STAMP.exec(text);
  if (!m) return null;
  const day = m[1] ? dayNumber(+m[3], MONTHS[m[1].toLowerCase().replace(/\.$/, '')] ?? 0, +m[2]) : dayNumber(+m[6], +m[4], +m[5]);
  return day !== null && day < published && day > published - 3 * 366 ? day : null;
}

/** A few words before the date in its sentence: "the shooting happened", "election held". */
function whatHappened(before: string): string | null {
  // From the last sentence end: a full stop inside "6.8" or "U.S." is not one, nor a comma in "12,400".
  const end = Math.max(-1, ...[...before.matchAll(/[.!?](?=\s)/g)].map((m) => m.index!));
  const words = before.slice(end + 1).replace(/[“”"();:—–]|,(?!\d)/g, ' ').trim().split(/\s+/).filter(Boolean);
  while (words.length && /^(on|at|in|by|of|since|until|from|the|about|around|early|late|last|this|and|,)$/i.test(words[words.length - 1])) words.pop();
  const tail = words.slice(-6).join(' ');
  return tail || null;
}
