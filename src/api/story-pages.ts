// Story pages kept per story revision: a story's report (comparison, brief, view) is computed
// once for each state of its articles and served from memory until one of them changes.
import type { StoredArticle } from '../store/store.ts';
import { shortHash } from '../util/hash.ts';

/** Pages kept at most (the most recently used stay); one page of a big story is a few hundred KB. */
const MAX_PAGES = 200;

/** What a story's report depends on: its record and each article's id, version and place. */
export const storyRevision = (story: { title: string; updatedAt: string }, articles: StoredArticle[]): string =>
  shortHash([story.title, story.updatedAt, ...articles.map((a) => `${a.article.id}@${a.version}/${a.copyOf ?? ''}`)].join('\n'), 16);

export class StoryPages {
  private pages = new Map<string, { revision: string; body: string }>();

  get(id: string, revision: string): string | null {
    const page = this.pages.get(id);
    if (!page || page.revision !== revision) return null;
    // Map order is insertion order: re-inserting marks it recently used.
    this.pages.delete(id);
    this.pages.set(id, page);
    return page.body;
  }

  keep(id: string, revision: string, body: string): void {
    this.pages.delete(id);
    this.pages.set(id, { revision, body });
    if (this.pages.size > MAX_PAGES) this.pages.delete(this.pages.keys().next().value!);
  }
}
