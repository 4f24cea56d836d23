// Invisible characters inside words: search, entities and spans must see the word a reader sees.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { normalizeText } from '../../src/pipeline/1-intake/normalize.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { runCli } from '../cli-helpers.ts';
import { withTempDir } from '../temp-dir.ts';

const CASES: [string, string, string][] = [
  // [as written, as read, why]
  ['Spring\u200cfield', 'Springfield', 'a zero-width non-joiner inside a Latin word'],
  ['Spring\u200bfield', 'Springfield', 'a zero-width space'],
  ['Spring\u2060field', 'Springfield', 'a word joiner'],
  ['co\u00adoperation', 'cooperation', 'a soft hyphen'],
  ['\u202eMayor Ellen Harte\u202c', 'Mayor Ellen Harte', 'a right-to-left override around a name'],
  ['Harte\u200f said', 'Harte said', 'a right-to-left mark'],
  ['\u2067Lowfield\u2069 council', 'Lowfield council', 'an isolate'],
  ['Ca\u0301diz', 'C\u00e1diz', 'decomposed accent (NFC)'],
  ['\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645', '\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645', 'Persian spelling keeps its non-joiner'],
  ['\u{1F469}\u200d\u{1F692}', '\u{1F469}\u200d\u{1F692}', 'an emoji sequence keeps its joiner'],
];

describe('text normalisation at intake', () => {
  for (const [written, read, why] of CASES)
    it(why, () => assert.equal(normalizeText(written), read));

  it('"Spring\\u200cfield" is found by "Springfield", and the entity is "Springfield"', async () =>
    withTempDir('norm', async (dir) => {
      const text = (zw: string) =>
        `Flooding closed the main bridge in Spring${zw}field on Tuesday. Mayor Dana Whitlock of Spring${zw}field said crews would inspect the supports before reopening it. Residents of Spring${zw}field were asked to use the ferry.`;
      writeFileSync(
        join(dir, 'r.jsonl'),
        [
          { id: 'zw-1', title: 'Bridge closed in Spring\u200cfield', text: text('\u200c'), source: 'Valley Courier', published: '2026-04-07' },
          { id: 'zw-2', title: 'Spring\u200bfield bridge shut after flood', text: text('\u200b'), source: 'County Wire', published: '2026-04-07' },
          { id: 'zw-3', title: '<p>Springfield bridge</p>', text: `<p>${text('&zwnj;')}</p>`, source: 'Harbor Ledger', published: '2026-04-07' },
        ].map((r) => JSON.stringify(r)).join('\n'),
      );
      const db = join(dir, 'p.db');
      const { code, err } = await runCli(['ingest', join(dir, 'r.jsonl'), '--db', db]);
      assert.equal(code, 0, err);
      const store = new SqliteStore(db);
      try {
        const found = await store.searchArticles('Springfield');
        assert.equal(found.total, 3);
        for (const id of ['zw-1', 'zw-2', 'zw-3']) {
          const a = (await store.getArticle(id))!;
          assert.doesNotMatch(`${a.article.title} ${a.article.text}`, /[\u200b\u200c]|&zwnj;/, id);
          const names = a.mentions.entities.map((e) => e.name);
          assert.ok(!names.includes('Spring'), `${id}: ${names.join(', ')}`);
          assert.ok(names.some((n) => /Springfield|Whitlock/.test(n)), `${id}: ${names.join(', ')}`);
        }
      } finally {
        await store.close();
      }
    }));
});
