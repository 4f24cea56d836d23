// Parts of an article's text that are page furniture, not running text: sub-headings, bylines,
// credits, "Contact …" lines, tweet attributions, links. A name found there is no story actor
// (issue 18): it is dropped before entities are resolved. Only the furniture itself is covered —
// the sentence after a byline is running text again.
// The classes shared with the line and sentence views are defined once in classes.ts.
import type { Span } from '../../model/index.ts';
import { HANDLE, POST_DATE, POST_LINK, POST_SIGNATURE, re } from './classes.ts';

/** Lower-case words a title-case sub-heading may hold ("Campaign Promises Set Off a Rush to the Border"). */
const HEADING_SMALL = new Set('a an the of to in on at for and or but by with from as into over after before vs via de del la el los las y en'.split(' '));

/** A paragraph that is a sub-heading: short, title case, no sentence punctuation at its end. */
export function isHeading(paragraph: string): boolean {
  const p = paragraph.trim();
  if (!p || /[.!?:;,"”’'»)…\]]$/u.test(p)) return false;
  const words = p.split(/\s+/);
  if (words.length < 2 || words.length > 12) return false;
  if (!words.every((w, i) => /^[\p{Lu}\p{N}"“'‘(¿¡]/u.test(w) || (i > 0 && HEADING_SMALL.has(w)))) return false;
  // A paragraph of names alone ("Ana Ruiz and Leo Marsh") has no lower-case word to tell; a heading
  // of two to twelve words with at least one lower-case small word or four capitalised words is one.
  return words.some((w) => HEADING_SMALL.has(w)) || words.length >= 4;
}

// A name run: capitalised words, initials, particles, "and" between names; never a day or month
// ("By Friday, Governor Tim Walz had signed" is running text).
const CALENDAR = String.raw`(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December|Then|Now|Noon|Midnight`;
const NAME = String.raw`(?!${CALENDAR}\b)\p{Lu}[\p{L}'’.-]*(?:\s+(?:and\s+|y\s+)?(?:\p{Lu}[\p{L}'’.-]*|de|van|von|da|del|la))*`;
/** Last words of a news outlet's name, or a credit's ("Staff", "AP"). */
const NEWS_WORDS = 'Tribune|Times|News|Post|Herald|Journal|Gazette|Press|Star|Sun|Chronicle|Dispatch|Register|Courier|Observer|Inquirer|Bee|Globe|Daily|Staff|AP|Reuters|Images';
const FURNITURE: RegExp[] = [
  // Bylines at the start of a line: "By Robert Mills", "By Dana Whitcombe and Leo Marsh".
  new RegExp(String.raw`(?:^|\n)[ \t*_]*(?:By|Por|From)\s+${NAME}`, 'gu'),
  // "Contact Rick Hurd at …", "Follow Jane Doe on Twitter", "Email Jane Doe at".
  new RegExp(String.raw`\b(?:Contact|Follow|Email|E-mail|Reach)\s+${NAME}(?=\s+(?:at|on|via)\b)`, 'gu'),
  // Credits in brackets: "(Photo: Mike Groll AP)", "(Additional reporting by …; Editing by …)".
  /\((?:[^()]*?\b(?:[Pp]hoto|[Pp]icture|[Ii]mage|[Rr]eporting|[Ee]diting|[Ww]riting|[Cc]redit|[Vv]ideo)\b[^()]*)\)/gu,
  /\(\s*[Ss]ource\s*:[^()]*\)/gu,
  // A photographer and the outlet in brackets after a caption: "(Dana Ruiz, Riverton Tribune)".
  new RegExp(String.raw`\(\s*${NAME},\s*(?:The\s+)?(?:\p{Lu}[\p{L}.'’&-]*\s+){0,3}(?:${NEWS_WORDS})\s*\)`, 'gu'),
  // Unbracketed credits: "Photo by Mike Groll", "Photo: Mike Groll", "Buy Photo", "Reporting by …".
  new RegExp(String.raw`\b(?:(?:Photo|Photograph|Picture|Image|Video)s?\s*(?:by|:|courtesy of)|(?:Additional\s+)?[Rr]eporting by|Editing by|Written by|Compiled by)\s+${NAME}`, 'gu'),
  // "Staff writers Neal Goswami and Gina Conn …" (the "contributed to this story" sentence is found below).
  /\b(?:Staff|Associated Press|AP|Reuters)\s+[Ww]riters?\s+[^.!?\n]*/gu,
  // Tweet attributions: "— Audrey Washington (@AudreyWSBTV) March 21, 2016".
  re(String.raw`${POST_SIGNATURE}(?:\s+${POST_DATE})?`, 'gu'),
  // Shouted stretches (transcripts, all-caps headlines): three capitalised words or more in a row.
  /(?:\b\p{Lu}{2,}[\p{Lu}'’%]*\b[\s,.:;!?%-]+){2,}\b\p{Lu}{2,}[\p{Lu}'’%]*\b/gu,
  // Links, handles and addresses: their pieces are no names.
  re(String.raw`${POST_LINK}|\b(?:https?:\/\/|www\.)\S+|${HANDLE}|\b[\w.+-]+@[\w-]+\.[\w.]+\b`, 'giu'),
];

/** The furniture spans of a text, plus every mention of the outlet's own name. */
export function furnitureSpans(text: string, outlet?: string | null): Span[] {
  const spans: Span[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    if (isHeading(line)) spans.push({ start: offset, end: offset + line.length });
    offset += line.length + 1;
  }
  for (const re of FURNITURE) for (const m of text.matchAll(re)) spans.push({ start: m.index!, end: m.index! + m[0].length });
  // "… contributed to this story.": the whole sentence, back to its start (at most 300 characters).
  // "Dan Majors contributed." / "… contributed reporting.": the credit line's sentence, too.
  for (const m of text.matchAll(/\bcontributed(?: to (?:this|the) (?:report|story|article)| reporting(?: to (?:this|the) (?:report|story|article))?|(?=\.))/gu)) {
    const before = text.slice(Math.max(0, m.index! - 300), m.index!);
    // The sentence starts after the last full stop that is no initial's ("Hamil R. Harris").
    const ends = [...before.matchAll(/(?<!(?:^|[\s.])\p{Lu})[.!?]|\n/gu)];
    const start = m.index! - before.length + (ends.length ? ends[ends.length - 1].index! + 1 : 0);
    spans.push({ start, end: m.index! + m[0].length });
  }
  // "Contributing: Robert Cadwallader, Star-Telegram." and "Contributing writers: …".
  for (const m of text.matchAll(/\bContributing(?: writers?| reporters?| reporting)?\s*:[^\n]{0,200}?(?:(?<!(?:^|[\s.])\p{Lu})\.(?=\s|$)|$)/gmu)) spans.push({ start: m.index!, end: m.index! + m[0].length });
  const own = outlet?.replace(/^the\s+/i, '').trim();
  if (own && own.length >= 3) {
    const re = new RegExp(String.raw`\b${own.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\b`, 'giu');
    for (const m of text.matchAll(re)) spans.push({ start: m.index!, end: m.index! + m[0].length });
  }
  return spans;
}
