// The grouping snapshot's queries (store.ts `ClusterLog`): articles in store order, read in pages
// with a turn of the event loop between them, as `clusterState` does, so a server restoring keeps
// answering requests on this connection.
import type Database from 'better-sqlite3';
import type { ClusterAssignment, ClusterLog, ClusterLogRow } from '../store.ts';

/** Rows per page: a page of assignments (no JSON) reads in a few milliseconds. */
const PAGE = 5_000;

type Statements = (sql: string) => Database.Statement;

interface AssignmentRow {
  seq: number;
  version: number;
  id: string;
  story_id: string;
  copy_of: string | null;
}

const toAssignment = (r: AssignmentRow): ClusterAssignment => ({ seq: r.seq, version: r.version, articleId: r.id, storyId: r.story_id, copyOf: r.copy_of });

/** Gives a store file its random id once (a table of this file's own, made if missing). */
export function createStoreId(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS store_identity (one INTEGER PRIMARY KEY CHECK (one = 1), id TEXT NOT NULL)');
  if (!db.prepare('SELECT id FROM store_identity').get()) db.prepare('INSERT OR IGNORE INTO store_identity (one, id) VALUES (1, lower(hex(randomblob(16))))').run();
}

export function sqliteClusterLog(stmt: Statements): Omit<ClusterLog, 'sidecarFile'> {
  return {
    async storeId() {
      return stmt('SELECT id FROM store_identity').pluck().get() as string;
    },
    async clusterExtent() {
      const r = stmt('SELECT COUNT(*) AS articles, COALESCE(MAX(seq), 0) AS maxSeq FROM articles').get() as { articles: number; maxSeq: number };
      return { articles: r.articles, maxSeq: r.maxSeq };
    },
    async *clusterAssignments(upToSeq: number) {
      const page = stmt('SELECT seq, version, id, story_id, copy_of FROM articles WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?');
      for (let after = 0; ; ) {
        const rows = page.all(after, upToSeq, PAGE) as AssignmentRow[];
        for (const r of rows) yield toAssignment(r);
        if (rows.length < PAGE) return;
        after = rows[rows.length - 1].seq;
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    async *clusterStateAfter(seq: number) {
      const page = stmt('SELECT seq, version, id, story_id, copy_of, features_json FROM articles WHERE seq > ? ORDER BY seq LIMIT ?');
      for (let after = seq; ; ) {
        const rows = page.all(after, PAGE / 2) as (AssignmentRow & { features_json: string })[];
        for (const r of rows) yield { ...toAssignment(r), features: JSON.parse(r.features_json) } satisfies ClusterLogRow;
        if (rows.length < PAGE / 2) return;
        after = rows[rows.length - 1].seq;
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}
