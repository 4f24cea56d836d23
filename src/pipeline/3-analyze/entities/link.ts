// Story-level entities: one entity per real-world name across a story's articles, with the spelling,
// transliteration and diacritic variants each source used ("Kovač"/"Kovac", "Grünewald"/"Grunwald").
import type { EntityMention, EntityType, Mentions, ReportEntity } from '../../../model/index.ts';
import { shortHash } from '../../../util/hash.ts';
import { entityKey, phoneticKey } from '../../../text/fold.ts';
import { editDistance, initials } from './name-compare.ts';
import { NAME_SUFFIXES } from './lexicon.ts';
import { FOLDED_FIRST_NAMES } from './first-names.ts';
import { nicknameOf } from './nicknames.ts';

export interface LinkInput {
  id: string;
  mentions: Pick<Mentions, 'entities'>;
  /** A near-copy of another article: its forms are listed but do not vote for the canonical name. */
  copyOf?: string | null;
}

/** One name as one article uses it (its fullest form). */
interface ArticleName {
  article: string;
  independent: boolean;
  type: EntityType;
  form: string;
  words: string[];
  suffix: string | null;
  /** Roles the article gives this name ("president", "interior minister"), folded. */
  roles: string[];
}

// Name words are folded ("Jr." → "jr"), so the suffixes are compared folded too.
const FOLDED_SUFFIXES = new Set([...NAME_SUFFIXES].map(entityKey));
const SUFFIX = (w: string) => FOLDED_SUFFIXES.has(w);
/** Two suffixes that make two people of one name (James Glass Jr. ≠ James Glass Sr.). */
const suffixClash = (a: ArticleName, b: ArticleName) => !!a.suffix && !!b.suffix && a.suffix !== b.suffix;
/** Words that tell apart parts of a place ("East"/"West Baltimore"), never spellings of one word. */
const COMPASS = new Set(
  ['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'northern', 'southern', 'eastern', 'western', 'upper', 'lower'],
);
const compassClash = (a: string[], b: string[]) =>
  a.some((w) => COMPASS.has(w) && !b.includes(w)) || b.some((w) => COMPASS.has(w) && !a.includes(w));

function articleNames(a: LinkInput): ArticleName[] {
  const seen = new Map<string, ArticleName>();
  for (const e of a.mentions.entities as EntityMention[]) {
    const key = `${e.type}|${e.name}`;
    const role = e.role ? entityKey(e.role) : null;
    const known = seen.get(key);
    if (known) {
      if (role && !known.roles.includes(role)) known.roles.push(role);
      continue;
    }
    // "el-Sisi"/"al-Sisi"/"Sisi": the Arabic article is written or left out at will.
    const all = entityKey(e.name.replace(/\b(?:al|el|Al|El)[-‑‐]/g, '')).split(' ').filter(Boolean);
    const suffix = all.find(SUFFIX) ?? null;
    seen.set(key, {
      article: a.id,
      independent: !a.copyOf,
      type: e.type,
      form: e.name,
      words: all.filter((w) => !SUFFIX(w)),
      suffix,
      roles: role ? [role] : [],
    });
  }
  return [...seen.values()];
}

/** Letters one sound is transliterated with at the start of a word (Arabic qaf: Gaddafi, Qaddafi, Kadhafi). */
const VELAR = /^[gkq]/;

/** Two spellings of one word: same letters without diacritics, same sound key, or a typo apart. */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [ka, kb] = [phoneticKey(a), phoneticKey(b)];
  if (ka === kb) return true;
  if (Math.min(ka.length, kb.length) >= 5 && VELAR.test(ka) && VELAR.test(kb) && ka.slice(1) === kb.slice(1)) return true;
  if (Math.min(ka.length, kb.length) >= 7 && vowelsOnlyApart(ka, kb)) return true;
  const len = Math.min(a.length, b.length);
  const max = len >= 8 ? 2 : len >= 5 ? 1 : 0;
  return max > 0 && a[0] === b[0] && Math.min(editDistance(a, b, max), editDistance(ka, kb, max)) <= max;
}

const VOWEL = /[aeiou]/;
/** Same length, same consonants in the same places, at most two vowels changed: the vowels of a
 * transliteration (Mohammed/Muhammad, Oleksandr/Aleksandr), not another name (Martin/Morton is 6). */
export function vowelsOnlyApart(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let changed = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (!VOWEL.test(a[i]) || !VOWEL.test(b[i])) return false;
    changed++;
  }
  return changed <= 2;
}

/** Two known given names of different people: Maria/Mario, Cristina/Cristian, Eric/Erica, Daniel/Danielle. */
function differentGivenNames(a: string, b: string): boolean {
  if (a === b || nicknameOf(a, b)) return false;
  const [knownA, knownB] = [FOLDED_FIRST_NAMES.has(a), FOLDED_FIRST_NAMES.has(b)];
  // The feminine -a (Cristina/Cristian, Daniela/Daniel) tells two people apart when either name is known.
  if ((knownA || knownB) && a.endsWith('a') !== b.endsWith('a') && Math.min(a.length, b.length) >= 3) return true;
  // A known name and the same with a few letters more is another name (Daniel/Danielle, Paul/Pauline).
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (FOLDED_FIRST_NAMES.has(short) && long.startsWith(short) && long.length > short.length) return true;
  if (!knownA || !knownB) return false;
  const [ka, kb] = [phoneticKey(a), phoneticKey(b)];
  const swapped = a.length === b.length && editDistance(a, b, 1) === 1 && [...a].sort().join('') === [...b].sort().join('');
  return !(ka === kb || swapped || vowelsOnlyApart(ka, kb));
}

/** First names: an initial fits, a short form fits (Greg/Gregory), and transliterations may differ in the first letter (Oleksandr/Aleksandr). */
const compatibleFirst = (a: string, b: string) =>
  a === b ||
  (!differentGivenNames(a, b) && looselyFirst(a, b));
const looselyFirst = (a: string, b: string) =>
  (a.length === 1 && b.startsWith(a)) ||
  (b.length === 1 && a.startsWith(b)) ||
  sameWord(a, b) ||
  nicknameOf(a, b) ||
  (Math.min(a.length, b.length) >= 6 && editDistance(a, b, 1) <= 1);

/** Whether two full names (two words or more) are variants of one name. */
function variants(a: ArticleName, b: ArticleName): boolean {
  if (a.type !== b.type && a.type !== 'other' && b.type !== 'other') return false;
  if (suffixClash(a, b) || compassClash(a.words, b.words)) return false;
  if (a.type === 'person' || b.type === 'person') {
    if (!sameWord(a.words.at(-1) ?? '', b.words.at(-1) ?? '')) return false;
    // Two roles that have nothing in common (a judge, a prosecutor) make a near-spelling two people.
    if (a.words.at(-1) !== b.words.at(-1) && a.roles.length && b.roles.length && !sharedRole(a, b)) return false;
    // Two different middle names written out are two people (father and son often share the rest).
    // Only for three words each: "Omar Mir Seddique Mateen" is "Omar Seddique Mateen" with one more.
    const [ma, mb] = [a.words[1], b.words[1]];
    if (a.words.length === 3 && b.words.length === 3 && ma.length > 1 && mb.length > 1 && !compatibleFirst(ma, mb)) return false;
    return compatibleFirst(a.words[0], b.words[0]) && Math.abs(a.words.length - b.words.length) <= 1;
  }
  const fa = a.words.join(' ');
  const fb = b.words.join(' ');
  if (fa === fb || phoneticKey(fa) === phoneticKey(fb)) return true;
  const len = Math.min(fa.length, fb.length);
  const max = len >= 12 ? 2 : len >= 6 ? 1 : 0;
  return max > 0 && editDistance(fa, fb, max) <= max;
}

export function linkEntities(articles: LinkInput[]): ReportEntity[] {
  const names = articles.flatMap(articleNames);
  // Names with a suffix first, so that a suffix-less form meets every Jr. and Sr. it could be.
  const full = names.filter((n) => n.words.length >= 2).sort((a, b) => Number(!a.suffix) - Number(!b.suffix));
  const short = names.filter((n) => n.words.length < 2);
  const clusters: ArticleName[][] = [];
  // Variants share the first letter of their last word: compare only within that bucket.
  const buckets = new Map<string, ArticleName[][]>();
  for (const n of full) {
    const key = phoneticKey(n.words.at(-1)!)[0].replace(VELAR, 'k');
    const bucket = buckets.get(key) ?? [];
    // A cluster holding a clashing suffix is another person, even when a suffix-less form bridges them;
    // a suffix-less name that fits both Jr. and Sr. is left alone.
    const fits = bucket.filter((cl) => cl.some((m) => variants(m, n)) && !cl.some((m) => suffixClash(m, n)));
    const suffixes = new Set(fits.flatMap((cl) => cl.map((m) => m.suffix).filter(Boolean)));
    const c = suffixes.size > 1 ? undefined : fits[0];
    if (c) c.push(n);
    else {
      bucket.push([n]);
      clusters.push(bucket[bucket.length - 1]);
    }
    buckets.set(key, bucket);
  }
  joinByRole(clusters);
  for (const n of short) {
    const w = n.words[0] ?? '';
    const exact = clusters.filter((cl) =>
      cl.some((m) => m.words.length < 2 && m.words[0] === w && compatibleType(m, n)),
    );
    // A lone surname joins a full name only when exactly one full name of the story fits it.
    const bySurname = clusters.filter((cl) =>
      cl.some(
        (m) =>
          m.type === 'person' && m.words.length >= 2 && sameWord(m.words.at(-1)!, w) && compatibleType(m, n),
      ),
    );
    const byAcronym = clusters.filter((cl) =>
      cl.some(
        (m) =>
          m.type === 'organization' &&
          m.words.length >= 2 &&
          initials(m.form) === n.form.replace(/[^\p{Lu}]/gu, ''),
      ),
    );
    const byVariant = clusters.filter((cl) =>
      cl.some((m) => m.words.length < 2 && compatibleType(m, n) && sameWord(m.words[0] ?? '', w)),
    );
    const target =
      exact[0] ??
      (bySurname.length === 1 ? bySurname[0] : byAcronym.length === 1 ? byAcronym[0] : byVariant[0]);
    if (target) target.push(n);
    else clusters.push([n]);
  }
  return clusters
    .map(toReportEntity)
    .sort((a, b) => articleCount(b) - articleCount(a) || a.name.localeCompare(b.name));
}

/** A surname a letter apart (two for long ones), vowel changes and short surnames included: Jerí/Jarí, Walz/Waltz. */
const surnameClose = (a: string, b: string) => Math.min(a.length, b.length) >= 3 && editDistance(a, b, 2) <= (Math.min(a.length, b.length) >= 7 ? 2 : 1);
const sharedRole = (a: ArticleName, b: ArticleName) =>
  a.roles.some((ra) => b.roles.some((rb) => ra === rb || ra.endsWith(` ${rb}`) || rb.endsWith(` ${ra}`)));
const articlesOf = (cl: ArticleName[]) => new Set(cl.map((n) => n.article));

/** Two people of the story whose names are too far apart to call a typo on their own, but whom the
 * context makes one: the same first name, the same role ("President José Jerí" / "President José
 * Jarí"), a surname a letter apart, and never both forms in one article. Joined only when each is
 * the other's one fit (no other person of the story fits better or as well). */
function joinByRole(clusters: ArticleName[][]): void {
  const people = clusters.filter((cl) => cl.some((n) => n.type === 'person' && n.words.length >= 2 && n.roles.length));
  const fits = (a: ArticleName[], b: ArticleName[]) => {
    const inA = articlesOf(a);
    if (b.some((n) => inA.has(n.article))) return false;
    return a.some((m) => b.some((n) =>
      m.type === 'person' && n.type === 'person' && m.words.length >= 2 && n.words.length >= 2 &&
      m.words[0] === n.words[0] && !suffixClash(m, n) && sharedRole(m, n) &&
      Math.abs(m.words.length - n.words.length) <= 1 && surnameClose(m.words.at(-1)!, n.words.at(-1)!)));
  };
  const partners = new Map(people.map((cl) => [cl, people.filter((o) => o !== cl && fits(cl, o))]));
  for (const [cl, ps] of partners) {
    if (ps.length !== 1 || partners.get(ps[0])?.length !== 1 || partners.get(ps[0])![0] !== cl) continue;
    const other = ps[0];
    if (!clusters.includes(cl) || !clusters.includes(other)) continue;
    cl.push(...other);
    clusters.splice(clusters.indexOf(other), 1);
  }
}

const compatibleType = (a: ArticleName, b: ArticleName) =>
  a.type === b.type || a.type === 'other' || b.type === 'other';
const articleCount = (e: ReportEntity) => new Set(e.variants.flatMap((v) => v.articles)).size;
const hasDiacritics = (s: string) => /[^\p{ASCII}]/u.test(s);

function toReportEntity(cluster: ArticleName[]): ReportEntity {
  const forms = new Map<string, { articles: string[]; votes: number; words: number }>();
  for (const n of cluster) {
    const f = forms.get(n.form) ?? { articles: [], votes: 0, words: n.words.length };
    if (!f.articles.includes(n.article)) {
      f.articles.push(n.article);
      if (n.independent) f.votes++;
    }
    forms.set(n.form, f);
  }
  // Canonical: full names over short forms, then the form most independent sources use, then one
  // whose first word is a known given name (not the typo "Partick"), then the one that keeps its
  // diacritics, then the longest.
  const ranked = [...forms].sort(
    ([fa, a], [fb, b]) =>
      Number(b.words >= 2) - Number(a.words >= 2) ||
      b.votes - a.votes ||
      Number(knownGiven(fb)) - Number(knownGiven(fa)) ||
      Number(hasDiacritics(fb)) - Number(hasDiacritics(fa)) ||
      fb.length - fa.length ||
      fa.localeCompare(fb),
  );
  const name = ranked[0][0];
  const typeVotes = new Map<EntityType, number>();
  for (const n of cluster) if (n.type !== 'other') typeVotes.set(n.type, (typeVotes.get(n.type) ?? 0) + 1);
  const type = [...typeVotes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'other';
  return {
    id: `e-${shortHash(`${type}:${name}`, 10)}`,
    name,
    type,
    variants: ranked.map(([form, f]) => ({ form, articles: f.articles })),
  };
}

const knownGiven = (form: string) => FOLDED_FIRST_NAMES.has(entityKey(form.split(/\s+/)[0]));

/** Every variant form (as written, and folded) → the canonical story name. */
export function canonicalNames(entities: ReportEntity[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of entities) {
    for (const v of e.variants) {
      if (!map.has(v.form)) map.set(v.form, e.name);
      const folded = entityKey(v.form);
      if (!map.has(folded)) map.set(folded, e.name);
    }
  }
  return map;
}
