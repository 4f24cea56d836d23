// The gender of the people an article names, learned from the article itself (no list of first
// names): a courtesy title ("Mr. Ridley", "Mrs. Okafor"), a gendered role noun beside the name
// ("Tessa Varga, a spokeswoman", "actress Salma Hayek"), a pronoun that can only point back to the
// name (the first person of its sentence, no other person before the pronoun: "Gerald Finch chaired
// the meeting with his deputy"), and "He …" opening the sentence after one that names only that
// person. Votes are counted per entity name; a gender is kept only when one side clearly leads.
import type { EntityMention, Span } from '../../../model/index.ts';

export type Gender = 'f' | 'm';

const TITLE = /\b(Mr|Mrs|Ms|Miss|Sr|Sra|Señor|Señora)\.?\s+$/u;
const TITLE_GENDER: Record<string, Gender> = {
  Mr: 'm',
  Sr: 'm',
  Señor: 'm',
  Mrs: 'f',
  Ms: 'f',
  Miss: 'f',
  Sra: 'f',
  Señora: 'f',
};
const FEMALE_NOUNS =
  'spokeswoman chairwoman congresswoman councilwoman businesswoman actress mother wife daughter sister grandmother widow woman girl queen princess';
// "spokesman", "chairman" are left out: papers use them for women too ("Trump spokesman Hope Hicks").
const MALE_NOUNS =
  'congressman councilman businessman actor father husband son brother grandfather widower man boy king prince';
const NOUN_GENDER = new Map<string, Gender>([
  ...FEMALE_NOUNS.split(' ').map((w) => [w, 'f'] as [string, Gender]),
  ...MALE_NOUNS.split(' ').map((w) => [w, 'm'] as [string, Gender]),
]);
const PRONOUN_GENDER: Record<string, Gender> = {
  he: 'm',
  his: 'm',
  himself: 'm',
  she: 'f',
  her: 'f',
  herself: 'f',
};

/** "actress Salma Hayek", "Congresswoman Ana Ruiz" (the noun right before) or ", a spokeswoman for …" (after). */
function nounVote(text: string, e: EntityMention): Gender | undefined {
  const before = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, e.start - 20), e.start))?.[1]?.toLowerCase();
  if (before && NOUN_GENDER.has(before)) return NOUN_GENDER.get(before);
  const apposed =
    /^,\s+(?:a|an|the|his|her|their|\p{Lu}[\p{L}.]*['’]s?)\s+(?:[\p{L}-]+\s+){0,3}?(\p{L}+)\b/u.exec(
      text.slice(e.end, e.end + 80),
    )?.[1];
  return apposed ? NOUN_GENDER.get(apposed.toLowerCase()) : undefined;
}

export function articleGenders(
  text: string,
  people: EntityMention[],
  sentences: Span[],
): Map<string, Gender> {
  const votes = new Map<string, { f: number; m: number }>();
  // A bare surname two people share ("Clinton" for Bill or Hillary) may be linked to the wrong one.
  const bySurname = new Map<string, Set<string>>();
  for (const e of people) {
    const surname = e.name.split(' ').pop()!;
    bySurname.set(surname, (bySurname.get(surname) ?? new Set()).add(e.name));
  }
  const vote = (e: EntityMention, g: Gender | undefined) => {
    if (!g || (!/\s/.test(e.text) && (bySurname.get(e.text)?.size ?? 0) > 1)) return;
    const v = votes.get(e.name) ?? { f: 0, m: 0 };
    v[g]++;
    votes.set(e.name, v);
  };
  for (const e of people) {
    const title = TITLE.exec(text.slice(Math.max(0, e.start - 9), e.start))?.[1];
    if (title) vote(e, TITLE_GENDER[title]);
    vote(e, nounVote(text, e));
  }
  let pi = 0;
  let previousOnly: EntityMention | null = null;
  for (const s of sentences) {
    const inside: EntityMention[] = [];
    while (pi < people.length && people[pi].start < s.end) {
      if (people[pi].start >= s.start) inside.push(people[pi]);
      pi++;
    }
    const body = text.slice(s.start, s.end);
    // "He …" opening a sentence right after one that named only one person (not inside a quote,
    // where "He" is whoever the speaker talks about).
    const opener = /^\s*(He|She)\b/u.exec(body)?.[1];
    if (opener && previousOnly && !inside.some((e) => e.start - s.start < 40))
      vote(previousOnly, PRONOUN_GENDER[opener.toLowerCase()]);
    const names = new Set(inside.map((e) => e.name));
    previousOnly = names.size === 1 ? inside[0] : null;
    // The sentence's first person, then a pronoun before any other person is named.
    const first = inside[0];
    if (!first || first.start - s.start > 50) continue;
    const other = inside.find((e) => e.name !== first.name);
    // …and not inside a quotation, where "she" may be anyone.
    const stretch = text.slice(first.end, other ? other.start : s.end).split(/["“”«»]|''/u)[0];
    // A reflexive ("found himself") or a possessive of family ("with his wife"); not an object
    // ("scolded him:") nor a subject ("Kunin said he …"), which often point at someone else.
    const pronoun =
      /\b(?:(himself|herself)|(his|her)\s+(?:wife|husband|son|daughter|mother|father|children|family|parents))\b/i.exec(
        stretch,
      );
    const word = pronoun?.[1] ?? pronoun?.[2];
    if (word) vote(first, PRONOUN_GENDER[word.toLowerCase()]);
  }
  const out = new Map<string, Gender>();
  for (const [name, v] of votes) {
    if (v.f >= 2 * v.m && v.f > 0) out.set(name, 'f');
    else if (v.m >= 2 * v.f && v.m > 0) out.set(name, 'm');
  }
  return out;
}
