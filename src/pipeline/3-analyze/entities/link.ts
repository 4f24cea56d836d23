// Story-level entities: one entity per real-world name across a story's articles, with the spelling,
// transliteration and diacritic variants each source used ("Kovač"/"Kovac", "Grünewald"/"Grunwald").
import type { EntityMention, EntityType, Mentions, ReportEntity } from '../../../model/index.ts';
import { shortHash } from '../../../util/hash.ts';
import { editDistance, foldName, initials, phoneticKey } from './fold.ts';
import { NAME_SUFFIXES } from './lexicon.ts';
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
}

// Name words are folded ("Jr." → "jr"), so the suffixes are compared folded too.
const FOLDED_SUFFIXES = new Set([...NAME_SUFFIXES].map(foldName));
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
    if (seen.has(key)) continue;
    const all = foldName(e.name).split(' ').filter(Boolean);
    const suffix = all.find(SUFFIX) ?? null;
    seen.set(key, {
      article: a.id,
      independent: !a.copyOf,
      type: e.type,
      form: e.name,
      words: all.filter((w) => !SUFFIX(w)),
      suffix,
    });
  }
  return [...seen.values()];
}

/** Two spellings of one word: same letters without diacritics, same sound key, or a typo apart. */
function sameWord(a: string, b: string): boolean {
  if (a === b || phoneticKey(a) === phoneticKey(b)) return true;
  const len = Math.min(a.length, b.length);
  const max = len >= 8 ? 2 : len >= 5 ? 1 : 0;
  return max > 0 && a[0] === b[0] && editDistance(a, b, max) <= max;
}

/** First names: an initial fits, a short form fits (Greg/Gregory), and transliterations may differ in the first letter (Oleksandr/Aleksandr). */
const compatibleFirst = (a: string, b: string) =>
  a === b ||
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
    const key = n.words.at(-1)![0];
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
  // Canonical: full names over short forms, then the form most independent sources use, then the
  // one that keeps its diacritics, then the longest.
  const ranked = [...forms].sort(
    ([fa, a], [fb, b]) =>
      Number(b.words >= 2) - Number(a.words >= 2) ||
      b.votes - a.votes ||
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

/** Every variant form (as written, and folded) → the canonical story name. */
export function canonicalNames(entities: ReportEntity[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of entities) {
    for (const v of e.variants) {
      if (!map.has(v.form)) map.set(v.form, e.name);
      const folded = foldName(v.form);
      if (!map.has(folded)) map.set(folded, e.name);
    }
  }
  return map;
}
