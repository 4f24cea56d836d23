// Writer thread bootstrap in plain JS: Node 20 will not load a .ts entry file in a worker thread,
// so register tsx here first, then load the TypeScript writer.
import { register } from 'tsx/esm/api';

register();
await import('./writer-thread.ts');
