// The read-side rows: each written article's derived rows (as the runner gave them) replace its
// earlier ones, and the story list rows of every touched story are recomputed from them by plain
// SQL aggregates, one statement per table. A story's place, entity or source spelling is that of
// its earliest stored article using the key; emptied stories get no rows (they are not listed).
import type { DerivedRows } from '../store.ts';
import type { Client } from './connection.ts';

/** The last row of each key (one statement cannot insert a key twice). */
function lastByKey<T>(rows: T[], key: (r: T) => string): T[] {
  const m = new Map<string, T>();
  for (const r of rows) m.set(key(r), r);
  return [...m.values()];
}

/** The search vector of the runner's folded variants (t.title_variants, t.text_variants), weighted as title and text. */
export const VARIANTS_VECTOR = `setweight(to_tsvector('parallax_search', t.title_variants), 'A') || to_tsvector('parallax_search', t.text_variants)`;

const noNul = (s: string): string => s.replaceAll('\u0000', '');

/** `variants`: also set the articles' search variants (rows for stored articles; a batch writes them with its articles). */
export async function replaceDerivedRows(
  c: Client,
  rows: DerivedRows,
  opts: { variants: boolean },
): Promise<void> {
  const index = lastByKey(rows.articleIndex, (r) => r.articleId);
  const ids = index.map((r) => r.articleId);
  if (!ids.length) return;
  // Most articles have no variants: their rows are not rewritten.
  if (opts.variants)
    await c.query(
      `UPDATE articles a SET variants = ${VARIANTS_VECTOR}
         FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, title_variants, text_variants)
        WHERE a.id = t.id AND (t.title_variants <> '' OR t.text_variants <> '' OR a.variants <> ''::tsvector)`,
      [ids, index.map((r) => noNul(r.titleVariants)), index.map((r) => noNul(r.textVariants))],
    );
  for (const table of ['article_index', 'article_places', 'article_entity_forms'])
    await c.query(`DELETE FROM ${table} WHERE article_id = ANY($1::text[])`, [ids]);
  // Rows of articles not stored are ignored (writeDerived's contract): joined to articles.
  await c.query(
    `INSERT INTO article_index (article_id, source_key)
       SELECT t.a, t.k FROM unnest($1::text[], $2::text[]) AS t(a, k) JOIN articles ON articles.id = t.a`,
    [ids, index.map((r) => r.sourceKey)],
  );
  const places = lastByKey(rows.articlePlaces, (p) => `${p.articleId}\u0000${p.key}`);
  if (places.length)
    await c.query(
      `INSERT INTO article_places (article_id, place_key, name, country, lat, lon)
         SELECT t.* FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[])
           AS t(a, k, n, c, lat, lon) JOIN articles ON articles.id = t.a`,
      [
        places.map((p) => p.articleId),
        places.map((p) => p.key),
        places.map((p) => p.name),
        places.map((p) => p.country),
        places.map((p) => p.lat),
        places.map((p) => p.lon),
      ],
    );
  const forms = lastByKey(rows.articleEntityForms, (f) => `${f.articleId}\u0000${f.key}\u0000${f.form}`);
  if (forms.length)
    await c.query(
      `INSERT INTO article_entity_forms (article_id, entity_key, name, type, form)
         SELECT t.* FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
           AS t(a, k, n, ty, f) JOIN articles ON articles.id = t.a`,
      [
        forms.map((f) => f.articleId),
        forms.map((f) => f.key),
        forms.map((f) => f.name),
        forms.map((f) => f.type),
        forms.map((f) => f.form),
      ],
    );
}

/** Recomputes the list rows of these stories (conflict counts start over: the story changed). */
export async function refreshStories(c: Client, storyIds: string[]): Promise<void> {
  if (!storyIds.length) return;
  const ids = [storyIds];
  for (const table of ['story_stats', 'story_sources', 'story_places', 'story_entity_forms'])
    await c.query(`DELETE FROM ${table} WHERE story_id = ANY($1::text[])`, ids);
  await c.query(
    `INSERT INTO story_stats (story_id, article_count, source_count, first_pub, last_pub, updated_at, conflicts)
       SELECT a.story_id, COUNT(*), COUNT(DISTINCT i.source_key), MIN(a.published), MAX(a.published), s.updated_at, NULL
         FROM articles a JOIN stories s ON s.id = a.story_id LEFT JOIN article_index i ON i.article_id = a.id
        WHERE a.story_id = ANY($1::text[]) GROUP BY a.story_id, s.updated_at`,
    ids,
  );
  await c.query(
    `INSERT INTO story_sources (story_id, source_key, source)
       SELECT DISTINCT ON (a.story_id, i.source_key) a.story_id, i.source_key, a.source
         FROM articles a JOIN article_index i ON i.article_id = a.id
        WHERE a.story_id = ANY($1::text[]) ORDER BY a.story_id, i.source_key, a.seq`,
    ids,
  );
  await c.query(
    `INSERT INTO story_places (story_id, place_key, name, country, lat, lon, article_count)
       SELECT a.story_id, p.place_key, (array_agg(p.name ORDER BY a.seq))[1], (array_agg(p.country ORDER BY a.seq))[1],
              (array_agg(p.lat ORDER BY a.seq))[1], (array_agg(p.lon ORDER BY a.seq))[1], COUNT(*)
         FROM articles a JOIN article_places p ON p.article_id = a.id
        WHERE a.story_id = ANY($1::text[]) GROUP BY a.story_id, p.place_key`,
    ids,
  );
  await c.query(
    `INSERT INTO story_entity_forms (story_id, entity_key, name, type, form, article_count)
       SELECT story_id, entity_key, first_name, first_type, form, COUNT(*) FROM (
         SELECT a.story_id, f.entity_key, f.form,
                first_value(f.name) OVER w AS first_name, first_value(f.type) OVER w AS first_type
           FROM articles a JOIN article_entity_forms f ON f.article_id = a.id
          WHERE a.story_id = ANY($1::text[])
         WINDOW w AS (PARTITION BY a.story_id, f.entity_key ORDER BY a.seq)
       ) x GROUP BY story_id, entity_key, form, first_name, first_type`,
    ids,
  );
}
