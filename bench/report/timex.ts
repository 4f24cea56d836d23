// TimeBank dated expressions (en, es): recall and precision of full-day DATE values.
// Each document is rebuilt from its tokens (one space between tokens, none before closing
// punctuation or a clitic, one line per sentence) with
// its DCT as the publication date, and run through extractDates as the pipeline does. Gold: DATE
// timexes whose value is a full day (YYYY-MM-DD). Recall: a gold day found by a predicted date
// that overlaps its text and resolves to the same day. Precision: of the predicted dates of day
// granularity with a resolved day, the share that overlap a gold DATE of that day or a TIME on that
// day (overlapping a timex of another value, or none, is wrong). Documents are split dev/check by a hash of
// "<lang>:<document number>"; tune on dev.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../../src/model/index.ts';
import { extractDates } from '../../src/pipeline/3-analyze/dates/dates.ts';
import { corpus } from '../lib/data.ts';
import type { Section, SectionResult } from '../extract.ts';
import { partOf, prf, type Part } from './split.ts';

interface Timex extends Span {
  type: string;
  value: string;
}
export interface TimexDoc {
  id: string;
  dct: string;
  text: string;
  sentences: Span[];
  timexes: Timex[];
}

/** The documents of a timebank-*.train.tsv file. */
export function readTimexDocs(tsv: string, lang: string): TimexDoc[] {
  const docs: TimexDoc[] = [];
  let doc: TimexDoc | null = null;
  let sentenceStart = 0;
  let open: Timex | null = null;
  const endSentence = () => {
    if (!doc) return;
    if (doc.text.length > sentenceStart) {
      doc.sentences.push({ start: sentenceStart, end: doc.text.length });
      doc.text += '\n';
    }
    sentenceStart = doc.text.length;
    open = null;
  };
  for (const line of tsv.split('\n')) {
    const dct = /\*!-DCTVALUE="(\d{4}-\d{2}-\d{2})[^"]*"-!\*/.exec(line); // some DCTs carry a time
    if (dct) {
      endSentence();
      doc = { id: `${lang}:${docs.length}`, dct: dct[1], text: '', sentences: [], timexes: [] };
      docs.push(doc);
      sentenceStart = 0;
      continue;
    }
    if (!doc) continue;
    if (!line.trim()) {
      endSentence();
      continue;
    }
    const [token, tag = 'O', value = '-'] = line.split('\t');
    // Written as news is: no space before closing punctuation or a clitic ("Oct. 15, 1999", "today's").
    if (doc.text.length > sentenceStart && !/^(?:[,.;:!?)%]|'s$|n't$|'$)/i.test(token)) doc.text += ' ';
    const start = doc.text.length;
    doc.text += token;
    const m = /^([BI])-(\w+)$/.exec(tag);
    if (!m) open = null;
    else if (m[1] === 'B' || !open) {
      open = { start, end: doc.text.length, type: m[2], value };
      doc.timexes.push(open);
    } else open.end = doc.text.length;
  }
  endSentence();
  return docs;
}

const FULL_DAY = /^\d{4}-\d{2}-\d{2}$/;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
/** A DATE of that day, or a TIME on it ("Friday evening" = 1989-10-27TEV, "yesterday" afternoon = …TAF). */
const sameDay = (x: Timex, day: string) => (x.type === 'DATE' && x.value === day) || (x.type === 'TIME' && x.value.startsWith(`${day}T`));

interface Tally {
  gold: number;
  found: number;
  predicted: number;
  right: number;
}

export const section: Section = {
  name: 'timex',
  async run(): Promise<SectionResult | null> {
    const dir = corpus('timex');
    if (!dir) return null;
    const result: SectionResult = {};
    const misses: string[] = [];
    for (const lang of ['en', 'es']) {
      const docs = readTimexDocs(readFileSync(join(dir, `timebank-${lang}.train.tsv`), 'utf8'), lang);
      const parts: Record<Part, Tally> = { dev: { gold: 0, found: 0, predicted: 0, right: 0 }, check: { gold: 0, found: 0, predicted: 0, right: 0 } };
      for (const d of docs) {
        const t = parts[partOf(d.id)];
        const published = { date: d.dct, iso: null, method: 'json-field' as const, confidence: 1, text: d.dct };
        const preds = extractDates({ text: d.text, published, sentences: d.sentences, language: lang }).filter((p) => p.date && p.granularity === 'day');
        const gold = d.timexes.filter((x) => x.type === 'DATE' && FULL_DAY.test(x.value));
        t.gold += gold.length;
        for (const g of gold) {
          if (preds.some((p) => overlaps(p, g) && p.date === g.value)) t.found++;
          else if (partOf(d.id) === 'dev') misses.push(`${d.id} miss «${d.text.slice(g.start, g.end)}» = ${g.value} (got ${preds.filter((p) => overlaps(p, g)).map((p) => p.date).join(',') || '-'})`);
        }
        t.predicted += preds.length;
        for (const p of preds) {
          if (d.timexes.some((x) => overlaps(p, x) && sameDay(x, p.date!))) t.right++;
          else if (partOf(d.id) === 'dev') misses.push(`${d.id} wrong «${p.text}» → ${p.date} (gold ${d.timexes.filter((x) => overlaps(p, x)).map((x) => `${x.type}=${x.value}`).join(',') || 'none'})`);
        }
      }
      const score = (t: Tally) => ({ ...t, recall: prf(t.found, t.gold, t.gold).r, precision: prf(t.right, t.predicted, t.predicted).p });
      result[lang] = { documents: docs.length, dev: score(parts.dev), check: score(parts.check) };
      for (const part of ['dev', 'check'] as const) {
        const s = score(parts[part]);
        console.log(`${lang} ${part.padEnd(5)}  full-day DATE recall ${s.recall.toFixed(3)} (${s.found}/${s.gold})  precision ${s.precision.toFixed(3)} (${s.right}/${s.predicted})`);
      }
    }
    if (process.env.BENCH_VERBOSE) for (const m of misses) console.log('  ', m);
    return result;
  },
};
