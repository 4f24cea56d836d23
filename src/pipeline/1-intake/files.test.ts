import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { defaultConfig } from '../../config/index.ts';
import { SqliteStore } from '../../store/sqlite/sqlite-store.ts';
import { extractArticle } from '../2-extract/extract.ts';
import { ingestPaths } from '../run.ts';
import { listInputs, readFileReports, type FileIntakeOptions, type IntakeEvent } from './files.ts';

const opts: FileIntakeOptions = { maxFileBytes: 1000, maxLineBytes: 500, web: { maxFeedBytes: 10_000_000, maxFeedItems: 1000 } };
let dir: string;

async function read(path: string, o: FileIntakeOptions = opts): Promise<IntakeEvent[]> {
  const out: IntakeEvent[] = [];
  for await (const ev of readFileReports(path, o)) out.push(ev);
  return out;
}

const reports = (evs: IntakeEvent[]) => evs.flatMap((e) => (e.kind === 'report' ? [e.raw] : []));
/** A record nested `depth` levels below its own object, as the audit's ~10 KB line. */
const deepRecord = (id: string, depth: number) => `{"id":"${id}","text":"t","x":${'['.repeat(depth)}${']'.repeat(depth)}}`;

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
    writeFileSync(join(dir, 'deep.jsonl'), ['{"id":"1","text":"one"}', deepRecord('x', 5000), deepRecord('ok', 62), '{"id":"2","text":"two"}'].join('\n'));
    writeFileSync(join(dir, 'bom.jsonl'), '\uFEFF{"id":"1","text":"one"}\r\n{"id":"2","text":"two"}\r\n');
    writeFileSync(
      join(dir, 'latin1.jsonl'),
      Buffer.concat([Buffer.from('{"id":"1","text":"one"}\n{"id":"2","text":"Caf'), Buffer.from([0xe9]), Buffer.from('"}\n{"id":"3","text":"three"}\n')]),
    );
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

  it('skips a JSONL record nested deeper than 64 levels by its line, and keeps the others', async () => {
    const evs = await read(join(dir, 'deep.jsonl'), { ...opts, maxLineBytes: 20_000 });
    assert.deepEqual(reports(evs).map((r) => r.record?.id), ['1', 'ok', '2']);
    assert.deepEqual(
      evs.flatMap((e) => (e.kind === 'skip' ? [[e.input.replace(dir, ''), e.reason]] : [])),
      [['/deep.jsonl:2', 'JSON nested deeper than 64 levels']],
    );
  });

  it('skips a deep record of a .json file with that reason, not as unreadable', async () => {
    const d = mkdtempSync(join(tmpdir(), 'parallax-deep-'));
    try {
      writeFileSync(join(d, 'one.json'), deepRecord('x', 5000));
      writeFileSync(join(d, 'list.json'), `[{"id":"a","text":"A"},${deepRecord('x', 5000)},{"id":"b","text":"B"}]`);
      const o = { ...opts, maxFileBytes: 20_000 };
      assert.deepEqual(reasons(await read(join(d, 'one.json'), o)), ['JSON nested deeper than 64 levels']);
      const evs = await read(join(d, 'list.json'), o);
      assert.deepEqual(reports(evs).map((r) => [r.record?.id, r.locator]), [['a', 'item 1'], ['b', 'item 3']]);
      assert.deepEqual(reasons(evs), ['JSON nested deeper than 64 levels (item 2)']);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('does not lose an ingest run to a deeply nested record', async () => {
    const d = mkdtempSync(join(tmpdir(), 'parallax-deep-run-'));
    const store = new SqliteStore(':memory:');
    try {
      writeFileSync(join(d, 'a.txt'), 'Ferry runs aground near Porto\n\nA ferry ran aground near Porto on Tuesday.');
      writeFileSync(join(d, 'b.jsonl'), `${deepRecord('x', 5000)}\n{"id":"kept","title":"Storm","text":"A storm hit Leeds."}\n`);
      const summary = await ingestPaths(store, [d], { config: defaultConfig, workers: 0 });
      assert.equal(summary.added, 2);
      assert.deepEqual(summary.skipped.map((s) => [s.input.replace(d, ''), s.reason]), [['/b.jsonl:1', 'JSON nested deeper than 64 levels']]);
    } finally {
      await store.close();
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('drops a byte-order mark before JSONL line 1', async () => {
    const evs = await read(join(dir, 'bom.jsonl'));
    assert.deepEqual(reasons(evs), []);
    assert.deepEqual(reports(evs).map((r) => r.record?.id), ['1', '2']);
  });

  it('skips a JSONL line that is not UTF-8, as .txt and .json files are, and keeps the others', async () => {
    const evs = await read(join(dir, 'latin1.jsonl'));
    assert.deepEqual(reasons(evs), ['invalid UTF-8 text on line 2']);
    assert.deepEqual(reports(evs).map((r) => r.record?.id), ['1', '3']);
    assert.ok(!reports(evs).some((r) => r.content.includes('\uFFFD')));
  });

  it('treats a NUL byte past the first 8 KB as binary, like one within them', async () => {
    const d = mkdtempSync(join(tmpdir(), 'parallax-nul-'));
    try {
      const text = `Title\n\n${'Body text. '.repeat(1000)}`;
      writeFileSync(join(d, 'late.txt'), `${text}\u0000tail`);
      writeFileSync(join(d, 'late.html'), `<html><body><p>${text}\u0000tail</p></body></html>`);
      const o = { ...opts, maxFileBytes: 100_000 };
      assert.deepEqual(reasons(await read(join(d, 'late.txt'), o)), ['binary file (contains NUL bytes)']);
      assert.deepEqual(reasons(await read(join(d, 'late.html'), o)), ['binary file (contains NUL bytes)']);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});

describe('file names', () => {
  it('name a file by where it is, however the path is spelled; records of one file keep their place', async () => {
    const top = mkdtempSync(join(tmpdir(), 'parallax-spelling-'));
    try {
      mkdirSync(join(top, 'reports'));
      symlinkSync(join(top, 'reports'), join(top, 'linked'));
      writeFileSync(join(top, 'reports', 'ferry.md'), 'Ferry runs aground near Porto\n\nA ferry ran aground near Porto on Tuesday.');
      writeFileSync(join(top, 'reports', 'wire.jsonl'), '{"title":"Storm","text":"A storm hit Leeds."}\n{"title":"Flood","text":"The Aire flooded Leeds."}\n');
      const spellings = (name: string) => [
        join(top, 'reports', name),
        `${top}/reports//${name}`,
        `${top}/reports/./${name}`,
        join(top, 'linked', name),
        relative(process.cwd(), join(top, 'reports', name)),
      ];
      const ids = async (path: string) => reports(await read(path)).map(extractArticle).map((a) => a.id);
      for (const name of ['ferry.md', 'wire.jsonl']) {
        const [first, ...others] = spellings(name);
        for (const other of others) assert.deepEqual(await ids(other), await ids(first), other);
        // The path stays as given: it is what the user sees.
        const relativePath = others[3];
        for (const r of reports(await read(relativePath))) assert.equal(r.path, relativePath);
      }
      const [storm, flood] = await ids(join(top, 'reports', 'wire.jsonl'));
      assert.notEqual(storm, flood, 'each record of a JSONL file is its own report');
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
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

describe('feed files', () => {
  const more = ' Crews worked through the night to clear the mud, and the mayor said the road would reopen by Monday.'.repeat(2);
  const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title><link>https://news.example/</link>
<item><title>Floods close the coastal road</title><link>https://news.example/floods?utm_source=rss</link>
<pubDate>Sat, 14 Mar 2026 08:30:00 +0000</pubDate><description>&lt;p&gt;Floods closed the coastal road at Vila Nova on Saturday.${more}&lt;/p&gt;</description></item>
<item><guid isPermaLink="false">note-2</guid><title>Council meets</title><description>The council met on Friday evening to discuss the floods.${more}</description></item>
</channel></rss>`;
  const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Monitor</title>
<entry><id>tag:monitor.example,2026:1</id><title>Storm in Leeds</title><link href="https://monitor.example/storm"/>
<updated>2026-03-12T10:00:00Z</updated><content type="html">&lt;p&gt;A storm hit Leeds on Thursday.&lt;/p&gt;</content></entry></feed>`;
  let d: string;
  before(() => {
    d = mkdtempSync(join(tmpdir(), 'parallax-feeds-'));
    writeFileSync(join(d, 'news.xml'), rss);
    writeFileSync(join(d, 'news.rss'), rss);
    writeFileSync(join(d, 'monitor.atom'), atom);
    writeFileSync(join(d, 'note.xml'), '<?xml version="1.0"?><note><to>Tove</to></note>');
    writeFileSync(
      join(d, 'xxe.xml'),
      '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<rss version="2.0"><channel><title>XXE &xxe;</title><item><title>x</title><description>&xxe;</description></item></channel></rss>',
    );
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    writeFileSync(join(d, 'laughs.rss'), `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">${lol}]><rss version="2.0"><channel><title>&lol9;</title></channel></rss>`);
  });
  after(() => rmSync(d, { recursive: true, force: true }));
  const o = { ...opts, maxFileBytes: 100_000 };

  it('lists .xml, .rss and .atom files as inputs', async () => {
    const { files, skips } = await listInputs([d]);
    assert.equal(files.length, 6);
    assert.deepEqual(skips, []);
  });

  it('reads each item of an RSS or Atom file as a report, through the feed parser', async () => {
    for (const name of ['news.xml', 'news.rss']) {
      const evs = await read(join(d, name), o);
      assert.deepEqual(reasons(evs), []);
      const raws = reports(evs);
      assert.deepEqual(
        raws.map((r) => [r.format, r.path, r.url, r.locator, r.hints?.title]),
        [
          ['html', join(d, name), 'https://news.example/floods', undefined, 'Floods close the coastal road'],
          ['html', join(d, name), null, 'item note-2', 'Council meets'],
        ],
      );
      const [linked, unlinked] = raws.map(extractArticle);
      assert.equal(linked.published?.date, '2026-03-14');
      assert.match(linked.text, /Floods closed the coastal road at Vila Nova/);
      assert.equal(linked.source, 'news.example');
      assert.equal(unlinked.source, 'Harbour Gazette');
    }
    const atomItems = reports(await read(join(d, 'monitor.atom'), o));
    assert.deepEqual(atomItems.map((r) => r.url), ['https://monitor.example/storm']);
  });

  it('refuses an XML file that is not a feed, and hostile or oversized feeds, with the reason', async () => {
    assert.deepEqual(reasons(await read(join(d, 'note.xml'), o)), ['not an RSS or Atom feed (expected <rss>, <rdf:RDF> or <feed>)']);
    for (const name of ['xxe.xml', 'laughs.rss']) {
      const [reason, ...more] = reasons(await read(join(d, name), o));
      assert.match(reason, /^feeds: refusing XML with a DTD internal subset/, name);
      assert.deepEqual(more, []);
    }
    const small = { ...o, web: { maxFeedBytes: 200, maxFeedItems: 1 } };
    assert.deepEqual(reasons(await read(join(d, 'news.xml'), small)), [
      `feeds: document of ${Buffer.byteLength(rss)} bytes exceeds the limit of 200`,
    ]);
    const capped = await read(join(d, 'news.xml'), { ...o, web: { maxFeedBytes: 100_000, maxFeedItems: 1 } });
    assert.deepEqual(reasons(capped), ['too many items: read the first 1 of 2 (limit)']);
    assert.equal(reports(capped).length, 1);
  });
});
