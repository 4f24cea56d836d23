// Worker thread entry: prepares reports posted by PreparePool, one message each way.
import { parentPort } from 'node:worker_threads';
import type { RawReport } from '../../model/index.ts';
import { prepareReport } from './prepare.ts';

parentPort!.on('message', (msg: { seq: number; raw: RawReport }) => {
  parentPort!.postMessage({ seq: msg.seq, result: prepareReport(msg.raw) });
});
