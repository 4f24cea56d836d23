// Search thread bootstrap in plain JS (as writer-entry.mjs): register tsx, then load the thread.
import { register } from 'tsx/esm/api';

register();
await import('./search-thread.ts');
