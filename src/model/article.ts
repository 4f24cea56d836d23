// An article as Parallax keeps it: clean text plus metadata, each date with how it was found.

/** A [start, end) range of character offsets into an article's clean `text`. */
export interface Span {
  start: number;
  end: number;
}

/** Where a publication date came from, most trusted first. */
export type DateMethod =
  | 'front-matter'
  | 'json-field'
  | 'json-ld'
  | 'meta-tag'
  | 'feed'
  | 'http-header'
  | 'date-line'
  | 'url'
  | 'text';

export interface PublishedDate {
  /** The calendar day, YYYY-MM-DD. */
  date: string;
  /** Full ISO timestamp when the source gave a time of day, else null. */
  iso: string | null;
  method: DateMethod;
  /** 0..1: how sure we are that this is the publication date. */
  confidence: number;
  /** The date as written in the source. */
  text: string;
}

export type InputFormat = 'text' | 'markdown' | 'html' | 'json';

/** One report as intake found it, before extraction. */
export interface RawReport {
  format: InputFormat;
  /** Path as the user gave it (relative paths stay relative), or null for URLs/API input. */
  path: string | null;
  /**
   * The file's absolute path with every link resolved: the same however `path` was spelled
   * (./a/x.md, a//x.md, from another folder, through a linked folder), so it is what names the file.
   */
  realPath?: string;
  url: string | null;
  /** Text, Markdown or HTML content; for JSON records the serialised record. */
  content: string;
  /** The record itself, for JSON/JSONL input. */
  record?: Record<string, unknown>;
  /** Position inside a multi-record file, e.g. "line 3" of a JSONL file. */
  locator?: string;
  /** Outlet name given on the command line (`--source`), used when nothing better is known. */
  sourceHint?: string;
  /** Metadata a feed or HTTP response already told us (title, published, author...). */
  hints?: Partial<Pick<Article, 'title' | 'author' | 'url' | 'language'>> & { published?: PublishedDate };
  /** Title and outlet the submitter states (API fields): they win over what the content says. */
  given?: Partial<Pick<Article, 'title' | 'source'>>;
}

/** A report after extraction: what every later stage reads. */
export interface Article {
  id: string;
  /** Outlet name. */
  source: string;
  title: string;
  subtitle: string | null;
  author: string | null;
  url: string | null;
  path: string | null;
  /** ISO 639-1 code, or 'und' when unknown. */
  language: string;
  published: PublishedDate | null;
  /** Clean body text; every span in Parallax points into this string. */
  text: string;
  paragraphs: Span[];
  sentences: Span[];
  /** Input fields we did not map, kept as they were. */
  metadata: Record<string, unknown>;
  /** Hash of title + text: the same report twice is stored once. */
  contentHash: string;
  /** What extraction dropped as noise (tag lines, image names...), for transparency. */
  dropped: string[];
}
