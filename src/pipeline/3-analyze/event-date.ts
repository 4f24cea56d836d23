// The day the reported event happened, which is often not the publication date: "was shot Monday
// evening" in a Tuesday paper. Among the article's day-precise dates near publication, those in
// sentences that report an event win; of those, the earliest (later dates are usually follow-ups:
// "in critical condition Tuesday", "a vigil Wednesday"). Without any, the publication date, less sure.
import type { Article, DateMention, Mentions } from '../../model/index.ts';
import { parseDay } from './dates/calendar.ts';

// Verbs and nouns that report something happening, as opposed to saying or being.
const EVENT =
  /\b(shot|shooting|shootings|killed|kill|died|dies|dead|wounded|injured|hurt|stabbed|attack(?:ed)?|happened|occurred|erupted|struck|hit|crash(?:ed)?|collapsed|exploded|explosion|fire|blaze|flood(?:ed|ing)?|broke out|began|started|fled|arrested|found|robbed|robbery|fired|opened fire|declared|adopted|voted|announced|signed|approved|ruled|held|met|took place|was|were)\b/i;
// "police said Tuesday": the day of the saying, not of the event.
const ATTRIBUTION = /\b(said|says|told|stated|confirmed|reported|announced|added)\s*(?:on\s+)?$/i;
// "since March 1", "desde el 1 de marzo": the start of a period, not the event.
const SINCE = /\b(since|until|desde|hasta|depuis|jusqu'au|seit|bis|dal|fino al)\s+(?:el\s+|le\s+|the\s+|dem\s+)?$/i;
const STATE = /\b(remains?|remained|is|was|were)\s+(?:in\s+)?(?:critical|stable|serious|fair|good)\s+condition\s*(?:on\s+)?$/i;

// "the Jan. 1 shooting", "shot on Jan. 1": the date is named as the event's, however old.
const NAMED_EVENT_AFTER = /^\s*(?:shooting|killing|slaying|stabbing|attack|murder|homicide|crash|fire|explosion|incident)\b/i;
const NAMED_EVENT_BEFORE = /\b(?:shot|killed|slain|died|shooting|happened|occurred)\s+(?:on\s+)?$/i;

/** How many days before publication a date can be and still be the event itself. */
const WINDOW_DAYS = 14;

export function eventDate(article: Pick<Article, 'text' | 'published' | 'sentences'>, dates: DateMention[]): Mentions['eventDate'] {
  const ref = article.published ? parseDay(article.published.date) : null;
  const candidates: { d: DateMention; day: number; score: number }[] = [];
  for (const d of dates) {
    if (!d.date || d.granularity !== 'day') continue;
    const day = parseDay(d.date)!;
    const named = NAMED_EVENT_AFTER.test(article.text.slice(d.end, d.end + 20)) || NAMED_EVENT_BEFORE.test(article.text.slice(Math.max(0, d.start - 25), d.start));
    if (ref !== null && (day > ref || (day < ref - WINDOW_DAYS && !named))) continue;
    const sentence = article.sentences.find((s) => s.start <= d.start && d.start < s.end) ?? { start: Math.max(0, d.start - 150), end: d.end + 80 };
    const before = article.text.slice(sentence.start, d.start);
    const words = article.text.slice(sentence.start, sentence.end);
    let score = EVENT.test(words) ? 2 : 0;
    if (ATTRIBUTION.test(before)) score -= 1.5;
    if (STATE.test(before)) score -= 2;
    if (SINCE.test(before)) score -= 2;
    if (d.start < article.text.length / 3) score += 0.5;
    if (named) score += 3;
    candidates.push({ d, day, score });
  }
  if (!candidates.length) {
    if (!article.published) return null;
    return { date: article.published.date, confidence: Math.round(0.5 * article.published.confidence * 100) / 100, span: null };
  }
  const top = Math.max(...candidates.map((c) => c.score));
  const best = candidates.filter((c) => c.score >= top - 0.5).sort((a, b) => a.day - b.day || a.d.start - b.d.start)[0];
  const agreeing = candidates.filter((c) => c.day === best.day).length;
  const confidence = Math.min(0.95, best.d.confidence * (top >= 2 ? 0.9 : 0.7) + 0.05 * (agreeing - 1));
  return { date: best.d.date!, confidence: Math.round(confidence * 100) / 100, span: { start: best.d.start, end: best.d.end } };
}

/** A story's event day: the day most of its articles give (weighted by confidence), earliest on a tie. */
export function storyEventDate(perArticle: Mentions['eventDate'][]): string | null {
  const weights = new Map<string, number>();
  for (const e of perArticle) if (e) weights.set(e.date, (weights.get(e.date) ?? 0) + e.confidence);
  let best: string | null = null;
  let bestW = -1;
  for (const [d, w] of weights) if (w > bestW + 1e-9 || (Math.abs(w - bestW) <= 1e-9 && d < best!)) [best, bestW] = [d, w];
  return best;
}
