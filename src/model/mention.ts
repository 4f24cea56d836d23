// Things found in one article's text, each tied to its span in the clean text.
import type { Span } from './article.ts';

export type EntityType = 'person' | 'organization' | 'place' | 'other';

export interface EntityMention extends Span {
  /** As written in the text. */
  text: string;
  type: EntityType;
  /** The fullest name this article uses for the same entity (titles stripped, short forms expanded). */
  name: string;
  /** Title or role stripped from the name ("Interior Minister"), if any. */
  role?: string | null;
}

export type DateGranularity = 'day' | 'week' | 'month' | 'year';

export interface DateMention extends Span {
  text: string;
  /** Resolved day, YYYY-MM-DD (first day of the week/month/year for coarser ones), or null if unresolved. */
  date: string | null;
  granularity: DateGranularity;
  /** 0..1: how sure the resolution is (relative dates against an uncertain publication date are less sure). */
  confidence: number;
  relative: boolean;
  /** What happened on that date, in a few words from the sentence, when we can tell. */
  what?: string | null;
}

export type PlaceKind = 'city' | 'region' | 'country' | 'other';

export interface PlaceMention extends Span {
  text: string;
  /** Canonical gazetteer name. */
  name: string;
  kind: PlaceKind;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  admin1?: string | null;
  lat: number;
  lon: number;
  confidence: number;
}

export interface FigureMention extends Span {
  text: string;
  /** The number, or the middle of a range; null for vague quantities ("dozens"). */
  value: number | null;
  low?: number | null;
  high?: number | null;
  approx: boolean;
  /** Vague quantity such as "dozens", "hundreds". */
  vague: boolean;
  unit: string | null;
  /** What is counted, normalised ("killed", "injured", "evacuated", "residents"). */
  counts: string | null;
}

export interface QuoteMention extends Span {
  text: string;
  kind: 'direct' | 'reported';
  /** Speaker name as resolved in this article (full name), or null. */
  speaker: string | null;
  speakerSpan?: Span | null;
}

export interface Mentions {
  entities: EntityMention[];
  dates: DateMention[];
  places: PlaceMention[];
  figures: FigureMention[];
  quotes: QuoteMention[];
  /** The day the reported event happened, when we can tell (not always the publication date). */
  /** `headline`: the day is the headline's (no span of the text points at it), not the publication day standing in. */
  /** `month`: the text gives only the month ("last May"); `date` is a day standing for it, for grouping only. */
  eventDate: { date: string; confidence: number; span: Span | null; headline?: true; month?: true } | null;
}

export const noMentions = (): Mentions => ({
  entities: [],
  dates: [],
  places: [],
  figures: [],
  quotes: [],
  eventDate: null,
});

/** An article with what analysis found in it. */
export interface AnalyzedArticle {
  article: import('./article.ts').Article;
  mentions: Mentions;
}
