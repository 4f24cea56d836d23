// Search thread: full-text queries on a read-only connection of their own, so a costly query
// (every article matching, ranked) never holds the server's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { StorySearch } from './search.ts';

export type SearchRequest = { seq: number; q: string; limit?: number; offset?: number } | { close: true };
export type SearchReply = { seq: number; result?: ReturnType<StorySearch['searchArticles']>; error?: string };

const db = new Database((workerData as { file: string }).file, { readonly: true, timeout: 1_000 });
const search = new StorySearch(db);

parentPort!.on('message', (msg: SearchRequest) => {
  if ('close' in msg) {
    db.close();
    parentPort!.close();
    return;
  }
  const reply: SearchReply = { seq: msg.seq };
  try {
    reply.result = search.searchArticles(msg.q, msg.limit, msg.offset);
  } catch (err) {
    reply.error = (err as Error).message;
  }
  parentPort!.postMessage(reply);
});
