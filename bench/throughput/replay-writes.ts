// The writer thread's work alone: replays write batches captured by `THROUGHPUT_CAPTURE=dir npm run
// bench:throughput` (each WriteBatch as the runner gave it, v8-serialized) into a new store file,
// on this thread, in order, and reports CPU ms per article per 10k: deserialising the batch (as
// the writer thread's message port does), pack() and the transaction. No grouping runs, so the
// numbers are the writer's own and steady enough to compare variants on a shared machine. The
// posting thread's part (post() and the clone) is timed apart. Checkpoints here are SQLite's own,
// inside the commit (the writer thread's checkpoint thread is not used): REPLAY_AUTOCHECKPOINT=n
// sets the bound (0: none; the WAL's size is printed), REPLAY_CHECKPOINT_EACH=1 checkpoints after
// every batch and times it apart (wall and CPU).
//   node --import tsx bench/throughput/replay-writes.ts <capture dir> [articles]
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import Database from 'better-sqlite3';
import type { WriteBatch } from '../../src/store/store.ts';
import { BatchWriter, pack, post, tune, type PostedBatch } from '../../src/store/sqlite/batch-write.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const dir = process.argv[2];
const limit = Number(process.argv[3] ?? Infinity);
const tmp = mkdtempSync(join(tmpdir(), 'parallax-replay-'));
const file = join(tmp, 'replay.db');
await new SqliteStore(file).close(); // schema and migrations
const db = new Database(file);
tune(db);
if (process.env.REPLAY_AUTOCHECKPOINT) db.pragma(`wal_autocheckpoint = ${process.env.REPLAY_AUTOCHECKPOINT}`);
const writer = new BatchWriter(db);
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
let articles = 0;
const ck = { wall: 0, cpu: 0, frames: 0 };
let postMs = 0;
let wallMs = 0;
let mark = 0;
const sum = { read: 0, pack: 0, write: 0 };
const win = { read: 0, pack: 0, write: 0, n: 0 };
console.log('articles  deserialize  pack  transaction  (CPU ms/article over the window)');
for (const f of readdirSync(dir).sort()) {
  if (articles >= limit) break;
  const bytes = readFileSync(join(dir, f));
  const batch = deserialize(bytes) as WriteBatch;
  // The posting thread's part: post() and the clone's serialisation (postMessage).
  const p0 = cpu();
  const posted = serialize(post(batch));
  postMs += cpu() - p0;
  const c0 = cpu();
  const received = deserialize(posted) as PostedBatch;
  const c1 = cpu();
  const packed = pack(received);
  const c2 = cpu();
  const w0 = performance.now();
  writer.write(packed);
  wallMs += performance.now() - w0;
  const c3 = cpu();
  if (process.env.REPLAY_CHECKPOINT_EACH) {
    const k0 = performance.now();
    const r = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    const k1 = performance.now();
    ck.wall += k1 - k0; ck.cpu += cpu() - c3; ck.frames += r[0].checkpointed;
  }
  const n = batch.articles.length;
  articles += n;
  for (const [k, v] of [['read', c1 - c0], ['pack', c2 - c1], ['write', c3 - c2]] as const) {
    sum[k] += v;
    win[k] += v;
  }
  win.n += n;
  if (articles - mark >= 10_000) {
    console.log(`${String(articles).padStart(8)}  ${(win.read / win.n).toFixed(3).padStart(11)}  ${(win.pack / win.n).toFixed(3)}  ${(win.write / win.n).toFixed(3).padStart(11)}`);
    mark = articles;
    Object.assign(win, { read: 0, pack: 0, write: 0, n: 0 });
  }
}
if (process.env.REPLAY_AUTOCHECKPOINT === '0') console.log('wal MB', (statSync(file + '-wal').size / 1048576).toFixed(0));
db.close();
const size = readdirSync(tmp).reduce((s, f) => s + statSync(join(tmp, f)).size, 0);
if (process.env.REPLAY_CHECKPOINT_EACH) console.log(`checkpoints: wall ${(ck.wall / articles).toFixed(3)} cpu ${(ck.cpu / articles).toFixed(3)} ms/article, ${(ck.frames / articles).toFixed(1)} frames/article`);
console.log(`posting thread: post + clone ${(postMs / articles).toFixed(3)} CPU ms/article`);
console.log(`all ${articles}: deserialize ${(sum.read / articles).toFixed(3)}, pack ${(sum.pack / articles).toFixed(3)}, transaction ${(sum.write / articles).toFixed(3)} CPU ms/article (wall ${(wallMs / articles).toFixed(3)}); files ${(size / 1048576).toFixed(0)} MB`);
if (process.env.REPLAY_KEEP) console.log(`kept ${file}`);
else rmSync(tmp, { recursive: true, force: true });
