// The story list's rows of the stories a write touched, kept with plain SQL from the articles and
// their derived rows (written as the runner gave them): article and source counts, first and last
// publication, and per place key and entity spelling the number of articles naming it, with the
// name of the story's earliest stored article that does. A story that only gained articles new to
// the store has their rows added to its own (cost: the new articles); any other change (a version,
// a move, a new story, a repair) recomputes the story from all its articles. Both give the same
// rows (story-list.test.ts). One statement per table for all stories (their ids as a JSON array).
import type { Statements } from './story-index.ts';

const IN_JSON = 'SELECT value FROM json_each(?)';

/** What a write did to the stories it touched. */
export interface StoryChanges {
  /** Every story touched (its record written, or an article written into or moved out of it). */
  touched: Iterable<string>;
  /** Stories changed otherwise than by gaining new articles: an earlier version, a move, a repair. */
  changed: Iterable<string>;
  /** Articles the store had no version of before this write. */
  added: Iterable<string>;
}

/** Brings the list rows of the touched stories up to date (stories left without articles drop out). */
export function refreshStories(stmt: Statements, changes: StoryChanges): void {
  const touched = new Set(changes.touched);
  if (touched.size === 0) return;
  const changed = new Set(changes.changed);
  // A story gains incrementally only when it already has its rows (so not a new story).
  const candidates = [...touched].filter((id) => !changed.has(id));
  const grown = new Set(
    candidates.length === 0
      ? []
      : (stmt(`SELECT story_id FROM story_stats WHERE story_id IN (${IN_JSON})`).pluck().all(JSON.stringify(candidates)) as string[]),
  );
  rebuildStories(stmt, [...touched].filter((id) => !grown.has(id)));
  addArticles(stmt, grown, [...changes.added]);
}

/** Rewrites the list rows of these stories from all their articles. */
export function rebuildStories(stmt: Statements, ids: Iterable<string>): void {
  const touched = JSON.stringify([...ids]);
  if (touched === '[]') return;
  for (const t of ['story_stats', 'story_sources', 'story_places', 'story_entity_forms'])
    stmt(`DELETE FROM ${t} WHERE story_id IN (${IN_JSON})`).run(touched);
  // Every touched story's conflict count is unknown again (the read side recounts it); a story
  // without articles (or without a record) gets no row and is not listed.
  stmt(
    `INSERT INTO story_stats (story_id, article_count, source_count, first_pub, last_pub, updated_at, conflicts)
     SELECT s.id, COUNT(*), COUNT(DISTINCT a.source_key), MIN(a.published), MAX(a.published), s.updated_at, NULL
       FROM stories s JOIN articles a ON a.story_id = s.id WHERE s.id IN (${IN_JSON}) GROUP BY s.id`,
  ).run(touched);
  // SQLite takes bare columns beside MIN() from the row holding the minimum: the earliest article's.
  stmt(
    `INSERT INTO story_sources (story_id, source_key, source)
     SELECT story_id, source_key, source FROM (
       SELECT a.story_id, a.source_key, a.source, MIN(a.seq) FROM articles a
        WHERE a.story_id IN (${IN_JSON}) AND a.source_key IS NOT NULL GROUP BY a.story_id, a.source_key)`,
  ).run(touched);
  stmt(
    `INSERT INTO story_places (story_id, place_key, name, country, lat, lon, article_count)
     SELECT story_id, place_key, name, country, lat, lon, n FROM (
       SELECT a.story_id, p.place_key, p.name, p.country, p.lat, p.lon, COUNT(*) AS n, MIN(a.seq)
         FROM articles a JOIN article_places p ON p.article_id = a.id
        WHERE a.story_id IN (${IN_JSON}) GROUP BY a.story_id, p.place_key)`,
  ).run(touched);
  stmt(
    `INSERT INTO story_entity_forms (story_id, entity_key, name, type, form, article_count)
     SELECT story_id, entity_key, name, type, form, n FROM (
       SELECT a.story_id, f.entity_key, f.name, f.type, f.form, COUNT(*) AS n, MIN(a.seq)
         FROM articles a JOIN article_entity_forms f ON f.article_id = a.id
        WHERE a.story_id IN (${IN_JSON}) GROUP BY a.story_id, f.entity_key, f.form)`,
  ).run(touched);
}

/**
 * Adds the rows of new articles to these stories' rows. Exact because new articles come after
 * every stored one in store order (seq): a key the story had keeps its earliest article's name,
 * a new key takes its earliest new article's, as a recompute would.
 */
function addArticles(stmt: Statements, storyIds: Set<string>, added: string[]): void {
  if (storyIds.size === 0) return;
  const stories = JSON.stringify([...storyIds]);
  // The new articles now in these stories.
  const NEW = `WITH new AS (SELECT * FROM articles WHERE id IN (SELECT value FROM json_each(@added))
                              AND story_id IN (SELECT value FROM json_each(@stories)))`;
  const args = { added: JSON.stringify(added), stories };
  if (added.length > 0) {
    stmt(
      `${NEW} INSERT INTO story_sources (story_id, source_key, source)
       SELECT story_id, source_key, source FROM (
         SELECT story_id, source_key, source, MIN(seq) FROM new WHERE source_key IS NOT NULL GROUP BY story_id, source_key) n
        WHERE NOT EXISTS (SELECT 1 FROM story_sources s WHERE s.source_key = n.source_key AND s.story_id = n.story_id)`,
    ).run(args);
    // Counts of keys the story had first, then the keys it did not have (so none is counted twice).
    stmt(
      `${NEW} UPDATE story_places SET article_count = article_count + n.n
       FROM (SELECT a.story_id, p.place_key, COUNT(*) AS n FROM new a JOIN article_places p ON p.article_id = a.id
              GROUP BY a.story_id, p.place_key) n
       WHERE story_places.place_key = n.place_key AND story_places.story_id = n.story_id`,
    ).run(args);
    stmt(
      `${NEW} INSERT INTO story_places (story_id, place_key, name, country, lat, lon, article_count)
       SELECT story_id, place_key, name, country, lat, lon, n FROM (
         SELECT a.story_id, p.place_key, p.name, p.country, p.lat, p.lon, COUNT(*) AS n, MIN(a.seq)
           FROM new a JOIN article_places p ON p.article_id = a.id GROUP BY a.story_id, p.place_key) n
        WHERE NOT EXISTS (SELECT 1 FROM story_places s WHERE s.place_key = n.place_key AND s.story_id = n.story_id)`,
    ).run(args);
    stmt(
      `${NEW} UPDATE story_entity_forms SET article_count = article_count + n.n
       FROM (SELECT a.story_id, f.entity_key, f.form, COUNT(*) AS n FROM new a JOIN article_entity_forms f ON f.article_id = a.id
              GROUP BY a.story_id, f.entity_key, f.form) n
       WHERE story_entity_forms.entity_key = n.entity_key AND story_entity_forms.story_id = n.story_id
         AND story_entity_forms.form = n.form`,
    ).run(args);
    stmt(
      `${NEW} INSERT INTO story_entity_forms (story_id, entity_key, name, type, form, article_count)
       SELECT story_id, entity_key, name, type, form, n FROM (
         SELECT a.story_id, f.entity_key, f.name, f.type, f.form, COUNT(*) AS n, MIN(a.seq)
           FROM new a JOIN article_entity_forms f ON f.article_id = a.id GROUP BY a.story_id, f.entity_key, f.form) n
        WHERE NOT EXISTS (SELECT 1 FROM story_entity_forms s
                           WHERE s.entity_key = n.entity_key AND s.story_id = n.story_id AND s.form = n.form)`,
    ).run(args);
    // Scalar min()/max() are NULL if either side is: an unknown date on one side keeps the other.
    stmt(
      `${NEW} UPDATE story_stats SET article_count = article_count + n.n,
         first_pub = coalesce(min(first_pub, n.first), first_pub, n.first),
         last_pub = coalesce(max(last_pub, n.last), last_pub, n.last)
       FROM (SELECT story_id, COUNT(*) AS n, MIN(published) AS first, MAX(published) AS last FROM new GROUP BY story_id) n
       WHERE story_stats.story_id = n.story_id`,
    ).run(args);
  }
  // Every touched story: its record's time, its source count, its conflicts unknown again.
  stmt(
    `UPDATE story_stats SET source_count = (SELECT COUNT(*) FROM story_sources s WHERE s.story_id = story_stats.story_id),
       updated_at = (SELECT updated_at FROM stories WHERE id = story_stats.story_id), conflicts = NULL
     WHERE story_id IN (${IN_JSON})`,
  ).run(stories);
}
