// What every feed format is read into.

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

export interface FeedItem {
  /** The item's identity inside its feed: guid/id, else its link, else title and date. */
  key: string;
  guid: string | null;
  /** Absolute URL of the article the item announces. */
  link: string | null;
  title: string | null;
  /** Full text as HTML, when the feed carries it (content:encoded, Atom content, content_html...). */
  content: string | null;
  /** Summary or description as HTML (often, but not always, shorter than the article). */
  summary: string | null;
  published: string | null;
  updated: string | null;
  author: string | null;
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  /** The site's home page, when the feed names it. */
  siteUrl: string | null;
  items: FeedItem[];
  /** Items in the document, before the item cap. */
  totalItems: number;
}

/** Resolves a link against the feed's URL; null unless it ends up http(s). */
export function absoluteLink(link: string | null, base: string): string | null {
  if (!link) return null;
  try {
    const u = new URL(link.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Item key from the fields a format offers, most stable first. */
export const itemKey = (
  guid: string | null,
  link: string | null,
  title: string | null,
  date: string | null,
): string | null => guid ?? link ?? (title ? `${title}|${date ?? ''}` : null);

export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain text as HTML paragraphs (blank lines separate paragraphs). */
export const textToHtml = (s: string) =>
  s
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');

/** A title as plain text: feeds sometimes put markup or escaped markup in titles. */
export const plainTitle = (s: string | null): string | null =>
  s
    ? s
        .replace(/<[^>]*>/g, ' ')
        .replace(/&nbsp;/g, ' ')
        .replace(/\s+/g, ' ')
        .trim() || null
    : null;
