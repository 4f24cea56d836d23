// gva-dev, per article: the event day the grouping stage would use against the incident's true
// date. The day is read exactly as src/pipeline/4-cluster/features.ts reads it: `mentions.eventDate`
// when its confidence is at least 0.5, else its fallback (eventDayFromText: a weekday or "yesterday"
// in the lead, else the publication day). Reports published weeks after the shooting (arrests,
// trials, anniversaries) are scored apart from same-day ones; a confident date more than 3 days off
// is counted on its own, since it separates a report from its story.
// `--dump FILE`: one JSON line per article, with the evidence (to diff two versions).
// `--fallback published`: fall back on the bare publication day instead of eventDayFromText.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../src/model/index.ts';
import { extractArticle } from '../../src/pipeline/2-extract/extract.ts';
import { extractDates } from '../../src/pipeline/3-analyze/dates/dates.ts';
import { dayNumber, parseDay } from '../../src/pipeline/3-analyze/dates/calendar.ts';
import { eventDate } from '../../src/pipeline/3-analyze/event-date.ts';
import { eventDayFromText } from '../../src/pipeline/4-cluster/signals.ts';
import { argValue, corpus, jsonLines } from '../lib/data.ts';
import type { Section, SectionResult } from '../extract.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** incidents.jsonl writes "January 27, 2014". */
function goldDay(s: string | undefined): number | null {
  const m = /^(\w+) (\d{1,2}), (\d{4})$/.exec(s?.trim() ?? '');
  const month = m ? MONTHS.indexOf(m[1].toLowerCase()) + 1 : 0;
  return m && month ? dayNumber(+m[3], month, +m[2]) : null;
}

/** The confidence from which features.ts trusts `mentions.eventDate`. */
const TRUSTED = 0.5;

interface Tally {
  n: number;
  within1: number;
  within3: number;
  within14: number;
  confident: number;
  confidentWrong: number;
}

const tally = (): Tally => ({ n: 0, within1: 0, within3: 0, within14: 0, confident: 0, confidentWrong: 0 });
const share = (k: number, n: number) => (n ? Math.round((k / n) * 1000) / 1000 : 0);

const dumpPath = argValue('--dump');
const bareFallback = argValue('--fallback') === 'published';

export const section: Section = {
  name: 'event-dates',
  async run(): Promise<SectionResult | null> {
    const dir = corpus('gva-dev');
    if (!dir) return null;
    const truth = new Map<string, number>();
    for (const line of jsonLines(join(dir, 'incidents.jsonl'))) {
      const inc = JSON.parse(line) as { incident: string; date?: string };
      const day = goldDay(inc.date);
      if (day !== null) truth.set(inc.incident, day);
    }
    const buckets = { all: tally(), 'published <= 3 days after': tally(), 'published > 7 days after': tally() };
    const dump: string[] = [];
    for (const line of jsonLines(join(dir, 'articles.jsonl'))) {
      const record = JSON.parse(line) as Record<string, unknown>;
      const gold = truth.get(String(record.incident));
      if (gold === undefined) continue;
      let article: Article;
      try {
        article = extractArticle({ format: 'json', path: null, url: null, content: line, record });
      } catch {
        continue;
      }
      const event = eventDate(article, extractDates(article));
      const published = article.published ? parseDay(article.published.date) : null;
      const confident = !!event && event.confidence >= TRUSTED;
      const day = confident ? parseDay(event.date) : bareFallback ? published : eventDayFromText(article.text, published);
      const error = day === null ? Infinity : Math.abs(day - gold);
      const lag = published === null ? null : published - gold;
      const into = [buckets.all];
      if (lag !== null && lag <= 3) into.push(buckets['published <= 3 days after']);
      if (lag !== null && lag > 7) into.push(buckets['published > 7 days after']);
      for (const t of into) {
        t.n++;
        if (error <= 1) t.within1++;
        if (error <= 3) t.within3++;
        if (error <= 14) t.within14++;
        if (confident) t.confident++;
        if (confident && error > 3) t.confidentWrong++;
      }
      if (dumpPath) {
        const span = event?.span ? article.text.slice(Math.max(0, event.span.start - 80), event.span.end + 40).replace(/\s+/g, ' ') : null;
        dump.push(JSON.stringify({ id: record.id, incident: record.incident, title: article.title, lag, error, confident, event, span, lead: article.text.slice(0, 400).replace(/\s+/g, ' ') }));
      }
    }
    if (dumpPath) writeFileSync(dumpPath, dump.join('\n') + '\n');
    const result: SectionResult = {};
    console.log('articles                   |    n | ±1 day | ±3 days | ±14 days | confident | confident & >3 days off');
    for (const [name, t] of Object.entries(buckets)) {
      const row = { n: t.n, within1: share(t.within1, t.n), within3: share(t.within3, t.n), within14: share(t.within14, t.n), confident: share(t.confident, t.n), confidentWrong: share(t.confidentWrong, t.n) };
      result[name] = row;
      console.log(`${name.padEnd(26)} | ${String(t.n).padStart(4)} | ${row.within1.toFixed(3)}  | ${row.within3.toFixed(3)}   | ${row.within14.toFixed(3)}    | ${row.confident.toFixed(3)}     | ${row.confidentWrong.toFixed(3)} (${t.confidentWrong})`);
    }
    return result;
  },
};
