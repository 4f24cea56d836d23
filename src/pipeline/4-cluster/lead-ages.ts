// The ages a report's headline and lead give (a "16-year-old", "girl, 3", a "6-month-old"): who
// was shot. Two reports of one kind of event whose leads give ages and share none are about two
// victims, so two events, however alike their words (a "girl, 3" and a "6-month-old" shot in one city).

/** The lead, where a report says who it happened to (later ages are a suspect's or another case's). */
const LEAD = 300;
const MAX_AGES = 4;

/** Months are kept apart from years: a "6-month-old" is not a "6-year-old". */
const MONTHS = 1000;

/** Ages in the headline and lead, distinct, in text order (months as 1000 + n). */
export function leadAges(headline: string, text: string): number[] {
  const lead = `${headline}\n${text.slice(0, LEAD)}`;
  const found: [number, number][] = [];
  const add = (at: number, age: number) => found.push([at, age]);
  for (const m of lead.matchAll(/\b(\d{1,3})[- ](years?|months?)[- ]olds?\b/gi)) add(m.index, (m[2].toLowerCase().startsWith('month') ? MONTHS : 0) + +m[1]);
  // "Boy, 4," / "Jane Doe, 23," / "girl, 3" at the end of a headline.
  for (const m of lead.matchAll(/\p{L}[\p{L}'’-]*,\s(\d{1,3})(?=,|\s*$|\s*\n|\s+(?:is|was|were|has|had|dies|died|shot|killed|wounded|hurt|injured)\b)/gmu)) add(m.index, +m[1]);
  const out: number[] = [];
  for (const [, age] of found.sort((a, b) => a[0] - b[0])) if (age > 0 && !out.includes(age) && out.length < MAX_AGES) out.push(age);
  return out;
}

/** Both give ages and share none. */
export function agesApart(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (!a.length || !b.length) return false;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) if (a[i] === b[j]) return false;
  return true;
}
