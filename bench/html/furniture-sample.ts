// Draws the fixed gva-dev sample that bench:html's furniture section scores: from the articles whose
// sha1(id) starts with 'f' (never read while the furniture rules were written), one or two sentences
// of each article's extracted text, located back in the raw `content` field. Prints
// `id<TAB>start<TAB>end<TAB>?<TAB>sentence` for a person to label (F furniture, A article), then
// bench/data/furniture-gva.tsv keeps the first four columns only (no corpus text in the repo).
//   node --import tsx bench/html/furniture-sample.ts > /tmp/sample.tsv
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { corpus, jsonLines } from '../lib/data.ts';
import { extractArticle } from '../../src/pipeline/2-extract/extract.ts';

const dir = corpus('gva-dev');
if (dir) {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (const line of jsonLines(join(dir, 'articles.jsonl'))) {
    const record = JSON.parse(line) as Record<string, unknown>;
    const id = String(record.id);
    if (createHash('sha1').update(id).digest('hex')[0] !== 'f') continue;
    const content = String(record.content ?? '');
    let article;
    try {
      article = extractArticle({ format: 'json', path: null, url: null, content: line, record });
    } catch {
      continue;
    }
    const sentences = article.sentences.map((s) => article.text.slice(s.start, s.end).trim());
    const picks = new Set([Math.floor(random() * sentences.length), Math.floor(random() * sentences.length)]);
    for (const i of picks) {
      const s = sentences[i];
      const at = content.indexOf(s);
      if (!s || at < 0) continue;
      console.log(`${id}\t${at}\t${at + s.length}\t?\t${s.replace(/\s+/g, ' ')}`);
    }
  }
}
