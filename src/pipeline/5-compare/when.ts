// When facts: the day of the event as each article puts it (a date conflict when they put it
// on different days), and the other dated events of the story, aligned by their resolved date.
import type { DateMention, Evidence, WhenSide } from '../../model/index.ts';
import { parseDay } from '../3-analyze/dates/calendar.ts';
import { contextStems, shared } from './context.ts';
import { conflictValues, disagreeing, unique, type Claim, type Fact, type SourceArticle, type Sources } from './fact.ts';
import { ROUNDUP } from './how-many.ts';
import { namesDay } from './written-day.ts';

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
    // "Saturday night" read against a publication day a week off is still the majority's Saturday:
    // the reports' words agree, only the days we resolved them against differ.
    else if (namesDay(c.written, main)) c.value = main;
  }
  const days = byDay(claims);
  for (const c of claims) c.group = days.indexOf(c.value);
  // A day weeks away is another moment (a plea hearing, an earlier shooting), not this one disputed.
  for (const c of claims) if (Math.abs(parseDay(c.value)! - parseDay(main)!) > MAX_DISPUTE_DAYS) c.group = -1;
  // A day that dates a saying ("a Monday morning email said", "police said Monday") or a city's
  // tally of shootings dates no moment of this event: it takes no side.
  for (const c of claims) if (c.value !== main && c.evidence && !datesTheEvent(articles, c.evidence)) c.group = -1;
  const sides = claims.filter((c) => c.group >= 0);
  // Different days are a dispute only when the reports describe the same moment around them
  // ("the fire broke out late on Monday" / "the fire broke out on Tuesday"), not a later development.
  const context = new Map(sides.map((c) => [c, c.evidence ? stemsAround(articles, c.evidence) : new Set<string>()]));
  const sameMoment = sides.some((a) => sides.some((b) => a.group !== b.group && shared(context.get(a)!, context.get(b)!) >= MIN_SHARED_CONTEXT));
  const conflict = sameMoment && disagreeing(sides, sources)
    ? {
        kind: 'date' as const,
        about: EVENT_DAY,
        // Date conflicts are read as resolved days; the evidence shows how each report wrote it.
        values: conflictValues(sides.map((c) => ({ ...c, written: c.value })), sources),
      }
    : null;
  return { kind: 'when', key: EVENT_KEY, label: `happened on ${days[0]}`, claims, conflict };
}

const SAYING_AFTER = /^\s*(?:(?:morning|afternoon|evening|night)\s+)?(?:e-?mail|statement|news release|press release|(?:news|press) conference|briefing|post|tweet|update)\b/i;
const SAYING_BEFORE = /\b(?:said|says|told|announced|reported|confirmed|stated|wrote)\s+(?:on\s+|late\s+|early\s+)?$/i;

/** Whether a date dates the event, not a saying about it or a tally of many events. */
function datesTheEvent(articles: SourceArticle[], e: Evidence): boolean {
  const a = articles.find((x) => x.article.id === e.article)!;
  const text = a.article.text;
  if (SAYING_AFTER.test(text.slice(e.end, e.end + 40)) || SAYING_BEFORE.test(text.slice(Math.max(0, e.start - 30), e.start))) return false;
  const s = a.article.sentences.find((x) => x.start <= e.start && x.end >= e.end);
  return !s || !ROUNDUP.test(text.slice(s.start, s.end));
}

export const EVENT_KEY = 'when:event';
const EVENT_DAY = 'the day the event happened';

// Dates need more shared words than figures: a story's moments share its vocabulary ("strike began" / "trains began running again").
const MIN_SHARED_CONTEXT = 3;
/** Reports of one event put it days apart (late night, time zones, a slip), not weeks. */
const MAX_DISPUTE_DAYS = 14;

/** The event day's sides when the sources dispute it, best supported first; null when it is settled. */
export function whenSides(facts: Fact[]): WhenSide[] | null {
  const conflict = facts.find((f) => f.key === EVENT_KEY)?.conflict;
  if (!conflict) return null;
  const sides = new Map<number, WhenSide>();
  conflict.values.forEach((v, i) => {
    const side = sides.get(v.side ?? i) ?? { date: v.value, articles: [], evidence: [] };
    sides.set(v.side ?? i, { ...side, articles: unique([...side.articles, ...v.articles]), evidence: [...side.evidence, ...v.evidence] });
  });
  return [...sides.values()];
}

function stemsAround(articles: SourceArticle[], e: Evidence): Set<string> {
  const a = articles.find((x) => x.article.id === e.article)!;
  return contextStems(a.article.text, a.article.sentences, e);
}

const describe = (d: DateMention) => (d.what ? d.what.trim() : '');

/**
 * Days the event-date fact speaks for, per article: the main day everywhere, and the day each
 * report gave the event when it takes a side of the dispute or was read onto the main day.
 */
function eventDays(articles: SourceArticle[], event: Fact | null): (article: string, day: string) => boolean {
  const main = event?.claims.find((c) => c.group === 0)?.value ?? null;
  const own = new Set<string>();
  for (const c of event?.claims ?? []) {
    if (!(c.value === main || (event!.conflict && c.group >= 0))) continue;
    const a = articles.find((x) => x.article.id === c.article);
    const said = a?.mentions.dates.find((d) => c.evidence && d.start === c.evidence.start)?.date ?? c.value;
    own.add(`${c.article}|${said}`);
  }
  return (article, day) => day === main || own.has(`${article}|${day}`);
}

/** Other dated events, by resolved day; the event day itself (either side of a dispute) is left to the event-date fact. */
export function datedFacts(articles: SourceArticle[], event: Fact | null): Fact[] {
  const isEventDay = eventDays(articles, event);
  const byDay = new Map<string, { claims: Claim[]; whats: string[] }>();
  // Describe each day in the story's main language, listing its own articles' words first.
  const langs = new Map<string, number>();
  for (const a of articles) langs.set(a.article.language, (langs.get(a.article.language) ?? 0) + 1);
  const main = [...langs].sort((x, y) => y[1] - x[1])[0]?.[0];
  const ordered = [...articles].sort((x, y) => Number(y.article.language === main) - Number(x.article.language === main));
  for (const a of ordered) {
    for (const d of a.mentions.dates) {
      if (!d.date || isEventDay(a.article.id, d.date)) continue;
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
