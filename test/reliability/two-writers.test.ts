// The README's promise: `parallax ingest` may add to a store while `serve` runs on it. A CLI ingest
// and an API upload into one store at the same time both succeed, and every report is stored once.
// CI size: 300 + 200; the 3,000 + 2,000 × 5 with PARALLAX_RELIAB_FULL=1 (BENCHMARKS.md).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createApp } from '../../src/api/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { withTempDir } from '../temp-dir.ts';
import { assertConsistent } from './consistency.ts';
import { jsonl, report } from './reports.ts';

const FULL = process.env.PARALLAX_RELIAB_FULL === '1';
const CLI_N = FULL ? 3_000 : 300;
const API_N = FULL ? 2_000 : 200;
const RUNS = FULL ? 5 : 1;
const BIN = new URL('../../bin/parallax.js', import.meta.url).pathname;

function cliIngest(file: string, db: string): Promise<{ code: number | null; err: string }> {
  const child = spawn(process.execPath, [BIN, 'ingest', file, '--db', db], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, err })));
}

describe('a CLI ingest and an API upload into one store at once', () => {
  for (let run = 1; run <= RUNS; run++)
    it(`run ${run}: ${CLI_N} + ${API_N} reports, no failure, each stored once`, { timeout: FULL ? 900_000 : 60_000 }, async () =>
      withTempDir('two-writers', async (dir) => {
        const db = join(dir, 'p.db');
        writeFileSync(join(dir, 'cli.jsonl'), jsonl('cli', CLI_N));
        const upload = jsonl('api', API_N);
        const store = new SqliteStore(db);
        const { app, conflicts } = createApp({ store, config: loadConfig({}, { db }), token: 'writer-token', web: false, log: () => {} });
        const started = Date.now();
        const cli = cliIngest(join(dir, 'cli.jsonl'), db);
        const form = new FormData();
        form.append('file', new File([upload], 'api.jsonl'));
        const res = await app.request('/api/ingest/files', { method: 'POST', body: form, headers: { Authorization: 'Bearer writer-token' } });
        const body = (await res.json()) as { summary?: { added: number } };
        const { code, err } = await cli;
        if (FULL) console.log(`run ${run}: ${((Date.now() - started) / 1000).toFixed(1)} s, API ${res.status}, CLI exit ${code}`);
        assert.equal(res.status, 201, JSON.stringify(body).slice(0, 300));
        assert.equal(body.summary?.added, API_N);
        assert.equal(code, 0, err);
        assert.match(err, new RegExp(`${CLI_N} articles added, 0 skipped`));
        conflicts.stop();
        await conflicts.fillPending(); // the background recount started by the upload
        await store.close();
        const ids = [...Array.from({ length: CLI_N }, (_, i) => report('cli', i).id), ...Array.from({ length: API_N }, (_, i) => report('api', i).id)];
        assertConsistent(db, ids);
      }),
    );
});
