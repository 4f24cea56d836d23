// A count that rose between reports published on different days: an updated toll ("two killed" on
// Monday, "three killed" on Tuesday), told apart from sources that disagree at the same time.
// Descriptive only: the conflict stays, with the order its values came in. Only rises: on gva-dev
// (bench:compare), of 32 count conflicts that rose from one day to the next, the incidents.jsonl
// figure was the latest value in 17 and the earliest in 8; of 41 that fell, 17 and 18, so a fall
// is no more an update than a dispute (what was counted differs, or a report is wrong).
import type { Range } from './figures.ts';

export type Trend = 'rose';

/** One side of a count conflict: the publication days of its articles (null: unknown) and the values it allows. */
export interface DatedSide {
  days: (string | null)[];
  range: Range;
}

/**
 * 'rose' when the sides follow one another in time (every article of one side published on an
 * earlier day than every article of the next) and each side's values are above the one before;
 * else null. Same-day reports and undated ones say nothing about order.
 */
export function countTrend(sides: DatedSide[]): Trend | null {
  if (sides.length < 2 || sides.some((s) => !s.days.length || s.days.some((d) => !d))) return null;
  const spans = sides
    .map((s) => ({ first: [...(s.days as string[])].sort()[0], last: [...(s.days as string[])].sort().at(-1)!, range: s.range }))
    .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const pairs = spans.slice(1).map((next, i) => [spans[i], next] as const);
  if (pairs.some(([a, b]) => !(a.last < b.first))) return null;
  return pairs.every(([a, b]) => b.range.low > a.range.high) ? 'rose' : null;
}
