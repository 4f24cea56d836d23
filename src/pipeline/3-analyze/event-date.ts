// The day the reported event happened, which is often not the publication date: "was shot Monday
// evening" in a Tuesday paper, "charged in the Jan. 7 shooting" in a March paper. Among the
// article's dates, those in sentences that report an event win; of those, the earliest (later
// dates are usually follow-ups: "in critical condition Tuesday", "a vigil Wednesday"). A date weeks
// or months back counts only when it is tied to the incident itself ("shot and killed on March 11",
// "the January shooting"), not to a hearing. Without any, the publication date, less sure.
import type { Article, DateMention, Mentions } from '../../model/index.ts';
import { dayNumber, formatDay, parseDay, partsOf } from './dates/calendar.ts';
import { extractDates, referenceDay } from './dates/dates.ts';
import { isPageStamp } from './dates/page-stamp.ts';

// Verbs and nouns that report something happening, as opposed to saying or being.
const EVENT =
  /\b(shot|shooting|shootings|killed|kill|died|dies|dead|wounded|injured|hurt|stabbed|attack(?:ed)?|happened|occurred|erupted|struck|hit|crash(?:ed)?|collapsed|exploded|explosion|fire|blaze|flood(?:ed|ing)?|broke out|began|started|fled|arrested|found|robbed|robbery|fired|opened fire|declared|adopted|voted|signed|approved|ruled|took place|collided|burst|evacuated)\b/i;
// "police said Tuesday": the day of the saying, not of the event.
const SAID = /\b(said|says|told|stated|confirmed|reported|announced|added)\s*(?:on\s+)?$/i;
// "Police told KTVB Sunday evening", "told reporters Friday", "in a news release issued Tuesday".
const TOLD_OUTLET = /\b[Tt]old\s+(?:reporters\s+|(?:\p{Lu}[\p{L}\d&.-]*\s+){1,3})(?:on\s+)?$/u;
const RELEASE_ISSUED = /\b(?:news|press)\s+release\s+(?:issued|sent|posted)\s+(?:on\s+)?$/i;
const attributed = (before: string) => SAID.test(before) || TOLD_OUTLET.test(before) || RELEASE_ISSUED.test(before);
// "since March 1", "desde el 1 de marzo": the start of a period, not the event.
const SINCE = /\b(since|until|between|from|desde|hasta|depuis|jusqu'au|seit|bis|dal|fino al)\s+(?:el\s+|le\s+|the\s+|dem\s+)?$/i;
// What happens after the event: the date of an arrest, a court date, a vigil, things running again.
const FOLLOW_UP = /\b(again|turned (?:him|her)self in|surrendered|apprehended|resumed|reopened|back to normal|arrested|arraigned|arraignment|court|hearing|sentenced|sentencing|charged|indicted|pleaded|plea|trial|jury|probation|convicted|guilty|jailed|prison|vigil|funeral|memorial|identified|released|booked|bond|custody|press conference|unclear|investigat\w*)\b/i;
const STATE = /\b(remains?|remained|is|was|were)\s+(?:in\s+)?(?:critical|stable|serious|fair|good)\s+condition\s*(?:on\s+)?$/i;

// "the Jan. 1 shooting", "shot on Jan. 1", "on June 1, the night of the shooting": the date is named
// as the event's, however old.
const NAMED_EVENT_AFTER = /^\s*(?:,?\s*(?:19|20)\d{2},?\s+)?(?:,?\s*the\s+(?:day|night|morning|afternoon|evening)\s+of\s+the\s+)?(?:(?:fatal|deadly|double|triple|quadruple|drive-by|accidental|mass|gang|police)\s+)*(?:shooting|shootout|killing|slaying|stabbing|attack|murder|homicide|crash|fire|explosion|incident|death|home invasion|melee|gunfight)\b/i;
const NAMED_EVENT_BEFORE = /\b(?:shot|killed|slain|shooting|happened|occurred)\s+(?:on\s+)?$/i;
// "died Tuesday", "died at a local hospital on Sunday": a victim's death, a later moment than the
// injury that caused it ("shot Monday night ... died on Tuesday"). It counts less only when the
// article dates an injury too; otherwise the death may well be the event ("died Sunday after a
// rifle discharged").
const DEATH = /\b(?:died|dies|passed away|succumbed|pronounced dead|came off life support)\b/gi;
/** Characters from a death word to the date it is dated by. */
const DEATH_REACH = 45;
/** How much less a death's day counts than a day the text ties to the injury. */
const DEATH_PENALTY = 1.5;
// The injury itself, as opposed to the death that may follow it: "was shot ... Monday night".
const INJURY = /\b(?:shot|shooting|shootout|gunfire|gunshots?|fired|opened fire|wounded|injured|stabbed|stabbing|beaten|struck|attacked|discharged|went off)\b/gi;
const INJURY_WORD = new RegExp(INJURY.source, 'i');
/** Characters from an injury word to the date it is dated by. */
const INJURY_REACH = 60;
// Words between an injury and a date that make the date another moment's ("shot ... police said Monday").
const OTHER_MOMENT = /\b(?:said|says|told|stated|reported|as of|remain(?:s|ed)?|condition|died|until|since)\b/i;

/** The date is a victim's death's ("died at a local hospital on Sunday"), not one after an injury ("died after being shot Sunday"). */
function datesDeath(text: string, s: Sentence, d: DateMention): boolean {
  const before = text.slice(Math.max(s.start, d.start - DEATH_REACH), d.start);
  const death = [...before.matchAll(DEATH)].pop();
  if (!death) return false;
  const between = before.slice(death.index + death[0].length);
  return !INJURY_WORD.test(between) && !/\b(?:said|says|told|after)\b/i.test(between);
}

/** The date is the injury's own: named with it ("Monday's shooting") or right after it ("was shot ... Monday night"). */
function datesInjury(text: string, s: Sentence, d: DateMention, named: boolean): boolean {
  if (named) return true;
  const before = text.slice(Math.max(s.start, d.start - INJURY_REACH), d.start);
  const last = [...before.matchAll(INJURY)].pop();
  if (!last) return false;
  const between = before.slice(last.index + last[0].length);
  return !FOLLOW_UP.test(between) && !OTHER_MOMENT.test(between);
}
// The incident itself, for dates further back than WINDOW_DAYS: "was shot and killed by his
// brother on March 11", "On Nov. 2, several people ... when shots were fired".
const INCIDENT = /\b(?:shot|shooting|shootings|shootout|gunfire|gunshots?|shots|bullets?|fired|opened fire|opening fire|killed|killing|slain|slaying|murders?|murdered|homicide|died|death|wounded|injured|stabbed|discharged|went off|happened|occurred|erupted|broke out|incident|attack(?:ed)?)\b/gi;
/** Characters between an incident word and its date ("killed by his younger brother on"). */
const ATTACH_CHARS = 90;
/** The same, for an incident word after its date ("Sept. 5 when it discharged"). */
const AFTER_CHARS = 20;

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
/** "In January", with no day: usable by the grouping time factor, too vague to compare as a day. */
const MONTH_CONFIDENCE = 0.55;
/** A saying's date ("said Tuesday", -1.5) may stand in for the event's; a state's or a period's start (-2) may not. */
const SAYING_FLOOR = -1.5;
/** Such a stand-in is less sure than a date the text ties to the event. */
const SAYING_CONFIDENCE = 0.6;
/** How much better than every recent date an old incident date must score to be the event. */
const OLD_MARGIN = 0;

// A report of what followed an incident (an arrest, a trial, a victim's death), in its headline or
// lead, or one that places the incident weeks back ("wounded in a shooting earlier this month").
const FOLLOW_UP_REPORT =
  /\b(arrest(?:ed|s)?|charged?|charges|accused|sentenced?|sentencing|trial|court|guilty|pleads?|pleaded|plea|indicted|indictment|convicted|conviction|jury|judge|lawsuit|sued|hearing|prison|probation|prosecutors?|warrant|extradited|turned (?:him|her)self in|anniversary|years? later|months? (?:later|after)|(?:has|have) died|dies|(?:earlier|late) (?:this|last) (?:week|month)|last (?:week|month))\b/i;
// An earlier, other incident given as background: "the second shooting this month. On Feb. 6, ...".
const BACKGROUND =
  /\b(?:(?:second|third|fourth|another|previous|prior|earlier|similar)\s+(?:[\w-]+\s+){0,2}?(?:shootings?|incidents?|homicides?|killings?|deaths?|time|case|attacks?)|(?:days?|weeks?|months?) (?:earlier|before))\b/i;
// A headline reporting a step of the justice system after an incident: "Police arrest suspect in ...",
// "Man indicted in shooting", "Third person pleads guilty". Not "tried to arrest" (the incident
// itself), nor a court that is a place ("shot at a basketball court") or a hearing of gunshots.
const FOLLOW_UP_TITLE =
  /\b(?:(?<!\bto\s)arrest(?:ed|s)?|charged?|charges|accused|sentenced?|sentencing|trial|(?:in|to|before) court|court (?:date|appearance|hearing|documents|records)|guilty|pleads?|pleaded|plea|indicted|indictment|convicted|conviction|jury|judge|lawsuit|sued|prison|probation|prosecutors?|warrant|extradited|turn(?:s|ed)? (?:him|her)self in)\b/i;
/** How much of the text counts as the lead. */
const LEAD_CHARS = 400;

type Sentence = { start: number; end: number };

/** The date sits right after an incident word, or opens a sentence that reports the incident. */
function tiedToIncident(text: string, s: Sentence, d: DateMention): boolean {
  const before = text.slice(s.start, d.start);
  const near = before.slice(-ATTACH_CHARS);
  const last = [...near.matchAll(INCIDENT)].pop();
  if (last && !FOLLOW_UP.test(near.slice(last.index + last[0].length))) return true;
  // "playing with it Sept. 5 when it discharged"; "On Nov. 2, several people ... when shots were fired".
  // An opening phrase that ends with the date ("Shortly after leaving a tournament on June 21, five
  // teens were shot"): the sentence's main clause tells what happened on it.
  const opening = INTRO.test(before) && /^\s*,/.test(text.slice(d.end, d.end + 3));
  const reach = (before.trim().length > 30 && !opening) || FOLLOW_UP.test(before) ? AFTER_CHARS : 120;
  const after = text.slice(d.end, Math.min(s.end, d.end + reach));
  const first = after.search(INCIDENT);
  return first >= 0 && !FOLLOW_UP.test(after.slice(0, first));
}

const INTRO = /^\s*(?:(?:shortly|just|soon|sometime|some time|moments?|minutes?|hours?)\s+)?(?:on|at|around|about|after|before|early|late|during|while)\b/i;

/** A day to stand for a month: the middle of it, or of its part before the reference day. */
function dayForMonth(month: number, ref: number | null): number {
  const { y, m } = partsOf(month);
  const last = dayNumber(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1)! - 1;
  const end = ref !== null && ref < last ? ref : last;
  return month + Math.floor((end - month) / 2);
}

interface Candidate {
  d: DateMention;
  day: number;
  score: number;
  month: boolean;
  tied: boolean;
  named: boolean;
  background: boolean;
  /** The date of a saying ("police said Tuesday"). */
  saying: boolean;
  /** The date of a victim's death ("died Tuesday"). */
  death: boolean;
  /** In a sentence that tells of the injury ("was shot Monday night"). */
  injury: boolean;
}

/**
 * Among the best-scored candidates, those that date the injury itself ("found shot to death on
 * Tuesday", not "no activity all day Monday" nor "ruled a homicide Thursday"), and of those the
 * earliest (later dates are usually follow-ups); null if none scores at all.
 */
function pick(list: Candidate[]): { best: Candidate; top: number } | null {
  const top = Math.max(-Infinity, ...list.map((c) => c.score));
  if (!list.length || top < 0) return null;
  const near = list.filter((c) => c.score >= top - 0.5);
  const injured = near.filter((c) => c.injury);
  const best = (injured.length ? injured : near).sort((a, b) => a.day - b.day || a.d.start - b.d.start)[0];
  return { best, top };
}

export function eventDate(article: Pick<Article, 'text' | 'published' | 'sentences'> & { title?: string }, dates: DateMention[]): Mentions['eventDate'] {
  const { text } = article;
  const ref = referenceDay(article).day;
  const candidates: Candidate[] = [];
  for (const d of dates) {
    if (!d.date || (d.granularity !== 'day' && d.granularity !== 'month')) continue;
    if (isPageStamp(text, d)) continue;
    const month = d.granularity === 'month';
    const sentence = article.sentences.find((s) => s.start <= d.start && d.start < s.end) ?? { start: Math.max(0, d.start - 150), end: d.end + 80 };
    const death = datesDeath(text, sentence, d);
    const named = NAMED_EVENT_AFTER.test(text.slice(d.end, d.end + 40)) || NAMED_EVENT_BEFORE.test(text.slice(Math.max(0, d.start - 25), d.start));
    const tied = named || tiedToIncident(text, sentence, d);
    let day = parseDay(d.date)!;
    // "died Thursday, three days after he was shot": the incident, counted back from a later moment.
    const back = month ? null : countedBack(text.slice(d.end, d.end + COUNTED_BACK_CHARS));
    if (back) {
      day -= back.days;
      candidates.push({ d: { ...d, end: d.end + back.length }, day, score: COUNTED_BACK_SCORE + (d.start < text.length / 3 ? 0.5 : 0), month: false, tied: true, named: true, background: false, saying: false, death: false, injury: true });
      continue;
    }
    if (month) {
      if (!tied) continue;
      day = dayForMonth(day, ref);
    }
    if (ref !== null && (day > ref || (day < ref - WINDOW_DAYS && !tied))) continue;
    const before = text.slice(sentence.start, d.start);
    const words = text.slice(sentence.start, sentence.end);
    let score = EVENT.test(words) ? 2 : 0;
    if (attributed(before)) score -= 1.5;
    if (STATE.test(before)) score -= 2;
    if (SINCE.test(before)) score -= 2;
    // "arrested Monday", "On Monday, a jury ...": a later step's date.
    if (FOLLOW_UP.test(before.slice(-80)) || (!tied && FOLLOW_UP.test(text.slice(d.end, Math.min(sentence.end, d.end + 60))))) score -= tied ? 0.5 : 1.5;
    if (d.start < text.length / 3) score += 0.5;
    if (ref !== null && day === ref - LAGGING_WEEKDAY_DAYS && BARE_WEEKDAY.test(d.text)) score -= 3;
    else if (named) score += 3;
    if (month) score -= 1;
    const background = BACKGROUND.test(text.slice(Math.max(0, sentence.start - 150), sentence.end));
    candidates.push({ d, day, score, month, tied, named, background, saying: attributed(before), death, injury: !death && datesInjury(text, sentence, d, named) });
  }
  if (candidates.some((c) => c.injury && !c.month)) for (const c of candidates) if (c.death) c.score -= DEATH_PENALTY;
  // A month stands in only for a day not given anywhere in it.
  const days = candidates.filter((c) => !c.month);
  const all = candidates.filter((c) => !c.month || !days.some((x) => x.d.date!.slice(0, 7) === c.d.date!.slice(0, 7)));
  // An old incident date is the event in a report of what followed it (an arrest, a trial) or when
  // the lead gives it, and only when it beats every recent date: elsewhere it is background ("the
  // second shooting this month. On Feb. 6, ...").
  const isRecent = (c: Candidate) => ref === null || c.day >= ref - WINDOW_DAYS;
  const followUp = FOLLOW_UP_REPORT.test(`${article.title ?? ''}\n${text.slice(0, LEAD_CHARS)}`);
  const lead = Math.max(LEAD_CHARS, text.length / 4);
  const recent = pick(all.filter(isRecent));
  const old = pick(all.filter((c) => !isRecent(c) && (!c.background || c.named) && (followUp || c.d.start < lead)));
  // A recent death ("died early Sunday") is a later moment of the old incident the text dates ("the
  // incident ... on Nov. 2"): only the other recent dates can make that incident background. In a
  // report of what followed (an arrest, a plea), only a recent day tied to an incident can: its
  // other recent days are the later step's ("arrested today, Wednesday, February 8").
  const recentBar = Math.max(-Infinity, ...all.filter((c) => isRecent(c) && !c.death && (!followUp || c.tied)).map((c) => c.score));
  const chosen = old && (!recent || old.best.score > recentBar + OLD_MARGIN) ? old : recent;
  // Only dates of sayings or states ("police said Tuesday", "was reported Sunday afternoon"): the
  // day of a saying in the days before publication is nearer the event than publication itself.
  const said = chosen ? null : pick(all.filter((c) => c.saying && isRecent(c) && !c.month && c.score >= SAYING_FLOOR).map((c) => ({ ...c, score: c.score - SAYING_FLOOR })));
  if (said) return { date: formatDay(said.best.day), confidence: Math.round(SAYING_CONFIDENCE * said.best.d.confidence * 100) / 100, span: { start: said.best.d.start, end: said.best.d.end } };
  if (!chosen) {
    const headline = headlineDay(article, ref);
    if (headline) return { date: formatDay(headline.day), confidence: Math.round(HEADLINE_CONFIDENCE * headline.d.confidence * 100) / 100, span: null, headline: true };
    // A report of what followed the incident (an arrest, a plea, a sentence) is published days to
    // years after it: its publication day is no stand-in for the event's (gva-dev dev: right in none
    // of the 21 stories this covers). The day is then not stated, not guessed.
    if (!article.published || FOLLOW_UP_TITLE.test(article.title ?? '')) return null;
    return { date: article.published.date, confidence: Math.round(0.5 * article.published.confidence * 100) / 100, span: null };
  }
  const { best, top } = chosen;
  const agreeing = all.filter((c) => c.day === best.day).length;
  let confidence = Math.min(0.95, best.d.confidence * (top >= 2 ? 0.9 : 0.7) + 0.05 * (agreeing - 1));
  if (best.month) confidence = Math.min(confidence, MONTH_CONFIDENCE);
  return { date: formatDay(best.day), confidence: Math.round(confidence * 100) / 100, span: { start: best.d.start, end: best.d.end }, ...(best.month ? { month: true as const } : {}) };
}

const COUNTS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
// ", three days after he was shot", "on a manslaughter charge, a day after he accidentally shot his
// friend": an exact count back to the incident ("more than two weeks after" is none).
const COUNTED_BACK = /^(?:\s*,?|[^.;!?]{0,40}?,)\s*(?:just\s+|exactly\s+)?(a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(day|week)s?\s+after\s+(?:[\w'’-]+\s+){0,4}?(?:shot|shooting|wounded|injured|stabbed|stabbing|attack(?:ed)?|incident|opened fire|fired)\b/i;
const COUNTED_BACK_CHARS = 90;
/** A day counted back scores as a named one (an event word, 2, and the naming, 3). */
const COUNTED_BACK_SCORE = 5;

/** Days from a later moment back to the incident, and the length of the words saying so; null when the text counts none. */
function countedBack(after: string): { days: number; length: number } | null {
  const m = COUNTED_BACK.exec(after);
  if (!m) return null;
  const n = COUNTS[m[1].toLowerCase()] ?? Number(m[1]);
  return { days: n * (m[2].toLowerCase() === 'week' ? 7 : 1), length: m[0].length };
}

/** A headline's day stands in for the text's at this share of its confidence: above the publication day, below a day the text gives. */
const HEADLINE_CONFIDENCE = 0.7;

/**
 * The incident's day as the headline gives it ("One of two men shot late Monday ... dies", "Sunday's
 * homicide"), read against the article's reference day: for a text that dates nothing (a teaser, a
 * page of furniture). Not the day of a later step ("Man arrested Monday in shooting") nor a coming one.
 */
function headlineDay(article: { title?: string; published: Article['published'] }, ref: number | null): { d: DateMention; day: number } | null {
  const title = article.title?.trim();
  if (!title || ref === null || !article.published) return null;
  const whole = { start: 0, end: title.length };
  const published = { ...article.published, date: formatDay(ref) };
  for (const d of extractDates({ text: title, published, sentences: [whole] })) {
    if (d.granularity !== 'day' || !d.date) continue;
    const day = parseDay(d.date)!;
    if (day > ref || day < ref - WINDOW_DAYS) continue;
    const named = NAMED_EVENT_AFTER.test(title.slice(d.end, d.end + 40)) || NAMED_EVENT_BEFORE.test(title.slice(Math.max(0, d.start - 25), d.start));
    if (named || (!FOLLOW_UP.test(title.slice(Math.max(0, d.start - 30), d.start)) && tiedToIncident(title, whole, d))) return { d, day };
  }
  return null;
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
