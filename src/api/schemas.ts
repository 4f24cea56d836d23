// Request schemas: every query and body is parsed here before a route touches it.
import { z } from 'zod';
import { FEED_INTERVAL, FEED_INTERVAL_RULE } from '../config/index.ts';
import { ApiError, fromZod } from './errors.ts';

const isDay = (s: string) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day YYYY-MM-DD')
  .refine(isDay, 'must be a day of the calendar');
const name = z.string().trim().min(1).max(200);
const limit = (max: number, dflt: number) => z.coerce.number().int().min(1).max(max).default(dflt);
const offset = z.coerce.number().int().min(0).max(1_000_000).default(0);
/** Search pages stop at 1,000 results: ranking deeper costs the server and helps no reader. */
export const MAX_SEARCH_OFFSET = 1_000;

export const StoryListQuery = z.strictObject({
  limit: limit(200, 25),
  offset,
  from: day.optional(),
  to: day.optional(),
  place: name.optional(),
  entity: name.optional(),
  source: name.optional(),
  sort: z.enum(['recent', 'size', 'conflicts']).default('recent'),
});

export const SearchQuery = z.strictObject({
  q: z.string().trim().min(1).max(300),
  limit: limit(100, 20),
  offset: z.coerce.number().int().min(0).max(MAX_SEARCH_OFFSET).default(0),
});

export const EntityListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  limit: limit(200, 50),
});

export const Id = z.string().min(1).max(300);

export const TextIngestBody = z.strictObject({
  text: z.string().min(1).max(2_000_000),
  format: z.enum(['text', 'markdown', 'html']).default('text'),
  title: z.string().trim().max(500).optional(),
  source: z.string().trim().max(200).optional(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  published: day.optional(),
});

export const UrlIngestBody = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  source: z.string().trim().max(200).optional(),
});

export const FeedBody = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  /** How often to poll, within FEED_INTERVAL (as in the CLI); default from the config (web.feedIntervalSeconds). */
  intervalMinutes: z
    .number()
    .int()
    .min(FEED_INTERVAL.minSeconds / 60, FEED_INTERVAL_RULE)
    .max(FEED_INTERVAL.maxSeconds / 60, FEED_INTERVAL_RULE)
    .optional(),
});

/** Parses `data` with `schema`, or throws invalid_input naming what was wrong. */
export function parse<S extends z.ZodType>(schema: S, data: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(data);
  if (!r.success) throw fromZod(what, r.error);
  return r.data;
}

/** The JSON body of a request, or invalid_json. */
export async function jsonBody(req: {
  json(): Promise<unknown>;
  header(name: string): string | undefined;
}): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.header('content-type') ?? '')) {
    throw new ApiError('unsupported_media_type', 'expected Content-Type: application/json');
  }
  try {
    return await req.json();
  } catch {
    throw new ApiError('invalid_json', 'request body is not valid JSON');
  }
}
