// Stories and the stories report: the JSON contract of PRODUCT.md, field for field.

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

export interface Comparison {
  agreed: { fact: string; articles: string[] }[];
  single_source: { fact: string; articles: string[] }[];
  conflicts: {
    kind: ConflictKind;
    about: string;
    values: { value: string; articles: string[]; evidence: Evidence[] }[];
  }[];
}

export interface BriefSentence {
  text: string;
  articles: string[];
}

export interface StoryReport {
  id: string;
  title: string;
  when: string | null;
  where: { name: string; country: string | null; lat: number; lon: number } | null;
  articles: ReportArticle[];
  entities: ReportEntity[];
  places: ReportPlace[];
  dates: ReportDate[];
  figures: ReportFigure[];
  quotes: ReportQuote[];
  comparison: Comparison;
  brief: BriefSentence[];
}

export interface StoriesReport {
  stories: StoryReport[];
}
