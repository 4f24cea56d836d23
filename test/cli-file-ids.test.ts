// One file, one article: however its path is spelled on the command line, and from whatever folder
// the command runs, re-ingesting an edited file makes a new version, not a second article.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { defaultConfig } from '../src/config/index.ts';
import { Ingestor } from '../src/pipeline/run.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { shortHash } from '../src/util/hash.ts';
import { runCli } from './cli-helpers.ts';
import { withTempDir } from './temp-dir.ts';

const BIN = fileURLToPath(new URL('../bin/parallax.js', import.meta.url));

/** The real binary, started in `cwd`: relative paths are then read from there. */
function binary(cwd: string, args: string[]): Promise<{ code: number | null; err: string }> {
  const child = spawn(process.execPath, [BIN, ...args, '--quiet'], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, err })));
}

const ferry = (extra: string) =>
  `Ferry runs aground near Porto\n\nA ferry carrying 300 passengers ran aground near Porto on Tuesday. ${extra}\n`;

/** A folder with reports/ferry.md, a link to reports/, and the store's path. */
function setUp(top: string) {
  mkdirSync(join(top, 'reports'));
  symlinkSync(join(top, 'reports'), join(top, 'linked'));
  writeFileSync(join(top, 'reports', 'ferry.md'), ferry('No one was hurt.'));
  return join(top, 'store.db');
}

async function storedArticles(db: string) {
  const stories = JSON.parse((await runCli(['stories', '--json', '--db', db])).out).stories as {
    articles: { id: string }[];
  }[];
  return stories.flatMap((s) => s.articles.map((a) => a.id));
}

describe('file article ids', () => {
  it('are the same for every spelling of the path, from any folder', () =>
    withTempDir('file-ids', async (top) => {
      const db = setUp(top);
      const fromInside = await binary(join(top, 'reports'), ['ingest', 'ferry.md', '--db', db]);
      assert.equal(fromInside.code, 0, fromInside.err);
      assert.match(fromInside.err, /1 article added/);

      const absolute = await runCli(['ingest', join(top, 'reports', 'ferry.md'), '--db', db]);
      assert.equal(absolute.code, 0, absolute.err);
      assert.match(absolute.err, /0 articles added, 1 unchanged, 0 skipped/);

      writeFileSync(
        join(top, 'reports', 'ferry.md'),
        ferry('Two passengers were treated for minor injuries.'),
      );
      const edited = await binary(top, ['ingest', 'reports//ferry.md', '--db', db]);
      assert.equal(edited.code, 0, edited.err);
      assert.match(edited.err, /0 articles added, 1 updated, 0 skipped, store: 1 article in 1 story/);

      const linked = await runCli(['ingest', join(top, 'linked', 'ferry.md'), '--db', db]);
      assert.match(linked.err, /0 articles added, 1 unchanged/);

      const ids = await storedArticles(db);
      assert.equal(ids.length, 1);
      const versions = JSON.parse((await runCli(['article', ids[0], '--db', db, '--json'])).out).versions;
      assert.equal(versions.length, 2);
    }));

  it('of a store filled before stay: the same command updates the article it made', () =>
    withTempDir('file-ids-old', async (top) => {
      const db = setUp(top);
      // What earlier versions stored: an id keyed on the path as it was spelled.
      const store = new SqliteStore(db);
      const old = new Ingestor(store, { config: defaultConfig });
      await old.add({
        format: 'markdown',
        path: 'reports/ferry.md',
        url: null,
        content: ferry('No one was hurt.'),
      });
      await old.finish();
      await store.close();
      const oldId = `a-${shortHash('reports/ferry.md')}`;

      const again = await binary(top, ['ingest', 'reports/ferry.md', '--db', db]);
      assert.match(again.err, /0 articles added, 1 unchanged/);
      writeFileSync(
        join(top, 'reports', 'ferry.md'),
        ferry('Two passengers were treated for minor injuries.'),
      );
      const edited = await binary(top, ['ingest', 'reports/ferry.md', '--db', db]);
      assert.match(edited.err, /0 articles added, 1 updated/);
      assert.deepEqual(await storedArticles(db), [oldId]);
    }));
});
