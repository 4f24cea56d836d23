// The reports bench:scaleout queues: gva-dev's articles (by document date, as bench:cluster reads
// them) and, past its 3,063, replicas of them: every capitalised word and a third of the others
// renamed (lengths kept), dated 9 days later per replica, with ids and URLs of their own, so a
// replica reads as other incidents, not a copy (the scheme of bench/throughput.ts, applied here to
// the raw reports: the workers extract and analyse each one).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus, jsonLines } from '../lib/data.ts';

interface GvaRow {
  incident: string;
  id: string;
  title: string;
  dct: string;
  uri: string;
  content: string;
}

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Letters at even and odd places shift by different amounts, so replicas up to 625 all differ. */
export function rewrite(s: string, replica: number): string {
  if (replica === 0) return s;
  const shifts = [(replica % 25) + 1, (Math.floor(replica / 25) % 25) + 1];
  return s.replace(/[A-Za-z]{3,}/g, (w) => {
    if (!/^[A-Z]/.test(w) && fnv(`${w.toLowerCase()}#${replica}`) % 3 !== 0) return w;
    return w.replace(/[a-z]/g, (c, at: number) => String.fromCharCode(((c.charCodeAt(0) - 97 + shifts[at % 2]) % 26) + 97));
  });
}

const later = (day: string, replica: number) => new Date(Date.parse(day) + replica * 9 * 86_400_000).toISOString().slice(0, 10);

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
