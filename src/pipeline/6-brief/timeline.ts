// The story's dated events in order: the event day (both days when sources dispute it) and every
// other day the articles say something happened on. Each line is the statement that dates it (a
// subject and a verb, see statement.ts); a day long before the event is marked as background.
import type { TimelineEntry } from '../../model/index.ts';
import { parseDay } from '../3-analyze/dates/calendar.ts';
import { unique, type Claim, type Fact, type SourceArticle } from '../5-compare/fact.ts';
import { EVENT_KEY } from '../5-compare/when.ts';
import { statementAt } from './statement.ts';

// History: more than a month before the event day is the story's background, not its events.
const BACKGROUND_DAYS = 30;

/** The statement behind a dated claim: the first of its articles' that reads as one. */
function statementOf(articles: Map<string, SourceArticle>, claims: Claim[]): { what: string; claim: Claim } | null {
  for (const c of claims) {
    const a = articles.get(c.article);
    if (!a || !c.evidence) continue;
    const sentence = a.article.sentences.find((x) => x.start <= c.evidence!.start && c.evidence!.start < x.end);
    if (!sentence) continue;
    const st = statementAt(a.article.text, sentence, { ...c.evidence, text: a.article.text.slice(c.evidence.start, c.evidence.end) }, c.value);
    if (st) return { what: st.what, claim: c };
  }
  return null;
}

export function buildTimeline(articles: SourceArticle[], facts: Fact[]): TimelineEntry[] {
  const byId = new Map(articles.map((a) => [a.article.id, a]));
  const event = facts.find((f) => f.key === EVENT_KEY);
  // The event day: the compared one, else the day most reports put their event on (however sure).
  const days = articles.flatMap((a) => (a.mentions.eventDate ? [a.mentions.eventDate.date] : []));
  const likeliest = days.sort((x, y) => days.filter((d) => d === y).length - days.filter((d) => d === x).length)[0];
  const eventDay = parseDay(event?.claims.find((c) => c.group === 0)?.value ?? likeliest ?? '');
  const entries: (TimelineEntry & { event: boolean })[] = [];
  for (const f of facts) {
    if (f.kind !== 'when' && f.kind !== 'what') continue;
    const isEvent = f.key === EVENT_KEY;
    for (const day of unique(f.claims.map((c) => c.value))) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) continue; // months and years are not timeline points
      const claims = f.claims.filter((c) => c.value === day);
      const stated = statementOf(byId, claims);
      // Any other day needs a statement of what happened on it; the event day is the story itself.
      if (!stated && !isEvent) continue;
      const first = stated?.claim ?? claims.find((c) => c.evidence) ?? claims[0];
      // Only the days the sources dispute: a day weeks away is another moment, taking no side.
      const disputed = !!f.conflict && claims.some((c) => c.group >= 0);
      const at = parseDay(day);
      const background = !isEvent && eventDay !== null && at !== null && eventDay - at > BACKGROUND_DAYS;
      entries.push({
        date: day,
        what: stated?.what ?? 'the reported event',
        text: first.written,
        articles: unique(claims.map((c) => c.article)),
        ...(disputed ? { disputed: true } : {}),
        ...(background ? { background: true } : {}),
        event: isEvent,
      });
    }
  }
  return entries
    .sort((a, b) => a.date.localeCompare(b.date) || Number(b.event) - Number(a.event))
    .map(({ event: _e, ...e }) => e);
}
