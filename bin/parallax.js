#!/usr/bin/env node
// Runs the TypeScript CLI from source through tsx, so `npm install` is the only setup step.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`parallax stories | head`) closes the pipe: not an error, just stop.
process.stdout.on('error', (err) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
