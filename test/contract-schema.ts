// The `analyze --json` contract of PRODUCT.md as a schema: fields may be added, none renamed or dropped.
import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ids = z.array(z.string());
const evidence = z.object({ article: z.string(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

export const storySchema = z.object({
  id: z.string(),
  title: z.string().min(1),
  when: day.nullable(),
  // Added: the sides of a disputed event day, or null.
  when_disputed: z.array(z.object({ date: day, articles: ids, evidence: z.array(evidence) })).min(2).nullable(),
  // Added: 'text' when a report states the day, 'published' when the publication day stands in; null with no day.
  when_basis: z.enum(['text', 'published']).nullable(),
  // Added: the kind of event (shooting, crash, election…), or null.
  kind: z.string().nullable(),
  where: z.object({ name: z.string(), country: z.string().nullable(), lat: z.number(), lon: z.number() }).nullable(),
  articles: z
    .array(
      z.object({
        id: z.string(),
        source: z.string(),
        title: z.string(),
        published: day.nullable(),
        event_date: day.nullable(),
        language: z.string(),
        path: z.string().nullable(),
        url: z.string().nullable(),
        copy_of: z.string().nullable(),
        text: z.string().optional(),
      }),
    )
    .min(1),
  entities: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.enum(['person', 'organization', 'place', 'other']),
      variants: z.array(z.object({ form: z.string(), articles: ids })),
    }),
  ),
  places: z.array(z.object({ name: z.string(), country: z.string().nullable(), lat: z.number(), lon: z.number(), articles: ids })),
  dates: z.array(z.object({ date: day, text: z.string(), what: z.string(), articles: ids })),
  figures: z.array(
    z.object({ value: z.number().nullable(), approx: z.boolean(), unit: z.string().nullable(), counts: z.string().nullable(), text: z.string(), article: z.string() }),
  ),
  quotes: z.array(z.object({ text: z.string(), speaker: z.string().nullable(), article: z.string() })),
  comparison: z.object({
    agreed: z.array(z.object({ fact: z.string(), articles: ids })),
    single_source: z.array(z.object({ fact: z.string(), articles: ids })),
    conflicts: z.array(
      z.object({
        kind: z.enum(['spelling-variant', 'value', 'date', 'speaker']),
        about: z.string(),
        values: z.array(z.object({ value: z.string(), articles: ids, evidence: z.array(evidence) })),
      }),
    ),
  }),
  brief: z.array(z.object({ text: z.string(), articles: ids })),
});

export const reportSchema = z.object({ stories: z.array(storySchema) });
