// The table of hostile inputs: each is skipped with the message a person needs, nothing hangs,
// and nothing is stored truncated or half. (Network inputs: fetch-deadline.test.ts and
// test/web/; terminal escapes: terminal-output.test.ts.)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { runCli } from '../cli-helpers.ts';
import { withTempDir } from '../temp-dir.ts';

const GOOD = 'Dam inspection ordered\n\nEngineers were sent to inspect the dam above Lowfield on Tuesday after cracks were seen in the wall.';
const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

/** [file name, how to make it, the skip line's reason] */
const HOSTILE: [string, (p: string) => void, RegExp][] = [
  ['empty.jsonl', (p) => writeFileSync(p, ''), /^empty file$/],
  ['blank.jsonl', (p) => writeFileSync(p, '\n\n  \n'), /^empty file$/],
  ['empty.txt', (p) => writeFileSync(p, ''), /^empty file$/],
  ['spaces.md', (p) => writeFileSync(p, '   \n\n\t\n'), /^empty file$/],
  ['pipe.txt', (p) => spawnSync('mkfifo', [p]), /^not a regular file: a named pipe \(FIFO\)$/],
  ['null.txt', (p) => symlinkSync('/dev/null', p), /^not a regular file: a link to a character device$/],
  ['zero.jsonl', (p) => symlinkSync('/dev/zero', p), /^not a regular file: a link to a character device$/],
  ['folder-link.md', (p) => symlinkSync('/tmp', p), /^symbolic link to a folder/],
  ['broken.md', (p) => symlinkSync('/nonexistent/x.md', p), /^broken symbolic link$/],
  ['binary.txt', (p) => writeFileSync(p, Buffer.from([0x47, 0x49, 0x46, 0x00, 0x01])), /^binary file \(contains NUL bytes\)$/],
  ['latin1.txt', (p) => writeFileSync(p, Buffer.from('Caf\xe9 fire in Marrow', 'latin1')), /^invalid UTF-8 text$/],
  ['bad.json', (p) => writeFileSync(p, '{"title": "x",'), /^malformed JSON/],
  ['deep.json', (p) => writeFileSync(p, deep(100)), /^JSON nested deeper than 64 levels$/],
  ['lines.jsonl', (p) => writeFileSync(p, 'not json\n'), /^malformed JSON line 1$/],
  ['array.jsonl', (p) => writeFileSync(p, '[1,2]\n'), /^line 1 is not a JSON object$/],
  ['notes.pdf', (p) => writeFileSync(p, '%PDF-1.4'), /^unsupported type \(\.pdf\)$/],
  ['page.xml', (p) => writeFileSync(p, '<?xml version="1.0"?><catalog><book/></catalog>'), /^not an RSS or Atom feed/],
  ['laughs.xml', (p) => writeFileSync(p, `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><item><title>&b;</title></item></channel></rss>`), /^feeds: refusing XML with a DTD internal subset/],
];

describe('hostile inputs', () => {
  it('each is skipped with its reason, within the time, and the good report is stored whole', { timeout: 30_000 }, async () =>
    withTempDir('hostile', async (dir) => {
      const inputs = join(dir, 'in');
      mkdirSync(inputs);
      writeFileSync(join(inputs, 'good.txt'), GOOD);
      for (const [name, make] of HOSTILE) make(join(inputs, name));
      const db = join(dir, 'p.db');
      const { code, err } = await runCli(['ingest', inputs, '--db', db]);
      assert.equal(code, 0, err);
      for (const [name, , reason] of HOSTILE) {
        // A JSONL line is named with its number: "skipped …/lines.jsonl:1: malformed JSON line 1".
        const line = err.split('\n').find((l) => l.startsWith(`skipped ${join(inputs, name)}:`));
        assert.ok(line, `${name}: no skip line in\n${err}`);
        assert.match(line.slice(`skipped ${join(inputs, name)}`.length).replace(/^(:\d+)?: /, ''), reason, name);
      }
      const store = new SqliteStore(db);
      try {
        const stored = await store.searchArticles('cracks');
        assert.equal((await store.counts()).articles, 1, 'only the good report is stored');
        const good = (await store.getArticle(stored.hits[0].articleId))!;
        assert.ok(good.article.text.endsWith('cracks were seen in the wall.'), 'stored whole');
      } finally {
        await store.close();
      }
    }));

  it('a named pipe given by name is refused at once, never read', { timeout: 10_000 }, async () =>
    withTempDir('fifo', async (dir) => {
      const p = join(dir, 'wire.jsonl');
      spawnSync('mkfifo', [p]);
      const { code, err } = await runCli(['ingest', p, '--db', join(dir, 'p.db')]);
      assert.equal(code, 1);
      assert.match(err, /wire\.jsonl: not a regular file: a named pipe \(FIFO\)/);
    }));
});
