// Read routes, in-process (app.request, no port): shapes, filters, paging, and bad input.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testApp } from './fixtures.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response shapes are asserted field by field
type Json = any;

const get = async (app: Awaited<ReturnType<typeof testApp>>['app'], path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as Json };
};

describe('API reads', () => {
  it('lists stories with filters, sorting and paging', async () => {
    const { app } = await testApp();
    const cases: [string, string[]][] = [
      ['/api/stories', ['st-border', 'st-rail']],
      ['/api/stories?place=slavonski%20brod', ['st-border']],
      ['/api/stories?place=lyon', ['st-rail']],
      ['/api/stories?source=northgate', ['st-border']],
      ['/api/stories?entity=ana%20kovac', ['st-border']],
      ['/api/stories?from=2026-03-01', ['st-border']],
      ['/api/stories?to=2026-02-28', ['st-rail']],
      ['/api/stories?sort=size', ['st-border', 'st-rail']],
      ['/api/stories?limit=1&offset=1', ['st-rail']],
      ['/api/stories?place=Atlantis', []],
    ];
    for (const [path, ids] of cases) {
      const { status, body } = await get(app, path);
      assert.equal(status, 200, path);
      assert.deepEqual(
        body.stories.map((s: { id: string }) => s.id),
        ids,
        path,
      );
    }
    const { body } = await get(app, '/api/stories?limit=1');
    assert.equal(body.total, 2);
    assert.deepEqual(body.stories[0].sources, ['Eastbridge Times', 'Northgate']);
    assert.deepEqual(
      body.stories[0].places.map((p: { name: string }) => p.name),
      ['Slavonski Brod', 'Zagreb'],
    );
  });

  it('refuses bad list queries with invalid_input', async () => {
    const { app } = await testApp();
    for (const path of [
      '/api/stories?sort=loudest',
      '/api/stories?limit=0',
      '/api/stories?limit=5000',
      '/api/stories?offset=-1',
      '/api/stories?from=March',
      '/api/stories?colour=red',
      `/api/stories?place=${'x'.repeat(300)}`,
    ]) {
      const { status, body } = await get(app, path);
      assert.equal(status, 400, path);
      assert.equal(body.error.code, 'invalid_input', path);
      assert.ok(body.error.message.length > 10);
    }
  });

  it('gives one story with its report and page view, and records its conflict count', async () => {
    const { app, store } = await testApp();
    const { status, body } = await get(app, '/api/stories/st-border');
    assert.equal(status, 200);
    assert.equal(body.story.id, 'st-border');
    assert.deepEqual(
      body.story.articles.map((a: { id: string }) => a.id),
      ['a-east', 'a-north'],
    );
    assert.equal(body.story.articles[0].text, undefined, 'texts stay out of the story payload');
    for (const key of ['agreed', 'single_source', 'conflicts'])
      assert.ok(Array.isArray(body.story.comparison[key]));
    assert.deepEqual(
      body.view.sources.map((s: { source: string }) => s.source),
      ['Eastbridge Times', 'Northgate'],
    );
    assert.deepEqual(
      body.view.map.points.map((p: { name: string; main: boolean }) => [p.name, p.main]),
      [
        ['Slavonski Brod', true],
        ['Zagreb', false],
      ],
    );
    assert.deepEqual(
      body.view.timeline.map((t: { date: string; kind: string }) => [t.date, t.kind]),
      [
        ['2026-03-14', 'published'],
        ['2026-03-15', 'published'],
      ],
    );
    const cite = body.view.brief[0].citations[0];
    assert.equal(cite.text, 'Croatia declared a state of emergency in Slavonski Brod.');
    const spellings: string[] = body.view.variants.flatMap((v: { forms: string[] }) => v.forms);
    assert.ok(
      spellings.some((f) => f.endsWith('Kovac')) && spellings.some((f) => f.endsWith('Kovač')),
      `both spellings are reported: ${spellings.join(', ')}`,
    );
    assert.equal(
      (await store.findStories({})).stories.find((s) => s.id === 'st-border')?.conflicts,
      body.story.comparison.conflicts.length,
    );
    assert.equal((await get(app, '/api/stories/nope')).body.error.code, 'not_found');
    assert.equal((await get(app, '/api/stories/nope')).status, 404);
  });

  it('gives an article with its highlights and versions', async () => {
    const { app } = await testApp();
    const { status, body } = await get(app, '/api/articles/a-east');
    assert.equal(status, 200);
    assert.equal(body.story.id, 'st-border');
    const text: string = body.article.text;
    assert.deepEqual(
      body.article.highlights.map((h: { start: number; end: number; kind: string }) => [
        text.slice(h.start, h.end),
        h.kind,
      ]),
      [
        ['Slavonski Brod', 'place'],
        ['Ana Kovač', 'person'],
      ],
    );
    assert.equal(body.article.versions.length, 1);
    assert.equal((await get(app, '/api/articles/missing')).status, 404);
  });

  it('lists entities and gives one with its spellings and stories', async () => {
    const { app } = await testApp();
    const list = await get(app, '/api/entities?q=kov');
    assert.deepEqual(
      list.body.entities.map((e: { name: string }) => e.name),
      ['Ana Kovač'],
    );
    const one = await get(app, '/api/entities/ANA%20KOVAC');
    assert.equal(one.status, 200);
    assert.deepEqual(one.body.entity.variants.map((v: { form: string }) => v.form).sort(), [
      'Ana Kovac',
      'Ana Kovač',
    ]);
    assert.deepEqual(
      one.body.stories.map((s: { id: string }) => s.id),
      ['st-border'],
    );
    assert.equal((await get(app, '/api/entities/Nobody')).body.error.code, 'not_found');
    assert.equal((await get(app, '/api/entities?limit=abc')).status, 400);
  });

  it('searches without diacritics and marks the matches', async () => {
    const { app } = await testApp();
    const { body } = await get(app, '/api/search?q=sao%20joao');
    assert.deepEqual(
      body.articles.map((a: { articleId: string }) => a.articleId),
      ['a-rail'],
    );
    assert.equal(body.articles[0].snippet.includes('\u0002São\u0003 \u0002João\u0003'), true);
    const kovac = await get(app, '/api/search?q=KOVAC');
    assert.equal(kovac.body.total, 2);
    assert.deepEqual(
      kovac.body.entities.map((e: { name: string }) => e.name),
      ['Ana Kovač'],
    );
    assert.equal(
      (await get(app, '/api/search?q=%22%20OR%20NEAR(')).status,
      200,
      'FTS syntax in a query is just words',
    );
    for (const bad of ['/api/search', '/api/search?q=', `/api/search?q=${'a'.repeat(400)}`])
      assert.equal((await get(app, bad)).status, 400, bad);
  });

  it('gives facets, health, the OpenAPI document and JSON 404s', async () => {
    const { app } = await testApp();
    const facets = await get(app, '/api/facets');
    assert.deepEqual(
      facets.body.places.map((p: { name: string }) => p.name),
      ['Lyon', 'Slavonski Brod', 'Zagreb'],
    );
    assert.deepEqual(facets.body.sources[0], { name: 'Eastbridge Times', stories: 1 });
    const health = await get(app, '/api/health');
    assert.deepEqual([health.body.ok, health.body.articles, health.body.stories], [true, 3, 2]);
    const doc = await get(app, '/api/openapi.json');
    assert.equal(doc.body.openapi, '3.1.0');
    for (const p of [
      '/api/stories',
      '/api/stories/{id}',
      '/api/articles/{id}',
      '/api/entities',
      '/api/entities/{name}',
      '/api/search',
      '/api/ingest/text',
      '/api/ingest/files',
      '/api/ingest/url',
      '/api/feeds',
    ]) {
      assert.ok(doc.body.paths[p], `OpenAPI documents ${p}`);
    }
    assert.ok(
      doc.body.paths['/api/stories'].get.parameters.some((p: { name: string }) => p.name === 'place'),
    );
    const missing = await get(app, '/api/no-such-route');
    assert.deepEqual([missing.status, missing.body.error.code], [404, 'not_found']);
  });
});
