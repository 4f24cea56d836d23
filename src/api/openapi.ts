// The OpenAPI 3.1 document served at /api/openapi.json, built from the same zod schemas the
// routes parse with, so the two cannot drift apart.
import { z } from 'zod';
import { BROKEN_AFTER_FAILURES } from '../pipeline/1-intake/feeds/health.ts';
import { ERROR_CODES } from './errors.ts';
import {
  EntityListQuery,
  FeedBody,
  SearchQuery,
  StoryListQuery,
  TextIngestBody,
  UrlIngestBody,
} from './schemas.ts';
import { WatchBody, WatchPatchBody } from './routes/watches.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: 'Error', ...json(ref('Error')) }]));

function queryParams(schema: z.ZodObject) {
  const js = z.toJSONSchema(schema, { io: 'input' }) as {
    properties: Record<string, object>;
    required?: string[];
  };
  return Object.entries(js.properties).map(([name, s]) => ({
    name,
    in: 'query',
    required: js.required?.includes(name) ?? false,
    schema: s,
  }));
}

const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const write = { security: [{ token: [] }] };

export function openApiDocument() {
  const ok = (description: string) => ({ '200': { description, ...json({ type: 'object' }) } });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parallax API',
      version: '1',
      description:
        'Stories cross-checked claim by claim. Reads are open on localhost; writes need `Authorization: Bearer <PARALLAX_TOKEN>`.',
    },
    components: {
      securitySchemes: { token: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', enum: Object.keys(ERROR_CODES) },
                message: { type: 'string' },
                details: {},
              },
            },
          },
        },
        TextIngest: z.toJSONSchema(TextIngestBody, { io: 'input' }),
        UrlIngest: z.toJSONSchema(UrlIngestBody, { io: 'input' }),
        Feed: z.toJSONSchema(FeedBody, { io: 'input' }),
        Watch: z.toJSONSchema(WatchBody, { io: 'input' }),
        WatchPatch: z.toJSONSchema(WatchPatchBody, { io: 'input' }),
      },
    },
    paths: {
      '/api/health': { get: { summary: 'Liveness and store counts', responses: ok('Counts') } },
      '/api/stories': {
        get: {
          summary: 'Stories, filtered, sorted and paged',
          parameters: queryParams(StoryListQuery),
          responses: { ...ok('A page of stories'), ...errors(400) },
        },
      },
      '/api/stories/{id}': {
        get: {
          summary:
            'One story: the PRODUCT.md story report plus its page view (facts × sources, citations, timeline, map)',
          parameters: [pathParam('id')],
          responses: { ...ok('The story'), ...errors(404) },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: 'One article with its text and mention highlights',
          parameters: [pathParam('id')],
          responses: { ...ok('The article'), ...errors(404) },
        },
      },
      '/api/entities': {
        get: {
          summary: 'Entities across stories',
          parameters: queryParams(EntityListQuery),
          responses: { ...ok('Entities'), ...errors(400) },
        },
      },
      '/api/entities/{name}': {
        get: {
          summary: 'One entity: spellings seen and its stories',
          parameters: [pathParam('name')],
          responses: { ...ok('The entity'), ...errors(404) },
        },
      },
      '/api/search': {
        get: {
          summary: 'Full-text search, diacritic-insensitive',
          parameters: queryParams(SearchQuery),
          responses: { ...ok('Matches'), ...errors(400, 429) },
        },
      },
      '/api/facets': {
        get: { summary: 'Most common places and sources, for filters', responses: ok('Facets') },
      },
      '/api/ingest/text': {
        post: {
          ...write,
          summary: 'Ingest pasted text, Markdown or HTML',
          description:
            'A stated `title` and `source` win over the text\'s first line and the URL\'s host; the text is then all body. One report\'s text is at most 500,000 characters.',
          requestBody: json(ref('TextIngest')),
          responses: { '201': { description: 'Ingested' }, '202': { description: 'Queued (a server run with `serve --queue`): not assigned within the wait; `statusUrl` (also `Location`) answers once it is' }, ...errors(400, 401, 413, 415, 422, 503) },
        },
      },
      '/api/ingest/files': {
        post: {
          ...write,
          summary: 'Ingest uploaded files (multipart field "file", repeatable)',
          requestBody: {
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  properties: {
                    file: { type: 'array', items: { type: 'string', format: 'binary' } },
                    source: { type: 'string' },
                  },
                },
              },
            },
          },
          responses: { '201': { description: 'Ingested' }, '202': { description: 'Queued (a server run with `serve --queue`): not assigned within the wait; `statusUrl` (also `Location`) answers once it is' }, ...errors(400, 401, 413, 415, 422, 503) },
        },
      },
      '/api/ingest/url': {
        post: {
          ...write,
          summary: 'Fetch and ingest one URL',
          requestBody: json(ref('UrlIngest')),
          responses: { '201': { description: 'Ingested' }, '202': { description: 'Queued (a server run with `serve --queue`): not assigned within the wait; `statusUrl` (also `Location`) answers once it is' }, ...errors(400, 401, 422, 501, 503) },
        },
      },
      '/api/ingest/queued/{ticket}': {
        get: {
          summary: 'A queued ingest (`serve --queue`): its answer once its reports are assigned',
          description: 'The body a 201 of the ingest would have had (200), or 202 with the rows\' progress (`counts`) while any is still queued.',
          parameters: [pathParam('ticket')],
          responses: { '200': { description: 'Ingested' }, '202': { description: 'Still queued' }, ...errors(404, 422) },
        },
      },
      '/api/feeds': {
        get: {
          summary: 'Feed subscriptions with their health',
          description:
            `Each feed's \`health\` is new (not read yet), ok, failing, or broken (${BROKEN_AFTER_FAILURES} or more failures in a row): the words \`parallax feeds list\` prints.`,
          responses: ok('Feeds'),
        },
        post: {
          ...write,
          summary: 'Subscribe to an RSS/Atom/RDF/JSON feed',
          requestBody: json(ref('Feed')),
          responses: { '201': { description: 'Subscribed' }, ...errors(400, 401, 409) },
        },
      },
      '/api/feeds/{id}': {
        get: {
          summary: 'One feed',
          parameters: [pathParam('id')],
          responses: { ...ok('The feed'), ...errors(404) },
        },
        delete: {
          ...write,
          summary: 'Unsubscribe (its articles stay)',
          parameters: [pathParam('id')],
          responses: { ...ok('Removed'), ...errors(401, 404) },
        },
      },
      '/api/feeds/{id}/poll': {
        post: {
          ...write,
          summary: 'Poll one feed now',
          parameters: [pathParam('id')],
          responses: { ...ok('Poll summary'), ...errors(401, 404) },
        },
      },
      // Alerts (docs/ALERTS.md).
      '/api/watches': {
        get: {
          summary: 'Watches (a topic or a followed story); webhook secrets are never shown',
          responses: ok('Watches'),
        },
        post: {
          ...write,
          summary: 'Make a watch',
          description:
            'A topic (words in the search syntax, entity, place with radius, source, language, minimum sources) or a storyId; channels: webhook (signed, HMAC-SHA256), e-mail (immediate or digest). The inbox always fills.',
          requestBody: json(ref('Watch')),
          responses: { '201': { description: 'Made' }, ...errors(400, 401, 404) },
        },
      },
      '/api/watches/{id}': {
        get: {
          summary: 'One watch',
          parameters: [pathParam('id')],
          responses: { ...ok('The watch'), ...errors(404) },
        },
        patch: {
          ...write,
          summary: 'Mute, rate-limit, choose kinds, change channels',
          parameters: [pathParam('id')],
          requestBody: json(ref('WatchPatch')),
          responses: { ...ok('The watch'), ...errors(400, 401, 404) },
        },
        delete: {
          ...write,
          summary: 'Remove a watch with its events',
          parameters: [pathParam('id')],
          responses: { ...ok('Removed'), ...errors(401, 404) },
        },
      },
      '/api/watches/{id}/feed.atom': {
        get: {
          summary: "The watch's events as an Atom feed",
          parameters: [pathParam('id')],
          responses: {
            '200': {
              description: 'Atom',
              content: { 'application/atom+xml': { schema: { type: 'string' } } },
            },
            ...errors(404),
          },
        },
      },
      '/api/inbox': {
        get: {
          summary: 'Events newest first, with total and unread counts',
          parameters: [
            { name: 'watch', in: 'query', schema: { type: 'string' } },
            { name: 'unread', in: 'query', schema: { type: 'string', enum: ['1', '0'] } },
            { name: 'kinds', in: 'query', schema: { type: 'string' } },
            { name: 'limit', in: 'query', schema: { type: 'integer' } },
            { name: 'offset', in: 'query', schema: { type: 'integer' } },
          ],
          responses: ok('Inbox'),
        },
      },
      '/api/inbox/count': { get: { summary: 'Unread events', responses: ok('{ unread }') } },
      '/api/inbox/read': {
        post: {
          ...write,
          summary: 'Mark events read: these ids, a watch’s, or all',
          requestBody: json({
            type: 'object',
            properties: { ids: { type: 'array', items: { type: 'string' } }, watch: { type: 'string' } },
          }),
          responses: { ...ok('{ marked }'), ...errors(400, 401) },
        },
      },
      '/api/events/{id}': {
        get: {
          summary: 'One event with its evidence spans',
          parameters: [pathParam('id')],
          responses: { ...ok('The event'), ...errors(404) },
        },
      },
      '/api/deliveries': {
        get: {
          summary: 'The outbox: pending, delivered, skipped and dead-lettered deliveries',
          parameters: [
            { name: 'watch', in: 'query', schema: { type: 'string' } },
            {
              name: 'state',
              in: 'query',
              schema: { type: 'string', enum: ['pending', 'delivered', 'dead', 'skipped'] },
            },
          ],
          responses: ok('Deliveries'),
        },
      },
    },
  };
}
