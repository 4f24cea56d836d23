import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../config/index.ts';
import { SqliteStore } from '../../store/sqlite/sqlite-store.ts';
import type { ClusterAssignment } from '../../store/store.ts';
import { withTempDir } from '../../../test/temp-dir.ts';
import { fixtureDoc, REPORTS } from '../4-cluster/fixtures.test-data.ts';
import type { OnlineStoryAssigner } from '../4-cluster/story-assigner.ts';
import { completeBatch } from '../derive/batch.ts';
import { ingestPaths } from '../run.ts';
import { encodeIndex } from './index-codec.ts';
import { restoreGrouping } from './restore-grouping.ts';

const ingest = (store: SqliteStore, paths: string[]) => ingestPaths(store, paths.map((p) => join('examples', p)), { config: defaultConfig, workers: 0 });

/** The index in a form that compares field by field (stories by id: their order in the map means nothing). */
function canonical(a: OnlineStoryAssigner) {
  const { stories, ...rest } = encodeIndex(a.restoredState()!);
  const byId = new Map(a.restoredState()!.stories);
  const ordered = [...byId.keys()].sort().map((id) => {
    const s = byId.get(id)!;
    return { id, members: [...s.members], sums: s.sums?.state() ?? null, persons: s.persons && [...s.persons], kinds: s.kinds };
  });
  // Entries name their story by its place in the map: compared by id instead.
  const { stories: _byPlace, storyIds: _named, ...entries } = rest.entries;
  const storyOf = a.restoredState()!.entries.map((e) => e.storyId);
  return { ...rest, entries, storyOf, stories: ordered, storyCount: byId.size, encodedCount: stories.members.counts.length };
}

/** What the assigner does with the same following reports: their stories, copies and repair moves. */
function follow(a: OnlineStoryAssigner) {
  const out = REPORTS.map((r) => {
    const { storyId, copyOf, moves } = a.assign(fixtureDoc(r));
    return { storyId, copyOf, moves };
  });
  return { out, repair: a.repair() };
}

const restore = (store: SqliteStore, snapshotFile: string | null, warnings: string[] = []) => restoreGrouping(store, { snapshotFile, warn: (m) => warnings.push(m), minArticles: 0 });

describe('grouping snapshot', () => {
  it('loads the grouping a full restore makes, and catches up with what others wrote since', async () => {
    await withTempDir('snapshot', async (dir) => {
      const store = new SqliteStore(join(dir, 's.db'));
      const file = join(dir, 's.db.grouping');
      await ingest(store, ['text', 'markdown']);
      const first = await restore(store, file);
      assert.equal(first.source, 'store');
      await first.saved;

      const warnings: string[] = [];
      const loaded = await restore(store, file, warnings);
      assert.equal(loaded.source, 'snapshot');
      assert.deepEqual(warnings, []);
      const full = await restore(store, null);
      assert.deepStrictEqual(canonical(loaded.assigner), canonical(full.assigner));
      assert.deepStrictEqual(follow(loaded.assigner), follow(full.assigner));

      // Another process adds reports (its repair moves stored ones) and moves one more itself.
      const other = new SqliteStore(join(dir, 's.db'));
      await ingest(other, ['html', 'json']);
      // An article the snapshot holds, from a story that keeps two or more (its centroid changes)
      // to another story.
      const snapshotted = new Set(loaded.assigner.assignments().keys());
      const rows: ClusterAssignment[] = [];
      for await (const row of other.clusterAssignments(Number.MAX_SAFE_INTEGER)) rows.push(row);
      const size = (story: string) => rows.filter((r) => r.storyId === story).length;
      const moving = rows.find((r) => snapshotted.has(r.articleId) && size(r.storyId) >= 3)!;
      assert.ok(moving, 'a story of three articles');
      const b = (await other.listStories()).find((s) => s.id !== moving.storyId)!;
      const moved = moving.articleId;
      await other.write(completeBatch({ articles: [], stories: [{ id: b.id, title: b.title, createdAt: b.createdAt, updatedAt: new Date().toISOString() }], moves: [{ articleId: moved, storyId: b.id }] }));
      await other.close();

      const caught = await restore(store, file, warnings);
      assert.equal(caught.source, 'caught-up');
      assert.ok(caught.replayed > 0 && caught.reassigned > 0, `replayed ${caught.replayed}, reassigned ${caught.reassigned}`);
      assert.deepEqual(warnings, []);
      const fullNow = await restore(store, null);
      assert.deepStrictEqual(canonical(caught.assigner), canonical(fullNow.assigner));
      assert.deepStrictEqual(follow(caught.assigner), follow(fullNow.assigner));
      await store.close();
    });
  });

  it('ignores a damaged, foreign or stale-in-place snapshot with a warning and restores from the store', async () => {
    await withTempDir('snapshot-bad', async (dir) => {
      const store = new SqliteStore(join(dir, 'a.db'));
      const file = join(dir, 'a.db.grouping');
      await ingest(store, ['text']);
      await (await restore(store, file)).saved;
      const good = readFileSync(file);

      const damaged = Buffer.from(good);
      damaged[damaged.length - 100] ^= 0xff;
      writeFileSync(file, damaged);
      let warnings: string[] = [];
      assert.equal((await restore(store, file, warnings)).source, 'store');
      assert.match(warnings.join('\n'), /checksum/);

      writeFileSync(file, 'not a snapshot at all');
      warnings = [];
      assert.equal((await restore(store, file, warnings)).source, 'store');
      assert.match(warnings.join('\n'), /not a Parallax snapshot/);

      // Another store's snapshot (same revision, other articles) is caught by the row check.
      const foreign = new SqliteStore(join(dir, 'b.db'));
      await ingest(foreign, ['markdown']);
      writeFileSync(join(dir, 'b.db.grouping'), good);
      warnings = [];
      const r = await restore(foreign, join(dir, 'b.db.grouping'), warnings);
      assert.equal(r.source, 'store');
      assert.match(warnings.join('\n'), /not current|ahead of|another store/);
      assert.deepStrictEqual(canonical(r.assigner), canonical((await restore(foreign, null)).assigner));

      // A new version of a stored article changes its features in place: the snapshot cannot be caught up.
      writeFileSync(file, good);
      const stored = (await store.listStories())[0];
      const article = (await store.storyArticles(stored.id))[0];
      await store.write(completeBatch({ articles: [{ article: { ...article.article, text: `${article.article.text} Updated.`, contentHash: 'changed' }, mentions: article.mentions, storyId: article.storyId, copyOf: article.copyOf, features: await collectFeatures(store, article.article.id) }], stories: [] }));
      warnings = [];
      assert.equal((await restore(store, file, warnings)).source, 'store');
      assert.match(warnings.join('\n'), /new version/);
      await foreign.close();
      await store.close();
    });
  });
});

async function collectFeatures(store: SqliteStore, id: string): Promise<unknown> {
  for await (const row of store.clusterStateAfter(0)) if (row.articleId === id) return row.features;
  return null;
}
