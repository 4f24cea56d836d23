// Read-side queries of the PostgreSQL store: the story list (filters on the derived keys, sorts
// bytewise as SQLite's), full-text search (tsvector through unaccent, GIN; ranked, snippets only
// for the page's rows, the whole search under a time budget), entities and facets.
import type pg from 'pg';
import { nameKey, searchWords } from '../../text/fold.ts';
import type { ArticleHit, EntityDetail, EntitySummary, Facets, StoryListItem, StoryQuery } from '../store.ts';
// Linear snippets of long texts: the same as SQLite's (only text/fold.ts inside; no SQLite).
import { longSnippet } from '../sqlite/long-snippet.ts';
import { read, transaction } from './connection.ts';

// DESC NULLS LAST: SQLite sorts NULL lowest, so last when descending; PostgreSQL would put it first.
const ORDER: Record<NonNullable<StoryQuery['sort']>, string> = {
  recent: 's.last_pub DESC NULLS LAST, s.updated_at DESC, s.story_id',
  size: 's.article_count DESC, s.last_pub DESC NULLS LAST, s.story_id',
  conflicts: 's.conflicts DESC NULLS LAST, s.last_pub DESC NULLS LAST, s.story_id',
};

/** Texts longer than this are snippeted in JS (longSnippet): ts_headline's cost grows with the text. */
const SNIPPET_CHARS = 50_000;
const HEADLINE =
  'StartSel=\u0002, StopSel=\u0003, MaxWords=24, MinWords=12, ShortWord=2, MaxFragments=1, FragmentDelimiter=…';
/** Weights of text (D), -, source (B), title (A): title 6, source 2, text 1, as SQLite's bm25 weights. */
const RANK_WEIGHTS = '{0.1667, 0, 0.3333, 1.0}';

interface StatsRow {
  story_id: string;
  title: string;
  created_at: string;
  updated_at: string;
  article_count: number;
  first_pub: string | null;
  last_pub: string | null;
  conflicts: number | null;
}

/**
 * Search words as a tsquery: every word required, the last a prefix. Words hold letters and
 * digits only (searchWords), so nothing of the user's text is read as tsquery syntax.
 */
export function tsQuery(q: string): string {
  const words = searchWords(q)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean);
  return words.map((w, i) => `'${w}'${i === words.length - 1 ? ':*' : ''}`).join(' & ');
}

export class PgSearch {
  constructor(
    private pool: pg.Pool,
    private budgetMs: number,
    private lockMs: number,
  ) {}

  async findStories(q: StoryQuery): Promise<{ total: number; stories: StoryListItem[] }> {
    const where: string[] = [];
    const args: unknown[] = [];
    const arg = (v: unknown) => `$${args.push(v)}`;
    if (q.from) where.push(`s.last_pub >= ${arg(q.from)}`);
    if (q.to) where.push(`s.first_pub <= ${arg(q.to)}`);
    const byKey = (value: string | undefined, table: string, key: string) => {
      if (value)
        where.push(`s.story_id IN (SELECT story_id FROM ${table} WHERE ${key} = ${arg(nameKey(value))})`);
    };
    byKey(q.place, 'story_places', 'place_key');
    byKey(q.source, 'story_sources', 'source_key');
    byKey(q.entity, 'story_entity_forms', 'entity_key');
    const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }] = await read<{ n: number }>(
      this.pool,
      `SELECT COUNT(*)::int AS n FROM story_stats s ${cond}`,
      args,
    );
    const rows = await read<StatsRow>(
      this.pool,
      `SELECT s.*, t.title, t.created_at FROM story_stats s JOIN stories t ON t.id = s.story_id ${cond}
        ORDER BY ${ORDER[q.sort ?? 'recent']} LIMIT ${arg(q.limit ?? 50)} OFFSET ${arg(q.offset ?? 0)}`,
      args,
    );
    return { total: n, stories: await this.decorate(rows) };
  }

  private async decorate(rows: StatsRow[]): Promise<StoryListItem[]> {
    if (!rows.length) return [];
    const ids = [rows.map((r) => r.story_id)];
    const sources = await read<{ story_id: string; source: string }>(
      this.pool,
      'SELECT story_id, source FROM story_sources WHERE story_id = ANY($1::text[]) ORDER BY source',
      ids,
    );
    const places = await read<{
      story_id: string;
      name: string;
      country: string | null;
      lat: number;
      lon: number;
    }>(
      this.pool,
      `SELECT story_id, name, country, lat, lon FROM story_places WHERE story_id = ANY($1::text[])
        ORDER BY article_count DESC, name`,
      ids,
    );
    return rows.map((r) => ({
      id: r.story_id,
      title: r.title,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      articleCount: r.article_count,
      sources: sources.filter((s) => s.story_id === r.story_id).map((s) => s.source),
      firstPublished: r.first_pub,
      lastPublished: r.last_pub,
      places: places.filter((p) => p.story_id === r.story_id).map(({ story_id: _, ...p }) => p),
      conflicts: r.conflicts,
    }));
  }

  /** Counted, ranked, then snippeted for the page's rows only; each statement gets what is left of the budget. */
  async searchArticles(q: string, limit = 20, offset = 0): Promise<{ total: number; hits: ArticleHit[] }> {
    const query = tsQuery(q);
    if (!query) return { total: 0, hits: [] };
    const until = Date.now() + this.budgetMs;
    const left = () => Math.max(1, until - Date.now());
    return transaction(
      this.pool,
      async (c) => {
        const setBudget = () => c.query(`SET LOCAL statement_timeout = ${left()}`);
        await setBudget();
        const total = (
          await c.query<{ n: number }>(
            `SELECT COUNT(*)::int AS n FROM articles WHERE (search || variants) @@ to_tsquery('parallax_search', $1)`,
            [query],
          )
        ).rows[0].n;
        if (!total) return { total, hits: [] };
        await setBudget();
        // ts_headline reads the whole text: texts past SNIPPET_CHARS come back whole, snippeted
        // here linearly (longSnippet). A cut is marked '…' at either end, as SQLite's snippets.
        const { rows } = await c.query<
          Omit<ArticleHit, 'snippet'> & { snippet: string | null; text: string | null }
        >(
          `WITH q AS (SELECT to_tsquery('parallax_search', $1) AS q),
                page AS (SELECT a.seq, ts_rank('${RANK_WEIGHTS}', a.search || a.variants, q.q) AS rank FROM articles a, q
                          WHERE (a.search || a.variants) @@ q.q ORDER BY rank DESC, a.seq LIMIT $2 OFFSET $3),
                hit AS (SELECT a.id, a.story_id, a.title, a.source, a.published, a.article_json::json->>'text' AS text,
                               page.rank, page.seq FROM page JOIN articles a ON a.seq = page.seq),
                shown AS (SELECT hit.*, CASE WHEN length(text) <= ${SNIPPET_CHARS} THEN ts_headline('parallax_search', text, q.q, $4) END AS h
                            FROM hit, q)
           SELECT id AS "articleId", story_id AS "storyId", title, source, published,
                  CASE WHEN h IS NULL THEN NULL
                       ELSE CASE WHEN starts_with(text, plain) THEN '' ELSE '…' END || h
                            || CASE WHEN right(text, length(plain)) = plain THEN '' ELSE '…' END END AS snippet,
                  CASE WHEN h IS NULL THEN text END AS text
             FROM (SELECT shown.*, translate(h, E'\\x02\\x03', '') AS plain FROM shown) x
            ORDER BY rank DESC, seq`,
          [query, limit, offset, HEADLINE],
        );
        const words = searchWords(q);
        const hits = rows.map(({ snippet, text, ...h }) => ({
          ...h,
          snippet: snippet ?? longSnippet(text ?? '', words),
        }));
        return { total, hits };
      },
      { budgetMs: this.budgetMs, what: 'search' },
    );
  }

  async entities(opts: { q?: string; limit?: number }): Promise<EntitySummary[]> {
    const key = opts.q ? nameKey(opts.q) : '';
    return read<EntitySummary>(
      this.pool,
      `SELECT entity_key AS key, MAX(name) AS name, MAX(type) AS type, COUNT(DISTINCT story_id)::int AS stories,
              SUM(article_count)::int AS mentions
         FROM story_entity_forms WHERE $1 = '' OR entity_key LIKE $2 OR entity_key LIKE $3
        GROUP BY entity_key ORDER BY stories DESC, mentions DESC, key LIMIT $4`,
      [key, `${likeEscape(key)}%`, `% ${likeEscape(key)}%`, opts.limit ?? 50],
    );
  }

  async entity(name: string): Promise<EntityDetail | null> {
    const key = nameKey(name);
    const forms = await read<{ name: string; type: string; form: string; articles: number; stories: number }>(
      this.pool,
      `SELECT MAX(name) AS name, MAX(type) AS type, form, SUM(article_count)::int AS articles,
              COUNT(DISTINCT story_id)::int AS stories
         FROM story_entity_forms WHERE entity_key = $1 GROUP BY form ORDER BY articles DESC, form`,
      [key],
    );
    if (!forms.length) return null;
    return {
      key,
      name: forms[0].name,
      type: forms[0].type,
      variants: forms.map((f) => ({ form: f.form, articles: f.articles, stories: f.stories })),
    };
  }

  async facets(limit = 30): Promise<Facets> {
    const top = (table: string, col: string, key: string) =>
      read<{ name: string; stories: number }>(
        this.pool,
        `SELECT MAX(${col}) AS name, COUNT(DISTINCT story_id)::int AS stories FROM ${table}
          GROUP BY ${key} ORDER BY stories DESC, name LIMIT $1`,
        [limit],
      );
    return {
      places: await top('story_places', 'name', 'place_key'),
      sources: await top('story_sources', 'source', 'source_key'),
    };
  }

  async setConflicts(storyId: string, count: number, asOf: string): Promise<void> {
    await transaction(
      this.pool,
      (c) =>
        c.query(
          'UPDATE story_stats SET conflicts = $1 WHERE story_id = $2 AND updated_at = $3 AND conflicts IS DISTINCT FROM $1',
          [count, storyId, asOf],
        ),
      { lockMs: this.lockMs, what: 'conflict count' },
    );
  }

  async storiesWithoutConflicts(limit: number): Promise<{ id: string; updatedAt: string }[]> {
    return read<{ id: string; updatedAt: string }>(
      this.pool,
      'SELECT story_id AS id, updated_at AS "updatedAt" FROM story_stats WHERE conflicts IS NULL ORDER BY story_id LIMIT $1',
      [limit],
    );
  }
}

/** LIKE's default escape character in PostgreSQL is the backslash. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
