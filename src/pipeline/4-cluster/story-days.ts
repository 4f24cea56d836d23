// Self-check of a story on when it happened: a story of a kind that happens on one day (a
// shooting, a crash) whose reports state days further apart than their hedges allow holds two
// events, however alike their words. It is cut at the widest gap between the stated days.
import { EVENT_KINDS, happensOnOneDay } from './kind.ts';
import type { StoryIndex } from './story-index.ts';

/**
 * The members that state the later days, to move out into a new story, or null when the stated
 * days agree (within `dayTolerance`), the story's kind does not happen on one day, or the two
 * sides name a person in common (a trial months later names the victim: one event).
 */
export function laterDays(index: StoryIndex, members: number[], dayTolerance: number): number[] | null {
  const kind = oneDayKind(index, members);
  if (kind < 0) return null;
  // Only members of that kind speak for the event's day (a court report states its hearing's day).
  const dated = members.filter((m) => index.entries[m].stated !== null && index.entries[m].kind === kind);
  if (dated.length < 2) return null;
  dated.sort((a, b) => index.entries[a].stated! - index.entries[b].stated! || a - b);
  let cut = -1;
  let widest = dayTolerance;
  for (let i = 1; i < dated.length; i++) {
    const gap = index.entries[dated[i]].stated! - index.entries[dated[i - 1]].stated!;
    if (gap > widest) [cut, widest] = [i, gap];
  }
  if (cut < 0) return null;
  const [early, late] = [dated.slice(0, cut), dated.slice(cut)];
  return namePersonInCommon(index, early, late) ? null : late;
}

/** The kind most members are of (the first counted on a tie), when it happens on one day; else -1. */
export function oneDayKind(index: StoryIndex, members: number[]): number {
  const kinds = new Map<number, number>();
  for (const m of members) if (index.entries[m].kind >= 0) kinds.set(index.entries[m].kind, (kinds.get(index.entries[m].kind) ?? 0) + 1);
  const top = [...kinds].sort((a, b) => b[1] - a[1])[0];
  return top && happensOnOneDay(EVENT_KINDS[top[0]]) ? top[0] : -1;
}

/** Whether a member of one side names a person a member of the other names (persons.ts: officials left out). */
export function namePersonInCommon(index: StoryIndex, a: number[], b: number[]): boolean {
  const named = new Set(a.flatMap((m) => index.entries[m].persons));
  return b.some((m) => index.entries[m].persons.some((p) => named.has(p)));
}
