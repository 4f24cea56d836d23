import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { listInputs, readFileReports, type IntakeEvent } from './files.ts';

const opts = { maxFileBytes: 1000, maxLineBytes: 500 };
let dir: string;

async function read(path: string): Promise<IntakeEvent[]> {
  const out: IntakeEvent[] = [];
  for await (const ev of readFileReports(path, opts)) out.push(ev);
  return out;
}

const reasons = (evs: IntakeEvent[]) => evs.flatMap((e) => (e.kind === 'skip' ? [e.reason] : []));

describe('file intake', () => {
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-intake-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'ok.txt'), 'Title\n\nBody.');
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'blank.md'), '\n  \n');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x21]));
    writeFileSync(join(dir, 'huge.txt'), 'x'.repeat(2000));
    writeFileSync(join(dir, 'bad.json'), '{"title": "x", ');
    writeFileSync(join(dir, 'list.json'), JSON.stringify([{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }]));
    writeFileSync(join(dir, 'none.json'), '42');
    writeFileSync(join(dir, 'lines.jsonl'), '{"id":"1","text":"one"}\n{broken\n\n[1,2]\n{"id":"2","text":"two"}\n' + `{"text":"${'y'.repeat(600)}"}\n`);
    writeFileSync(join(dir, 'photo.png'), 'png');
    writeFileSync(join(dir, 'sub', 'nested.md'), '# Nested\n\nBody.');
    writeFileSync(join(dir, 'sub', 'ignored.md'), '# Ignored\n\nBody.');
    writeFileSync(join(dir, 'sub', '.parallaxignore'), '# not reports\nignored.md\n');
    writeFileSync(join(dir, 'locked.txt'), 'secret');
    chmodSync(join(dir, 'locked.txt'), 0o000);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('walks folders recursively, honours .parallaxignore, reports unsupported files and missing paths', async () => {
    const { files, skips } = await listInputs([dir, join(dir, 'nope')]);
    assert.ok(files.includes(join(dir, 'sub', 'nested.md')));
    assert.ok(!files.some((f) => f.endsWith('ignored.md')));
    assert.deepEqual(
      skips.map((s) => s.kind === 'skip' && [s.input.replace(dir, ''), s.reason]),
      [
        ['/photo.png', 'unsupported type (.png)'],
        ['/nope', 'not found'],
      ],
    );
  });

  it('reads linked files, reports linked folders and broken links instead of passing them over', async () => {
    const links = mkdtempSync(join(tmpdir(), 'parallax-links-'));
    try {
      writeFileSync(join(links, 'real.txt'), 'Title\n\nBody.');
      symlinkSync(join(links, 'real.txt'), join(links, 'linked.txt'));
      symlinkSync(join(dir, 'sub'), join(links, 'linked-folder'));
      symlinkSync(join(links, 'gone.txt'), join(links, 'broken.txt'));
      const { files, skips } = await listInputs([links]);
      assert.deepEqual(files.map((f) => f.replace(links, '')), ['/linked.txt', '/real.txt']);
      assert.deepEqual(
        skips.map((s) => s.kind === 'skip' && [s.input.replace(links, ''), s.reason]),
        [
          ['/broken.txt', 'broken symbolic link'],
          ['/linked-folder', 'symbolic link to a folder (not followed; name it directly)'],
        ],
      );
    } finally {
      rmSync(links, { recursive: true, force: true });
    }
  });

  it('skips an unreadable folder inside a folder alone', { skip: process.getuid?.() === 0 ? 'root can read any folder' : false }, async () => {
    const top = mkdtempSync(join(tmpdir(), 'parallax-locked-'));
    try {
      mkdirSync(join(top, 'a-locked'));
      writeFileSync(join(top, 'b.txt'), 'Title\n\nBody.');
      chmodSync(join(top, 'a-locked'), 0o000);
      const { files, skips } = await listInputs([top]);
      assert.deepEqual(files, [join(top, 'b.txt')]);
      assert.deepEqual(skips.map((s) => s.kind === 'skip' && s.reason), ['unreadable: permission denied']);
    } finally {
      chmodSync(join(top, 'a-locked'), 0o755);
      rmSync(top, { recursive: true, force: true });
    }
  });

  const table: [string, string][] = [
    ['empty.txt', 'empty file'],
    ['blank.md', 'empty file'],
    ['binary.txt', 'binary file (contains NUL bytes)'],
    ['latin1.txt', 'invalid UTF-8 text'],
    ['huge.txt', 'too large: 2000 bytes (limit 1000)'],
    ['none.json', 'JSON holds no article objects'],
    ['missing.txt', 'not found'],
  ];
  for (const [name, reason] of table) {
    it(`skips ${name}: ${reason}`, async () => assert.deepEqual(reasons(await read(join(dir, name))), [reason]));
  }

  it('skips malformed JSON with the parser message', async () => {
    assert.match(reasons(await read(join(dir, 'bad.json')))[0], /^malformed JSON: /);
  });

  it('skips unreadable files', { skip: process.getuid?.() === 0 ? 'root can read any file' : false }, async () => {
    assert.deepEqual(reasons(await read(join(dir, 'locked.txt'))), ['unreadable: permission denied']);
  });

  it('reads every object of a JSON array', async () => {
    const evs = await read(join(dir, 'list.json'));
    assert.deepEqual(evs.map((e) => e.kind === 'report' && [e.raw.record?.id, e.raw.locator]), [['a', 'item 1'], ['b', 'item 2']]);
  });

  it('keeps good JSONL lines and reports each bad line by number', async () => {
    const evs = await read(join(dir, 'lines.jsonl'));
    assert.deepEqual(evs.filter((e) => e.kind === 'report').length, 2);
    assert.deepEqual(reasons(evs), ['malformed JSON line 2', 'line 4 is not a JSON object', 'too large: line 6 is over 500 bytes']);
  });
});

describe('HTML file charsets', () => {
  it('reads a windows-1251 page by its <meta charset>', async () => {
    const iconv = (await import('iconv-lite')).default;
    const d = mkdtempSync(join(tmpdir(), 'parallax-cp1251-'));
    try {
      const html = '<html><head><meta charset="windows-1251"><title>Наводнение</title></head><body><p>Река вышла из берегов.</p></body></html>';
      writeFileSync(join(d, 'page.html'), iconv.encode(html, 'win1251'));
      const evs: IntakeEvent[] = [];
      for await (const ev of readFileReports(join(d, 'page.html'), opts)) evs.push(ev);
      assert.equal(evs.length, 1);
      assert.ok(evs[0].kind === 'report' && evs[0].raw.content.includes('Река вышла из берегов.'));
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
