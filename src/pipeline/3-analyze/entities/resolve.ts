// Per-article resolution: short forms joined to the full name used in the same article
// ("Kovač" → "Ana Kovač", "Mr Hyland" → "Terry Hyland"), acronyms to the organisation they abbreviate.
import type { EntityMention } from '../../../model/index.ts';
import type { Candidate } from './classify.ts';
import { entityKey } from '../../../text/fold.ts';
import { mostlyLowerCase, ordinaryPhrase } from './ordinary.ts';
import { initials } from './name-compare.ts';
import { NAME_SUFFIXES } from './lexicon.ts';

const nameWords = (name: string) =>
  name.split(/\s+/).filter((w) => !NAME_SUFFIXES.has(w) && !/^\p{Lu}\.$/u.test(w));
const surnameKey = (name: string) => entityKey(nameWords(name).at(-1) ?? name);
const firstKey = (name: string) => entityKey(nameWords(name)[0] ?? name);

/** Full (multi-word) person names indexed by one of their words, in text order. */
function indexBy(people: Candidate[], key: (n: string) => string): Map<string, Candidate[]> {
  const index = new Map<string, Candidate[]>();
  for (const p of people) {
    const k = key(p.name);
    const list = index.get(k);
    if (list) list.push(p);
    else index.set(k, [p]);
  }
  return index;
}

function nearest(c: Candidate, matches: Candidate[]): Candidate {
  const before = matches.filter((m) => m.start < c.start);
  return before.length ? before[before.length - 1] : matches[0];
}

export function resolveMentions(candidates: Candidate[], text: string): EntityMention[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start);
  const people = sorted.filter((c) => c.type === 'person' && c.tokens >= 2);
  // A weak multi-word "other" whose last word is used alone elsewhere is a person ("Kaemon Robinson" … "Robinson"),
  // unless the article writes that word in lower case more often than capitalised: a common noun
  // ("crime") alone in a caption or heading is no surname ("Marlow Crime incidents …"), while a
  // surname that is also a word ("Davonne Young" … "a young man") is mostly written as the name.
  const singles = new Set(sorted.filter((c) => c.tokens === 1).map((c) => entityKey(c.text)));
  for (const c of sorted) {
    if (
      c.type === 'other' &&
      c.cue === 'weak' &&
      c.tokens >= 2 &&
      c.tokens <= 3 &&
      singles.has(surnameKey(c.name)) &&
      !/ (?:of|for|and|the) /.test(c.name) && // a slogan or a title ("Justice for Nasser"), not a name
      !ordinaryPhrase(text, nameWords(c.name)) && // "Loaded Firearm" in a charge list
      !mostlyLowerCase(nameWords(c.name).at(-1) ?? '', text)
    ) {
      c.type = 'person';
      people.push(c);
    }
  }
  // Organisations and other names are shortened to their first word ("Kestrel Energy" → "Kestrel").
  const leading = new Map<string, { type: EntityMention['type']; name: string }>();
  for (const c of sorted) {
    if ((c.type === 'organization' || c.type === 'other') && c.tokens >= 2 && !leading.has(firstKey(c.name)))
      leading.set(firstKey(c.name), { type: c.type, name: c.name });
  }
  const orgs = sorted.filter((c) => c.type === 'organization' && c.tokens >= 2);
  people.sort((a, b) => a.start - b.start);
  const surnames = indexBy(people, surnameKey);
  const firsts = indexBy(people, firstKey);
  const out: EntityMention[] = [];
  for (const c of sorted) {
    let { type, name } = c;
    // "Police Chief William Moore" … "Moore said": a lone word that is a town and this article's surname is the person.
    if (c.tokens === 1 && type === 'place' && name === c.text) {
      const bySurname = surnames.get(entityKey(c.name)) ?? [];
      if (bySurname.length) ({ type, name } = { type: 'person', name: nearest(c, bySurname).name });
    } else if (c.tokens === 1 && type !== 'place') {
      const bySurname = surnames.get(entityKey(c.name)) ?? [];
      const byFirst = bySurname.length ? [] : (firsts.get(entityKey(c.name)) ?? []);
      const firstNames = new Set(byFirst.map((p) => p.name));
      if (bySurname.length) ({ type, name } = { type: 'person', name: nearest(c, bySurname).name });
      else if (firstNames.size === 1 && type !== 'organization')
        ({ type, name } = { type: 'person', name: byFirst[0].name });
      else if (leading.has(entityKey(c.text))) ({ type, name } = leading.get(entityKey(c.text))!);
      else if (/^\p{Lu}[\p{Lu}\p{Ll}]*\p{Lu}s?$/u.test(c.text)) {
        const org = acronymFor(c, orgs, text);
        if (org) ({ type, name } = { type: 'organization', name: org });
      }
    }
    // A lone capitalised word at the start of a sentence that resolved to nothing is usually just a word.
    if (c.tokens === 1 && c.sentenceStart && c.cue === 'weak' && type === 'other' && name === c.text)
      continue;
    out.push({ text: c.text, start: c.start, end: c.end, type, name, role: c.role });
  }
  return out;
}

/** "The Ministry of Defence (MoD)" or matching initials ("GPD" = "Gainesville Police Department"). */
function acronymFor(c: Candidate, orgs: Candidate[], text: string): string | null {
  const acronym = c.text.replace(/s$/, '').toUpperCase();
  for (const o of orgs) {
    const after = text.slice(o.end, o.end + c.text.length + 4);
    if (after.startsWith(` (${c.text})`)) return o.name;
  }
  const match = orgs.filter(
    (o) => initials(o.name.replace(/^The\s+/i, '').replace(/['’]s\b/g, '')) === acronym,
  );
  return match.length ? nearest(c, match).name : null;
}

