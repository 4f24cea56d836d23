// Who-said-what facts: the same quote found in several articles (word overlap, so trimmed or
// re-punctuated quotes still meet), with a speaker conflict when sources credit different people.
import type { QuoteMention, ReportEntity } from '../../model/index.ts';
import { conflictValues, disagreeing, type Claim, type Fact, type SourceArticle, type Sources } from './fact.ts';
import { foldLetters } from '../../text/fold.ts';
import { STOPWORDS } from '../4-cluster/stopwords.ts';
import { nameTokens, samePerson } from './names.ts';

const words = (s: string) => foldLetters(s).match(/[\p{L}\p{N}]+/gu) ?? [];

/** Share of the shorter quote's words found in the other: 1 for the same quote, trimmed or not. */
export const quoteOverlap = (a: string, b: string) => overlap(words(a), words(b));

// Words of substance: function words ("we are all of our") are shared by any two quotes.
const substance = (ws: string[]) => ws.filter((w) => w.length > 2 && !STOPWORDS.has(w));

/**
 * The share of the shorter quote's words found in the other, and of its words of substance: one
 * quote trimmed or re-punctuated keeps both; two quotes that only share common words do not.
 */
function overlap(wa: string[], wb: string[]): number {
  const [shorter, longer] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  if (shorter.length < 4) return 0;
  const share = (xs: string[], other: Set<string>) => (xs.length ? xs.filter((w) => other.has(w)).length / xs.length : 0);
  return Math.min(share(shorter, new Set(longer)), share(substance(shorter), new Set(substance(longer))));
}

interface Said {
  article: SourceArticle;
  quote: QuoteMention;
}

/** The story name of a speaker, via the linked entities; else the name itself. */
function storyName(name: string, entities: ReportEntity[]): string {
  const f = foldLetters(name);
  const e = entities.find((x) => x.type === 'person' && (foldLetters(x.name) === f || x.variants.some((v) => foldLetters(v.form) === f)));
  return e?.name ?? entities.find((x) => x.type === 'person' && samePerson(x.name, name))?.name ?? name;
}

/** Where the article names the speaker: the speaker span if it holds the name, else the nearest mention. */
function speakerEvidence(s: Said, speaker: string): { written: string; start: number; end: number } | null {
  const text = s.article.article.text;
  const surname = foldLetters(nameTokens(speaker).at(-1)?.text ?? speaker);
  const sp = s.quote.speakerSpan;
  if (sp && foldLetters(text.slice(sp.start, sp.end)).includes(surname)) return { written: text.slice(sp.start, sp.end), ...sp };
  const near = s.article.mentions.entities
    .filter((e) => e.type === 'person' && foldLetters(e.text).includes(surname))
    .sort((a, b) => Math.abs(a.start - s.quote.start) - Math.abs(b.start - s.quote.start))[0];
  return near ? { written: near.text, start: near.start, end: near.end } : null;
}

// "the sheriff said of Deputy Ellis", "told reporters about Ellis": the name is who the quote is about.
const SPOKEN_OF = /\b(?:said|says|told|wrote|spoke|speaking|added|asked)\b[^.!?"“”]{0,30}\b(?:of|about|regarding|for)\s+(?:[\p{L}.'’-]+\s+){0,3}$/iu;

/** Whether the named person is credited with saying the quote, not described by it or in it. */
function creditable(s: Said, speaker: string, ev: { start: number }): boolean {
  const text = s.article.article.text;
  const surname = foldLetters(nameTokens(speaker).at(-1)?.text ?? speaker);
  const quoted: string[] = words(s.quote.text);
  if (surname.length > 2 && quoted.includes(surname)) return false;
  return !SPOKEN_OF.test(text.slice(Math.max(0, ev.start - 60), ev.start));
}

/**
 * Whether a credited speaker can take a side in a speaker conflict: a person the quote's own
 * attribution names (not the nearest mention of them), who is not named inside any of the quotes
 * ("Mr. Syed said, '…'" retold by a witness), and who is not the same person as another side
 * by surname ("Davis" / "Tom Davis").
 */
const NEAR_BEFORE = 200;

function disputes(c: Claim, group: Said[], entities: ReportEntity[]): boolean {
  const said = group.find((s) => s.article.article.id === c.article);
  const sp = said?.quote.speakerSpan;
  // A lone surname or first name ("Kim", "Oldham") is too little to say two different people spoke.
  if (!said || !c.evidence || nameTokens(c.written).length < 2) return false;
  // Named by the attribution itself; or, when it is a pronoun ("she said"), named just before the quote.
  if (sp ? c.evidence.start !== sp.start : c.evidence.end > said.quote.start || said.quote.start - c.evidence.end > NEAR_BEFORE) return false;
  if (!entities.some((e) => e.type === 'person' && e.name === c.value) && entities.length) return false;
  const surname = foldLetters(nameTokens(c.value).at(-1)?.text ?? c.value);
  return !group.some((s) => (words(s.quote.text) as string[]).includes(surname));
}

/** Whether the report of claim `d` names `person` beside its speaker, joined by "and" ("Mark and Condon said"). */
function coSpeaker(articles: SourceArticle[], d: Claim, person: string): boolean {
  const text = articles.find((a) => a.article.id === d.article)?.article.text ?? '';
  if (!d.evidence) return false;
  const surname = nameTokens(person).at(-1)?.text;
  if (!surname) return false;
  const around = text.slice(Math.max(0, d.evidence.start - 60), d.evidence.end + 60);
  const name = `(?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,3}${surname.replace(/[^\p{L}'’-]/gu, '')}`;
  return new RegExp(`${name}\\s+(?:and|&)\\s+\\p{Lu}|\\b(?:and|&)\\s+${name}\\b`, 'u').test(around);
}

const sameSurname = (a: string, b: string) => foldLetters(nameTokens(a).at(-1)?.text ?? a) === foldLetters(nameTokens(b).at(-1)?.text ?? b);

const short = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

export function saidFacts(articles: SourceArticle[], entities: ReportEntity[], sources: Sources): Fact[] {
  const quotes: Said[] = articles.flatMap((a) => a.mentions.quotes.map((quote) => ({ article: a, quote })));
  // Align quotes: each joins the first earlier quote it overlaps almost entirely.
  const aligned: Said[][] = [];
  const wordsOf = new Map(quotes.map((q) => [q, words(q.quote.text)]));
  for (const q of quotes) {
    const group = aligned.find((g) => g.some((x) => x.article !== q.article && overlap(wordsOf.get(x)!, wordsOf.get(q)!) >= 0.8));
    if (group) group.push(q);
    else aligned.push([q]);
  }
  return aligned.map((group, i) => {
    const names: string[] = [];
    const claims: Claim[] = [];
    for (const s of group) {
      if (claims.some((c) => c.article === s.article.article.id)) continue;
      const named = s.quote.speaker ? storyName(s.quote.speaker, entities) : null;
      const found = named ? speakerEvidence(s, named) : null;
      const ev = found && creditable(s, named!, found) ? found : null;
      // A speaker the article never names near the quote cannot be cited: the quote counts as unattributed.
      const speaker = ev ? named : null;
      let g = speaker ? names.findIndex((n) => n === speaker || samePerson(n, speaker) || sameSurname(n, speaker)) : -1;
      if (speaker && g < 0) g = names.push(speaker) - 1;
      claims.push({
        article: s.article.article.id,
        written: ev?.written ?? speaker ?? '',
        value: speaker ?? '',
        evidence: ev ? { article: s.article.article.id, start: ev.start, end: ev.end } : { article: s.article.article.id, start: s.quote.start, end: s.quote.end },
        group: g,
        about: { article: s.article.article.id, start: s.quote.start, end: s.quote.end },
      });
    }
    const credited = claims.filter((c) => c.group >= 0 && disputes(c, group, entities));
    // "said Laurence Mark and Bill Condon": a joint statement credits both, so one report naming
    // either is no dispute with it.
    const attributed = credited.filter((c) => !credited.some((d) => d.group !== c.group && coSpeaker(articles, d, c.value)));
    const conflict = disagreeing(attributed, sources)
      ? { kind: 'speaker' as const, about: `who said "${short(group[0].quote.text, 140)}"`, values: conflictValues(attributed, sources) }
      : null;
    const who = names[0] ?? 'unattributed';
    return { kind: 'said' as const, key: `said:${i}`, label: `${who}: “${short(group[0].quote.text)}”`, claims, conflict };
  });
}
