// The day the reported event happened, which is often not the publication date: "was shot Monday
// evening" in a Tuesday paper. Among the article's day-precise dates near publication, those in
// sentences that report an event win; of those, the earliest (later dates are usually follow-ups:
// "in critical condition Tuesday", "a vigil Wednesday"). Without any, the publication date, less sure.
import type { Article, DateMention, Mentions } from '../../model/index.ts';
import { parseDay } from './dates/calendar.ts';

// Verbs and nouns that report something happening, as opposed to saying or being.
const EVENT =
  /\b(shot|shooting|shootings|killed|kill|died|dies|dead|wounded|injured|hurt|stabbed|attack(?:ed)?|happened|occurred|erupted|struck|hit|crash(?:ed)?|collapsed|exploded|explosion|fire|blaze|flood(?:ed|ing)?|broke out|began|started|fled|arrested|found|robbed|robbery|fired|opened fire|declared|adopted|voted|signed|approved|ruled|took place|collided|burst|evacuated)\b/i;
// "police said Tuesday": the day of the saying, not of the event.
const ATTRIBUTION = /\b(said|says|told|stated|confirmed|reported|announced|added)\s*(?:on\s+)?$/i;
// "since March 1", "desde el 1 de marzo": the start of a period, not the event.
const SINCE = /\b(since|until|desde|hasta|depuis|jusqu'au|seit|bis|dal|fino al)\s+(?:el\s+|le\s+|the\s+|dem\s+)?$/i;
// What happens after the event: the date of an arrest, a court date, a vigil, things running again.
const FOLLOW_UP = /\b(again|resumed|reopened|back to normal|arrested|arraigned|arraignment|court|hearing|sentenced|sentencing|charged|indicted|pleaded|plea|trial|jury|vigil|funeral|memorial|identified|released|booked|bond|custody|press conference|unclear|investigat\w*)\b/i;
const STATE = /\b(remains?|remained|is|was|were)\s+(?:in\s+)?(?:critical|stable|serious|fair|good)\s+condition\s*(?:on\s+)?$/i;

// "the Jan. 1 shooting", "shot on Jan. 1": the date is named as the event's, however old.
const NAMED_EVENT_AFTER = /^\s*(?:shooting|killing|slaying|stabbing|attack|murder|homicide|crash|fire|explosion|incident)\b/i;
const NAMED_EVENT_BEFORE = /\b(?:shot|killed|slain|died|shooting|happened|occurred)\s+(?:on\s+)?$/i;

// A bare weekday ("Tuesday", "early Sunday"), as opposed to "last Tuesday" or a calendar date.
const BARE_WEEKDAY = /^(?:on\s+)?(?:(?:early|late)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
/**
 * A bare weekday read as six days before publication is more often the day after the stored
 * publication date: stored dates lag the local day (crawl or UTC time), and reporters name last
 * week's days with "last" or a date. Such a reading counts little.
 */
const LAGGING_WEEKDAY_DAYS = 6;

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
    if (FOLLOW_UP.test(before.slice(-80))) score -= 1.5;
    if (d.start < article.text.length / 3) score += 0.5;
    if (ref !== null && day === ref - LAGGING_WEEKDAY_DAYS && BARE_WEEKDAY.test(d.text)) score -= 3;
    else if (named) score += 3;
    candidates.push({ d, day, score });
  }
  const top = Math.max(-Infinity, ...candidates.map((c) => c.score));
  // Only dates of sayings or states ("said Tuesday", "in stable condition Friday"): none is the event's.
  if (!candidates.length || top < 0) {
    if (!article.published) return null;
    return { date: article.published.date, confidence: Math.round(0.5 * article.published.confidence * 100) / 100, span: null };
  }
  const best = candidates.filter((c) => c.score >= top - 0.5).sort((a, b) => a.day - b.day || a.d.start - b.d.start)[0];
  const agreeing = candidates.filter((c) => c.day === best.day).length;
  const confidence = Math.min(0.95, best.d.confidence * (top >= 2 ? 0.9 : 0.7) + 0.05 * (agreeing - 1));
  return { date: best.d.date!, confidence: Math.round(confidence * 100) / 100, span: { start: best.d.start, end: best.d.end } };
}

/**
 * A story's event day: the day most of its articles give (weighted by confidence). When no two
 * articles agree, the earliest sure one: later reports are follow-ups (arrests, trials, funerals).
 */
export function storyEventDate(perArticle: Mentions['eventDate'][]): string | null {
  const weights = new Map<string, { w: number; n: number }>();
  for (const e of perArticle) {
    if (!e) continue;
    const v = weights.get(e.date) ?? { w: 0, n: 0 };
    weights.set(e.date, { w: v.w + e.confidence, n: v.n + 1 });
  }
  const days = [...weights].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  if (!days.length) return null;
  if (days.every(([, v]) => v.n === 1)) return (days.find(([, v]) => v.w >= SURE) ?? days[0])[0];
  return days.reduce((best, d) => (d[1].w > best[1].w + 1e-9 ? d : best))[0];
}

/** Confidence from which a lone article's event day is trusted over earlier, vaguer ones. */
const SURE = 0.7;
