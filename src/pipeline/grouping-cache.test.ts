import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultConfig } from '../config/index.ts';
import type { RawReport } from '../model/index.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { GroupingCache } from './grouping-cache.ts';
import { Ingestor } from './run.ts';

const report = (name: string, title: string, body: string): RawReport => ({
  format: 'text',
  path: `${name}.txt`,
  url: null,
  content: `${title}\n\n${body}`,
});

const ferry = report('ferry-1', 'Ferry runs aground near Porto', 'The ferry Santa Luzia ran aground near Porto on Tuesday. Forty passengers were taken ashore by the coast guard.');
const ferry2 = report('ferry-2', 'Porto ferry aground, forty passengers rescued', 'Forty passengers of the ferry Santa Luzia were taken ashore after it ran aground near Porto on Tuesday, the coast guard said.');
const fire = report('fire', 'Wildfire closes coastal road near Valencia', 'A wildfire closed the coastal road north of Valencia. Crews from Sagunto worked through the night.');
const fire2 = report('fire-2', 'Valencia wildfire: coastal road still closed', 'The coastal road north of Valencia stayed closed as crews from Sagunto fought the wildfire through the night.');

/** Counts how often the store's whole grouping state is read back. */
/** Counts full restores: a store file is read in store order (for its snapshot), one in memory plainly. */
function counted(store: SqliteStore) {
  const reads = { n: 0 };
  const clusterState = store.clusterState.bind(store);
  store.clusterState = () => {
    reads.n++;
    return clusterState();
  };
  const clusterStateAfter = store.clusterStateAfter.bind(store);
  store.clusterStateAfter = (seq: number) => {
    if (seq === 0) reads.n++;
    return clusterStateAfter(seq);
  };
  return reads;
}

async function ingest(store: SqliteStore, grouping: GroupingCache | undefined, ...raws: RawReport[]) {
  const ingestor = new Ingestor(store, { config: defaultConfig, grouping });
  const ids = [];
  for (const raw of raws) ids.push(await ingestor.add(raw));
  await ingestor.finish();
  return ids;
}

const storyOf = async (store: SqliteStore, id: string | null) => (await store.getArticle(id!))?.storyId;

describe('GroupingCache: the grouping kept between ingests', () => {
  it('is reused while only this process writes, and groups as a restore would', async () => {
    const store = new SqliteStore(':memory:');
    const reads = counted(store);
    const grouping = new GroupingCache();
    const [a] = await ingest(store, grouping, ferry);
    const [b] = await ingest(store, grouping, ferry2);
    const [c] = await ingest(store, grouping, fire);
    assert.equal(reads.n, 1, 'restored once, then reused');
    assert.equal(await storyOf(store, b), await storyOf(store, a));
    assert.notEqual(await storyOf(store, c), await storyOf(store, a));
    await store.close();
  });

  it('is not reused after another connection wrote: that write is part of the next grouping', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-grouping-'));
    try {
      const file = join(dir, 'p.db');
      const server = new SqliteStore(file);
      const other = new SqliteStore(file);
      const reads = counted(server);
      const grouping = new GroupingCache();
      await ingest(server, grouping, ferry);
      // Another process (say, `parallax ingest` from cron) adds a report to the same file.
      const [theirs] = await ingest(other, undefined, fire);
      const [ours] = await ingest(server, grouping, fire2);
      assert.equal(reads.n, 2, 'restored again after the outside write');
      assert.equal(await storyOf(server, ours), await storyOf(server, theirs), 'the outside report is known');
      await other.close();
      await server.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is dropped when a write fails, so a grouping that was never stored is not reused', async () => {
    const store = new SqliteStore(':memory:');
    const reads = counted(store);
    const grouping = new GroupingCache();
    await ingest(store, grouping, ferry);
    const write = store.write.bind(store);
    store.write = () => Promise.reject(new Error('disk full'));
    await assert.rejects(ingest(store, grouping, fire), /disk full/);
    store.write = write;
    const [b] = await ingest(store, grouping, ferry2);
    assert.equal(reads.n, 2, 'restored from the store after the failed write');
    assert.equal((await store.counts()).articles, 2);
    assert.ok(await storyOf(store, b));
    await store.close();
  });

  it('hands a kept grouping to one ingest at a time', () => {
    const grouping = new GroupingCache();
    const assigner = { assign: () => assert.fail(), restore: () => {}, assignments: () => new Map() } as never;
    grouping.keep(assigner, 4);
    assert.equal(grouping.take(3), null, 'kept at another revision');
    grouping.keep(assigner, 4);
    assert.equal(grouping.take(4), assigner);
    assert.equal(grouping.take(4), null, 'taken out');
  });
});
