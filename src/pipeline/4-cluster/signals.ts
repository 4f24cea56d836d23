// Cheap per-article signals for grouping, found without the analysis stage: name-like words
// (capitalised, and never written in lower case in the same article), ages and counts, and the
// day the event happened when the text says "Monday" or "yesterday". When analysis produced
// mentions, they are used too (see features.ts).
import { foldMarks } from '../../text/fold.ts';
import { STOPWORDS } from './stopwords.ts';

// Capitalised words that are never names of a particular event's people or places.
const NOT_NAMES = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december police officer officers sheriff department county city street avenue road ' +
    'news update updated posted copyright rights reserved click share email comments comment read more video photo ' +
    'associated press reuters the a an he she it they we i you his her their this that these those in on at of by ' +
    'for to from with as after before but and or if when while mr mrs ms dr st jr sr inc according said says ' +
    'there here what who how why where one two three four five six seven eight nine ten first second last new'
  ).split(' '),
);

/** Lower case without diacritics; plain ASCII skips the (slow) Unicode normalisation. */
export const fold = (w: string): string => (/^[\p{ASCII}]*$/u.test(w) ? w.toLowerCase() : foldMarks(w));

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

/**
 * Folded name tokens: words written capitalised in the middle of a sentence at least once and
 * never in lower case (a capital after a full stop or in a title-case headline proves nothing).
 */
export function nameTokens(title: string, text: string): string[] {
  const lower = new Set<string>();
  const capital = new Set<string>();
  const midSentence = new Set<string>();
  for (const [source, isTitle] of [[title, true], [text, false]] as const) {
    for (const m of source.matchAll(WORD)) {
      const w = m[0];
      const isLowerInitial = w[0] !== w[0].toUpperCase();
      if (isLowerInitial) lower.add(fold(w));
      if (isLowerInitial || w[0] === w[0].toLowerCase()) continue;
      // ALL-CAPS words longer than acronyms are shouting headlines, not names.
      if (w.length > 5 && w === w.toUpperCase()) continue;
      const f = fold(w).replace(/['’]s$/, '').replace(/[.'’-]/g, '');
      if (f.length < 3 || NOT_NAMES.has(f) || STOPWORDS.has(f) || /\d/.test(f)) continue;
      capital.add(f);
      const before = source.slice(Math.max(0, m.index! - 3), m.index!);
      if (!isTitle && m.index! > 0 && !/[.!?:"“]\s*$|\n\s*$/.test(before)) midSentence.add(f);
    }
  }
  return [...capital].filter((n) => midSentence.has(n) && !lower.has(n)).sort();
}

// "Windows 2000", "Server 2003": a year right after a capitalised word (not a month or season, not
// a function word such as "In" or "Since") is part of a name, not a year the report states.
const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|fall|winter|early|late|mid|until|through)/i;
function nameYear(text: string, at: number): boolean {
  const m = /(\p{Lu}[\p{L}]*)\s+$/u.exec(text.slice(Math.max(0, at - 24), at));
  return !!m && m[1].length >= 3 && !MONTH.test(m[1]) && !STOPWORDS.has(m[1].toLowerCase());
}

/** Ages ("15-year-old", "John Doe, 23,") and small counted figures ("three people", "4 injured"). */
export function figureTokens(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b(\d{1,3})[- ]years?[- ]old\b/gi)) out.add(`age${+m[1]}`);
  // Years tell apart two events of the same kind (two earthquakes, two rehab stays).
  for (const m of text.matchAll(/\b(19[5-9]\d|20[0-4]\d)\b/g)) if (!nameYear(text, m.index)) out.add(`year${m[1]}`);
  for (const m of text.matchAll(/\p{Lu}[\p{L}'’-]+,\s(\d{1,3}),/gu)) out.add(`age${+m[1]}`);
  const count = /\b(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:\w+\s+)?(people|persons|men|women|children|teens|victims|others|killed|dead|injured|wounded|hurt)\b/gi;
  for (const m of text.matchAll(count)) {
    const n = NUMBER_WORDS[m[1].toLowerCase()] ?? +m[1];
    const what = /killed|dead/i.test(m[2]) ? 'killed' : /injured|wounded|hurt/i.test(m[2]) ? 'injured' : 'people';
    out.add(`${what}${n}`);
  }
  return [...out].sort();
}

export const dayNumber = (isoDay: string): number | null => {
  const t = Date.parse(`${isoDay.slice(0, 10)}T00:00:00Z`);
  return Number.isFinite(t) ? Math.floor(t / 86_400_000) : null;
};

/**
 * The day the event happened, from the first sentences: "yesterday", "Monday night" and the like
 * resolved against the publication day; the publication day itself when none is said.
 */
const LEAD_DAY = /\b(yesterday|today|tonight|this morning|last night|sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/;

export function eventDayFromText(text: string, publishedDay: number | null): number | null {
  if (publishedDay === null) return null;
  const lead = text.slice(0, 600).toLowerCase();
  const m = LEAD_DAY.exec(lead);
  if (!m) return publishedDay;
  if (m[1] === 'yesterday' || m[1] === 'last night') return publishedDay - 1;
  const wd = WEEKDAYS.indexOf(m[1]);
  if (wd < 0) return publishedDay;
  // Day 0 of the epoch (1970-01-01) was a Thursday (4).
  const pubWd = (((publishedDay + 4) % 7) + 7) % 7;
  return publishedDay - ((pubWd - wd + 7) % 7);
}
