// The ingest runner's alerts step: from what one write batch changes, the events for every watch
// and their outbox rows, handed to the store inside that batch (one transaction). Reads only what
// the batch touches: the followed stories it changes, and the stored sources of a story a topic
// with a source minimum matches. Decisions are the pure stages' (alerts/).
import type { AlertEvent, StoryRecord, Watch } from '../model/index.ts';
import type { ArticleWrite, NewDelivery, Store, StoredArticle } from '../store/store.ts';
import { nameKey as foldName } from '../text/fold.ts';
import { citeLedes, eventsFor, notify } from './alerts/events.ts';
import { storyChanges, type StoryChange } from './alerts/story-changes.ts';
import { TopicIndex } from './alerts/topic-index.ts';
import { ledeEnd } from './alerts/topic.ts';
import { buildStoryReport } from './story-report.ts';

export interface BatchChanges {
  articles: ArticleWrite[];
  stories: StoryRecord[];
  moves: { articleId: string; storyId: string }[];
}

type Move = { articleId: string; from: string; to: string };

export class BatchAlerts {
  private loaded: { topics: TopicIndex; followed: Map<string, Watch[]>; byId: Map<string, Watch> } | null = null;
  /** Topic matches already made in this run (watch + story): a story's later batches cannot make them new again. */
  private matched = new Set<string>();

  constructor(private store: Store) {}

  /** Watches are read once per ingest: a watch made meanwhile sees the next ingest's batches. */
  private async watches() {
    if (this.loaded) return this.loaded;
    const all = await this.store.alerts.listWatches();
    const followed = new Map<string, Watch[]>();
    for (const w of all) if (w.storyId) followed.set(w.storyId, [...(followed.get(w.storyId) ?? []), w]);
    return (this.loaded = { topics: new TopicIndex(all), followed, byId: new Map(all.map((w) => [w.id, w])) });
  }

  async ofBatch(batch: BatchChanges, now: string): Promise<{ alertEvents?: AlertEvent[]; alertDeliveries?: NewDelivery[] }> {
    const { topics, followed, byId } = await this.watches();
    if (!topics.size && !followed.size) return {};
    const events = [...(await this.topicEvents(topics, batch, now)), ...(await this.followedEvents(followed, batch, now))];
    if (!events.length) return {};
    const texts = new Map(batch.articles.map((w) => [w.article.id, w.article.text]));
    const lede = async (id: string) => ledeEnd(texts.get(id) ?? (await this.store.getArticle(id))?.article.text ?? '');
    const ledes = new Map<string, number>();
    for (const id of new Set(events.flatMap((e) => e.evidence.filter((s) => s.end === 0).map((s) => s.article)))) ledes.set(id, await lede(id));
    citeLedes(events, (id) => ledes.get(id) ?? 0);
    const { events: alertEvents, deliveries } = notify(events, byId, now);
    return { alertEvents, alertDeliveries: deliveries };
  }

  /** A story the batch's reports bring into a topic (the first time: the event id is per watch and story). */
  private async topicEvents(topics: TopicIndex, batch: BatchChanges, now: string): Promise<AlertEvent[]> {
    if (!topics.size) return [];
    const hits = new Map<string, { watch: Watch; storyId: string; minSources: number; evidence: AlertEvent['evidence'] }>();
    for (const w of batch.articles) {
      for (const m of topics.matching(topics.docOf(w.article, w.mentions))) {
        const key = `${m.watch.watch.id}\n${w.storyId}`;
        if (!hits.has(key) && !this.matched.has(key)) hits.set(key, { watch: m.watch.watch, storyId: w.storyId, minSources: m.watch.topic.minSources, evidence: m.evidence });
      }
    }
    const titles = new Map(batch.stories.map((s) => [s.id, s.title]));
    const sourceCounts = new Map<string, number>();
    const out: AlertEvent[] = [];
    for (const [key, h] of hits) {
      const n = h.minSources > 1 ? await this.sourcesAfter(h.storyId, batch, sourceCounts) : 1;
      if (n < h.minSources) continue;
      this.matched.add(key);
      const title = titles.get(h.storyId) ?? '';
      const change: StoryChange = {
        kind: 'new-story',
        key: '',
        summary: `story matching “${h.watch.name}”: ${title}`,
        detail: { title, sources: n },
        evidence: h.evidence,
      };
      out.push(...eventsFor(h.watch, h.storyId, [change], now));
    }
    return out;
  }

  /** Independent sources of a story once the batch is written (stored ones read only when needed). */
  private async sourcesAfter(storyId: string, batch: BatchChanges, cache: Map<string, number>): Promise<number> {
    const cached = cache.get(storyId);
    if (cached !== undefined) return cached;
    const names = new Set(batch.articles.filter((w) => w.storyId === storyId && !w.copyOf).map((w) => foldName(w.article.source)));
    for (const s of await this.store.storyArticles(storyId)) if (!s.copyOf) names.add(foldName(s.article.source));
    cache.set(storyId, names.size);
    return names.size;
  }

  /** Changes in the followed stories the batch touches: their report before against after. */
  private async followedEvents(followed: Map<string, Watch[]>, batch: BatchChanges, now: string): Promise<AlertEvent[]> {
    if (!followed.size) return [];
    const moves: Move[] = [];
    for (const m of batch.moves) {
      const from = (await this.store.getArticle(m.articleId))?.storyId;
      if (from && from !== m.storyId) moves.push({ articleId: m.articleId, from, to: m.storyId });
    }
    const touched = new Set([...batch.articles.map((w) => w.storyId), ...moves.flatMap((m) => [m.from, m.to])]);
    const out: AlertEvent[] = [];
    for (const storyId of touched) {
      const watchers = followed.get(storyId);
      if (!watchers) continue;
      const changes = await this.changesOf(storyId, batch, moves, now);
      for (const w of watchers) out.push(...eventsFor(w, storyId, changes, now));
    }
    return out;
  }

  private async changesOf(storyId: string, batch: BatchChanges, moves: Move[], now: string): Promise<StoryChange[]> {
    const before = await this.store.storyArticles(storyId);
    if (!before.length) return [];
    const after = await this.articlesAfter(storyId, before, batch, moves, now);
    const out: StoryChange[] = [];
    const left = moves.filter((m) => m.from === storyId);
    const into = [...new Set(left.map((m) => m.to))];
    if (!after.length) {
      out.push({
        kind: 'merged',
        key: `${storyId}>${into.join(',')}`,
        summary: `merged into another story (${into.join(', ')})`,
        detail: { from: storyId, into: into[0] ?? null },
        evidence: left.slice(0, 3).map((m) => ({ article: m.articleId, start: 0, end: 0 })),
      });
      return out;
    }
    for (const to of into) {
      const ids = left.filter((m) => m.to === to).map((m) => m.articleId).sort();
      out.push({
        kind: 'split',
        key: `${storyId}>${to}|${ids.join(',')}`,
        summary: `${ids.length} report(s) split off into another story (${to})`,
        detail: { from: storyId, to, articles: ids },
        evidence: ids.slice(0, 3).map((article) => ({ article, start: 0, end: 0 })),
      });
    }
    // Stories emptied into this one by the batch: merged into it.
    for (const from of new Set(moves.filter((m) => m.to === storyId).map((m) => m.from))) {
      const rest = await this.store.storyArticles(from);
      const gone = new Set(moves.filter((m) => m.from === from && m.to !== from).map((m) => m.articleId));
      if (rest.some((a) => !gone.has(a.article.id))) continue;
      out.push({
        kind: 'merged',
        key: `${from}>${storyId}`,
        summary: `another story (${from}) turned out to be this one`,
        detail: { from, into: storyId },
        evidence: [...gone].slice(0, 3).map((article) => ({ article, start: 0, end: 0 })),
      });
    }
    const record = batch.stories.find((s) => s.id === storyId) ?? (await this.store.getStory(storyId));
    if (!record) return out;
    const changed = batch.articles.filter((w) => w.storyId === storyId).map((w) => w.article.id);
    out.push(...storyChanges(buildStoryReport(record, before), buildStoryReport(record, after), changed));
    return out;
  }

  /** The story's articles once the batch is written: moves out and in, new reports and new versions. */
  private async articlesAfter(storyId: string, before: StoredArticle[], batch: BatchChanges, moves: Move[], now: string): Promise<StoredArticle[]> {
    const after = new Map(before.map((s) => [s.article.id, s]));
    for (const m of moves) {
      if (m.from === storyId) after.delete(m.articleId);
      if (m.to !== storyId) continue;
      const moved = await this.store.getArticle(m.articleId);
      if (moved) after.set(m.articleId, { ...moved, storyId });
    }
    for (const w of batch.articles) {
      if (w.storyId !== storyId) {
        after.delete(w.article.id);
        continue;
      }
      const prev = after.get(w.article.id);
      after.set(w.article.id, { article: w.article, mentions: w.mentions, storyId, copyOf: w.copyOf, version: (prev?.version ?? 0) + 1, ingestedAt: now });
    }
    // The store's order: publication day, undated last.
    return [...after.values()].sort((a, b) => {
      const pa = a.article.published?.date ?? null;
      const pb = b.article.published?.date ?? null;
      return pa === pb ? 0 : pa === null ? 1 : pb === null ? -1 : pa < pb ? -1 : 1;
    });
  }
}

/**
 * For the crash test (test/alerts/crash.test.ts): PARALLAX_ALERTS_CRASH_AFTER_COMMIT=1 kills the
 * process (SIGKILL, as kill -9) as soon as a batch carrying alerts has committed, before any delivery.
 */
export function crashAfterCommitForTests(done: Promise<void>, carriesAlerts: boolean): void {
  if (!carriesAlerts || process.env.PARALLAX_ALERTS_CRASH_AFTER_COMMIT !== '1') return;
  done.then(() => process.kill(process.pid, 'SIGKILL'), () => {});
}
