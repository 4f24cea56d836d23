// Shared by the alerts tests: watches, ingesting the sample reports of fixtures/, a scripted grouping.
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../../src/config/index.ts';
import type { Watch } from '../../src/model/index.ts';
import type { StoryAssigner } from '../../src/pipeline/4-cluster/assigner.ts';
import { ingestPaths, type IngestOptions } from '../../src/pipeline/run.ts';
import type { Store } from '../../src/store/store.ts';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export const watch = (id: string, over: Partial<Watch> = {}): Watch => ({
  id,
  name: id,
  storyId: null,
  topic: null,
  kinds: null,
  muted: false,
  ratePerHour: null,
  webhookUrl: null,
  webhookSecret: null,
  email: null,
  emailMode: 'immediate',
  createdAt: '2026-11-01T00:00:00.000Z',
  ...over,
});

export async function ingest(store: Store, names: string[], opts: Partial<IngestOptions> = {}) {
  return ingestPaths(store, names.map((n) => `${FIXTURES}${n}.jsonl`), { config: defaultConfig, workers: 0, ...opts });
}

export const storyOf = async (store: Store, articleId: string) => (await store.getArticle(articleId))!.storyId;

/**
 * A grouping told by the report ids, to drive merges and splits the way the real assigner's repair
 * makes them: "<story>--<n>" joins <story>; "merge--<from>--<into>" first moves every report of
 * <from> into <into>, then joins <into>; "split--<story>--<to>" moves the story's first report into <to>.
 */
export class ScriptedAssigner implements StoryAssigner {
  private storyOf = new Map<string, string>();

  restore(articleId: string, storyId: string): void {
    this.storyOf.set(articleId, storyId);
  }

  assign({ article }: Parameters<StoryAssigner['assign']>[0]) {
    const parts = article.id.split('--');
    const moves: { articleId: string; storyId: string }[] = [];
    let storyId = parts[0];
    if (parts[0] === 'merge') {
      const [, from, into] = parts;
      for (const [id, s] of this.storyOf) if (s === from) moves.push({ articleId: id, storyId: into });
      storyId = into;
    } else if (parts[0] === 'split') {
      const [, story, to] = parts;
      const first = [...this.storyOf].find(([, s]) => s === story);
      if (first) moves.push({ articleId: first[0], storyId: to });
      storyId = story;
    }
    for (const m of moves) this.storyOf.set(m.articleId, m.storyId);
    this.storyOf.set(article.id, storyId);
    return { storyId, isNew: false, copyOf: null, features: null, moves };
  }
}
