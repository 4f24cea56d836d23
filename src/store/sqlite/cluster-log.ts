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

export function sqliteClusterLog(stmt: Statements): Pick<ClusterLog, 'clusterAssignments' | 'clusterStateAfter'> {
  return {
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
