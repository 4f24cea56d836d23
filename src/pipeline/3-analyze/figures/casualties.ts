// Casualty counts per article and per story (several reports of one incident). Pure: the comparison
// stage and the incident benchmark both use these.
import type { FigureMention } from '../../../model/index.ts';

export interface Casualties {
  /** Null when the article says nothing about casualties. */
  killed: number | null;
  injured: number | null;
}

const LEDE_CHARS = 1500;
const maxOf = (xs: number[]) => (xs.length ? Math.max(...xs) : null);

/**
 * One article's killed and injured: the largest count of each (later paragraphs repeat or update
 * with partial counts). "Four people were shot, one fatally" → killed 1, injured 3.
 */
export function articleCasualties(figures: FigureMention[], opts: { within?: number } = {}): Casualties {
  // Counts far down an article are mostly background ("last month a gunman killed three"):
  // by default only the lede and the paragraphs right after it count.
  const within = opts.within ?? LEDE_CHARS;
  const values = (label: string) => figures.filter((f) => f.start < within && f.counts === label && f.value !== null && !f.vague && Number.isInteger(f.value) && f.value < 1000).map((f) => f.value!);
  let killed = maxOf(values('killed'));
  let injured = maxOf(values('injured'));
  const shot = maxOf(values('shot'));
  if (killed === null && injured === null && shot === null) return { killed: null, injured: null };
  // Everyone shot and not killed was hurt: "four shot, one fatally; no one else was hurt" → 3.
  if (shot !== null) injured = Math.max(injured ?? 0, shot - (killed ?? 0));
  if (killed === null) killed = 0;
  if (injured === null) injured = 0;
  return { killed, injured };
}

/** The most common value; ties go to the larger (an early report may undercount). */
export function majority(values: number[]): number | null {
  if (!values.length) return null;
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  let bestN = 0;
  for (const [v, n] of counts) if (n > bestN || (n === bestN && v > best!)) [best, bestN] = [v, n];
  return best;
}

/** A story's casualties from its articles' (majority, then larger); 0 when no article gives any. */
export function storyCasualties(perArticle: Casualties[]): { killed: number; injured: number } {
  const known = perArticle.filter((c) => c.killed !== null || c.injured !== null);
  return {
    killed: majority(known.map((c) => c.killed!).filter((v) => v !== null)) ?? 0,
    injured: majority(known.map((c) => c.injured!).filter((v) => v !== null)) ?? 0,
  };
}
