// Which sense a name word has in one report. "Fargo" in a report about Wells Fargo is part of a
// bank's name; in a report of a man flown to a hospital in Fargo it is a city; "Flynn" of the
// Flynn Restaurant Group is no Mr Flynn. A word that a report uses only inside a longer name of an
// organisation or a place is not a name of that report on its own: shared with a report where it
// is a person or a city, it would count as the same name and tie two events together (issue #23).
// Inside an organisation's name such a word becomes a term of its own kind (`o:fargo`): two reports
// about Wells Fargo still share it, however each writes the bank's full name, but a report about
// the city does not. Inside a place's name (one the gazetteer resolved) the place term (`p:`)
// stands for it. Places the gazetteer finds inside an organisation's name stay places: "Chicago
// Police Department" says where as much as "in Chicago" does.
import type { Mentions } from '../../model/index.ts';
import { foldMarks } from '../../text/fold.ts';

export interface NameSenses {
  /** Folded words this report uses only inside organisations' names: organisation terms, not names. */
  organisationOnly: Set<string>;
  /** Folded words it uses only inside resolved places' names: the place term stands for them. */
  placeOnly: Set<string>;
}

const WORD = /[\p{L}\p{N}]+/gu;
const wordsOf = (s: string): string[] => foldMarks(s).match(WORD) ?? [];

/** The folded words of the text, with the given names blanked out. */
function wordsOutside(text: string, names: string[]): Set<string> {
  let rest = text;
  // Longest first: "Wells Fargo Advisors" is blanked before "Wells Fargo".
  for (const s of [...names].sort((a, b) => b.length - a.length)) rest = rest.split(s).join(' ');
  return new Set(wordsOf(rest));
}

/**
 * The words of the headline and text that occur only inside multi-word names of organisations
 * and other named things (a bank, a law, a team), or of places the gazetteer resolved.
 */
export function nameSenses(headline: string, text: string, mentions: Mentions): NameSenses {
  const longer = (s: string) => wordsOf(s).length >= 2;
  const organisations = [...new Set(mentions.entities.filter((e) => (e.type === 'organization' || e.type === 'other') && longer(e.text)).map((e) => e.text))];
  const places = [...new Set(mentions.places.map((p) => p.text).filter(longer))];
  const organisationOnly = new Set<string>();
  const placeOnly = new Set<string>();
  if (!organisations.length && !places.length) return { organisationOnly, placeOnly };
  const outside = wordsOutside(`${headline}\n${text}`, [...organisations, ...places]);
  for (const s of places) for (const w of wordsOf(s)) if (!outside.has(w)) placeOnly.add(w);
  // A word inside both an organisation's and a place's name ("Chicago" of the Chicago Police
  // Department and of Chicago Heights) is the place's.
  for (const s of organisations) for (const w of wordsOf(s)) if (!outside.has(w) && !placeOnly.has(w)) organisationOnly.add(w);
  return { organisationOnly, placeOnly };
}
