// One raw report → one clean Article. Pure: no I/O; throws ExtractError with the reason to show.
import type { Article, PublishedDate, RawReport } from '../../model/index.ts';
import { contentHash, shortHash } from '../../util/hash.ts';
import { ExtractError } from './errors.ts';
import { extractHtml } from './html.ts';
import { detectLanguage } from './language.ts';
import { markdownToText } from './markdown.ts';
import { parsePlainText, splitFrontMatter } from './plain-text.ts';
import { parseDateValue } from './published-date.ts';
import { paragraphSpans, sentenceSpans } from './segment.ts';
import { archivedOriginal, fileOutlet, isArchiveHost, staffOutlet } from './outlet.ts';
import { galleryText, scrapedFurniture } from '../../text/furniture/index.ts';
import { normalizeReport } from '../1-intake/normalize.ts';

export { ExtractError } from './errors.ts';

interface Fields {
  id: string | null;
  title: string | null;
  subtitle: string | null;
  author: string | null;
  url: string | null;
  source: string | null;
  /** The outlet a byline names: better than a file name, not than a stated source or URL. */
  bylineOutlet?: string | null;
  language: string | null;
  published: PublishedDate | null;
  paragraphs: string[];
  metadata: Record<string, unknown>;
  dropped: string[];
}

/**
 * One report's text at most (long-form pieces run to about 100,000): past it, analysis, grouping
 * and every response about the report would grow without bound (a 20 MB paste held the server for minutes).
 */
export const MAX_TEXT_CHARS = 500_000;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);

function publishedFrom(value: unknown, method: PublishedDate['method'], confidence: number): PublishedDate | null {
  const parsed = parseDateValue(value);
  if (!parsed) return null;
  const text = value instanceof Date ? value.toISOString() : String(value);
  return { date: parsed.date, iso: parsed.iso, method, confidence, text };
}

const looksLikeHtml = (s: string) => /<(p|div|br|article|span|a|h[1-6])\b[^>]*>/i.test(s.slice(0, 5000));

/** Plain text, Markdown (both with optional front matter). */
function fromText(raw: RawReport): Fields {
  const content = raw.content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const { data, body } = splitFrontMatter(content);
  const text = raw.format === 'markdown' ? markdownToText(body) : body;
  const hasTitle = !!str(data.title) || !!raw.given?.title;
  const parts = parsePlainText(text, { hasTitle });
  const fmPublished = publishedFrom(data.published ?? data.date, 'front-matter', 0.95);
  // A url that is not an http(s) address is kept as metadata, not used as the report's address.
  const known = new Set(['id', 'title', 'subtitle', 'source', ...(absoluteUrl(str(data.url), null) ? ['url'] : []), 'published', 'date', 'author', 'language']);
  return {
    id: str(data.id),
    title: str(data.title) ?? parts.title,
    subtitle: str(data.subtitle) ?? parts.subtitle,
    author: str(data.author) ?? parts.author,
    url: absoluteUrl(str(data.url), null),
    source: str(data.source),
    bylineOutlet: parts.outlet,
    language: str(data.language),
    published:
      fmPublished ??
      (parts.dateLine
        ? { date: parts.dateLine.date, iso: parts.dateLine.iso, method: 'date-line', confidence: 0.8, text: parts.dateLine.text }
        : null),
    paragraphs: parts.paragraphs,
    metadata: Object.fromEntries(Object.entries(data).filter(([k]) => !known.has(k))),
    dropped: parts.dropped,
  };
}

function fromHtml(raw: RawReport): Fields {
  const page = extractHtml(raw.content);
  if (page.notArticle) throw new ExtractError(`not an article: ${page.notArticle}`);
  return {
    id: null,
    title: page.title,
    subtitle: null,
    author: page.author,
    url: absoluteUrl(page.canonicalUrl, raw.url ?? raw.hints?.url ?? null),
    source: page.siteName,
    language: page.language,
    published: page.published
      ? publishedFrom(page.published.value, page.published.method, page.published.method === 'json-ld' ? 0.9 : 0.85)
      : null,
    paragraphs: page.paragraphs,
    metadata: page.modified ? { modified: page.modified } : {},
    dropped: page.dropped,
  };
}

/** A page's canonical link made absolute against where the page came from ("/news/fire" is common); null unless http(s). */
export function absoluteUrl(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

const JSON_FIELDS = {
  text: ['text', 'body', 'content'],
  published: ['published', 'date', 'dct', 'published_at', 'publishedAt', 'pubDate'],
};

function fromRecord(raw: RawReport): Fields {
  const r = raw.record ?? {};
  const textKey = JSON_FIELDS.text.find((k) => typeof r[k] === 'string' && (r[k] as string).trim());
  const dateKey = JSON_FIELDS.published.find((k) => r[k] !== undefined && r[k] !== null && r[k] !== '');
  const body = textKey ? (r[textKey] as string) : '';
  let paragraphs: string[];
  let dropped: string[];
  // Without a date field, the body's own date (a line that is only a date, which the body then
  // loses, or the page's date markup) is the publication date, as in a plain-text file.
  let bodyDate: PublishedDate | null = null;
  let bylineOutlet: string | null = null;
  if (looksLikeHtml(body)) {
    const page = extractHtml(`<html><body><article>${body}</article></body></html>`);
    paragraphs = page.paragraphs;
    dropped = page.dropped;
    if (page.published) bodyDate = publishedFrom(page.published.value, page.published.method, 0.8);
  } else {
    const parts = parsePlainText(body.replace(/\r\n?/g, '\n'), { hasTitle: true });
    const stray = scrapedFurniture(parts.paragraphs, str(r.title));
    paragraphs = stray.kept;
    dropped = [...parts.dropped, ...stray.dropped];
    // A page that is only a photo gallery: with no sentence left, its captions are its text.
    if (!paragraphs.some((p) => /[.!?]["”]?$/.test(p) && p.split(/\s+/).length >= 6)) {
      const gallery = galleryText(parts.dropped, str(r.title));
      if (gallery.length) paragraphs = [...paragraphs, ...gallery];
    }
    bylineOutlet = parts.outlet;
    if (parts.dateLine) bodyDate = { date: parts.dateLine.date, iso: parts.dateLine.iso, method: 'date-line', confidence: 0.8, text: parts.dateLine.text };
  }
  // Empty date fields ("published": null) are not metadata either.
  const emptyDates = JSON_FIELDS.published.filter((k) => k in r && (r[k] === null || r[k] === ''));
  const used = new Set(['id', 'title', 'subtitle', 'url', 'source', 'author', 'language', ...(textKey ? [textKey] : []), ...(dateKey ? [dateKey] : []), ...emptyDates]);
  return {
    id: str(r.id),
    title: str(r.title),
    subtitle: str(r.subtitle),
    author: str(r.author),
    url: absoluteUrl(str(r.url) ?? str(r.uri) ?? str(r.link), null),
    source: str(r.source),
    bylineOutlet,
    language: str(r.language),
    published: (dateKey ? publishedFrom(r[dateKey], 'json-field', 0.95) : null) ?? bodyDate,
    paragraphs,
    metadata: Object.fromEntries(Object.entries(r).filter(([k]) => !used.has(k))),
    dropped,
  };
}

/** The outlet a URL's host names; an archive's own host names none. */
function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname;
    return isArchiveHost(host) ? null : host.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * The key that identifies "the same report" across re-ingests when it has no id of its own: its
 * URL, else its file as found on disk (however the path was spelled), with its place in the file.
 */
export function reportKey(raw: RawReport): string {
  return raw.url ?? `${raw.realPath ?? raw.path ?? 'inline'}${raw.locator ? `#${raw.locator}` : ''}`;
}

/** The id of a report that states none. */
export const keyedId = (raw: RawReport): string => `a-${shortHash(reportKey(raw))}`;

/**
 * The id stores written before files were keyed on their real path gave this file report (keyed
 * on the path as spelled), when it differs from today's: the runner keeps it if that is the one stored.
 */
export function spelledPathId(raw: RawReport): string | null {
  if (raw.url || !raw.realPath) return null;
  const spelled = keyedId({ ...raw, realPath: undefined });
  return spelled === keyedId(raw) ? null : spelled;
}

export function extractArticle(report: RawReport): Article {
  const raw = normalizeReport(report); // NFC, invisible and bidi controls out (1-intake/normalize.ts)
  const f = raw.format === 'html' ? fromHtml(raw) : raw.format === 'json' ? fromRecord(raw) : fromText(raw);
  const paragraphs = f.paragraphs.map((p) => p.normalize('NFC')).filter(Boolean);
  const text = paragraphs.join('\n\n');
  let title = (raw.given?.title ?? f.title ?? raw.hints?.title ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!text && !title) throw new ExtractError('empty: no title and no text');
  if (!text) throw new ExtractError('empty: no body text');
  if (text.length > MAX_TEXT_CHARS) {
    throw new ExtractError(`too long for one report: ${text.length.toLocaleString('en')} characters of text (limit ${MAX_TEXT_CHARS.toLocaleString('en')}); split it into reports`);
  }
  if (!title) title = text.slice(0, 80).replace(/\s+\S*$/, '') + '…';
  // An archive copy stands for the page it was taken from; the archive's address is kept as metadata.
  const given = f.url ?? raw.url ?? raw.hints?.url ?? null;
  const archived = [given, raw.url, raw.hints?.url].map((u) => (u ? archivedOriginal(u) : null)).find(Boolean) ?? null;
  const url = given && archivedOriginal(given) ? archived!.original : given;
  const metadata = archived ? { ...f.metadata, archive_url: archived.archive } : f.metadata;
  const language = (f.language ?? raw.hints?.language ?? detectLanguage(`${title}\n${text}`)).toLowerCase().slice(0, 2);
  const paraSpans = paragraphSpans(text);
  return {
    id: f.id ?? keyedId(raw),
    source:
      raw.given?.source ??
      f.source ??
      hostOf(url) ??
      raw.sourceHint ??
      f.bylineOutlet ??
      staffOutlet(f.author) ??
      fileOutlet(raw.path) ??
      'unknown',
    title,
    subtitle: f.subtitle,
    author: f.author ?? raw.hints?.author ?? null,
    url,
    path: raw.path,
    language,
    published: f.published ?? raw.hints?.published ?? null,
    text,
    paragraphs: paraSpans,
    sentences: sentenceSpans(text, paraSpans, language),
    metadata,
    contentHash: contentHash(`${title}\n${text}`),
    dropped: f.dropped,
  };
}
