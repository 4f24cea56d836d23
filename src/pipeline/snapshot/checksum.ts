// A large snapshot's checksum on another thread while this one decodes it: the CRC-32 of 250 MB
// takes 0.1–0.15 s, an eighth of a restart. Nothing decoded is used before the sum is known
// (grouping-snapshot.ts awaits it), so a damaged file is still refused, never used.
import { Worker } from 'node:worker_threads';
import { crc32 } from 'node:zlib';

/** Bytes from which the sum is taken aside (smaller: a worker's start costs more than it saves). */
export const ASIDE_FROM = 32 << 20;

const WORKER = `const { parentPort, workerData: w } = require('node:worker_threads');
parentPort.postMessage(require('node:zlib').crc32(new Uint8Array(w.buffer, w.offset, w.length)));`;

/** CRC-32 of `bytes`: on a worker thread when they are shared and at least `asideFrom` long, else here. */
export function checksum(bytes: Uint8Array, asideFrom = ASIDE_FROM): Promise<number> {
  if (!(bytes.buffer instanceof SharedArrayBuffer) || bytes.length < asideFrom) return Promise.resolve(crc32(bytes));
  return new Promise<number>((resolve) => {
    let done = false;
    const settle = (crc: number) => {
      done = true;
      resolve(crc);
    };
    const here = () => {
      if (!done) settle(crc32(bytes));
    };
    let worker: Worker;
    try {
      // No loader hooks (execArgv): the worker runs plain CommonJS.
      worker = new Worker(WORKER, { eval: true, execArgv: [], workerData: { buffer: bytes.buffer, offset: bytes.byteOffset, length: bytes.length } });
    } catch {
      return here();
    }
    worker.once('message', (crc: number) => {
      settle(crc);
      void worker.terminate();
    });
    // A worker that cannot run (no threads left) or stopped without a sum: summed here instead.
    worker.once('error', here);
    worker.once('exit', here);
  });
}
