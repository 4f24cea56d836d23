// A count that rose between reports published on different days: an updated toll ("two killed" on
// Monday, "three killed" on Tuesday), told apart from sources that disagree at the same time.
// Descriptive only: the conflict stays, with the order its values came in. Only rises: on gva-dev
// (bench:compare), of 32 count conflicts that rose from one day to the next, the incidents.jsonl
// figure was the latest value in 17 and the earliest in 8; of 41 that fell, 17 and 18, so a fall
// is no more an update than a dispute (what was counted differs, or a report is wrong).
import type { Range } from './figures.ts';

/** One side of a count conflict: the publication days of its articles (null: unknown) and the values it allows. */
export interface DatedSide {
  days: (string | null)[];
  range: Range;
}

/**
 * The sides in publication order when they follow one another in time (every article of one side
 * published on an earlier day than every article of the next) and each side's values are above
 * the one before; else null. Same-day reports and undated ones say nothing about order.
 */
export function risingInTime<T extends DatedSide>(sides: T[]): T[] | null {
  if (sides.length < 2 || sides.some((s) => !s.days.length || s.days.some((d) => !d))) return null;
  const spans = sides
    .map((side) => {
      const days = [...(side.days as string[])].sort();
      return { side, first: days[0], last: days.at(-1)! };
    })
    .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const pairs = spans.slice(1).map((next, i) => [spans[i], next] as const);
  const rising = pairs.every(([a, b]) => a.last < b.first && b.side.range.low > a.side.range.high);
  return rising ? spans.map((s) => s.side) : null;
}
