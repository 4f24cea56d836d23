// The CLI opens its store through openStore: --db and $PARALLAX_DB take a path, sqlite:FILE or a
// postgres:// URL (refused clearly in a build without the PostgreSQL store).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../test/cli-helpers.ts';
import { withTempDir } from '../../test/temp-dir.ts';

const EXAMPLE = fileURLToPath(new URL('../../examples/markdown', import.meta.url));

describe('CLI store URLs', () => {
  it('sqlite:FILE, the bare path and $PARALLAX_DB name the same store', async () => {
    await withTempDir('store-url', async (dir) => {
      const file = join(dir, 'p.db');
      const ingest = await runCli(['ingest', EXAMPLE, '--db', `sqlite:${file}`]);
      assert.equal(ingest.code, 0, ingest.err);
      const byPath = await runCli(['stories', '--db', file]);
      const byEnv = await runCli(['stories'], { PARALLAX_DB: `sqlite:${file}` });
      assert.equal(byPath.code, 0, byPath.err);
      assert.ok(byPath.out.trim().length > 0);
      assert.equal(byEnv.out, byPath.out);
      const missing = await runCli(['stories', '--db', `sqlite:${join(dir, 'typo.db')}`]);
      assert.equal(missing.code, 1);
      assert.match(missing.err, /no store at .*typo\.db/);
    });
  });

  it('refuses postgres:// in this build and unknown schemes, with a clear message', async () => {
    const pg = await runCli(['stories', '--db', 'postgres://localhost/parallax']);
    assert.equal(pg.code, 1);
    assert.match(pg.err, /PostgreSQL store not available in this build/);
    const other = await runCli(['stories'], { PARALLAX_DB: 'mysql://localhost/parallax' });
    assert.equal(other.code, 1);
    assert.match(other.err, /unknown store scheme "mysql:"/);
  });
});
