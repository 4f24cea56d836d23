// Text from reports reaches a terminal: titles, sources and file names are written by whoever
// wrote the report. No escape sequence or control character from them may reach the terminal,
// and no name may forge a line of our own.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../cli-helpers.ts';
import { withTempDir } from '../temp-dir.ts';

// Any C0 control but newline and tab, DEL, any C1 control, bidi embeddings/overrides/isolates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const HOSTILE_TITLES: [string, string, string][] = [
  // [title as written, words that must still show, what it tried]
  ['\u001b]0;owned\u0007Bridge closed in Saltash\u001b[2J', 'Bridge closed in Saltash', 'set the window title, clear the screen'],
  ['Ferry delayed\u009b31m in Redbrook', 'Ferry delayed in Redbrook', 'an 8-bit CSI colour'],
  ['Storm warning\u0007\u0007 for Pendle', 'Storm warning for Pendle', 'ring the bell'],
  ['Council vote in Jessop\u202e3202 ,1 yaM', 'Council vote in Jessop', 'reverse the rest of the line'],
  ['Mill fire in Marrow\nskipped /etc/passwd: forged', 'Mill fire in Marrow', 'forge a second line'],
];

const record = (i: number, title: string) =>
  JSON.stringify({
    id: `hostile-${i}`,
    title,
    source: `Wire\u001b[1m ${i}`,
    published: '2026-05-01',
    text: `Officials in the town confirmed the closure on Friday morning after an inspection found damage. Traffic was sent on a long detour through the hills. Case ${i}.`,
  });

describe('report text at the terminal', () => {
  it('stories, story and analyze print no control characters from reports, and keep the words', async () =>
    withTempDir('term', async (dir) => {
      writeFileSync(join(dir, 'h.jsonl'), HOSTILE_TITLES.map(([t], i) => record(i, t)).join('\n'));
      const db = join(dir, 'p.db');
      const ingest = await runCli(['ingest', join(dir, 'h.jsonl'), '--db', db]);
      assert.equal(ingest.code, 0, ingest.err);
      const list = await runCli(['stories', '--db', db]);
      const analyze = await runCli(['analyze', join(dir, 'h.jsonl')]);
      const id = /^(\S+)/.exec(list.out)![1];
      const story = await runCli(['story', id, '--db', db]);
      for (const [name, text] of [['stories', list.out], ['analyze', analyze.out], ['story', story.out]]) {
        assert.doesNotMatch(text, UNSAFE, `${name}: ${JSON.stringify(text.match(UNSAFE))}`);
        assert.doesNotMatch(text, /^skipped/m, `${name}: a title forged a line`);
      }
      for (const [, words, tried] of HOSTILE_TITLES) assert.ok(analyze.out.includes(words), `${tried}: "${words}" lost`);
      assert.equal(list.out.trim().split('\n').length, HOSTILE_TITLES.length, 'one line per story');
    }));

  it('--json keeps the values, with every control character escaped', async () =>
    withTempDir('term-json', async (dir) => {
      writeFileSync(join(dir, 'h.jsonl'), HOSTILE_TITLES.map(([t], i) => record(i, t)).join('\n'));
      const { out } = await runCli(['analyze', join(dir, 'h.jsonl'), '--json']);
      assert.doesNotMatch(out, UNSAFE);
      const titles = (JSON.parse(out) as { stories: { articles: { title: string }[] }[] }).stories.flatMap((s) => s.articles.map((a) => a.title));
      assert.ok(titles.includes('Ferry delayed\u009b31m in Redbrook'), 'the data itself is unchanged');
    }));

  it('a file name with a newline or escapes cannot forge a skip line', async () =>
    withTempDir('term-names', async (dir) => {
      const reports = join(dir, 'in');
      mkdirSync(reports);
      writeFileSync(join(reports, 'real.txt'), 'Dam inspection ordered\n\nEngineers were sent to inspect the dam above Lowfield on Tuesday after cracks were seen in the wall.');
      writeFileSync(join(reports, 'x\nskipped shadow.txt: forged.txt'), '');
      writeFileSync(join(reports, 'y\u001b[2J.txt'), '');
      const { err } = await runCli(['ingest', reports, '--db', join(dir, 'p.db')]);
      assert.doesNotMatch(err, UNSAFE);
      const skips = err.split('\n').filter((l) => l.startsWith('skipped'));
      assert.equal(skips.length, 2, err);
      assert.ok(skips.every((l) => /^skipped ".*": empty file$/.test(l)), err);
      assert.ok(skips.some((l) => l.includes('x\\nskipped shadow.txt')), 'the name is shown, escaped');
    }));
});
