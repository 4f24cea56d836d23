// The story's dated events in order: the event day (both days when sources dispute it) and
// every other day the articles date something on.
import type { TimelineEntry } from '../../model/index.ts';
import { unique, type Fact, type SourceArticle } from '../5-compare/fact.ts';
import { EVENT_KEY } from '../5-compare/when.ts';

/** What the articles say happened on a day: the dated mention's "what", else the sentence around it. */
function whatOn(articles: SourceArticle[], article: string, start: number): string {
  const a = articles.find((x) => x.article.id === article);
  const d = a?.mentions.dates.find((m) => m.start <= start && start < m.end);
  if (d?.what) return d.what;
  const s = a?.article.sentences.find((x) => x.start <= start && start < x.end);
  const text = s ? a!.article.text.slice(s.start, s.end).replace(/\s+/g, ' ') : '';
  return text.length > 120 ? `${text.slice(0, 119).trimEnd()}…` : text;
}

export function buildTimeline(articles: SourceArticle[], facts: Fact[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const f of facts) {
    if (f.kind !== 'when' && f.kind !== 'what') continue;
    const days = unique(f.claims.map((c) => c.value));
    for (const day of days) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) continue; // months and years are not timeline points
      const claims = f.claims.filter((c) => c.value === day);
      const first = claims.find((c) => c.evidence) ?? claims[0];
      const what = f.key === EVENT_KEY ? 'the reported event' : f.label.includes(': ') ? f.label.slice(f.label.indexOf(': ') + 2) : whatOn(articles, first.article, first.evidence?.start ?? -1);
      // Only the days the sources dispute: a day weeks away is another moment, taking no side.
      const disputed = !!f.conflict && claims.some((c) => c.group >= 0);
      entries.push({ date: day, what, text: first.written, articles: unique(claims.map((c) => c.article)), ...(disputed ? { disputed: true } : {}) });
    }
  }
  return entries.sort((a, b) => a.date.localeCompare(b.date) || Number(b.what === 'the reported event') - Number(a.what === 'the reported event'));
}
