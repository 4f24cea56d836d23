// One write batch as one transaction of set-based statements (one per table, never one per
// article): the revision row is locked first (the write lock: writers run one at a time, so a new
// version always follows the one committed before it), then stories, articles (the replaced
// version copied to article_versions), moves, the articles' derived rows, the touched stories' list
// rows, and the alert events and outbox rows the runner found in the batch (alerts.ts).
import type { StoryRecord } from '../../model/index.ts';
import { StoreError, type ArticleIndexRow, type ArticleWrite, type WriteBatch } from '../store.ts';
import { writeAlerts } from './alerts.ts';
import type { Client } from './connection.ts';
import { refreshStories, replaceDerivedRows, VARIANTS_VECTOR } from './story-rows.ts';

/** PostgreSQL text cannot hold U+0000; JSON columns keep it escaped, plain columns drop it. */
const noNul = (s: string): string => (s.includes('\u0000') ? s.replaceAll('\u0000', '') : s);
const noNulOrNull = (s: string | null): string | null => (s === null ? null : noNul(s));

/** Groups of writes whose article ids are unique: a second version of one article in the same batch goes in the next group. */
export function rounds(articles: ArticleWrite[]): ArticleWrite[][] {
  const out: ArticleWrite[][] = [];
  const seen = new Map<string, number>();
  for (const w of articles) {
    const n = seen.get(w.article.id) ?? 0;
    seen.set(w.article.id, n + 1);
    (out[n] ??= []).push(w);
  }
  return out;
}

/** The last record of each id, in first-seen order (one statement cannot upsert a row twice). */
function lastById<T>(rows: T[], id: (r: T) => string): T[] {
  const m = new Map<string, T>();
  for (const r of rows) {
    const k = id(r);
    m.delete(k);
    m.set(k, r);
  }
  return [...m.values()];
}

/** Text indexed per article: a tsvector holds at most 1 MB of words and positions. */
const SEARCH_CHARS = 1_000_000;

const column = <T, V>(rows: T[], f: (r: T) => V): V[] => rows.map(f);

/**
 * The derived rows must be those of the batch's articles: one index row per article written, and
 * place and entity rows of written articles only. Checked, not repaired: the store decides nothing.
 */
export function checkDerivedRows(batch: WriteBatch): void {
  const written = new Set(batch.articles.map((w) => w.article.id));
  const indexed = new Set(batch.articleIndex.map((r) => r.articleId));
  const problems = [
    ...[...written].filter((id) => !indexed.has(id)).map((id) => `no index row for article ${id}`),
    ...[...indexed]
      .filter((id) => !written.has(id))
      .map((id) => `an index row for article ${id}, not in the batch`),
    ...[...batch.articlePlaces, ...batch.articleEntityForms]
      .filter((r) => !written.has(r.articleId))
      .map((r) => `a place or entity row for article ${r.articleId}, not in the batch`),
  ];
  if (problems.length)
    throw new StoreError(
      `store: write failed, nothing written: derived rows do not match the articles: ${[...new Set(problems)].slice(0, 3).join('; ')}`,
    );
}

export async function writeBatch(c: Client, batch: WriteBatch, now: string): Promise<number> {
  const { rows } = await c.query<{ revision: string }>(
    'UPDATE store_revision SET revision = revision + 1 RETURNING revision',
  );
  const moves = lastById(batch.moves ?? [], (m) => m.articleId);
  // Stories the batch touches: its own, and those its articles leave or join.
  const touched = new Set([
    ...batch.stories.map((s) => s.id),
    ...batch.articles.map((w) => w.storyId),
    ...moves.map((m) => m.storyId),
  ]);
  const left = await c.query<{ story_id: string }>(
    'SELECT DISTINCT story_id FROM articles WHERE id = ANY($1::text[])',
    [[...batch.articles.map((w) => w.article.id), ...moves.map((m) => m.articleId)]],
  );
  for (const r of left.rows) touched.add(r.story_id);
  await upsertStories(
    c,
    lastById(batch.stories, (s) => s.id),
  );
  const variants = new Map(batch.articleIndex.map((r) => [r.articleId, r]));
  for (const round of rounds(batch.articles)) await upsertArticles(c, round, variants, now);
  if (moves.length)
    await c.query(
      `UPDATE articles a SET story_id = m.story_id
         FROM unnest($1::text[], $2::text[]) AS m(article_id, story_id) WHERE a.id = m.article_id`,
      [column(moves, (m) => m.articleId), column(moves, (m) => m.storyId)],
    );
  await replaceDerivedRows(c, batch, { variants: false }); // written with the articles above
  await refreshStories(c, [...touched]);
  // The outbox commits with the batch that caused it: a crash after this never loses an alert.
  await writeAlerts(c, batch.alertEvents ?? [], batch.alertDeliveries ?? [], now);
  return Number(rows[0].revision);
}

async function upsertStories(c: Client, stories: StoryRecord[]): Promise<void> {
  if (!stories.length) return;
  await c.query(
    `INSERT INTO stories (id, title, created_at, updated_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, updated_at = excluded.updated_at`,
    [
      column(stories, (s) => noNul(s.id)),
      column(stories, (s) => noNul(s.title)),
      column(stories, (s) => s.createdAt),
      column(stories, (s) => s.updatedAt),
    ],
  );
}

async function upsertArticles(
  c: Client,
  writes: ArticleWrite[],
  variants: Map<string, ArticleIndexRow>,
  now: string,
): Promise<void> {
  const ids = column(writes, (w) => noNul(w.article.id));
  // The current version of each replaced article goes to history first.
  await c.query(
    `INSERT INTO article_versions (article_id, version, content_hash, article_json, mentions_json, stored_at)
       SELECT id, version, content_hash, article_json, mentions_json, ingested_at FROM articles WHERE id = ANY($1::text[])
     ON CONFLICT DO NOTHING`,
    [ids],
  );
  // WITH ORDINALITY … ORDER BY: sequence numbers follow the batch's order (the ingest order).
  await c.query(
    `INSERT INTO articles (id, story_id, copy_of, version, content_hash, source, title, url, path, language, published,
                           article_json, mentions_json, features_json, ingested_at, search, variants)
       SELECT t.id, t.story_id, t.copy_of, 1, t.content_hash, t.source, t.title, t.url, t.path, t.language, t.published,
              t.article_json, t.mentions_json, t.features_json, $15,
              setweight(to_tsvector('parallax_search', t.title), 'A')
                || setweight(to_tsvector('parallax_search', t.source), 'B')
                || to_tsvector('parallax_search', left(t.body, ${SEARCH_CHARS})),
              ${VARIANTS_VECTOR}
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $16::text[], $17::text[])
              WITH ORDINALITY AS t(id, story_id, copy_of, content_hash, source, title, url, path, language, published,
                                   article_json, mentions_json, features_json, body, title_variants, text_variants, ord)
        ORDER BY t.ord
     ON CONFLICT (id) DO UPDATE SET story_id = excluded.story_id, copy_of = excluded.copy_of,
       version = articles.version + 1, content_hash = excluded.content_hash, source = excluded.source,
       title = excluded.title, url = excluded.url, path = excluded.path, language = excluded.language,
       published = excluded.published, article_json = excluded.article_json, mentions_json = excluded.mentions_json,
       features_json = excluded.features_json, ingested_at = excluded.ingested_at, search = excluded.search,
       variants = excluded.variants`,
    [
      ids,
      column(writes, (w) => noNul(w.storyId)),
      column(writes, (w) => noNulOrNull(w.copyOf)),
      column(writes, (w) => noNul(w.article.contentHash)),
      column(writes, (w) => noNul(w.article.source)),
      column(writes, (w) => noNul(w.article.title)),
      column(writes, (w) => noNulOrNull(w.article.url)),
      column(writes, (w) => noNulOrNull(w.article.path)),
      column(writes, (w) => noNul(w.article.language)),
      column(writes, (w) => noNulOrNull(w.article.published?.date ?? null)),
      column(writes, (w) => JSON.stringify(w.article)),
      column(writes, (w) => JSON.stringify(w.mentions)),
      column(writes, (w) => JSON.stringify(w.features ?? null)),
      column(writes, (w) => noNul(w.article.text)),
      now,
      column(writes, (w) => noNul(variants.get(w.article.id)?.titleVariants ?? '')),
      column(writes, (w) => noNul(variants.get(w.article.id)?.textVariants ?? '')),
    ],
  );
}
