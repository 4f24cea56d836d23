// A date as the report wrote it, without the year or week we resolved it into: "late Saturday
// night" names every Saturday, "Jan. 22" every 22 January. Two reports whose words fit one day agree
// on it, whatever publication days (or none) their dates were read against.
import { MONTHS, parseDay, partsOf, WEEKDAYS, weekdayOf } from '../3-analyze/dates/calendar.ts';
import { FOREIGN_MONTHS, FOREIGN_WEEKDAYS } from '../3-analyze/dates/other-languages.ts';

const lookup = (tables: Record<string, number>[], w: string) => tables.find((t) => Object.hasOwn(t, w))?.[w];

/** Whether a date written without its year ("Saturday night", "March 9", "9 de marzo") fits `day` (YYYY-MM-DD). */
export function namesDay(written: string, day: string): boolean {
  const n = parseDay(day);
  if (n === null || /\d{4}/.test(written)) return false;
  const words = written.toLowerCase().match(/\p{L}+/gu) ?? [];
  const month = words.map((w) => lookup([MONTHS, FOREIGN_MONTHS], w)).find((m) => m !== undefined);
  if (month !== undefined) {
    const date = /\b(\d{1,2})(?:st|nd|rd|th)?\b/.exec(written);
    const { m, d } = partsOf(n);
    return !!date && month === m && Number(date[1]) === d;
  }
  if (/\d/.test(written)) return false;
  const weekdays = words.map((w) => lookup([WEEKDAYS, FOREIGN_WEEKDAYS], w)).filter((x) => x !== undefined);
  return weekdays.length === 1 && weekdays[0] === weekdayOf(n);
}
