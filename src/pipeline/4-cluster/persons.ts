// The people a report is about, for the one link that holds across months: a victim or suspect
// named again in an arrest, trial or sentencing report (the time factor alone would keep those
// apart). Officials, journalists and districts are left out: a police spokesman, a chief or a
// photographer is named in reports of many different events.
import type { Mentions } from '../../model/index.ts';
import { foldMarks } from '../../text/fold.ts';

const MAX_PERSONS = 12;

// A title just before the name ("police spokesman Officer Joe Silva", "Chief Jane Roe said").
const TITLE_BEFORE = /\b(?:officer|spokes(?:man|woman|person)|chief|sgt|sergeant|lt|lieutenant|capt|captain|detective|deputy|sheriff|mayor|commissioner|prosecutor|attorney|coroner|judge|investigator|trooper|corporal|cpl|superintendent|senator|sen|rep|governor|gov|president|minister|secretary|councilman|councilwoman|agent|director)\.?\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}$/iu;
// Or an apposition after it ("Joe Silva, a police spokesman").
const TITLE_AFTER = /^,\s+(?:a|the|who is)?\s*[\p{L}\s.'’-]{0,40}?\b(?:spokes(?:man|woman|person)|officer|chief|sergeant|detective|sheriff|mayor|prosecutor|attorney|judge)\b/iu;
// Bylines and photo credits ("By Jane Roe", "Jane Roe / The Tribune", "Jane Roe @jroe").
const CREDIT_BEFORE = /\b(?:by|photo|photos|credit|courtesy|writer|reporter|contact|email|follow)\s*:?\s*$/i;
const CREDIT_AFTER = /^\s*(?:[/|]|\(?@)/;
// "South Toledo", "East Oakland": a district the recogniser took for a person.
const DISTRICT = /^(?:north|south|east|west|northeast|northwest|southeast|southwest|far|downtown|upper|lower)\s/;

/** Folded first-and-last names of the people named, officials and credits excepted. */
export function personNames(text: string, mentions: Mentions): string[] {
  const names = new Set<string>();
  const excluded = new Set<string>();
  for (const e of mentions.entities) {
    const raw = e.name.trim();
    if (e.type !== 'person' || !/\s/.test(raw)) continue;
    const name = nameKey(foldMarks(raw));
    if (!name || DISTRICT.test(name)) continue;
    names.add(name);
    const before = text.slice(Math.max(0, e.start - 60), e.start);
    const after = text.slice(e.end, e.end + 60);
    if (e.role || TITLE_BEFORE.test(before) || TITLE_AFTER.test(after) || CREDIT_BEFORE.test(before.slice(-20)) || CREDIT_AFTER.test(after.slice(0, 5))) {
      excluded.add(name);
    }
  }
  return [...names].filter((n) => !excluded.has(n)).slice(0, MAX_PERSONS);
}

// "SirTerry L. Stevenson" and "Sirterry Stevenson", "Paul Kendall Jr." and "Paul Kendall": first and last name.
const SUFFIX = /^(?:jr|sr|ii|iii|iv)$/;

function nameKey(folded: string): string | null {
  const parts = folded.split(/\s+/).map((w) => w.replace(/[.,]/g, '')).filter((w) => w.length > 1 && !SUFFIX.test(w));
  return parts.length >= 2 ? `${parts[0]} ${parts[parts.length - 1]}` : null;
}

/** Names of people (from `personNames`) whose every word is in the given text: those a headline names. */
export function personsIn(persons: string[], words: Set<string>): string[] {
  return persons.filter((p) => p.split(/\s+/).every((w) => words.has(w.replace(/[^\p{L}\p{N}]/gu, ''))));
}
