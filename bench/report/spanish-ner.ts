// Spanish entities (CoNLL-2002, AnCora): PER/ORG/LOC precision, recall and F1 of the entities a
// report lists. Sentences are rebuilt from tokens (no space before closing punctuation) and joined
// 15 to a pseudo-article, one line each; each article runs through the places and entities
// extractors as analyzeArticle does. Listed: person → PER, organization → ORG, place → LOC
// (and a resolved place no entity covers → LOC); 'other' is not listed. A listed entity is right
// when its span and type equal a gold entity's (exact match, the CoNLL measure); MISC gold is not
// scored, and a listed entity on a MISC span counts as wrong.
// Parts: "tune" = conll2002-esp.train (dev half by hash) and ancora-dev; "check" = testa, the
// issue's number. `npm run bench:report -- spanish-ner --all` also scores the whole train file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../../src/model/index.ts';
import { extractEntities } from '../../src/pipeline/3-analyze/entities/extract.ts';
import { extractPlaces } from '../../src/pipeline/3-analyze/places/places.ts';
import { corpus } from '../lib/data.ts';
import type { Section, SectionResult } from '../extract.ts';
import { partOf, prf } from './split.ts';

type Kind = 'PER' | 'ORG' | 'LOC' | 'MISC';
interface Gold extends Span {
  kind: Kind;
}
export interface NerDoc {
  id: string;
  text: string;
  gold: Gold[];
}

const NO_SPACE_BEFORE = /^[.,;:!?)\]»%]$/;
const NO_SPACE_AFTER = /^[(¿¡[«]$/;

/** Pseudo-articles of `per` sentences from a token-per-line BIO file (tab or space separated). */
export function readNerDocs(content: string, name: string, per = 15): NerDoc[] {
  const sentences: { token: string; tag: string }[][] = [[]];
  for (const line of content.split('\n')) {
    if (!line.trim()) {
      if (sentences[sentences.length - 1].length) sentences.push([]);
      continue;
    }
    const cols = line.split(/[\t ]/);
    sentences[sentences.length - 1].push({ token: cols[0], tag: cols[cols.length - 1] });
  }
  const docs: NerDoc[] = [];
  for (let i = 0; i < sentences.length; i += per) {
    const doc: NerDoc = { id: `${name}:${i / per}`, text: '', gold: [] };
    for (const sentence of sentences.slice(i, i + per)) {
      if (!sentence.length) continue;
      let open: Gold | null = null;
      let prev = '';
      for (const { token, tag } of sentence) {
        const lineStart = doc.text.length === 0 || doc.text.endsWith('\n');
        if (!lineStart && !NO_SPACE_BEFORE.test(token) && !NO_SPACE_AFTER.test(prev)) doc.text += ' ';
        const start = doc.text.length;
        doc.text += token;
        const m = /^([BI])-(PER|ORG|LOC|MISC)$/.exec(tag);
        if (!m) open = null;
        else if (m[1] === 'B' || !open || open.kind !== m[2]) {
          open = { start, end: doc.text.length, kind: m[2] as Kind };
          doc.gold.push(open);
        } else open.end = doc.text.length;
        prev = token;
      }
      doc.text += '\n';
    }
    docs.push(doc);
  }
  return docs;
}

const KIND = { person: 'PER', organization: 'ORG', place: 'LOC' } as const;

/** The PER/ORG/LOC entities Parallax lists for one text. */
export function listedEntities(text: string): Gold[] {
  const places = extractPlaces({ text, url: null });
  const entities = extractEntities(text, { placeSpans: places });
  const out: Gold[] = [];
  for (const e of entities) if (e.type !== 'other') out.push({ start: e.start, end: e.end, kind: KIND[e.type] });
  for (const p of places) if (!out.some((e) => e.start < p.end && p.start < e.end)) out.push({ start: p.start, end: p.end, kind: 'LOC' });
  return out;
}

interface Counts {
  tp: number;
  predicted: number;
  gold: number;
}
type Tally = Record<'PER' | 'ORG' | 'LOC' | 'all', Counts>;
const tally = (): Tally => ({ PER: { tp: 0, predicted: 0, gold: 0 }, ORG: { tp: 0, predicted: 0, gold: 0 }, LOC: { tp: 0, predicted: 0, gold: 0 }, all: { tp: 0, predicted: 0, gold: 0 } });

function score(docs: NerDoc[], errors: string[]): Tally {
  const t = tally();
  for (const d of docs) {
    const listed = listedEntities(d.text);
    for (const g of d.gold) {
      if (g.kind === 'MISC') continue;
      t[g.kind].gold++;
      t.all.gold++;
    }
    for (const p of listed) {
      if (p.kind === 'MISC') continue;
      t[p.kind].predicted++;
      t.all.predicted++;
      const hit = d.gold.some((g) => g.start === p.start && g.end === p.end && g.kind === p.kind);
      if (hit) {
        t[p.kind].tp++;
        t.all.tp++;
      } else errors.push(`${d.id} ${p.kind} «${d.text.slice(p.start, p.end)}» gold: ${d.gold.filter((g) => g.start < p.end && p.start < g.end).map((g) => `${g.kind} «${d.text.slice(g.start, g.end)}»`).join(', ') || 'none'}`);
    }
    for (const g of d.gold)
      if (g.kind !== 'MISC' && !listed.some((p) => p.start === g.start && p.end === g.end && p.kind === g.kind))
        errors.push(`${d.id} missed ${g.kind} «${d.text.slice(g.start, g.end)}»`);
  }
  return t;
}

export const section: Section = {
  name: 'spanish-ner',
  async run(): Promise<SectionResult | null> {
    const dir = corpus('spanish-ner');
    if (!dir) return null;
    const read = (file: string, name: string) => readNerDocs(readFileSync(join(dir, file), 'utf8'), name);
    const all = process.argv.includes('--all');
    const sets: [string, NerDoc[]][] = [
      ['conll train (dev half)', read('conll2002-esp.train', 'train').filter((d) => all || partOf(d.id) === 'dev')],
      ['ancora-dev', read('ancora-dev.tsv', 'ancora-dev')],
      ['conll testa (check)', read('conll2002-esp.testa', 'testa')],
    ];
    const result: SectionResult = {};
    const errors: string[] = [];
    console.log('set                     | type | P     | R     | F1');
    for (const [name, docs] of sets) {
      const t = score(docs, name.startsWith('conll train') ? errors : []);
      const r: Record<string, ReturnType<typeof prf>> = {};
      for (const k of ['PER', 'ORG', 'LOC', 'all'] as const) {
        r[k] = prf(t[k].tp, t[k].predicted, t[k].gold);
        console.log(`${name.padEnd(23)} | ${k.padEnd(4)} | ${r[k].p.toFixed(3)} | ${r[k].r.toFixed(3)} | ${r[k].f1.toFixed(3)}`);
      }
      result[name] = r;
    }
    if (process.env.BENCH_VERBOSE) for (const e of errors.slice(0, Number(process.env.BENCH_VERBOSE) || 400)) console.log('  ', e);
    return result;
  },
};
