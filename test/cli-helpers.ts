// Runs the CLI in-process and captures what it prints.
import { PassThrough } from 'node:stream';
import { main } from '../src/cli/main.ts';

export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough() as unknown as NodeJS.WriteStream;
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  (stderr as unknown as PassThrough).on('data', (d) => (err += d));
  const code = await main(args, { stdout, stderr, env });
  return { code, out, err };
}
