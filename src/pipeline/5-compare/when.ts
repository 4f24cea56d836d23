// When facts: the day of the event as each article puts it (a date conflict when they put it
// on different days), and the other dated events of the story, aligned by their resolved date.
import type { DateMention } from '../../model/index.ts';
import type { Evidence } from '../../model/index.ts';
import { contextStems, shared } from './context.ts';
import { conflictValues, disagreeing, unique, type Claim, type Fact, type SourceArticle, type Sources } from './fact.ts';

export interface WhenOptions {
  /** Event dates less sure than this are not compared (relative dates against an unsure publication date). */
  minEventConfidence: number;
}

export const defaultWhenOptions = { minEventConfidence: 0.6 } satisfies WhenOptions;

/** The date mention behind an article's event date: its own span, else a mention of that day. */
function eventEvidence(a: SourceArticle): { written: string; start: number; end: number } | null {
  const ev = a.mentions.eventDate!;
  if (ev.span) return { written: a.article.text.slice(ev.span.start, ev.span.end), ...ev.span };
  const m = a.mentions.dates.find((d) => d.date === ev.date);
  return m ? { written: m.text, start: m.start, end: m.end } : null;
}

export function eventDateFact(articles: SourceArticle[], sources: Sources, opts: WhenOptions = defaultWhenOptions): Fact | null {
  const claims: Claim[] = [];
  for (const a of articles) {
    const ev = a.mentions.eventDate;
    if (!ev || ev.confidence < opts.minEventConfidence) continue;
    const e = eventEvidence(a);
    claims.push({
      article: a.article.id,
      written: e?.written ?? ev.date,
      value: ev.date,
      evidence: e ? { article: a.article.id, start: e.start, end: e.end } : null,
      group: 0,
    });
  }
  if (!claims.length) return null;
  const support = (day: string) => sources.independent(claims.filter((c) => c.value === day).map((c) => c.article));
  // On a tie, the day more sources date anything on (a report's lead may pick a side moment).
  const mentioned = (day: string) => sources.independent(articles.filter((a) => a.mentions.dates.some((d) => d.date === day)).map((a) => a.article.id));
  const byDay = (list: Claim[]) =>
    unique(list.map((c) => c.value)).sort((x, y) => support(y) - support(x) || mentioned(y) - mentioned(x) || x.localeCompare(y));
  // An article that also dates something on the majority's day does not dispute that day: it led
  // with another moment of the story ("troops arrived on Sunday" after "the emergency, since Friday").
  const main = byDay(claims)[0];
  for (const c of claims) {
    if (c.value === main) continue;
    const a = articles.find((x) => x.article.id === c.article)!;
    const same = a.mentions.dates.find((d) => d.date === main && d.granularity === 'day');
    if (same) Object.assign(c, { value: main, written: same.text, evidence: { article: c.article, start: same.start, end: same.end } });
  }
  const days = byDay(claims);
  for (const c of claims) c.group = days.indexOf(c.value);
  // Different days are a dispute only when the reports describe the same moment around them
  // ("the fire broke out late on Monday" / "the fire broke out on Tuesday"), not a later development.
  const context = new Map(claims.map((c) => [c, c.evidence ? stemsAround(articles, c.evidence) : new Set<string>()]));
  const sameMoment = claims.some((a) => claims.some((b) => a.group !== b.group && shared(context.get(a)!, context.get(b)!) >= MIN_SHARED_CONTEXT));
  const conflict = sameMoment && disagreeing(claims, sources)
    ? {
        kind: 'date' as const,
        about: 'the day the event happened',
        // Date conflicts are read as resolved days; the evidence shows how each report wrote it.
        values: conflictValues(claims.map((c) => ({ ...c, written: c.value })), sources),
      }
    : null;
  return { kind: 'when', key: 'when:event', label: `happened on ${days[0]}`, claims, conflict };
}

// Dates need more shared words than figures: a story's moments share its vocabulary ("strike began" / "trains began running again").
const MIN_SHARED_CONTEXT = 3;

function stemsAround(articles: SourceArticle[], e: Evidence): Set<string> {
  const a = articles.find((x) => x.article.id === e.article)!;
  return contextStems(a.article.text, a.article.sentences, e);
}

const describe = (d: DateMention) => (d.what ? d.what.trim() : '');

/** Other dated events, by resolved day; the event day itself is left to the event-date fact. */
export function datedFacts(articles: SourceArticle[], eventDay: string | null): Fact[] {
  const byDay = new Map<string, { claims: Claim[]; whats: string[] }>();
  // Describe each day in the story's main language, listing its own articles' words first.
  const langs = new Map<string, number>();
  for (const a of articles) langs.set(a.article.language, (langs.get(a.article.language) ?? 0) + 1);
  const main = [...langs].sort((x, y) => y[1] - x[1])[0]?.[0];
  const ordered = [...articles].sort((x, y) => Number(y.article.language === main) - Number(x.article.language === main));
  for (const a of ordered) {
    for (const d of a.mentions.dates) {
      if (!d.date || d.date === eventDay) continue;
      const key = d.granularity === 'day' ? d.date : `${d.date.slice(0, d.granularity === 'year' ? 4 : 7)}`;
      const slot = byDay.get(key) ?? { claims: [], whats: [] };
      byDay.set(key, slot);
      if (describe(d) && (a.article.language === main || !slot.whats.length)) slot.whats.push(describe(d));
      if (slot.claims.some((c) => c.article === a.article.id)) continue;
      slot.claims.push({ article: a.article.id, written: d.text, value: key, evidence: { article: a.article.id, start: d.start, end: d.end }, group: 0 });
    }
  }
  return [...byDay].map(([day, { claims, whats }]) => ({
    kind: (whats.length ? 'what' : 'when') as Fact['kind'],
    key: `when:${day}`,
    label: whats.length ? `${day}: ${mostCommon(whats)}` : `date ${day}`,
    claims,
    conflict: null,
  }));
}

function mostCommon(xs: string[]): string {
  const n = new Map<string, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0][0];
}
