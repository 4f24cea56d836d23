// Read routes: story list and page, articles, entities, search, facets.
import { Hono } from 'hono';
import { reportOfStory } from '../../pipeline/run.ts';
import type { Store } from '../../store/store.ts';
import type { ConflictCounts } from '../conflicts.ts';
import { ApiError } from '../errors.ts';
import { presentArticle } from '../present/article.ts';
import { presentStory } from '../present/story.ts';
import { StoryPages, storyRevision } from '../story-pages.ts';
import { EntityListQuery, Id, SearchQuery, StoryListQuery, parse } from '../schemas.ts';

export function readRoutes(store: Store, conflicts: ConflictCounts) {
  const app = new Hono();

  app.get('/stories', async (c) => {
    const q = parse(StoryListQuery, c.req.query(), 'query');
    const { total, stories } = await store.findStories(q);
    return c.json({ total, limit: q.limit, offset: q.offset, sort: q.sort, stories });
  });

  const pages = new StoryPages();
  app.get('/stories/:id', async (c) => {
    const id = parse(Id, c.req.param('id'), 'story id');
    const record = await store.getStory(id);
    const stored = record ? await store.storyArticles(id) : [];
    if (!record || !stored.length) throw new ApiError('not_found', `no story with id ${id}`);
    const revision = storyRevision(record, stored);
    let body = pages.get(id, revision);
    if (!body) {
      const report = reportOfStory(record, stored, { withText: true });
      const texts = new Map<string, string>();
      for (const a of report.articles) {
        texts.set(a.id, a.text ?? '');
        delete a.text; // the page loads an article's text when it is opened
      }
      body = JSON.stringify({ story: report, view: presentStory(report, texts) });
      pages.keep(id, revision, body);
      await conflicts.record(id, report.comparison.conflicts.length, record.updatedAt);
    }
    return c.body(body, 200, { 'Content-Type': 'application/json' });
  });

  app.get('/articles/:id', async (c) => {
    const id = parse(Id, c.req.param('id'), 'article id');
    const stored = await store.getArticle(id);
    if (!stored) throw new ApiError('not_found', `no article with id ${id}`);
    const story = await store.getStory(stored.storyId);
    return c.json({
      article: presentArticle(stored, await store.articleVersions(id)),
      story: story && { id: story.id, title: story.title },
    });
  });

  app.get('/entities', async (c) => {
    const q = parse(EntityListQuery, c.req.query(), 'query');
    return c.json({ entities: await store.entities(q) });
  });

  app.get('/entities/:name', async (c) => {
    const name = parse(Id, c.req.param('name'), 'entity name');
    const entity = await store.entity(name);
    if (!entity) throw new ApiError('not_found', `no entity named ${name}`);
    const { total, stories } = await store.findStories({ entity: entity.name, limit: 200 });
    return c.json({ entity, total, stories });
  });

  app.get('/search', async (c) => {
    const q = parse(SearchQuery, c.req.query(), 'query');
    const [articles, entities] = await Promise.all([
      store.searchArticles(q.q, q),
      store.entities({ q: q.q, limit: 10 }),
    ]);
    return c.json({ q: q.q, total: articles.total, articles: articles.hits, entities });
  });

  app.get('/facets', async (c) => c.json(await store.facets({ limit: 40 })));

  return app;
}
