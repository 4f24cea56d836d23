// Stories and the stories report: the JSON contract of PRODUCT.md, field for field.
import type { DateGranularity } from './mention.ts';

export interface StoryRecord {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}

export interface ReportArticle {
  id: string;
  source: string;
  title: string;
  published: string | null;
  event_date: string | null;
  language: string;
  path: string | null;
  url: string | null;
  copy_of: string | null;
  text?: string;
}

export interface ReportEntity {
  id: string;
  name: string;
  type: 'person' | 'organization' | 'place' | 'other';
  variants: { form: string; articles: string[] }[];
}

export interface ReportPlace {
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  articles: string[];
}

export interface ReportDate {
  date: string;
  text: string;
  what: string;
  articles: string[];
  /** Added: how precise `date` is; a month or a year is written as its first day. */
  granularity?: DateGranularity;
}

export interface ReportFigure {
  value: number | null;
  approx: boolean;
  unit: string | null;
  counts: string | null;
  text: string;
  article: string;
}

export interface ReportQuote {
  text: string;
  speaker: string | null;
  article: string;
}

export interface Evidence {
  article: string;
  start: number;
  end: number;
}

export type ConflictKind = 'spelling-variant' | 'value' | 'date' | 'speaker';

export type FactKind = 'who' | 'what' | 'when' | 'where' | 'how-many' | 'said';

export interface ComparedFact {
  fact: string;
  articles: string[];
  /** Added: what sort of fact this is. */
  kind?: FactKind;
  /** Added: where each article states it. */
  evidence?: Evidence[];
}

export interface ConflictValue {
  value: string;
  articles: string[];
  evidence: Evidence[];
  /** Added: values with the same side agree with each other (hedged or differently written forms). */
  side?: number;
}

export interface Conflict {
  kind: ConflictKind;
  about: string;
  values: ConflictValue[];
  /** Added: one line for a reader ("likely a spelling or transliteration variant..."). */
  note?: string;
  /** Added (spelling-variant): the form most sources use. */
  likely?: string | null;
  /** Added (value, counts): the count rose from one day's reports to the next (an updated toll), see `note`. */
  over_time?: 'rose';
}

/** Added: what one article carries and what it alone adds. */
export interface SourceCoverage {
  article: string;
  source: string;
  copy_of: string | null;
  facts: number;
  adds: string[];
}

export interface Comparison {
  agreed: ComparedFact[];
  single_source: ComparedFact[];
  conflicts: Conflict[];
  coverage?: SourceCoverage[];
}

export interface BriefSentence {
  text: string;
  articles: string[];
  /** Added: the article passages the text is taken or joined from, in order. */
  parts?: Evidence[];
}

/** Added: one side of a disputed event day: the day, the reports that give it and where they say so. */
export interface WhenSide {
  date: string;
  articles: string[];
  evidence: Evidence[];
}

/** Added: one dated event of the story. */
export interface TimelineEntry {
  date: string;
  what: string;
  text: string;
  articles: string[];
  disputed?: boolean;
  /** Added: history long before the event (background to the story, not one of its events). */
  background?: boolean;
}

/** Added: one value of a story-level count, as written, with the reports that give it. */
export interface HowManyValue {
  value: number;
  /** As written ("three", "at least 12", "no one was injured"). */
  text: string;
  articles: string[];
  evidence: Evidence[];
}

/**
 * Added: what the story reports for one counted thing. `value` is the count a reader is shown;
 * null when disputed (the sides are in `values`, best supported first, never one as settled).
 */
export interface HowMany {
  what: string;
  status: 'agreed' | 'single-source' | 'disputed';
  value: number | null;
  values: HowManyValue[];
  /**
   * Added: reports state other totals that the comparison finds no dispute with (a bound and a value
   * it allows, a part, with and without the attacker): `value` is shown as reported, not as settled.
   */
  note?: string;
}

export interface StoryReport {
  id: string;
  title: string;
  when: string | null;
  /** Added: when sources put the event on different days, each side (the first is `when`); null when the day is settled. */
  when_disputed?: WhenSide[] | null;
  /**
   * Added: how `when` was found: 'text' when a report states the day, 'published' when none does and
   * the first publication day stands in (shown as such, never as the event's day); null with no `when`.
   */
  when_basis?: 'text' | 'published' | null;
  /** Added: the kind of event most of the story's reports are about ("shooting", "election"…; 4-cluster/kind.ts), or null when none stands out. */
  kind?: string | null;
  where: { name: string; country: string | null; lat: number; lon: number } | null;
  articles: ReportArticle[];
  entities: ReportEntity[];
  places: ReportPlace[];
  dates: ReportDate[];
  figures: ReportFigure[];
  quotes: ReportQuote[];
  comparison: Comparison;
  brief: BriefSentence[];
  /** Added: the story's dated events in order. */
  timeline?: TimelineEntry[];
  /** Added (issue 18): per counted thing (killed, injured, arrested…), the value the story reports. */
  how_many?: HowMany[];
}

export interface StoriesReport {
  stories: StoryReport[];
}
