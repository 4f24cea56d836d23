// Parses a date as outlets write it ("2026-03-14", "March 14, 2026", "14 de marzo de 2026",
// "14/03/2026 10:32") into a calendar day. Strict: the whole string must be a date, so that a
// line of prose never passes for a date line.

const MONTHS: Record<string, number> = {};
const monthNames: [number, string[]][] = [
  [1, ['january', 'jan', 'enero', 'ene', 'janvier', 'janv', 'januar', 'janeiro', 'gennaio']],
  [2, ['february', 'feb', 'febrero', 'février', 'fevrier', 'févr', 'februar', 'fevereiro', 'febbraio']],
  [3, ['march', 'mar', 'marzo', 'mars', 'märz', 'marz', 'março', 'marco']],
  [4, ['april', 'apr', 'abril', 'abr', 'avril', 'avr', 'aprile']],
  [5, ['may', 'mayo', 'mai', 'maio', 'maggio']],
  [6, ['june', 'jun', 'junio', 'juin', 'juni', 'junho', 'giugno']],
  [7, ['july', 'jul', 'julio', 'juillet', 'juil', 'juli', 'julho', 'luglio']],
  [8, ['august', 'aug', 'agosto', 'ago', 'août', 'aout']],
  [9, ['september', 'sep', 'sept', 'septiembre', 'setiembre', 'septembre', 'setembro', 'settembre']],
  [10, ['october', 'oct', 'octubre', 'octobre', 'oktober', 'okt', 'outubro', 'ottobre']],
  [11, ['november', 'nov', 'noviembre', 'novembre', 'novembro']],
  [12, ['december', 'dec', 'diciembre', 'dic', 'décembre', 'decembre', 'dezember', 'dez', 'dezembro', 'dicembre']],
];
for (const [n, names] of monthNames) for (const name of names) MONTHS[name] = n;

const WEEKDAY =
  '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\\.?,?|' +
  '(?:lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo),?';
const MONTH = '([a-zà-ÿ]{3,10})\\.?';
const TIME = '(?:,?\\s*(?:at\\s+)?(\\d{1,2})[:.](\\d{2})(?:[:.]\\d{2})?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?\\s*(?:[a-z]{2,5}|[+-]\\d{2}:?\\d{2}|z)?)?';

const patterns: { re: RegExp; order: 'ymd' | 'mdy' | 'dmy' | 'dmy-num' }[] = [
  { re: new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})(?:[t ](\\d{2}):(\\d{2})(?::\\d{2}(?:\\.\\d+)?)?\\s*(z|[+-]\\d{2}:?\\d{2})?)?$`), order: 'ymd' },
  { re: new RegExp(`^(?:${WEEKDAY})?\\s*${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}$`), order: 'mdy' },
  { re: new RegExp(`^(?:${WEEKDAY})?\\s*(\\d{1,2})(?:st|nd|rd|th|\\.|º)?\\s+(?:de\\s+)?${MONTH}\\s+(?:de\\s+|del\\s+)?(\\d{4})${TIME}$`), order: 'dmy' },
  { re: new RegExp(`^(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})${TIME}$`), order: 'dmy-num' },
];

export interface ParsedDate {
  date: string;
  iso: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isValidDay(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Parses a string that is only a date (optionally with a time); null when it is anything else. */
export function parseDateString(input: string): ParsedDate | null {
  const s = input
    .trim()
    .toLowerCase()
    .replace(/^(published|updated|posted|fecha|date)\s*:?\s*/, '')
    .replace(/\s+/g, ' ');
  if (s.length > 60) return null;
  for (const { re, order } of patterns) {
    const m = re.exec(s);
    if (!m) continue;
    let y: number, mo: number, d: number;
    let hh: string | undefined, mm: string | undefined;
    if (order === 'ymd') {
      [y, mo, d] = [+m[1], +m[2], +m[3]];
      [hh, mm] = [m[4], m[5]];
      if (hh !== undefined) {
        const parsed = new Date(input.trim().replace(' ', 'T'));
        const iso = Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
        if (!isValidDay(y, mo, d)) return null;
        return { date: `${y}-${pad(mo)}-${pad(d)}`, iso: m[6] ? iso : `${y}-${pad(mo)}-${pad(d)}T${hh}:${mm}:00` };
      }
    } else if (order === 'mdy') {
      mo = MONTHS[m[1]];
      [d, y] = [+m[2], +m[3]];
      [hh, mm] = [m[4], m[5]];
    } else if (order === 'dmy') {
      mo = MONTHS[m[2]];
      [d, y] = [+m[1], +m[3]];
      [hh, mm] = [m[4], m[5]];
    } else {
      // Numeric day/month/year: the day-first reading is the world's common one; a first
      // number above 12 settles it, otherwise ambiguity lowers confidence upstream.
      [d, mo, y] = [+m[1], +m[2], +m[3]];
      if (mo > 12 && d <= 12) [d, mo] = [mo, d];
      [hh, mm] = [m[4], m[5]];
    }
    if (!mo || !isValidDay(y, mo, d)) return null;
    const date = `${y}-${pad(mo)}-${pad(d)}`;
    return { date, iso: hh !== undefined ? `${date}T${pad(+hh)}:${mm}:00` : null };
  }
  return null;
}

/** Parses a date value from structured metadata (JSON, front matter, meta tags): ISO first, then prose dates. */
/** A publication date outside these years is a wrong field or unit (epoch microseconds), not a date. */
const FIRST_YEAR = 1800;
const LAST_YEAR = 2100;

export function parseDateValue(value: unknown): ParsedDate | null {
  const d = anyDateValue(value);
  const year = d ? Number(d.date.slice(0, 4)) : NaN;
  return d && year >= FIRST_YEAR && year <= LAST_YEAR ? d : null;
}

function anyDateValue(value: unknown): ParsedDate | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const iso = value.toISOString();
    return { date: iso.slice(0, 10), iso };
  }
  if (typeof value === 'number' && value > 0) {
    // Epoch seconds or milliseconds.
    const d = new Date(value < 1e11 ? value * 1000 : value);
    return Number.isNaN(d.getTime()) ? null : { date: d.toISOString().slice(0, 10), iso: d.toISOString() };
  }
  if (typeof value !== 'string' || !value.trim()) return null;
  const direct = parseDateString(value);
  if (direct) return direct;
  // RFC 2822 and other forms Date understands (feeds, HTTP headers).
  if (/\d{4}/.test(value) && /[a-z]{3}/i.test(value)) {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) return { date: d.toISOString().slice(0, 10), iso: d.toISOString() };
  }
  return null;
}
