// Every event kind, driven by ingesting sample reports in sequence (fixtures/README.md).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AlertKind, Evidence } from '../../src/model/index.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store, StoredAlertEvent } from '../../src/store/store.ts';
import { ingest, ScriptedAssigner, storyOf, watch } from './helpers.ts';

const events = async (store: Store, watchId?: string) => (await store.alerts.inbox({ watchId, limit: 500 })).events.reverse();
const ofKind = (list: StoredAlertEvent[], kind: AlertKind) => list.filter((e) => e.kind === kind);

/** Every evidence span points at a stored report and at text within it. */
async function assertCited(store: Store, list: StoredAlertEvent[]) {
  for (const e of list) {
    assert.ok(e.evidence.length, `${e.kind} has evidence`);
    for (const s of e.evidence as Evidence[]) {
      const a = await store.getArticle(s.article);
      assert.ok(a, `evidence of ${e.kind} names a stored report (${s.article})`);
      assert.ok(s.end > s.start && s.end <= a.article.text.length, `${e.kind}: span ${s.start}-${s.end} within the text`);
    }
  }
}

describe('alerts: events from what each batch changed', () => {
  it('follows a toll revised over three days, a new source each day, then a conflicting figure and its resolution', async () => {
    const store = new SqliteStore(':memory:');
    await ingest(store, ['day1']);
    const story = await storyOf(store, 'tulcea-hl-1');
    await store.alerts.addWatch(watch('follow', { storyId: story }));
    await ingest(store, ['day2']);
    await ingest(store, ['day3']);
    let list = await events(store, 'follow');
    assert.deepEqual(
      ofKind(list, 'figure-revised').map((e) => [e.detail.old, e.detail.new]),
      [
        [12, 14],
        [14, 17],
      ],
    );
    assert.deepEqual(ofKind(list, 'new-source').map((e) => e.detail.source), ['Northgate Post', 'Eastbridge Times']);
    // The revision is cited where the new and the old count are written.
    const [revised] = ofKind(list, 'figure-revised');
    const texts = await Promise.all(revised.evidence.map(async (s) => (await store.getArticle(s.article))!.article.text.slice(s.start, s.end)));
    assert.deepEqual(texts, ['Fourteen', 'Twelve']);
    assert.equal(ofKind(list, 'new-conflict').length, 0, 'a rising toll is a revision, not a dispute');

    await ingest(store, ['conflict']);
    list = await events(store, 'follow');
    const [conflict] = ofKind(list, 'new-conflict');
    assert.ok(conflict, 'a lower count the same day is a new conflict');
    assert.ok((conflict.detail.values as string[]).includes('Nine'));
    assert.ok(conflict.evidence.some((s) => s.article === 'tulcea-mw-4'));

    await ingest(store, ['corrected']);
    list = await events(store, 'follow');
    const [resolved] = ofKind(list, 'conflict-resolved');
    assert.ok(resolved, 'the corrected report resolves the dispute');
    assert.deepEqual(resolved.evidence.map((s) => s.article), ['tulcea-mw-4']);
    await assertCited(store, list);
    // Every event is about the followed story, each id once.
    assert.ok(list.every((e) => e.storyId === story));
    assert.equal(new Set(list.map((e) => e.id)).size, list.length);
    await store.close();
  });

  it('tells when the event day and the place are corrected', async () => {
    const store = new SqliteStore(':memory:');
    await ingest(store, ['bridge1']);
    await store.alerts.addWatch(watch('bridge', { storyId: await storyOf(store, 'bridge-hl-1') }));
    await ingest(store, ['bridge2']);
    const list = await events(store, 'bridge');
    const [date] = ofKind(list, 'date-changed');
    assert.deepEqual([date?.detail.old, date?.detail.new], ['2026-11-08', '2026-11-09']);
    const [place] = ofKind(list, 'place-changed');
    assert.match(place?.summary ?? '', /Br.ila.*was Gala.i/);
    await assertCited(store, list);
    await store.close();
  });

  it('tells a topic watch of a new story matching it, once, and not of other stories', async () => {
    const store = new SqliteStore(':memory:');
    await store.alerts.addWatch(watch('fires', { topic: { words: 'wildfire split' } }));
    await store.alerts.addWatch(watch('croatia', { topic: { place: { name: 'Split', lat: 43.51, lon: 16.44, radiusKm: 50 } } }));
    await store.alerts.addWatch(watch('two-sources', { topic: { words: 'wildfire', minSources: 2 } }));
    await store.alerts.addWatch(watch('language', { topic: { words: 'wildfire', language: 'es' } }));
    await ingest(store, ['day1', 'fire']);
    const list = await events(store);
    assert.deepEqual(list.map((e) => [e.watchId, e.kind]).sort(), [
      ['croatia', 'new-story'],
      ['fires', 'new-story'],
    ]);
    const story = await storyOf(store, 'split-fire-1');
    assert.ok(list.every((e) => e.storyId === story));
    await assertCited(store, list);
    // The same report again, and a new version of it: no second event.
    await ingest(store, ['fire']);
    assert.equal((await events(store)).length, 2);
    await store.close();
  });

  it('tells of a merge (both sides) and of a split', async () => {
    const store = new SqliteStore(':memory:');
    const opts = { newAssigner: () => new ScriptedAssigner() };
    await ingest(store, ['quake'], opts);
    await store.alerts.addWatch(watch('quake', { storyId: 'quake' }));
    await store.alerts.addWatch(watch('aftershock', { storyId: 'aftershock' }));
    await ingest(store, ['quake-merge'], opts);
    const [into] = ofKind(await events(store, 'quake'), 'merged');
    assert.deepEqual([into?.detail.from, into?.detail.into], ['aftershock', 'quake']);
    const [away] = ofKind(await events(store, 'aftershock'), 'merged');
    assert.deepEqual([away?.detail.from, away?.detail.into], ['aftershock', 'quake']);
    await ingest(store, ['quake-split'], opts);
    const [split] = ofKind(await events(store, 'quake'), 'split');
    assert.deepEqual([split?.detail.to, split?.detail.articles], ['durres-schools', ['quake--a']]);
    await assertCited(store, await events(store));
    await store.close();
  });

  it('leaves out kinds a watch does not want, and folds one story’s events of one batch into one notification', async () => {
    const store = new SqliteStore(':memory:');
    await ingest(store, ['day1']);
    const story = await storyOf(store, 'tulcea-hl-1');
    await store.alerts.addWatch(watch('all', { storyId: story, webhookUrl: 'https://hooks.example/a', webhookSecret: 's' }));
    await store.alerts.addWatch(watch('figures', { storyId: story, kinds: ['figure-revised'] }));
    await ingest(store, ['day2']);
    assert.deepEqual((await events(store, 'figures')).map((e) => e.kind), ['figure-revised']);
    const all = await events(store, 'all');
    assert.deepEqual(all.map((e) => e.kind).sort(), ['figure-revised', 'new-source']);
    assert.equal(new Set(all.map((e) => e.notificationId)).size, 1);
    const due = await store.alerts.dueDeliveries('2100-01-01T00:00:00.000Z', 10);
    assert.equal(due.length, 1, 'one webhook notification for the two events');
    assert.equal(due[0].events.length, 2);
    await store.close();
  });
});
