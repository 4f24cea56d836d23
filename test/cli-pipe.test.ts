// The real binary, with its output read by a reader that stops early (`parallax stories | head`).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const BIN = fileURLToPath(new URL('../bin/parallax.js', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../examples', import.meta.url));

describe('parallax binary', () => {
  it('ends quietly when the reader of its output goes away', async () => {
    const child = spawn(process.execPath, [BIN, 'analyze', EXAMPLES, '--json', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Like `head`: take nothing more and close the pipe before the stories are printed.
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.doesNotMatch(err, /Unhandled 'error' event|EPIPE/, err);
    assert.equal(code, 0, err);
  });
});
