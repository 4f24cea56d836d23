// The story list's rows of the stories a write touched, recomputed with plain SQL aggregates from
// the articles and their derived rows (written as the runner gave them): article and source
// counts, first and last publication, and per place key and entity spelling the number of
// articles naming it, with the name of the story's earliest stored article that does. One
// statement per table for all touched stories (their ids as a JSON array).
import type { Statements } from './story-index.ts';

const TOUCHED = 'SELECT value FROM json_each(?)';

/** Rewrites the list rows of these stories (stories left without articles drop out of the list). */
export function refreshStories(stmt: Statements, ids: Iterable<string>): void {
  const touched = JSON.stringify([...ids]);
  if (touched === '[]') return;
  for (const t of ['story_stats', 'story_sources', 'story_places', 'story_entity_forms'])
    stmt(`DELETE FROM ${t} WHERE story_id IN (${TOUCHED})`).run(touched);
  // Every touched story's conflict count is unknown again (the read side recounts it); a story
  // without articles (or without a record) gets no row and is not listed.
  stmt(
    `INSERT INTO story_stats (story_id, article_count, source_count, first_pub, last_pub, updated_at, conflicts)
     SELECT s.id, COUNT(*), COUNT(DISTINCT a.source_key), MIN(a.published), MAX(a.published), s.updated_at, NULL
       FROM stories s JOIN articles a ON a.story_id = s.id WHERE s.id IN (${TOUCHED}) GROUP BY s.id`,
  ).run(touched);
  // SQLite takes bare columns beside MIN() from the row holding the minimum: the earliest article's.
  stmt(
    `INSERT INTO story_sources (story_id, source_key, source)
     SELECT story_id, source_key, source FROM (
       SELECT a.story_id, a.source_key, a.source, MIN(a.seq) FROM articles a
        WHERE a.story_id IN (${TOUCHED}) AND a.source_key IS NOT NULL GROUP BY a.story_id, a.source_key)`,
  ).run(touched);
  stmt(
    `INSERT INTO story_places (story_id, place_key, name, country, lat, lon, article_count)
     SELECT story_id, place_key, name, country, lat, lon, n FROM (
       SELECT a.story_id, p.place_key, p.name, p.country, p.lat, p.lon, COUNT(*) AS n, MIN(a.seq)
         FROM articles a JOIN article_places p ON p.article_id = a.id
        WHERE a.story_id IN (${TOUCHED}) GROUP BY a.story_id, p.place_key)`,
  ).run(touched);
  stmt(
    `INSERT INTO story_entity_forms (story_id, entity_key, name, type, form, article_count)
     SELECT story_id, entity_key, name, type, form, n FROM (
       SELECT a.story_id, f.entity_key, f.name, f.type, f.form, COUNT(*) AS n, MIN(a.seq)
         FROM articles a JOIN article_entity_forms f ON f.article_id = a.id
        WHERE a.story_id IN (${TOUCHED}) GROUP BY a.story_id, f.entity_key, f.form)`,
  ).run(touched);
}
