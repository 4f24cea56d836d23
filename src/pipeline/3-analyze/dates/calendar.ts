// Calendar arithmetic on YYYY-MM-DD days (UTC, no time zones: news dates are calendar days).

export const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};

export const WEEKDAYS: Record<string, number> = {
  sunday: 0, sun: 0, monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, thursday: 4, thu: 4, thur: 4,
  thurs: 4, friday: 5, fri: 5, saturday: 6, sat: 6,
};

/** Days since the epoch for a calendar day, or null when the day does not exist (Feb 30). */
export function dayNumber(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 2999) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCDate() !== d) return null;
  return Math.round(t / 86_400_000);
}

export const parseDay = (iso: string): number | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? dayNumber(+m[1], +m[2], +m[3]) : null;
};

export const formatDay = (n: number): string => new Date(n * 86_400_000).toISOString().slice(0, 10);
export const weekdayOf = (n: number): number => (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
export const partsOf = (n: number) => {
  const d = new Date(n * 86_400_000);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
};

/** The weekday nearest `ref`: on or before it for the past, on or after it for the future. */
export function nearestWeekday(ref: number, weekday: number, direction: 'past' | 'future', skipToday = false): number {
  const today = weekdayOf(ref);
  if (direction === 'past') {
    let back = (today - weekday + 7) % 7;
    if (back === 0 && skipToday) back = 7;
    return ref - back;
  }
  let ahead = (weekday - today + 7) % 7;
  if (ahead === 0 && skipToday) ahead = 7;
  return ref + ahead;
}

/** The year that puts month/day closest to `ref`; the past is preferred unless `future`. */
export function nearestYear(ref: number, month: number, day: number, future: boolean, pastOnly = false): number | null {
  const { y } = partsOf(ref);
  let best: number | null = null;
  let bestCost = Infinity;
  for (const year of [y - 1, y, y + 1]) {
    const n = dayNumber(year, month, day);
    if (n === null || (pastOnly && n > ref)) continue;
    const diff = n - ref;
    const cost = diff > 0 ? diff * (future ? 0.5 : 2) : -diff * (future ? 2 : 1);
    if (cost < bestCost) {
      bestCost = cost;
      best = n;
    }
  }
  return best;
}
