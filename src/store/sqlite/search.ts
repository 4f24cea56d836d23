// Read-side indexes of the SQLite store, kept in step with every write (batch-write.ts): the story
// list's (story-index.ts) and FTS5 over article titles and text with diacritics folded ("sao joao"
// finds "São João"; "tromso" finds "Tromsø" through the folded variants columns the runner wrote);
// entities and facets are read from the story list's tables. Query words and names become keys
// with text/fold.ts, the functions the runner derived the stored keys with.
import type Database from 'better-sqlite3';
import { markVariants, nameKey, searchWords } from '../../text/fold.ts';
import { ftsQuery } from './fts-query.ts';
import { LONG_TEXT_CHARS, longSnippet } from './long-snippet.ts';
import { findStories } from './story-index.ts';
import type {
  ArticleHit,
  EntityDetail,
  EntitySummary,
  Facets,
  StoryListItem,
  StoryQuery,
} from '../store.ts';

export class StorySearch {
  private statements = new Map<string, Database.Statement>();

  /** A prepared statement, kept: list queries come in a few shapes and are asked many times. */
  private stmt = (sql: string): Database.Statement => {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)));
    return st;
  };

  constructor(private db: Database.Database) {}

  findStories(q: StoryQuery): { total: number; stories: StoryListItem[] } {
    return findStories(this.stmt, q);
  }

  searchArticles(q: string, limit = 20, offset = 0): { total: number; hits: ArticleHit[] } {
    const match = ftsQuery(q);
    if (!match) return { total: 0, hits: [] };
    const total = (
      this.stmt('SELECT COUNT(*) AS n FROM article_search WHERE article_search MATCH ?').get(match) as {
        n: number;
      }
    ).n;
    // The page's rows first, ranked; snippets then for those rows alone (computed in the ranking
    // query, snippet() ran for every row the OFFSET skipped: 4.4 s at offset 1,000,000 over 15k).
    const page = this.stmt(
      `SELECT rowid FROM article_search WHERE article_search MATCH ? ORDER BY bm25(article_search, 0, 6, 2, 1, 6, 1) LIMIT ? OFFSET ?`,
    )
      .pluck()
      .all(match, limit, offset) as number[];
    // snippet() only for texts it handles quickly (CASE does not evaluate the branch not taken).
    const row = this.stmt(
      `SELECT f.article_id AS articleId, a.story_id AS storyId, a.title, a.source, a.published,
                CASE WHEN length(f.text) <= ${LONG_TEXT_CHARS} THEN snippet(article_search, 3, char(2), char(3), '…', 24) END AS snippet
         FROM article_search f JOIN articles a ON a.seq = f.rowid
         WHERE article_search MATCH ? AND f.rowid = CAST(? AS INTEGER)`,
    ); // CAST: a JS number binds as a REAL, and FTS5 then answered its first match, whatever the rowid
    const words = searchWords(q);
    const hits: ArticleHit[] = [];
    for (const seq of page) {
      const r = row.get(match, seq) as (Omit<ArticleHit, 'snippet'> & { snippet: string | null }) | undefined;
      if (!r) continue;
      const { snippet, ...h } = r;
      hits.push({
        ...h,
        snippet:
          snippet === null
            ? longSnippet((this.stmt('SELECT text FROM article_search WHERE rowid = ?').get(seq) as { text: string }).text, words)
            : markVariants(snippet, words),
      });
    }
    return { total, hits };
  }

  entities(opts: { q?: string; limit?: number }): EntitySummary[] {
    const key = opts.q ? nameKey(opts.q) : '';
    return this.stmt(
      `SELECT entity_key AS key, MAX(name) AS name, MAX(type) AS type, COUNT(DISTINCT story_id) AS stories,
                SUM(article_count) AS mentions
         FROM story_entity_forms WHERE ? = '' OR entity_key LIKE ? ESCAPE '\\' OR entity_key LIKE ? ESCAPE '\\'
         GROUP BY entity_key ORDER BY stories DESC, mentions DESC, key LIMIT ?`,
    ).all(key, `${likeEscape(key)}%`, `% ${likeEscape(key)}%`, opts.limit ?? 50) as EntitySummary[];
  }

  entity(name: string): EntityDetail | null {
    const key = nameKey(name);
    const forms = this.stmt(
      `SELECT name, type, form, SUM(article_count) AS articles, COUNT(DISTINCT story_id) AS stories
         FROM story_entity_forms WHERE entity_key = ? GROUP BY form ORDER BY articles DESC, form`,
    ).all(key) as { name: string; type: string; form: string; articles: number; stories: number }[];
    if (!forms.length) return null;
    return {
      key,
      name: forms[0].name,
      type: forms[0].type,
      variants: forms.map((f) => ({ form: f.form, articles: f.articles, stories: f.stories })),
    };
  }

  facets(limit = 30): Facets {
    const top = (table: string, col: string, key: string) =>
      this.stmt(
        `SELECT MAX(${col}) AS name, COUNT(DISTINCT story_id) AS stories FROM ${table} GROUP BY ${key} ORDER BY stories DESC, name LIMIT ?`,
      ).all(limit) as { name: string; stories: number }[];
    return {
      places: top('story_places', 'name', 'place_key'),
      sources: top('story_sources', 'source', 'source_key'),
    };
  }

  setConflicts(storyId: string, count: number, asOf: string): void {
    this.stmt(
      'UPDATE story_stats SET conflicts = ? WHERE story_id = ? AND updated_at = ? AND conflicts IS NOT ?',
    ).run(count, storyId, asOf, count);
  }

  storiesWithoutConflicts(limit: number): { id: string; updatedAt: string }[] {
    return this.stmt(
      'SELECT story_id AS id, updated_at AS updatedAt FROM story_stats WHERE conflicts IS NULL LIMIT ?',
    ).all(limit) as { id: string; updatedAt: string }[];
  }
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
