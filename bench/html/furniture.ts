// Page furniture left in article text, on a hand-labelled gva-dev sample (bench/data/furniture-gva.tsv:
// article id, sentence offsets into its `content`, F furniture / A article). Each article is
// extracted as the pipeline does; a labelled sentence counts when its text is still in the article.
// Reports the share of furniture among the sentences kept, and how many article sentences survive.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus, jsonLines, PROJECT_ROOT } from '../lib/data.ts';
import { extractArticle } from '../../src/pipeline/2-extract/extract.ts';
import { flat } from './metrics.ts';

export interface FurnitureScore {
  labelled: number;
  furnitureKept: number;
  articleKept: number;
  articleLabelled: number;
  furnitureLabelled: number;
  /** Furniture sentences among all labelled sentences still in the article text. */
  share: number;
  /** The same counts on the tuning half and the held-out half of the sample. */
  parts?: Record<Part, FurnitureScore>;
}

type Part = 'dev' | 'check';
// The whole sample has sha1(id) starting with 'f', so the project split (first digit) puts it all in
// one part: here the second digit splits it, below 'b' tuned on, the rest only reported.
const partOf = (id: string): Part => (createHash('sha1').update(id).digest('hex')[1] < 'b' ? 'dev' : 'check');
const empty = (): FurnitureScore => ({ labelled: 0, furnitureKept: 0, articleKept: 0, articleLabelled: 0, furnitureLabelled: 0, share: 0 });

export function furnitureScore(): FurnitureScore | null {
  const dir = corpus('gva-dev');
  if (!dir) return null;
  const labels = readFileSync(join(PROJECT_ROOT, 'bench/data/furniture-gva.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#') && !l.startsWith('id\t'))
    .map((l) => {
      const [id, start, end, label] = l.split('\t');
      return { id, start: +start, end: +end, label };
    });
  const wanted = new Set(labels.map((l) => l.id));
  const records = new Map<string, { line: string; record: Record<string, unknown> }>();
  for (const line of jsonLines(join(dir, 'articles.jsonl'))) {
    const record = JSON.parse(line) as Record<string, unknown>;
    if (wanted.has(String(record.id))) records.set(String(record.id), { line, record });
  }
  const texts = new Map<string, string>();
  for (const [id, { line, record }] of records) {
    try {
      texts.set(
        id,
        flat(extractArticle({ format: 'json', path: null, url: null, content: line, record }).text),
      );
    } catch {
      texts.set(id, '');
    }
  }
  const s = empty();
  const parts: Record<Part, FurnitureScore> = { dev: empty(), check: empty() };
  for (const l of labels) {
    const content = String(records.get(l.id)?.record.content ?? '');
    const kept = (texts.get(l.id) ?? '').includes(flat(content.slice(l.start, l.end)).trim());
    for (const t of [s, parts[partOf(l.id)]]) {
      t.labelled++;
      if (l.label === 'F') {
        t.furnitureLabelled++;
        if (kept) t.furnitureKept++;
      } else {
        t.articleLabelled++;
        if (kept) t.articleKept++;
      }
    }
  }
  for (const t of [s, parts.dev, parts.check]) t.share = t.furnitureKept / (t.furnitureKept + t.articleKept || 1);
  return { ...s, parts };
}

export function printFurniture(s: FurnitureScore): void {
  console.log(`gva-dev furniture (${s.labelled} hand-labelled sentences, bench/data/furniture-gva.tsv)`);
  console.log(
    `  furniture share of article text ${(s.share * 100).toFixed(1)}% (${s.furnitureKept} of ${s.furnitureKept + s.articleKept} kept sentences); furniture kept ${s.furnitureKept}/${s.furnitureLabelled}, article sentences kept ${s.articleKept}/${s.articleLabelled}`,
  );
  for (const [part, t] of Object.entries(s.parts ?? {}))
    console.log(
      `  ${part.padEnd(5)} ${(t.share * 100).toFixed(1)}% (${t.furnitureKept} of ${t.furnitureKept + t.articleKept}); furniture kept ${t.furnitureKept}/${t.furnitureLabelled}, article kept ${t.articleKept}/${t.articleLabelled}`,
    );
}
