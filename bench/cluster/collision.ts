// The collision set: short reports of unrelated news (US 2016 election coverage, PolNeAR train),
// built at run time from the shared data and never stored in the repo. Each is its headline and
// the first two sentences of its body, dated as published; mixed into a stream of shooting
// reports, none of them should join a shooting story.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RawReport } from '../../src/model/index.ts';
import { corpus, jsonLines } from '../lib/data.ts';
import { analyzed, type LabelledDoc } from './docs.ts';

/** The first `n` sentences of a text (a full stop, "?" or "!" before a capital or a quote). */
export function firstSentences(text: string, n: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const parts = flat.split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?[\p{Lu}\d])/u);
  return parts.slice(0, n).join(' ');
}

/** PolNeAR train articles as short reports (gold: each its own), or null when the corpus is absent. */
export function loadShortUnrelated(): LabelledDoc[] | null {
  const dir = corpus('polnear');
  if (!dir) return null;
  const dates = new Map<string, string>();
  for (const line of jsonLinesTsv(join(dir, 'metadata.tsv'))) {
    const [compartment, filename, , , , date] = line.split('\t');
    if (compartment === 'train') dates.set(filename, date);
  }
  const textDir = join(dir, 'train', 'text');
  return readdirSync(textDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => {
      const name = f.replace(/\.txt$/, '');
      const [title, ...body] = readFileSync(join(textDir, f), 'utf8').split('\n');
      const text = firstSentences(body.join('\n'), 2);
      const published = dates.get(name) ?? /_(\d{4}-\d\d-\d\d)_/.exec(name)?.[1];
      const record = { id: `polnear:${name}`, title: title.trim(), text, ...(published ? { published } : {}) };
      const r: RawReport = { format: 'json', path: join(textDir, f), url: null, content: JSON.stringify(record), record };
      return analyzed(r, `polnear:${name}`);
    });
}

const jsonLinesTsv = (path: string): string[] => jsonLines(path).slice(1);
