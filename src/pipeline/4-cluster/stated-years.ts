// The years a report states (features' `f:year…` terms, signals.ts: a year inside a name such as
// "Windows 2000" is none). Two reports that both state years and share none are about two events
// of one kind years apart (two elections of one country, two patches for one browser), however
// alike their words: without publication dates, nothing else tells them apart. A follow-up that
// recalls the first event's year shares it.

export const YEAR_PREFIX = 'f:year';

/** Years among namespaced, weighted terms (`f:year2008` → 2008). */
export function yearsOfTerms(terms: readonly (readonly [string, number])[]): number[] {
  const years: number[] = [];
  for (const [t] of terms) if (t.startsWith(YEAR_PREFIX)) years.push(+t.slice(YEAR_PREFIX.length));
  return years;
}

/** Both state years and share none. */
export function yearsApart(a: ArrayLike<number> | undefined, b: ArrayLike<number> | undefined): boolean {
  if (!a?.length || !b?.length) return false;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) if (a[i] === b[j]) return false;
  return true;
}
