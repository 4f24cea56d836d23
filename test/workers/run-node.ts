// Runs a project script in a child node process (through tsx) to its end, for the multi-process tests.
import { spawn } from 'node:child_process';

const ROOT = new URL('../..', import.meta.url).pathname;

/** The script's exit code and everything it printed; `env` is added to this process's environment. */
export function runNode(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}
