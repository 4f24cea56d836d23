// A timeline line must be a statement of something that happened: the sentence around a dated
// mention, when it reads as one (a subject and a verb), and never a dateline, a tweet, a caption or
// a name that only looks like a date ("the 25 de Abril bridge").
import type { Span } from '../../model/index.ts';
import { isPageFurniture } from '../../text/furniture/index.ts';

const MAX_WHAT = 160;
const MIN_CLAUSE = 60;
// A finite verb, English or Spanish: enough to tell a statement from a heading or a name.
const VERB = /\b(?:\p{L}{3,}ed|was|were|is|are|has|have|had|will|would|said|says|held|holds|met|took|began|fled|led|left|went|came|made|gave|won|lost|fell|rose|told|found|struck|broke|ran|hit|shot|sent|paid|spoke|wrote|goes|go|opens|closes|\p{L}{2,}(?:ó|aron|ieron|ía|ían|aba|aban)|es|son|fue|fueron|ha|han|será|dijo)\b/iu;
// Place nouns a date-like number can name: "puente 25 de Abril", "the 9 de Julio Avenue".
const NAMED_BEFORE = /\b(?:puente|ponte|pont|calle|avenida|av\.|rua|plaza|praça|place|estación|estadio|colonia|barrio|bridge|street|avenue|square|station|stadium|park)\s+$/iu;
const NAMED_AFTER = /^\s*(?:bridge|street|st\.|avenue|ave\.|square|station|stadium|park|building|tower|district|school|hospital|airport|road)\b/iu;
// Capitalised month names mid-sentence, in languages that write months in lower case, are names.
const CAPITAL_MONTH_ES = /\b(?:de\s+)?(?:Enero|Febrero|Marzo|Abril|Mayo|Junio|Julio|Agosto|Septiembre|Setiembre|Octubre|Noviembre|Diciembre)\b/u;

// The ends of a period are no events: "through March 13", "between March 1 and Thursday".
const PERIOD_BEFORE = /\b(?:between|through|thru|until|till|as of|from|since|by|expiring|expires)\s+(?:on\s+)?(?:(?:early|late)\s+)?$|\b(?:between|from)\s[^;]{1,40}\s(?:and|to)\s+$/i;
// "March 1 and March 5", "June 3 to 7": the other end is a date too ("on March 13 and found the rifle" is no period).
const PERIOD_AFTER = /^\s*(?:[-–]\d|(?:and|to|through|until|[-–])\s+(?:\d|early\b|late\b|mid|the\s+\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|ene|abr|ago|dic|lun|mié|jue|vie|sáb|dom)\p{L}*))/iu;
// "In a story on Aug. 10 about …", "An article published March 10 misstated …": a correction dates a story.
const STORY_BEFORE = /\b(?:a|an|the|our|this)\s+(?:story|article|column|editorial)\s+(?:published\s+|posted\s+|that ran\s+)?(?:on\s+)?$/i;
// "… on Monday, Nov. 9, released this photo of him", "This photo provided by …": a caption dates the photo.
// A gallery's counter ("Image 8 of 13") or an agency caption's head ("CHICAGO, IL - JUNE 11: …") too.
const CAPTION = /\bthis (?:undated )?(?:photo|image|picture)\b|\b(?:photo|image|picture) (?:provided|released|taken) by\b|\b(?:image|photo|slide) \d+ of \d+\b/iu;
const AGENCY_CAPTION = /^[\p{Lu}\s.,'-]+\s[-–]\s(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\p{Lu}*\.?\s\d{1,2}:/u;
// "The second was on March 10 …": a subject that only points back to the sentence before.
const POINTS_BACK = /^(?:the|a)\s+(?:first|second|third|fourth|fifth|other|latter|former|last|next)\s+(?:was|were|is|are|came|happened|occurred)\b/i;
// "BURGLARY: On Nov. 20, …": a police blotter entry under its own heading (not "UPDATE:", not a
// case page's own "HOMICIDE On …", which is the story's incident).
const BLOTTER = /^\s*(?!(?:UPDATE|UPDATED|BREAKING|CORRECTION|EDITOR|WATCH|VIDEO|PHOTOS?|NOTE)\b)\p{Lu}{4,}(?:\s\p{Lu}{2,})*:/u;
const QUOTE_MARKS = /["“”«»]/g;
const CLAUSE_OPENS = /[;:]\s|\s(?=On\s)/g;
// Words the -ed of VERB takes that are no finite verb: a heading in capitals ("HOMICIDE &
// AGGRAVATED ASSAULT"), a participle of place or name ("located at"), an un- adjective ("unidentified").
const CAPITALS = /\b\p{Lu}{2,}\b/gu;
const NO_VERB = /\b(?:located|based|nicknamed|dubbed|titled|un\p{L}+ed)\b/giu;
// Emoji: a post someone shared ("lost someone very special last night 😢"), not reporting.
const EMOJI = /\p{Extended_Pictographic}/u;

export interface Statement {
  what: string;
}

/** Whether the dated words are a name (a bridge, a street) rather than a date. */
export function namesAPlace(text: string, date: Span & { text: string }, sentenceStart: number): boolean {
  const before = text.slice(Math.max(sentenceStart, date.start - 30), date.start);
  if (NAMED_BEFORE.test(before) || NAMED_AFTER.test(text.slice(date.end, date.end + 20))) return true;
  // "25 de Abril" in running text: Spanish and Portuguese write the month in lower case.
  return date.start > sentenceStart && /\d/.test(date.text) && CAPITAL_MONTH_ES.test(date.text);
}

/** A dateline: the date after a place in capitals, or right before a dash, at the head of the text. */
function isDateline(text: string, date: Span, sentenceStart: number): boolean {
  const head = text.slice(sentenceStart, date.start);
  return /^[\s\p{Lu}\p{P}]*$/u.test(head) || /^\s*[—–-]\s/.test(text.slice(date.end, date.end + 3));
}

/** The statement a dated mention is part of, or null when the sentence is no statement of an event. */
export function statementAt(text: string, sentence: Span, date: Span & { text: string }, day?: string): Statement | null {
  const s = text.slice(sentence.start, sentence.end).replace(/\s+/g, ' ').trim();
  // "on Valentine's Day, 2011" read as this year's: a year written after the date that is not the day's.
  const year = /^,?\s*((?:19|20)\d{2})\b/.exec(text.slice(date.end, date.end + 7))?.[1];
  if (day && year && !day.startsWith(year)) return null;
  if (isPageFurniture(s) || isDateline(text, date, sentence.start) || namesAPlace(text, date, sentence.start)) return null;
  // A segment that starts in lower case is a fragment of a sentence the segmenter split.
  if (!/^["“'‘(¿¡]?[\p{Lu}\d]/u.test(s) || s.split(' ').length < 4) return null;
  const before = text.slice(sentence.start, date.start);
  if (PERIOD_BEFORE.test(before) || PERIOD_AFTER.test(text.slice(date.end, date.end + 12))) return null;
  if (STORY_BEFORE.test(before) || CAPTION.test(s) || AGENCY_CAPTION.test(s) || BLOTTER.test(before) || POINTS_BACK.test(s)) return null;
  // Inside someone's quoted words: their memory, not a dated event of the story.
  if ((before.match(QUOTE_MARKS) ?? []).length % 2 === 1) return null;
  // "Juan Perez (12/09/1991)": a date alone in brackets after a name is a birth date or an aside.
  if (EMOJI.test(s) || (/\(\s*$/.test(before) && /^\s*\)/.test(text.slice(date.end, date.end + 3)))) return null;
  const without = (before + text.slice(date.end, sentence.end)).replace(/\s+/g, ' ');
  if (!VERB.test(without)) return null;
  const from = text.slice(sentence.start, date.start).replace(/\s+/g, ' ').trimStart().length;
  const at = text.slice(sentence.start, date.end).replace(/\s+/g, ' ').trimStart().length;
  const what = s.length <= MAX_WHAT ? s : clauseThrough(s, from, at);
  return what && statesIt(what, from, at) ? { what } : null;
}

/**
 * Whether the shown line says what happened on its date: a verb in the date's own clause (from
 * the last ";" or ":" before it), not only in a heading before it ("A tip led to an arrest; paid:
 * $1000 On Friday, March 10…") nor in a word the cut left unfinished.
 */
function statesIt(what: string, from: number, at: number): boolean {
  const head = what.slice(0, from);
  // The date's clause opens after the last ";" or ":", or at an "On" the segmenter left mid-sentence
  // ("… Tipster is paid $1,000 On Saturday, March 7, …": a heading run into the report).
  const opens = Math.max(...[...head.matchAll(CLAUSE_OPENS)].map((m) => m.index + m[0].length), 0);
  const tail = what.slice(at).replace(/\s*\S*…$/u, '');
  return VERB.test(`${head.slice(opens)} ${tail}`.replace(CAPITALS, '').replace(NO_VERB, ''));
}

/**
 * A long sentence from its start through the clause that holds the date and its verb ("On Feb. 4,
 * Darnell Reeves, a senior at the school, was shot…", not "On Feb. 4, Darnell Reeves…"); null
 * when the date comes too late to show.
 */
function clauseThrough(s: string, from: number, at: number): string | null {
  if (at > MAX_WHAT - 1) return null;
  const stop = /[;:,]\s/g;
  // "On June 27, 2013, at 9 p.m., officers …": an opening date phrase is followed by what happened.
  stop.lastIndex = Math.max(at, MIN_CLAUSE);
  let end = s.length;
  for (let m = stop.exec(s); m; m = stop.exec(s)) {
    // The comma closing a full date ("the March 10, 2026, courthouse shooting") is the date's own.
    if (m.index === at && m[0][0] === ',') continue;
    if (statesIt(s.slice(0, m.index), from, at)) {
      end = m.index;
      break;
    }
  }
  const clause = s.slice(0, end);
  if (clause.length > MAX_WHAT) return `${clause.slice(0, MAX_WHAT - 1).trimEnd()}…`;
  return end < s.length ? `${clause}…` : clause;
}
