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
  const kinds = new Map<number, number>();
  for (const m of members) if (index.entries[m].kind >= 0) kinds.set(index.entries[m].kind, (kinds.get(index.entries[m].kind) ?? 0) + 1);
  const top = [...kinds].sort((a, b) => b[1] - a[1])[0];
  if (!top || !happensOnOneDay(EVENT_KINDS[top[0]])) return null;
  // Only members of that kind speak for the event's day (a court report states its hearing's day).
  const dated = members.filter((m) => index.entries[m].stated !== null && index.entries[m].kind === top[0]);
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
  const named = new Set(early.flatMap((m) => index.entries[m].persons));
  if (late.some((m) => index.entries[m].persons.some((p) => named.has(p)))) return null;
  return late;
}
