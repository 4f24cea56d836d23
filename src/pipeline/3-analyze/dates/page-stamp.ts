// A page's own time stamp: when it was written or updated, not when the event happened. One place
// for both readers of it: the event day (event-date.ts) skips dates that are stamps, and with no
// publication date given, the stamp at the top is the day relative dates are read against (dates.ts).
import type { DateMention } from '../../../model/index.ts';

// "Posted: Thursday, August 6, 2015", "Published on: Fri, 11 Nov 2011": a stamp word before the date.
export const STAMP_WORD_BEFORE = /\b(?:posted|updated|published|created|last modified)\s*:?\s*(?:on\s*:?\s+)?(?:\w+[,:]?\s+)?$/i;
const ZONE = String.raw`(?:[ap]\.?m\.?|GMT|UTC|BST|IST|ET|[ECMP][SD]T)\b`;
// "10:46 AM", "1:19PM", and with a dot only beside a zone or am/pm ("05.51AM IST"; "10.50" may be a price).
const CLOCK = String.raw`(?:\d{1,2}:\d{2}(?:\s*${ZONE})?|\d{1,2}\.\d{2}\s*${ZONE})`;
// The clock or update note right against the date, with no "at" or "on" between as prose writes it
// ("on June 8, 2013, at 8:39am police were called" dates the event): "May 2, 2013 | 5:03pm",
// "September 14, 2013 10:46 AM", "9/10/2010 @ 1:19PM", "10 June 2013 Last updated at 14:00 GMT".
export const STAMP_AFTER = String.raw`,?\s*(?:[|–—•@-]\s*)?(?:${CLOCK}|(?:last\s+)?updated\b|published\b|posted\b)`;
const STAMP_AFTER_RE = new RegExp(`^${STAMP_AFTER}`, 'i');
// "12:45, Wednesday, 12 June 2013", "8:56am Monday 10th June 2013".
const STAMP_BEFORE = new RegExp(String.raw`${CLOCK}\s*[,|–—•-]?\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$`, 'i');
// A year written out, or a numeric date with a short year ("09/10/10").
const HAS_YEAR = /\b(?:19|20)\d{2}\b|^\d{1,2}\/\d{1,2}\/\d{2}$/;
// A line that holds nothing but the date: a dateline under the headline ("on September 10th, 2010").
const LINE_FILLER = /^[\s|,:–—•-]*(?:on|posted|updated|published|last updated|at)?[\s|,:–—•-]*$/i;

/** When the page was written or updated, not the event: a stamp word before the date, a clock against a dated year, a date line. */
export function isPageStamp(text: string, d: Pick<DateMention, 'start' | 'end' | 'text'>): boolean {
  if (STAMP_WORD_BEFORE.test(text.slice(Math.max(0, d.start - 30), d.start))) return true;
  if (!HAS_YEAR.test(d.text)) return false;
  if (STAMP_AFTER_RE.test(text.slice(d.end, d.end + 30)) || STAMP_BEFORE.test(text.slice(Math.max(0, d.start - 30), d.start))) return true;
  const lineStart = text.lastIndexOf('\n', d.start - 1) + 1;
  const lineEnd = text.indexOf('\n', d.end);
  return LINE_FILLER.test(text.slice(lineStart, d.start)) && LINE_FILLER.test(text.slice(d.end, lineEnd < 0 ? text.length : lineEnd));
}
