// What kind of event a report is about (a shooting, a crash, an election…), from the words of its
// headline and lead: a light classification, no model. Two reports of different kinds are
// rarely one event, whatever names they share; a story shows the kind most of its reports have.

/** Event kinds, each with the words that mark it (folded, matched as whole words or stems). */
const KINDS: [string, RegExp][] = [
  ['shooting', /\b(shot|shoots?|shooting|shootings|gunfire|gunman|gunmen|gunshots?|opened fire|fired (?:shots|several|multiple|into)|shell casings)\b/g],
  ['stabbing', /\b(stabbed|stabbing|stabbings|knifed)\b/g],
  ['crash', /\b(crash|crashed|crashes|collision|collided|hit-and-run|derail(?:ed|ment)?|plane went down)\b/g],
  ['fire', /\b(blaze|wildfire|fire broke out|caught fire|house fire|firefighters|arson|arsonists?|burned down|on fire|flames|(?<!opened |open |returned |exchanged |under )fire)\b/g],
  ['flood', /\b(flood|floods|flooded|flooding|flash flood)\b/g],
  ['storm', /\b(storm|hurricane|typhoon|tornado|cyclone|blizzard)\b/g],
  ['earthquake', /\b(earthquake|quake|tremor|magnitude)\b/g],
  // Event words only: "presidential nominee" describes a person named in reports of any kind.
  ['election', /\b(election|elections|ballot|ballots|primary|primaries|caucus(?:es)?|polling|voters)\b/g],
  ['deal', /\b(acquire|acquires|acquired|acquisition|merger|takeover|to buy|buys|bought|deal worth|stake in)\b/g],
  ['budget', /\b(budget|budgets|tax increase|tax cut|spending plan)\b/g],
  ['court', /\b(sentenced|sentencing|trial|pleaded|pleads|convicted|jury|jurors|verdict|arraigned|arraignment|indicted)\b/g],
];

export const EVENT_KINDS = KINDS.map(([k]) => k);

/** Court reports follow a crime, so they never count against one (an arrest or trial months after a shooting). */
const FOLLOWS: Record<string, string[]> = { court: ['shooting', 'stabbing', 'crash', 'fire'] };

/**
 * Kinds that happen on one day: two reports of one such kind stating days apart are two events.
 * A deal, an election or a trial unfolds over weeks, and each report states the day of its step.
 */
const ONE_DAY = new Set(['shooting', 'stabbing', 'crash', 'fire', 'earthquake']);

export const happensOnOneDay = (kind: string): boolean => ONE_DAY.has(kind);

/** The kind most of a story's reports have (ties, or none known: null), as the story page shows it. */
export function storyKind(articles: { title: string; text: string }[]): string | null {
  const counts = new Map<string, number>();
  for (const a of articles) {
    const k = eventKind(a.title.endsWith('…') ? '' : a.title, a.text);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
  return first && (!second || first[1] > second[1]) ? first[0] : null;
}

/** Whether two known kinds can be one event. */
export function kindsAgree(a: string, b: string): boolean {
  return a === b || !!FOLLOWS[a]?.includes(b) || !!FOLLOWS[b]?.includes(a);
}

/** Headline words count this many times the lead's. */
const HEADLINE = 2;
/** Least weight of marking words for a kind: two in the lead, or one in the headline. */
const MIN_SCORE = 2;
/** The lead: where a report says what happened. */
const LEAD = 600;

/**
 * The kind of event a report is about, or null when no kind stands out (no marking words, or a
 * tie). A kind must lead the next by a clear margin: a shooting report that mentions a crash
 * after the chase is still a shooting.
 */
export function eventKind(headline: string, text: string): string | null {
  const head = headline.toLowerCase();
  const lead = text.slice(0, LEAD).toLowerCase();
  const scores = KINDS.map(([kind, re]) => [kind, HEADLINE * (head.match(re)?.length ?? 0) + (lead.match(re)?.length ?? 0)] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  // One marking word in passing (a "vote" in a fire report) is not enough: two, or one in the headline.
  if (!scores.length || scores[0][1] < MIN_SCORE) return null;
  if (scores.length > 1 && scores[0][1] < 1.5 * scores[1][1]) return null;
  return scores[0][0];
}
