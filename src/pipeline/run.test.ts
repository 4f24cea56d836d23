import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig } from '../config/index.ts';
import type { RawReport } from '../model/index.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { WriteBatch } from '../store/store.ts';
import { prepareReport } from './parallel/prepare.ts';
import { Ingestor, storyReport } from './run.ts';
import { completeBatch } from './derive/batch.ts';

const report = (name: string, body: string): RawReport => ({
  format: 'text',
  path: `${name}.txt`,
  url: null,
  content: `${body.split('.')[0]}\n\n${body}`,
});

const reports = [
  report('a', 'A ferry ran aground near Porto on Tuesday. Forty passengers were taken ashore.'),
  report('b', 'Wildfire closes the coastal road north of Valencia. Crews worked through the night.'),
  report('c', 'The city council of Leeds approved the new tram line. Work starts in spring.'),
  report('d', 'Floods cut power to two villages in Tyrol. The river peaked on Sunday morning.'),
];

/** A store whose writes commit only when released, to see what the runner does meanwhile. */
function heldStore() {
  const store = new SqliteStore(':memory:');
  const held: { batch: WriteBatch; release: (fail?: Error) => void }[] = [];
  const write = store.write.bind(store);
  store.write = (batch) =>
    new Promise<void>((resolve, reject) => {
      held.push({ batch, release: (fail) => (fail ? reject(fail) : write(batch).then(resolve, reject)) });
    });
  return { store, held };
}

describe('Ingestor writes a batch while grouping the next', () => {
  it('goes on adding while a batch is written, dedups against it, and flush() returns once written', async () => {
    const { store, held } = heldStore();
    const ingestor = new Ingestor(store, { config: { ...defaultConfig, writeBatch: 2 } });
    for (const raw of reports.slice(0, 2)) await ingestor.addPrepared(raw, prepareReport(raw));
    assert.equal(held.length, 1, 'a full batch is handed to the store');
    // Its write has not committed: the next reports are still taken, a report sent again is known as one.
    assert.equal(await ingestor.addPrepared(reports[0], prepareReport(reports[0])), null);
    await ingestor.addPrepared(reports[2], prepareReport(reports[2]));
    assert.equal((await store.counts()).articles, 0);
    const flushed = ingestor.flush();
    held[0].release();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(held.length, 2, 'the next batch waits for the previous one to commit');
    held[1].release();
    await flushed;
    assert.equal((await store.counts()).articles, 3);
    const summary = await ingestor.finish();
    assert.deepEqual([summary.added, summary.unchanged], [3, 1]);
    await store.close();
  });

  it('reports a failed write at the next flush', async () => {
    const { store, held } = heldStore();
    const ingestor = new Ingestor(store, { config: { ...defaultConfig, writeBatch: 2 } });
    for (const raw of reports.slice(0, 2)) await ingestor.addPrepared(raw, prepareReport(raw));
    held[0].release(new Error('store: write failed, nothing written: disk full'));
    await assert.rejects(ingestor.flush(), /disk full/);
    await store.close();
  });
});

describe('Ingestor and exact copies', () => {
  const wire = (url: string, source: string): RawReport => {
    const r = { title: 'Ferry aground near Porto', text: 'A ferry ran aground near Porto on Tuesday. Forty passengers were taken ashore.', url, source };
    return { format: 'json', path: 'wire.jsonl', url, content: JSON.stringify(r), record: r };
  };
  it('stores the same text from another outlet as a copy of the first, and a re-ingest of the same report as nothing', async () => {
    const store = new SqliteStore(':memory:');
    const first = new Ingestor(store, { config: defaultConfig });
    const original = wire('https://harborledger.example/ferry', 'Harbor Ledger');
    const second = wire('https://valleycourier.example/ferry', 'Valley Courier');
    const third = wire('https://plainsman.example/ferry', 'The Plainsman');
    const ids = [];
    for (const raw of [original, second]) ids.push(await first.addPrepared(raw, prepareReport(raw)));
    await first.finish();
    // Another run: the third outlet's copy points at the first report, not at the second.
    const again = new Ingestor(store, { config: defaultConfig });
    ids.push(await again.addPrepared(third, prepareReport(third)));
    assert.equal(await again.addPrepared(second, prepareReport(second)), null);
    const summary = await again.finish();
    assert.deepEqual([summary.added, summary.unchanged, summary.skipped.length], [1, 1, 0]);
    const stored = await Promise.all(ids.map((id) => store.getArticle(id!)));
    assert.deepEqual(
      stored.map((a) => [a?.article.source, a?.copyOf]),
      [['Harbor Ledger', null], ['Valley Courier', ids[0]], ['The Plainsman', ids[0]]],
    );
    await store.close();
  });
});

describe('Ingestor with one id twice in a run', () => {
  it('keeps both as versions of one article and loses nothing else', async () => {
    const store = new SqliteStore(':memory:');
    const ingestor = new Ingestor(store, { config: defaultConfig });
    const record = (title: string, text: string): RawReport => {
      const r = { id: 'dup-1', title, text };
      return { format: 'json', path: 'wire.jsonl', url: null, content: JSON.stringify(r), record: r };
    };
    const first = record('Bridge closed after crash', 'The Elm Street bridge was closed on Monday after a lorry hit its railing.');
    const second = record('Bridge reopens after crash', 'The Elm Street bridge reopened on Tuesday after repairs to the railing.');
    for (const raw of [first, reports[0], second]) await ingestor.addPrepared(raw, prepareReport(raw));
    const summary = await ingestor.finish();
    assert.deepEqual([summary.added, summary.updated, summary.skipped.length], [2, 1, 0]);
    assert.equal((await store.getArticle('dup-1'))?.article.title, 'Bridge reopens after crash');
    assert.equal((await store.articleVersions('dup-1')).length, 2);
    assert.equal((await store.counts()).articles, 2);
    await store.close();
  });
});

describe('story reports', () => {
  it('carry the title the story list shows', async () => {
    const store = new SqliteStore(':memory:');
    const ingestor = new Ingestor(store, { config: defaultConfig });
    const same = (name: string, title: string) => ({ ...report(name, 'A ferry ran aground near Porto on Tuesday. Forty passengers were taken ashore by lifeboats.'), content: `${title}\n\nA ferry ran aground near Porto on Tuesday. Forty passengers were taken ashore by lifeboats after the ferry hit a sandbank in the river mouth.` });
    for (const raw of [same('x', 'Ferry aground near Porto'), same('y', 'Forty taken ashore as ferry runs aground')]) await ingestor.addPrepared(raw, prepareReport(raw));
    await ingestor.finish();
    const [listed] = await store.listStories();
    await store.write(completeBatch({ articles: [], stories: [{ ...(await store.getStory(listed.id))!, title: 'A title set by the store' }] }));
    assert.equal((await storyReport(store, listed.id))?.title, 'A title set by the store');
    await store.close();
  });
});
