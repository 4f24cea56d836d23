// The main thread's side of the search thread (search-thread.ts): one query at a time, each with a
// time budget; a query over budget is stopped by ending the thread (SQLite cannot be interrupted
// from here), and the next search starts a new one.
import { Worker } from 'node:worker_threads';
import { QueryOverBudget, StoreError } from '../store.ts';
import type { SearchReply, SearchRequest } from './search-thread.ts';

type Result = NonNullable<SearchReply['result']>;

export class Searcher {
  private worker: Worker | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private seq = 0;

  constructor(
    private file: string,
    private budgetMs: number,
  ) {}

  private thread(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('./search-entry.mjs', import.meta.url), { workerData: { file: this.file } });
      this.worker.unref();
    }
    return this.worker;
  }

  search(q: string, limit?: number, offset?: number): Promise<Result> {
    const run = this.queue.then(() => this.ask(q, limit, offset));
    this.queue = run.catch(() => {});
    return run;
  }

  private ask(q: string, limit?: number, offset?: number): Promise<Result> {
    const worker = this.thread();
    const seq = this.seq++;
    const overBudget = () => new QueryOverBudget(`store: search over its time budget of ${this.budgetMs} ms; use rarer or fewer words`);
    return new Promise<Result>((resolve, reject) => {
      const asked = performance.now();
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.unref();
      };
      const onMessage = (msg: SearchReply) => {
        if (msg.seq !== seq) return;
        done();
        // The clock decides, not which of a due timer and a reply a held-up main thread handles first.
        if (performance.now() - asked >= this.budgetMs) reject(overBudget());
        else if (msg.result) resolve(msg.result);
        else reject(new StoreError(`store: search failed: ${msg.error}`));
      };
      const onError = (err: Error) => {
        done();
        this.worker = null;
        reject(new StoreError(`store: search thread failed: ${err.message}`));
      };
      const timer = setTimeout(() => {
        done();
        this.worker = null;
        void worker.terminate();
        reject(overBudget());
      }, this.budgetMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.ref();
      worker.postMessage({ seq, q, limit, offset } satisfies SearchRequest);
    });
  }

  async close(): Promise<void> {
    await this.queue;
    const w = this.worker;
    this.worker = null;
    if (!w) return;
    const exited = new Promise((r) => w.once('exit', r));
    w.ref(); // an idle thread is unref'd: waiting for its exit must keep the process alive
    w.postMessage({ close: true } satisfies SearchRequest);
    await exited;
  }
}
