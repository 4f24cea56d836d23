// Checkpoint thread bootstrap in plain JS (see writer-entry.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./checkpoint-thread.ts');
