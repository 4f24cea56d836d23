// What changed in one followed story between its report before a batch and after it. Pure: the
// reports come from story-report.ts (the comparison the reader sees), for the stories the batch
// touched only. Each change carries a key of what changed, from which its event id is made.
import type { AlertKind, Conflict, Evidence, HowMany, StoryReport } from '../../model/index.ts';
import { nameKey as foldName } from '../../text/fold.ts';

export interface StoryChange {
  kind: AlertKind;
  /** What changed, as the stable part of the event id (the same change gives the same key). */
  key: string;
  summary: string;
  detail: Record<string, unknown>;
  evidence: Evidence[];
}

/** Independent sources (copies not counted), by folded name, with their first report. */
function sources(r: StoryReport): Map<string, { source: string; article: string }> {
  const out = new Map<string, { source: string; article: string }>();
  for (const a of r.articles) if (!a.copy_of && !out.has(foldName(a.source))) out.set(foldName(a.source), { source: a.source, article: a.id });
  return out;
}

/**
 * The conflicts a reader is told about: a spelling variant is not news, and a count that rose from
 * one day's reports to the next is a revision (figure-revised), not a dispute.
 */
const disputes = (r: StoryReport): Conflict[] => r.comparison.conflicts.filter((c) => c.kind !== 'spelling-variant' && !c.over_time);
const conflictKey = (c: Conflict) => `${c.kind}|${foldName(c.about)}`;
const valuesOf = (c: Conflict) => c.values.map((v) => v.value).sort();
const conflictEvidence = (c: Conflict) => c.values.flatMap((v) => v.evidence.slice(0, 1));

/** The count a reader is shown for one counted thing, when the story settles on one. */
const settled = (h: HowMany | undefined) => (h && h.status !== 'disputed' ? h.value : null);

/**
 * `changed`: the reports the batch added or revised in this story (a resolved dispute is cited by
 * them: the spans of the dispute's values may point into a report's earlier version).
 */
export function storyChanges(before: StoryReport, after: StoryReport, changed: string[] = []): StoryChange[] {
  const out: StoryChange[] = [];
  const had = sources(before);
  for (const [key, s] of sources(after)) {
    if (had.has(key)) continue;
    const n = sources(after).size;
    out.push({
      kind: 'new-source',
      key,
      summary: `${s.source} now reports it (now ${n} independent sources)`,
      detail: { source: s.source, sources: n },
      evidence: [{ article: s.article, start: 0, end: 0 }],
    });
  }

  const old = new Map(disputes(before).map((c) => [conflictKey(c), c]));
  const now = new Map(disputes(after).map((c) => [conflictKey(c), c]));
  for (const [key, c] of now) {
    const prev = old.get(key);
    const values = valuesOf(c);
    // A known dispute is new again only when a value joins it (a third figure).
    if (prev && values.every((v) => valuesOf(prev).includes(v))) continue;
    out.push({
      kind: 'new-conflict',
      key: `${key}|${values.join('|')}`,
      // In the report's order (best supported first), as the story page shows them.
      summary: `sources disagree on ${c.about}: ${c.values.map((v) => v.value).join(' vs ')}`,
      detail: { about: c.about, conflict: c.kind, values, before: prev ? valuesOf(prev) : null },
      evidence: conflictEvidence(c),
    });
  }
  for (const [key, c] of old) {
    if (now.has(key)) continue;
    out.push({
      kind: 'conflict-resolved',
      key: `${key}|${valuesOf(c).join('|')}`,
      summary: `sources no longer disagree on ${c.about}`,
      detail: { about: c.about, conflict: c.kind, values: valuesOf(c) },
      evidence: changed.slice(0, 3).map((article) => ({ article, start: 0, end: 0 })),
    });
  }

  const counts = new Map((before.how_many ?? []).map((h) => [h.what, h]));
  for (const h of after.how_many ?? []) {
    const was = settled(counts.get(h.what));
    const is = settled(h);
    if (was === null || is === null || was === is) continue;
    const latest = h.values.find((v) => v.value === is);
    out.push({
      kind: 'figure-revised',
      key: `${h.what}|${was}|${is}`,
      summary: `${h.what} revised from ${was} to ${is}`,
      detail: { what: h.what, old: was, new: is, text: latest?.text ?? null, oldText: counts.get(h.what)?.values.find((v) => v.value === was)?.text ?? null },
      evidence: [...(latest?.evidence ?? []), ...(counts.get(h.what)?.values.find((v) => v.value === was)?.evidence ?? [])],
    });
  }

  if (before.when && after.when && before.when !== after.when) {
    const side = after.when_disputed?.find((s) => s.date === after.when);
    const dated = after.dates.find((d) => d.date === after.when);
    out.push({
      kind: 'date-changed',
      key: `${before.when}|${after.when}`,
      summary: `event date now ${after.when} (was ${before.when})`,
      detail: { old: before.when, new: after.when, disputed: !!after.when_disputed },
      evidence: side?.evidence ?? (dated ? dated.articles.map((a) => ({ article: a, start: 0, end: 0 })) : []),
    });
  }
  if (before.where && after.where && foldName(before.where.name) !== foldName(after.where.name)) {
    const place = after.places.find((p) => p.name === after.where!.name);
    out.push({
      kind: 'place-changed',
      key: `${foldName(before.where.name)}|${foldName(after.where.name)}`,
      summary: `place now ${after.where.name} (was ${before.where.name})`,
      detail: { old: before.where, new: after.where },
      evidence: (place?.articles ?? []).slice(0, 3).map((a) => ({ article: a, start: 0, end: 0 })),
    });
  }
  return out;
}
