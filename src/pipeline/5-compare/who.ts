// Who facts: the story's people and organisations, and spelling variants of one name across
// sources ("Kovač"/"Kovac"/"Kovach"), which are flagged as likely spelling or transliteration
// errors, never as a dispute about the facts.
import type { Conflict, EntityMention, ReportEntity } from '../../model/index.ts';
import { unique, type Fact, type SourceArticle, type Sources } from './fact.ts';
import { foldLetters } from '../../text/fold.ts';
import { editDistance, isDerivation, isInflection, nameTokens, similarWords, strictName } from './names.ts';

interface Located {
  entity: ReportEntity;
  mention: EntityMention;
  article: string;
}

/** Each article mention with the story entity it belongs to. */
export function locateMentions(articles: SourceArticle[], entities: ReportEntity[]): Located[] {
  const index = new Map<string, ReportEntity>();
  for (const e of entities) for (const v of e.variants) for (const id of v.articles) index.set(`${id}\u0000${v.form}`, e);
  const out: Located[] = [];
  for (const a of articles) {
    for (const m of a.mentions.entities) {
      // Linkers list forms as written or as the article's full name: either finds the entity.
      const entity = index.get(`${a.article.id}\u0000${m.text}`) ?? index.get(`${a.article.id}\u0000${m.name}`);
      if (entity) out.push({ entity, mention: m, article: a.article.id });
    }
  }
  return out;
}

interface Word {
  text: string;
  article: string;
  /** Which mention the word is in: two words of one mention are two words of the name, never two spellings. */
  mention: number;
  start: number;
  end: number;
}

/** Name words of the mentions as written, without role words ("Interior Minister"). */
// "also known as Deote": an alias is another name, not another spelling.
const ALIAS_BEFORE = /\b(?:also known as|known as|a\.?k\.?a\.?|alias)\s+$/i;
// "at 1106 Marlin": a house number makes the word a street's, whoever it was linked to.
const HOUSE_NUMBER_BEFORE = /\b\d+\s+$/;
// "EUendale" for "Ellendale": two capitals then lower case is a scanned page's misreading, not a spelling.
const SCAN_NOISE = /^\p{Lu}\p{Lu}\p{Ll}/u;

function nameWords(located: Located[], textOf: (article: string) => string = () => ''): Word[] {
  const words: Word[] = [];
  for (const [i, { mention: m, article }] of located.entries()) {
    const before = textOf(article).slice(Math.max(0, m.start - 30), m.start);
    if (ALIAS_BEFORE.test(before) || HOUSE_NUMBER_BEFORE.test(before)) continue;
    const own = new Set(nameTokens(m.name).map((t) => foldLetters(t.text)));
    for (const t of nameTokens(m.text)) {
      if (t.text.length < 3 || !/^\p{Lu}/u.test(t.text) || SCAN_NOISE.test(t.text) || !own.has(foldLetters(t.text))) continue;
      words.push({ text: t.text, article, mention: i, start: m.start + t.start, end: m.start + t.end });
    }
  }
  return words;
}

const THOROUGHFARE = /\b(?:Street|St|Avenue|Ave|Road|Rd|Drive|Boulevard|Blvd|Lane|Way|Court|Highway|Hwy|Parkway|Terrace|Circle|Calle|Avenida|Rua|Rue)\b/;

const SOUNDS_ALIKE = ['ckqsxz', 'bp', 'dt', 'fv', 'gj', 'mn', 'lr'];
const VOWEL = /[aeiouy]/;

/** Same length, one letter apart, both letters consonants that do not sound alike ("pike"/"pine"). */
function otherConsonant(x: string, y: string): boolean {
  if (x.length !== y.length || x === y) return false;
  const at = [...x].flatMap((c, i) => (c === y[i] ? [] : [i]));
  if (at.length !== 1) return false;
  const [a, b] = [x[at[0]], y[at[0]]];
  return /\p{L}/u.test(a + b) && !VOWEL.test(a) && !VOWEL.test(b) && !SOUNDS_ALIKE.some((g) => g.includes(a) && g.includes(b));
}

const marks = (s: string) => (s.normalize('NFD').match(/\p{M}/gu) ?? []).length;

/** The spelling-variant conflict of one entity, or null when every source writes it alike. */
export function spellingVariant(entity: ReportEntity, located: Located[], sources: Sources, textOf?: (article: string) => string): Conflict | null {
  const words = nameWords(located, textOf);
  // Slots: words that are one name word written differently.
  const slots: Word[][] = [];
  // Words written together in one mention ("William Pulliam") are two parts of the name, never two spellings.
  const together = new Set<string>();
  for (const x of words) for (const y of words) if (x.mention === y.mention && x !== y) together.add(`${foldLetters(x.text)}\u0000${foldLetters(y.text)}`);
  const apart = (x: Word, y: Word) => x.mention !== y.mention && !together.has(`${foldLetters(x.text)}\u0000${foldLetters(y.text)}`);
  for (const w of words) {
    const slot = slots.find((s) => similarWords(s[0].text, w.text) && s.every((x) => apart(x, w)));
    if (slot) slot.push(w);
    else slots.push([w]);
  }
  for (const slot of slots) {
    const forms = new Map<string, Word[]>();
    // A plural, possessive or demonym ("the Griswoulds", "Texans") is the shorter form, not a second spelling.
    const base = (t: string) =>
      slot.map((x) => x.text).filter((x) => (x.length < t.length || (x.length === t.length && x < t)) && isInflection(x, t)).sort((p, q) => p.length - q.length || (p < q ? -1 : 1))[0] ?? t;
    for (const w of slot) forms.set(strictName(base(w.text)), [...(forms.get(strictName(base(w.text))) ?? []), w]);
    if (forms.size < 2) continue;
    // A city has streets one consonant apart (Pike and Pine, Oak and Oat): on a thoroughfare, two
    // forms that differ only in one consonant that sounds different are two streets, not a slip
    // (a slip sounds alike or moves a vowel: Chace/Chase, Smilex/Smilax, Terrace/Terrance).
    if (THOROUGHFARE.test(entity.name) && [...forms.keys()].some((x) => [...forms.keys()].some((y) => otherConsonant(foldLetters(x), foldLetters(y))))) continue;
    // One report writing two forms once each names two things (Pike and Pine Street, Parkland and
    // Portland); a slip is one odd form among a form the report repeats ("Huntley … Huntely … Huntley").
    const byArticle = new Map<string, Map<string, number>>();
    for (const [form, ws] of forms) for (const w of ws) {
      const n = byArticle.get(w.article) ?? new Map<string, number>();
      byArticle.set(w.article, n.set(form, (n.get(form) ?? 0) + 1));
    }
    // A slip is one letter off (a typo or a swap); two off in one report is another name ("Parkland"/"Portland").
    const slip = (n: Map<string, number>) => {
      const [main, ...odd] = [...n].sort((a, b) => b[1] - a[1]);
      return main[1] >= 2 && odd.every(([form, k]) => k === 1 && editDistance(foldLetters(form), foldLetters(main[0]), 1) <= 1);
    };
    if ([...byArticle.values()].some((n) => n.size > 1 && !slip(n))) continue;
    // Another word of the same stem ("Democratic", "Germany") is another name, not a spelling.
    if ([...forms.keys()].some((x) => [...forms.keys()].some((y) => isDerivation(x, y)))) continue;
    // Forms that only ever appear in different languages are translations, not misspellings.
    const langs = [...forms.values()].map((ws) => new Set(ws.map((w) => sources.languageOf(w.article))));
    const shared = langs.some((a, i) => langs.some((b, j) => j > i && [...a].some((l) => b.has(l))));
    if (!shared) continue;
    // One side per spelling; one value per form as written ("Herkimer", "HERKIMER"), so each span holds its value.
    const sides = [...forms.values()].sort(
      (a, b) => sources.independent(b.map((w) => w.article)) - sources.independent(a.map((w) => w.article)) || marks(mostWritten(b)) - marks(mostWritten(a)),
    );
    const values = sides.flatMap((ws, side) =>
      unique(ws.map((w) => w.text)).map((text) => {
        const same = ws.filter((w) => w.text === text);
        return { value: text, articles: unique(same.map((w) => w.article)), evidence: firstPerArticle(same).map((w) => ({ article: w.article, start: w.start, end: w.end })), side };
      }),
    );
    const likely = mostWritten(sides[0]);
    return {
      kind: 'spelling-variant',
      about: `spelling of ${entity.name}`,
      values,
      likely,
      note: `likely a spelling or transliteration variant of one name, not a factual dispute; most sources write "${likely}"`,
    };
  }
  return null;
}

function mostWritten(ws: Word[]): string {
  const n = new Map<string, number>();
  for (const w of ws) n.set(w.text, (n.get(w.text) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0][0];
}

function firstPerArticle<T extends { article: string }>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => !seen.has(x.article) && !!seen.add(x.article));
}

export function whoFacts(articles: SourceArticle[], entities: ReportEntity[], sources: Sources): { facts: Fact[]; variants: Conflict[] } {
  const located = locateMentions(articles, entities);
  const texts = new Map(articles.map((a) => [a.article.id, a.article.text]));
  const textOf = (id: string) => texts.get(id) ?? '';
  const facts: Fact[] = [];
  const variants: Conflict[] = [];
  for (const entity of entities) {
    const own = located.filter((l) => l.entity === entity);
    if (!own.length) continue;
    if (entity.type === 'person' || entity.type === 'place') {
      const v = spellingVariant(entity, own, sources, textOf);
      if (v) variants.push(v);
    }
    if (entity.type === 'place') continue; // places are where-facts, from the gazetteer
    const claims = firstPerArticle(own).map((l) => ({
      article: l.article,
      written: l.mention.text,
      value: foldLetters(entity.name),
      evidence: { article: l.article, start: l.mention.start, end: l.mention.end },
      group: 0,
    }));
    facts.push({ kind: 'who', key: `who:${entity.id}`, label: `${entity.name} (${entity.type})`, claims, conflict: null });
  }
  return { facts, variants };
}
