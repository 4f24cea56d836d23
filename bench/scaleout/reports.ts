// The reports bench:scaleout queues: gva-dev's articles (by document date, as bench:cluster reads
// them) and, past its 3,063, replicas of them: every capitalised word and a third of the others
// renamed (lengths kept), dated 9 days later per replica, with ids and URLs of their own, so a
// replica reads as other incidents, not a copy (the scheme of bench/throughput.ts, applied here to
// the raw reports: the workers extract and analyse each one).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus, jsonLines } from '../lib/data.ts';
import { later, rewrite } from '../lib/replica.ts';

interface GvaRow {
  incident: string;
  id: string;
  title: string;
  dct: string;
  uri: string;
  content: string;
}


/** A record as `parallax enqueue` reads a JSON Lines file (fields extraction knows). */
export interface ReportRecord {
  id: string;
  title: string;
  text: string;
  published: string;
  url: string;
}

/** The first `n` reports (originals, then replica 1, 2, …), or null when gva-dev is absent. */
export function gvaReports(n: number): ReportRecord[] | null {
  const dir = corpus('gva-dev');
  if (!dir) return null;
  const rows = jsonLines(join(dir, 'articles.jsonl')).map((l) => JSON.parse(l) as GvaRow);
  rows.sort((a, b) => (a.dct < b.dct ? -1 : a.dct > b.dct ? 1 : a.id < b.id ? -1 : 1));
  const out: ReportRecord[] = [];
  for (let i = 0; i < n; i++) {
    const r = rows[i % rows.length];
    const k = Math.floor(i / rows.length);
    out.push({
      id: k ? `${r.id}-r${k}` : r.id,
      title: rewrite(r.title, k),
      text: rewrite(r.content, k),
      published: later(r.dct, k),
      url: k ? `${r.uri}${r.uri.includes('?') ? '&' : '?'}replica=${k}` : r.uri,
    });
  }
  return out;
}

/** Writes them as JSON Lines (one report a line, in queue order). */
export function writeReports(file: string, reports: ReportRecord[]): void {
  writeFileSync(file, reports.map((r) => JSON.stringify(r)).join('\n') + '\n');
}
