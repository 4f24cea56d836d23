// What "nothing lost, nothing doubled, grouping consistent" means for a store file, checked
// straight in SQLite: every article once, in a story that exists, the story list's counts equal
// to the articles, and the file intact.
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';

export function assertConsistent(file: string, expectedIds: Iterable<string>): void {
  const db = new Database(file, { readonly: true });
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    const ids = db.prepare('SELECT id FROM articles').pluck().all() as string[];
    assert.equal(new Set(ids).size, ids.length, 'no article twice');
    const want = new Set(expectedIds);
    const missing = [...want].filter((id) => !ids.includes(id));
    assert.deepEqual(missing.slice(0, 5), [], `${missing.length} acknowledged articles missing`);
    const orphans = db.prepare('SELECT COUNT(*) FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE s.id IS NULL').pluck().get();
    assert.equal(orphans, 0, 'every article in a stored story');
    const wrongCounts = db
      .prepare(
        `SELECT COUNT(*) FROM (SELECT story_id, COUNT(*) AS n FROM articles GROUP BY story_id) a
           LEFT JOIN story_stats s ON s.story_id = a.story_id WHERE s.article_count IS NOT a.n`,
      )
      .pluck()
      .get();
    assert.equal(wrongCounts, 0, "the story list's counts equal the articles");
    const searchRows = db.prepare('SELECT COUNT(*) FROM article_search').pluck().get();
    assert.equal(searchRows, ids.length, 'one search row per article');
  } finally {
    db.close();
  }
}
