// The search thread's time budget decides by the clock, not by which event the main thread
// happens to handle first: a reply that comes in after the budget is over budget even when the
// main thread, held up (a loaded machine), sees it before its own timer.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MessageChannel } from 'node:worker_threads';
import { withTempDir } from '../../../test/temp-dir.ts';
import { noMentions } from '../../model/index.ts';
import { completeBatch } from '../../pipeline/derive/batch.ts';
import { sampleArticle } from '../store.contract.ts';
import { QueryOverBudget } from '../store.ts';
import { Searcher } from './searcher.ts';
import { SqliteStore } from './sqlite-store.ts';

/** Keeps the main thread busy, as a descheduled process is, while the search thread runs. */
const holdMainThread = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('search thread budget', () => {
  it('a reply that comes after the budget is refused, however late the main thread looks', async () =>
    withTempDir('searcher', async (dir) => {
      const file = join(dir, 's.db');
      const store = new SqliteStore(file);
      await store.write(completeBatch({
        stories: [{ id: 'st-1', title: 'Harbour fire', createdAt: '2026-03-14T00:00:00Z', updatedAt: '2026-03-14T00:00:00Z' }],
        articles: [{ article: sampleArticle('a-1', { title: 'Fire at the harbour', text: 'A fire broke out at the harbour on Friday.' }), mentions: noMentions(), storyId: 'st-1', copyOf: null, features: null }],
      }));
      await store.close();
      // How long a thread takes to start and answer here, so the hold below outlasts it.
      const roomy = new Searcher(file, 60_000);
      const t = performance.now();
      assert.equal((await roomy.search('harbour')).total, 1, 'within its budget a search answers');
      const startUp = performance.now() - t;
      // A message handled just before the reply, in the same turn of the event loop, holds the
      // main thread past the budget: the reply is then handled before the timer, as on a loaded machine.
      const { port1, port2 } = new MessageChannel();
      port1.on('message', (ms: number) => holdMainThread(ms));
      const searcher = new Searcher(file, 200);
      const asked = searcher.search('harbour');
      port2.postMessage(1_000 + 3 * startUp); // the thread starts and answers meanwhile
      await assert.rejects(asked, QueryOverBudget);
      port1.close();
      await Promise.all([searcher.close(), roomy.close()]);
    }));
});
