// Entities of one article: people, organisations and places with the fullest name the article uses.
// Rule-based (capitalised runs + lexicons + context cues) because it is an order of magnitude faster
// than a general NLP tagger and measured as good on news text.
import type { EntityMention } from '../../../model/index.ts';
import type { Candidate, PlaceSpan } from './classify.ts';
import { classifyRun } from './runs.ts';
import { furnitureSpans } from '../../../text/furniture/index.ts';
import { placeLexicon } from './gazetteer.ts';
import { resolveMentions } from './resolve.ts';
import { capitalisedRuns, nameTokens } from './tokens.ts';

export interface EntityOptions {
  /** Place spans found by the places extractor: a name inside one is typed as a place. */
  placeSpans?: PlaceSpan[];
  /** Longest text analysed; the rest is ignored (hostile or runaway input). */
  maxChars?: number;
  /** The outlet's own name: never a story actor. */
  outlet?: string | null;
}

const DEFAULT_MAX_CHARS = 200_000;

export function extractEntities(text: string, opts: EntityOptions = {}): EntityMention[] {
  const body =
    text.length > (opts.maxChars ?? DEFAULT_MAX_CHARS)
      ? text.slice(0, opts.maxChars ?? DEFAULT_MAX_CHARS)
      : text;
  const ctx = { text: body, places: placeLexicon(), placeSpans: opts.placeSpans ?? [] };
  const candidates: Candidate[] = [];
  for (const run of capitalisedRuns(body, nameTokens(body))) classifyRun(ctx, run, candidates);
  // Names in sub-headings, bylines, credits and links are page furniture, not actors.
  const furniture = furnitureSpans(body, opts.outlet);
  const running = furniture.length ? candidates.filter((c) => !furniture.some((f) => f.start < c.end && c.start < f.end)) : candidates;
  return resolveMentions(running, body);
}
