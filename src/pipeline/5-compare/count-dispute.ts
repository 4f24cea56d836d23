// The one dispute test for counts. The comparison's conflict list (how-many.ts) and the story's
// `how_many` (story-counts.ts) both ask it, so a reader never sees a count "disputed" in one place
// and settled in the other. Where the two used to differ, the stricter reading won: this one. Its
// sides are each report's lede total as how-many.ts reads it (a part, one scene's dead, a victim
// described or a count far down take no side); they dispute unless a bound allows the other value,
// the dead are counted with and without an attacker who killed himself, the wounded are counted
// with and without the dead, or the sides are copies of one report. A toll that rose from one
// day's reports to the next is shown as such (`over_time`), not as a dispute. Pure.
import type { Conflict, Evidence, HowManyValue } from '../../model/index.ts';
import { disagreeing, unique, type Claim, type Fact, type Sources } from './fact.ts';

// An attacker who died by his own hand: "turning the gun on himself", "then killed herself", "murder-suicide".
const ATTACKER_DIED = /\bturn(?:ed|ing|s)? the (?:gun|weapon|rifle|pistol) on (?:him|her|them)sel(?:f|ves)\b|\b(?:killed|shot) (?:him|her|them)sel(?:f|ves)\b|\btook (?:his|her|their) own li(?:fe|ves)\b|\bmurder[- ]suicide\b/i;

export interface CountSides {
  /** The count's alignment key (`how-many:killed|`, `amount:years`…). */
  key: string;
  /** The claims that take a side (numbers as written), grouped: one group per side. */
  sides: Claim[];
  /** Whether each bound ("at least three") allows the values of the other sides. */
  boundsAllow: boolean;
  /** The story's reports, for an attacker's own death told in any of them. */
  texts: Iterable<string>;
}

/** Whether a count's sides dispute each other, on their own (the story's other counts aside: see countDispute). */
export function sidesDispute(s: CountSides, sources: Sources): boolean {
  // People shot, dead or alive, mix two counts: reports disagree on them without disputing either.
  if (s.key.startsWith('how-many:shot|') || s.boundsAllow) return false;
  // "Six dead" against "killed five relatives before turning the gun on himself": when a report
  // tells that the attacker killed himself, two killed counts one apart are with and without him.
  const groups = unique(s.sides.map((c) => c.group));
  const values = groups.map((g) => unique(s.sides.filter((c) => c.group === g).map((c) => Number(c.value))));
  const attackerCounted =
    s.key.startsWith('how-many:killed|') && values.length === 2 && values.every((v) => v.length === 1) &&
    Math.abs(values[0][0] - values[1][0]) === 1 && [...s.texts].some((t) => ATTACKER_DIED.test(t));
  return !attackerCounted && disagreeing(s.sides, sources);
}

/** A count fact with its best-supported side's value: the count shown when there is no dispute. */
export interface CountFact extends Fact {
  best: number | null;
}

const isCountFact = (f: Fact): f is CountFact => f.kind === 'how-many' && 'best' in f;

export interface CountVerdict {
  conflict: Conflict | null;
  /** The comparison's best-supported side (its lede totals), null when no report takes a side. */
  best: number | null;
  /** Wounded counts apart by exactly the dead: the smaller one, the wounded alone. */
  wounded: number | null;
}

/**
 * The dispute a count fact shows, in the light of the story's other counts (null when none). A
 * conflict with `over_time` is shown, but as an updated toll, not as sources disputing one.
 * "One killed and three others wounded" against "four wounded": the larger count is everyone hit,
 * the dead among them, so wounded counts apart by exactly the story's settled dead dispute nothing,
 * and the smaller is the wounded. Asking again after the conflict list has settled gives the same answer.
 */
export function countVerdict(fact: Fact, story: Fact[]): CountVerdict {
  const verdict = { conflict: fact.conflict, best: isCountFact(fact) ? fact.best : null, wounded: null };
  if (fact.kind !== 'how-many' || !fact.key.startsWith('how-many:injured|') || (fact.conflict && fact.conflict.kind !== 'value')) return verdict;
  const killed = story.find((f) => f.key.startsWith('how-many:killed|') && !f.conflict);
  const dead = mode(killed?.claims.filter((c) => c.group === 0).map((c) => Number(c.value)) ?? []);
  if (!dead) return verdict;
  const groups = unique(fact.claims.map((c) => c.group).filter((g) => g >= 0));
  const values = groups.map((g) => mode(fact.claims.filter((c) => c.group === g).map((c) => Number(c.value))));
  const [a, b] = values;
  return values.length === 2 && a !== null && b !== null && Math.abs(a - b) === dead
    ? { ...verdict, conflict: null, wounded: Math.min(a, b) }
    : verdict;
}

/** A dispute sources hold (not a toll updated over time). */
export const isDispute = (c: Conflict | null): c is Conflict => !!c && !c.over_time;

/**
 * The count fact a story-level count is about: killed and injured by their key, other counted
 * things (arrested, evacuated, homes destroyed) by the figures both cite.
 */
export function countFactOf(facts: Fact[], what: string, cited: Evidence[]): Fact | null {
  const counts = facts.filter((f) => f.kind === 'how-many');
  if (what === 'killed' || what === 'injured') return counts.find((f) => f.key.startsWith(`how-many:${what}|`)) ?? null;
  const same = (e: Evidence | null) => !!e && cited.some((x) => x.article === e.article && x.end === e.end);
  return counts.find((f) => f.claims.some((c) => same(c.evidence))) ?? null;
}

/** A disputed count's sides as numbers, each with the reports and spans the conflict cites, in the conflict's order. */
export function disputeValues(fact: Fact, conflict: Conflict): HowManyValue[] {
  const cited = (c: Claim) => conflict.values.findIndex((v) => v.evidence.some((e) => e.article === c.article && e.start === c.evidence?.start && e.end === c.evidence?.end));
  const byValue = new Map<number, { order: number; claims: Claim[] }>();
  for (const c of fact.claims) {
    const order = cited(c);
    const value = Number(c.value);
    if (order < 0 || !Number.isFinite(value)) continue;
    const side = byValue.get(value) ?? { order, claims: [] };
    side.order = Math.min(side.order, order);
    side.claims.push(c);
    byValue.set(value, side);
  }
  return [...byValue]
    .sort((a, b) => a[1].order - b[1].order)
    .map(([value, { claims }]) => ({
      value,
      text: claims[0].written.replace(/\s+/g, ' ').trim(),
      articles: unique(claims.map((c) => c.article)),
      evidence: claims.flatMap((c) => (c.evidence ? [c.evidence] : [])),
    }));
}

function mode(xs: number[]): number | null {
  const n = new Map<number, number>();
  for (const x of xs) if (Number.isFinite(x)) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
