import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from './cli-helpers.ts';
import { reportSchema } from './contract-schema.ts';

let dir: string;
const flood = (outlet: string, extra: string) =>
  `---\nsource: ${outlet}\npublished: 2026-03-14\n---\nRiver Turia floods Valencia old town\n\nThe Turia river burst its banks in Valencia overnight, flooding the old town and forcing the evacuation of residents. Emergency services said rescue teams worked through the night. ${extra}\n`;

describe('parallax CLI end to end', () => {
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
    writeFileSync(join(dir, 'a.md'), flood('Harbor Ledger', 'At least 12 people died.'));
    writeFileSync(join(dir, 'b.md'), flood('Meridian Wire', 'Officials put the toll at 14.'));
    writeFileSync(
      join(dir, 'c.json'),
      JSON.stringify({ id: 'court-1', title: 'Court upholds fishing quota ruling', text: 'The supreme court upheld the fishing quota ruling on appeal, rejecting the industry challenge in full.', source: 'Northgate Post' }),
    );
    writeFileSync(join(dir, 'empty.txt'), '');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('analyze --json prints stories valid against the contract, and lists skips', async () => {
    const { code, out, err } = await runCli(['analyze', dir, '--json', '--with-text']);
    assert.equal(code, 0, err);
    const report = reportSchema.parse(JSON.parse(out));
    assert.equal(report.stories.length, 2);
    const flood = report.stories.find((s) => s.articles.length === 2);
    assert.deepEqual(flood?.articles.map((a) => a.source).sort(), ['Harbor Ledger', 'Meridian Wire']);
    assert.ok(flood?.articles.every((a) => a.text && a.text.length > 50));
    assert.match(err, /skipped .*empty\.txt: empty file/);
    assert.match(err, /3 articles added, 1 skipped/);
  });

  it('exits 1 when nothing could be processed, 2 on bad usage', async () => {
    const missing = await runCli(['analyze', join(dir, 'nope')]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /nope: not found/);
    assert.equal((await runCli(['analyze'])).code, 2);
    assert.equal((await runCli(['frobnicate'])).code, 2);
    assert.equal((await runCli(['stories', '--bogus'])).code, 2);
    const extra = await runCli(['stories', 'extra-arg', '--db', join(dir, 'store.db')]);
    assert.deepEqual([extra.code, /unexpected argument for stories: extra-arg/.test(extra.err)], [2, true]);
    assert.equal((await runCli(['story', 'a', 'b'])).code, 2);
    const folder = await runCli(['extract', dir]);
    assert.deepEqual([folder.code, /extract takes one file, not a folder/.test(folder.err)], [2, true]);
  });

  it('reading commands do not create a store that is not there', async () => {
    const db = join(dir, 'typo.db');
    const { code, err } = await runCli(['stories', '--db', db]);
    assert.deepEqual([code, /no store at .*typo\.db/.test(err), existsSync(db)], [1, true, false]);
  });

  it('ingest is idempotent, keeps versions, and serves stories, story and article from the store', async () => {
    const db = join(dir, 'store.db');
    const first = await runCli(['ingest', dir, '--db', db]);
    assert.equal(first.code, 0, first.err);
    assert.match(first.err, /3 articles added/);
    const again = await runCli(['ingest', dir, '--db', db]);
    assert.match(again.err, /0 articles added, 3 unchanged/);
    writeFileSync(join(dir, 'a.md'), flood('Harbor Ledger', 'At least 13 people died, officials said later.'));
    const changed = await runCli(['ingest', dir, '--db', db]);
    assert.match(changed.err, /0 articles added, 1 updated, 2 unchanged/);
    assert.match(changed.err, /store: 3 articles in 2 stories/);

    const list = await runCli(['stories', '--db', db]);
    assert.match(list.out, /River Turia floods Valencia old town/);
    const storyId = /^(s-[0-9a-f]+)\s+2 art\./m.exec(list.out)?.[1];
    assert.ok(storyId, list.out);
    const story = await runCli(['story', storyId!, '--db', db, '--json']);
    assert.equal(JSON.parse(story.out).articles.length, 2);
    const article = await runCli(['article', 'court-1', '--db', db, '--json']);
    assert.equal(JSON.parse(article.out).article.source, 'Northgate Post');
    const aId = JSON.parse(story.out).articles.find((a: { source: string }) => a.source === 'Harbor Ledger').id;
    const versions = JSON.parse((await runCli(['article', aId, '--db', db, '--json'])).out).versions;
    assert.equal(versions.length, 2);
    assert.equal((await runCli(['story', 'nope', '--db', db])).code, 1);
  });

  it('extract prints clean text and metadata without storing', async () => {
    const { code, out } = await runCli(['extract', join(dir, 'a.md'), '--json']);
    assert.equal(code, 0);
    const a = JSON.parse(out);
    assert.equal(a.title, 'River Turia floods Valencia old town');
    assert.equal(a.published.date, '2026-03-14');
  });
});
