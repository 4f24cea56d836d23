// PolNeAR quotes: recall of direct quotes and speaker accuracy where the Source is a name.
// A gold direct quote is an attribution whose Content is enclosed in quotation marks (a mark at or
// just outside each end). It is found when the predicted direct quotes cover at least half of its
// characters; its speaker is that of the predicted quote overlapping it most, right when the
// surnames agree (bench/extract/quotes.ts `sameSpeaker`) of the Source's name (`sourceName`: the
// text before an apposition, "Geoff Garin, a Democratic pollster" → "Geoff Garin", or the name a
// description is set beside, "the Vatican spokesman, Federico Lombardi"). The Source is a name when
// that part's head word is capitalised ("The Post", "Jason Miller"; not "he", "a source", "the
// Florida senator"). The first filter (any capitalised word) is printed beside it for comparison. One annotator per text (the first file in name order). PolNeAR train is where
// rules are tuned (reported as "dev" here); PolNeAR dev is the check part, as the issue names it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../../src/model/index.ts';
import { extractEntities } from '../../src/pipeline/3-analyze/entities/extract.ts';
import { extractQuotes } from '../../src/pipeline/3-analyze/quotes/extract.ts';
import { roughSentences } from '../../src/pipeline/3-analyze/quotes/extract.ts';
import { corpus } from '../lib/data.ts';
import type { Section, SectionResult } from '../extract.ts';
import { sameSpeaker } from '../extract/quotes.ts';
import { shown, share } from './split.ts';

export interface Attribution {
  content: Span[];
  source: string | null;
}

/** The attributions of one brat standoff file: each E line joined to its Content and Source spans. */
export function parseAnn(ann: string): Attribution[] {
  const spans = new Map<string, { type: string; parts: Span[]; text: string }>();
  const events: Map<string, string>[] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (/^T\d+$/.test(cols[0] ?? '') && cols[1]) {
      const [type, ...rest] = cols[1].split(' ');
      const parts = rest
        .join(' ')
        .split(';')
        .map((p) => {
          const [s, e] = p.trim().split(' ').map(Number);
          return { start: s, end: e };
        });
      spans.set(cols[0], { type, parts, text: cols[2] ?? '' });
    } else if (/^E\d+$/.test(cols[0] ?? '') && cols[1]) {
      events.push(
        new Map(
          cols[1]
            .trim()
            .split(/\s+/)
            .map((kv) => kv.split(':') as [string, string]),
        ),
      );
    }
  }
  const out: Attribution[] = [];
  for (const e of events) {
    const content = spans.get(e.get('Content') ?? '');
    if (!content) continue;
    const source = spans.get(e.get('Source') ?? '');
    out.push({ content: content.parts, source: source?.text ?? null });
  }
  return out;
}

const OPEN = /["“«‘']/u;
const CLOSE = /["”»’']/u;
/** Content wholly inside quotation marks: a mark at or just before its start and at or just after its end. */
export function isDirect(text: string, content: Span[]): boolean {
  const start = content[0].start;
  const end = content[content.length - 1].end;
  const head = text.slice(Math.max(0, start - 2), start + 1);
  const tail = text.slice(Math.max(start, end - 2), end + 2);
  return OPEN.test(head) && CLOSE.test(tail) && end - start > 3;
}

const NOT_NAME =
  /^(?:he|she|they|it|i|we|you|him|her|them|his|its|their|this|that|these|those|one|some|many|others?|both|all|who|which)$/i;
const DETERMINER = /^(?:the|a|an|his|her|their|its|this|that|our|my)$/i;
/** The first filter: any capitalised word not opening the Source after a determiner. It counts
 * descriptions ("the Florida senator", "one Trump campaign source") as names; kept for comparison. */
export function anyCapital(source: string | null): boolean {
  if (!source) return false;
  const words = source.trim().split(/\s+/);
  if (words.length === 1 && NOT_NAME.test(words[0])) return false;
  return words.some((w, i) => /^\p{Lu}/u.test(w) && !(i === 0 && (DETERMINER.test(w) || NOT_NAME.test(w))));
}

/** A name: its head (last word) is capitalised and it does not open with a pronoun: "Mr. Obama",
 * "The Post", "state attorney Dave Aronberg"; not "the Florida senator", "Clinton's right-hand woman". */
export function isName(part: string | null): boolean {
  if (!part) return false;
  const words = part.trim().split(/\s+/);
  const head = words[words.length - 1].replace(/['’]s?$/u, '');
  return (
    /^[\p{Lu}\d]/u.test(head) && !NOT_NAME.test(words[0]) && !(words.length === 1 && DETERMINER.test(head))
  );
}

const PARTS = /,|\s+(?:who|of|from|at|with|in)\s+|\s+[—–(]/u;
const strip = (part: string) => part.replace(/['’]s?$/u, '').trim();

/** The name in an annotated Source, or null when it names no one: "Geoff Garin, a Democratic
 * pollster …" → "Geoff Garin"; "Sen. Maria Cantwell of Washington, who …" → "Sen. Maria Cantwell";
 * "the Vatican spokesman, Federico Lombardi," → "Federico Lombardi" (the name in apposition);
 * "the Texas senator" → null. */
export function sourceName(source: string): string | null {
  const first = strip(source.split(PARTS)[0]);
  if (isName(first)) return first;
  // A description, then the name it describes set off by a comma.
  const apposed = source.split(',')[1]?.trim();
  if (apposed && /^\p{Lu}/u.test(apposed)) {
    const name = strip(apposed.split(PARTS)[0]);
    if (isName(name) && name.split(/\s+/).length <= 5) return name;
  }
  return null;
}

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

interface Tally {
  articles: number;
  direct: number;
  found: number;
  named: number;
  speakerRight: number;
  /** Named golds whose quote is shown with no speaker (not a wrong one). */
  speakerNone: number;
  /** The same under the first filter (any capitalised word), for comparison. */
  capitalised: number;
  capitalisedRight: number;
  predicted: number;
  predictedHit: number;
}

function scoreFolder(dir: string, misses: string[]): Tally {
  const t: Tally = {
    articles: 0,
    direct: 0,
    found: 0,
    named: 0,
    speakerRight: 0,
    speakerNone: 0,
    capitalised: 0,
    capitalisedRight: 0,
    predicted: 0,
    predictedHit: 0,
  };
  const annFiles = readdirSync(join(dir, 'attributions')).sort();
  for (const txt of readdirSync(join(dir, 'text')).sort()) {
    const stem = txt.replace(/\.txt$/, '');
    const annFile = annFiles.find((f) => f.startsWith(`${stem}_`));
    if (!annFile) continue;
    const text = readFileSync(join(dir, 'text', txt), 'utf8');
    const gold = parseAnn(readFileSync(join(dir, 'attributions', annFile), 'utf8')).filter((a) =>
      isDirect(text, a.content),
    );
    const preds = extractQuotes(text, extractEntities(text), { sentences: roughSentences(text) }).filter(
      (q) => q.kind === 'direct',
    );
    t.articles++;
    t.predicted += preds.length;
    t.predictedHit += preds.filter((p) => gold.some((g) => g.content.some((c) => overlap(c, p) > 0))).length;
    for (const g of gold) {
      t.direct++;
      const len = g.content.reduce((n, c) => n + c.end - c.start, 0);
      const covered = g.content.reduce((n, c) => n + preds.reduce((m, p) => m + overlap(c, p), 0), 0);
      if (covered < 0.5 * len) {
        misses.push(
          `${stem} ${g.content[0].start}: not found «${text.slice(g.content[0].start, g.content[0].start + 60).replace(/\s+/g, ' ')}»`,
        );
        continue;
      }
      t.found++;
      const best = preds.reduce((b, p) =>
        g.content.reduce((n, c) => n + overlap(c, p), 0) > g.content.reduce((n, c) => n + overlap(c, b), 0)
          ? p
          : b,
      );
      const firstPart = g.source && strip(g.source.split(PARTS)[0]);
      if (anyCapital(firstPart)) {
        t.capitalised++;
        if (sameSpeaker(firstPart, best.speaker)) t.capitalisedRight++;
      }
      const name = g.source && sourceName(g.source);
      if (!name) continue;
      t.named++;
      if (sameSpeaker(name, best.speaker)) t.speakerRight++;
      else {
        if (best.speaker === null) t.speakerNone++;
        misses.push(
          `${stem} ${g.content[0].start}: speaker ${JSON.stringify(best.speaker)} ≠ ${JSON.stringify(name)}`,
        );
      }
    }
  }
  return t;
}

export const section: Section = {
  name: 'quotes',
  async run(): Promise<SectionResult | null> {
    const root = corpus('polnear');
    if (!root) return null;
    const misses: string[] = [];
    const train = scoreFolder(join(root, 'train'), process.env.BENCH_VERBOSE === 'train' ? misses : []);
    const dev = scoreFolder(
      join(root, 'dev'),
      process.env.BENCH_VERBOSE && process.env.BENCH_VERBOSE !== 'train' ? misses : [],
    );
    console.log("PolNeAR direct quotes      | train (tuning)       | dev (check; the issue's number)");
    const row = (name: string, f: (t: Tally) => string) =>
      console.log(`${name.padEnd(26)} | ${f(train).padEnd(20)} | ${f(dev)}`);
    row('articles', (t) => String(t.articles));
    row('direct-quote recall', (t) => shown(t.found, t.direct));
    row('speaker right (named)', (t) => shown(t.speakerRight, t.named));
    row('  no speaker shown', (t) => shown(t.speakerNone, t.named));
    row('  wrong speaker shown', (t) => shown(t.named - t.speakerRight - t.speakerNone, t.named));
    row('  old filter (any capital)', (t) => shown(t.capitalisedRight, t.capitalised));
    row('direct precision (overlap)', (t) => shown(t.predictedHit, t.predicted));
    for (const m of misses) console.log('  ', m);
    const out = (t: Tally) => ({
      ...t,
      recall: share(t.found, t.direct),
      speaker: share(t.speakerRight, t.named),
      speakerWrong: share(t.named - t.speakerRight - t.speakerNone, t.named),
      speakerAnyCapital: share(t.capitalisedRight, t.capitalised),
      precision: share(t.predictedHit, t.predicted),
    });
    return { train: out(train), dev: out(dev) };
  },
};
