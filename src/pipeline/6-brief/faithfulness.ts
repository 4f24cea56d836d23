// Checks that a story report is faithful to its articles: every conflict value's evidence span
// holds the value, and every brief sentence is found in (or joined from) the articles it cites.
// Used by tests and by bench/compare.ts; independent of how the report was built.
import type { StoryReport } from '../../model/index.ts';
import { DISPUTE_WORDS } from './dispute.ts';

export interface Failure {
  check: 'evidence' | 'brief';
  story: string;
  detail: string;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Evidence spans of conflict values, and how many hold their value. */
export function checkEvidence(report: StoryReport, textOf: (id: string) => string | undefined): { checked: number; failures: Failure[] } {
  const failures: Failure[] = [];
  let checked = 0;
  for (const c of report.comparison.conflicts) {
    for (const v of c.values) {
      for (const e of v.evidence) {
        checked++;
        const text = textOf(e.article);
        const slice = text && e.start >= 0 && e.end <= text.length && e.start < e.end ? norm(text.slice(e.start, e.end)) : null;
        // Date values are resolved days: the span must be a date expression the report resolved to that day.
        const holds =
          slice !== null &&
          (c.kind === 'date'
            ? report.dates.some((d) => d.date === v.value && norm(d.text) === slice && d.articles.includes(e.article))
            : slice.includes(norm(v.value)));
        if (!holds) failures.push({ check: 'evidence', story: report.id, detail: `${c.kind} "${v.value}" not in ${e.article}[${e.start},${e.end}]: ${JSON.stringify(slice)}` });
      }
    }
  }
  return { checked, failures };
}

/** Brief sentences: verbatim from every cited article, or joined from cited passages with only connector words added. */
export function checkBrief(report: StoryReport, textOf: (id: string) => string | undefined): { checked: number; failures: Failure[] } {
  const failures: Failure[] = [];
  const fail = (detail: string) => failures.push({ check: 'brief', story: report.id, detail });
  for (const b of report.brief) {
    const text = norm(b.text);
    if (!b.parts || b.parts.length <= 1) {
      for (const id of b.articles) if (!norm(textOf(id) ?? '').includes(text)) fail(`not found in ${id}: ${text.slice(0, 80)}`);
      continue;
    }
    let rest = text;
    for (const p of b.parts) {
      const source = textOf(p.article);
      const piece = source ? norm(source.slice(p.start, p.end)) : '';
      if (!piece || !b.articles.includes(p.article) || !rest.includes(piece)) {
        fail(`joined part from ${p.article} missing: ${piece.slice(0, 80)}`);
        continue;
      }
      rest = rest.replace(piece, ' ');
    }
    const outlets = new Set(report.articles.filter((a) => b.articles.includes(a.id)).flatMap((a) => a.source.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []));
    const added = (rest.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !DISPUTE_WORDS.includes(w) && !outlets.has(w));
    if (added.length) fail(`joined sentence adds words: ${added.join(' ')}`);
  }
  return { checked: report.brief.length, failures };
}
