// The scale-out queries on PostgreSQL (src/store/postgres/scale-out.ts) against the server named
// by PARALLAX_TEST_PG (skipped without one): two pools, as two processes, racing for due feeds.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { PgScaleOut } from '../../src/store/postgres/scale-out.ts';

const url = process.env.PARALLAX_TEST_PG;
const skip = url ? false : 'PARALLAX_TEST_PG is not set: no PostgreSQL server to test against (CI sets it)';
const schema = `w${process.pid}_${randomBytes(3).toString('hex')}`;
const pools: pg.Pool[] = [];

/** A pool on the test schema; the first one makes the schema and the store's feeds and articles tables (as the PostgreSQL store's migrations do). */
async function pool(): Promise<pg.Pool> {
  const p = new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${schema},public` });
  pools.push(p);
  if (pools.length === 1) {
    await p.query(`CREATE SCHEMA ${schema}`);
    await p.query(`
      CREATE TABLE feeds (id text COLLATE "C" PRIMARY KEY, url text NOT NULL UNIQUE, next_check_at text COLLATE "C" NOT NULL);
      CREATE TABLE articles (seq bigserial NOT NULL UNIQUE, id text COLLATE "C" PRIMARY KEY, story_id text NOT NULL, copy_of text, version integer NOT NULL, features_json text NOT NULL);
    `);
  }
  return p;
}

after(async () => {
  if (!pools.length) return;
  await pools[0].query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await Promise.all(pools.map((p) => p.end()));
});

describe('PostgreSQL scale-out queries', { skip }, () => {
  it('two claimants racing one due feed at a time get every feed once between them', async () => {
    const [a, b] = [new PgScaleOut(await pool()), new PgScaleOut(await pool())];
    await Promise.all([a.createTables(), b.createTables()]);
    const now = '2026-03-14T01:00:00.000Z';
    for (let i = 0; i < 40; i++) await pools[0].query('INSERT INTO feeds VALUES ($1, $2, $3)', [`f${i}`, `https://f${i}.example/`, '2026-03-14T00:00:00.000Z']);
    await pools[0].query("INSERT INTO feeds VALUES ('later', 'https://later.example/', '2026-03-14T02:00:00.000Z')");
    const loop = async (s: PgScaleOut, owner: string) => {
      const got: string[] = [];
      for (;;) {
        const ids = await s.claimDueFeedIds(now, owner, 600, 1);
        if (!ids.length) return got;
        got.push(...ids);
      }
    };
    const [x, y] = await Promise.all([loop(a, 'A'), loop(b, 'B')]);
    assert.equal(x.length + y.length, 40);
    assert.equal(new Set([...x, ...y]).size, 40, 'no feed claimed twice');
    assert.ok(![...x, ...y].includes('later'), 'a feed not due is not claimed');
    // A live lease holds; an ended one, or a released one, frees the feed.
    assert.deepEqual(await a.claimDueFeedIds('2026-03-14T01:09:59.000Z', 'C', 600, 100), []);
    await a.releaseFeedClaims('A', x.slice(0, 1));
    await a.releaseFeedClaims('C', y.slice(0, 1));
    assert.deepEqual(await a.claimDueFeedIds('2026-03-14T01:09:59.000Z', 'C', 600, 100), x.slice(0, 1));
    assert.equal((await b.claimDueFeedIds('2026-03-14T01:10:00.000Z', 'D', 600, 100)).length, 39);
  });

  it('spaces reservations to one host, whoever asks', async () => {
    const [a, b] = [new PgScaleOut(await pool()), new PgScaleOut(await pool())];
    await a.createTables();
    const t = 1_800_000_000_000;
    const slots = await Promise.all([a, b, a, b].map((s) => s.reserveHostSlot('news.example', t, 1000)));
    assert.deepEqual(slots.sort((m, n) => m - n), [t, t + 1000, t + 2000, t + 3000]);
    assert.equal(await a.reserveHostSlot('other.example', t, 1000), t);
  });

  it('lists articles in store order with versions, a store id and the extent', async () => {
    const s = new PgScaleOut(await pool());
    await s.createTables();
    for (const id of ['a', 'b', 'c']) await pools[0].query("INSERT INTO articles (id, story_id, version, features_json) VALUES ($1, 's1', 1, $2)", [id, JSON.stringify({ n: id })]);
    await pools[0].query("UPDATE articles SET version = 2, story_id = 's2' WHERE id = 'b'");
    const rows = [];
    for await (const r of s.clusterAssignments(Number.MAX_SAFE_INTEGER)) rows.push(r);
    assert.deepEqual(rows.map((r) => [r.articleId, r.storyId, r.version]), [['a', 's1', 1], ['b', 's2', 2], ['c', 's1', 1]]);
    const afterA = [];
    for await (const r of s.clusterStateAfter(rows[0].seq)) afterA.push([r.articleId, r.features]);
    assert.deepEqual(afterA, [['b', { n: 'b' }], ['c', { n: 'c' }]]);
    assert.deepEqual(await s.clusterExtent(), { articles: 3, maxSeq: rows[2].seq });
    assert.match(await s.storeId(), /^[0-9a-f]{32}$/);
    assert.equal(await s.storeId(), await new PgScaleOut(await pool()).storeId());
  });
});
