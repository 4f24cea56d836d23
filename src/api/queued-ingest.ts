// API ingests on a store with workers (`serve --queue`): the web process queues the reports in the
// store's intake and only reads; workers prepare them and the one assigner stores them in queue
// order. A request waits a bounded time for its rows to be assigned and answers as an ingest
// done here would; past the wait it answers 202 with a status URL that answers so once they are.
import type { RawReport, StoryRecord } from '../model/index.ts';
import type { IngestSummary, Skip } from '../pipeline/run.ts';
import type { IntakeStatus, Store } from '../store/store.ts';
import { ApiError } from './errors.ts';

export interface QueueOptions {
  /** How long a request waits for its reports to be assigned before answering 202. */
  waitMs: number;
  /** Pause between looks at the rows' progress. */
  pollMs?: number;
}

/** An ingested article as the ingest routes answer it. */
export interface IngestedArticle {
  id: string;
  title: string;
  source: string;
  storyId: string;
  storyTitle: string;
  storyArticles: number;
  copyOf: string | null;
}

export type QueuedAnswer =
  | { done: true; summary: IngestSummary; articles: IngestedArticle[] }
  | { done: false; ticket: string; counts: Record<IntakeStatus['state'], number> };

/** Longest list of seqs a ticket names (an upload's reports). */
const MAX_TICKET_ROWS = 100_000;

/**
 * A ticket names the rows (consecutive runs, "12-40.45") and when they were queued (ms, base 36):
 * `<queuedAt>.<runs>`. It holds no secret: it only reads what the read API shows anyway.
 */
export function ticketOf(queuedAt: number, seqs: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < seqs.length; ) {
    let j = i;
    while (j + 1 < seqs.length && seqs[j + 1] === seqs[j] + 1) j++;
    runs.push(j === i ? `${seqs[i]}` : `${seqs[i]}-${seqs[j]}`);
    i = j + 1;
  }
  return `${queuedAt.toString(36)}.${runs.join('.')}`;
}

export function parseTicket(ticket: string): { queuedAt: number; seqs: number[] } {
  const bad = () => new ApiError('not_found', `no queued ingest ${ticket.slice(0, 80)}`);
  const [at, ...runs] = ticket.split('.');
  const queuedAt = parseInt(at, 36);
  if (!/^[0-9a-z]{1,12}$/.test(at) || !runs.length || !Number.isSafeInteger(queuedAt)) throw bad();
  const seqs: number[] = [];
  for (const run of runs) {
    const m = /^(\d{1,15})(?:-(\d{1,15}))?$/.exec(run);
    if (!m) throw bad();
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from || seqs.length + (to - from + 1) > MAX_TICKET_ROWS) throw bad();
    for (let s = from; s <= to; s++) seqs.push(s);
  }
  return { queuedAt, seqs };
}

/** Queues the reports in order; returns the ticket naming their rows. */
export async function enqueue(store: Store, raws: RawReport[]): Promise<string> {
  const queuedAt = Date.now();
  return ticketOf(queuedAt, await store.enqueueReports(raws));
}

/**
 * Where the ticket's rows are; once every one is assigned, the answer an ingest here would give:
 * a report whose article was stored at or after it was queued is added (first version) or updated,
 * one whose stored version is older is unchanged (the same report again), a failed one is skipped
 * with its error. The assigner's clock and this one's must agree (NTP) for added vs unchanged.
 */
export async function queuedAnswer(store: Store, ticket: string, inputs: Map<number, string> = new Map()): Promise<QueuedAnswer> {
  const { queuedAt, seqs } = parseTicket(ticket);
  const status = await store.intakeStatus(seqs);
  if (status.some((s) => s.state !== 'done')) {
    const counts = { pending: 0, claimed: 0, prepared: 0, failed: 0, done: 0 };
    for (const s of status) counts[s.state]++;
    return { done: false, ticket, counts };
  }
  const summary: IngestSummary = { added: 0, updated: 0, unchanged: 0, skipped: [], warnings: [], storiesTouched: 0 };
  const articles: IngestedArticle[] = [];
  const stories = new Map<string, Promise<[StoryRecord | null, number]>>();
  const storyOf = (id: string) => {
    let got = stories.get(id);
    if (!got) stories.set(id, (got = Promise.all([store.getStory(id), store.storyArticles(id).then((a) => a.length)])));
    return got;
  };
  const seen = new Set<string>();
  for (const s of status) {
    const input = inputs.get(s.seq) ?? `queued report ${s.seq}`;
    if (s.error || !s.articleId) {
      summary.skipped.push({ input, reason: s.error ?? 'no outcome recorded (its worker gave up on it)' });
      continue;
    }
    const stored = await store.getArticle(s.articleId);
    // Not stored under its id: the assigner found its text already stored (the same report again).
    if (!stored || Date.parse(stored.ingestedAt) < queuedAt || seen.has(s.articleId)) {
      summary.unchanged++;
      continue;
    }
    seen.add(s.articleId);
    if (stored.version > 1) summary.updated++;
    else summary.added++;
    const [story, size] = await storyOf(stored.storyId);
    articles.push({
      id: s.articleId,
      title: stored.article.title,
      source: stored.article.source,
      storyId: stored.storyId,
      storyTitle: story?.title ?? '',
      storyArticles: size,
      copyOf: stored.copyOf,
    });
  }
  summary.storiesTouched = stories.size;
  return { done: true, summary, articles };
}

/** Waits up to `waitMs` for the ticket's rows to be assigned. */
export async function awaitQueued(store: Store, ticket: string, opts: QueueOptions, inputs?: Map<number, string>): Promise<QueuedAnswer> {
  const end = Date.now() + opts.waitMs;
  for (;;) {
    const answer = await queuedAnswer(store, ticket, inputs);
    if (answer.done || Date.now() >= end) return answer;
    await new Promise((resolve) => setTimeout(resolve, Math.min(opts.pollMs ?? 100, Math.max(0, end - Date.now()))));
  }
}

/** Skips found before queueing (an upload's unreadable file) keep their place in the answer. */
export const withSkips = (answer: QueuedAnswer & { done: true }, skips: Skip[]) => ({
  ...answer,
  summary: { ...answer.summary, skipped: [...skips, ...answer.summary.skipped] },
});
