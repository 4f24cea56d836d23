// Feed items → raw reports. An item's identity is its canonical link (else its guid within the
// feed), so polling again finds the same article and a changed item becomes its new version.
import type { PublishedDate, RawReport } from '../../../model/index.ts';
import { contentHash } from '../../../util/hash.ts';
import { canonicalUrl } from '../web/canonical-url.ts';
import { escapeHtml, type FeedItem } from './feed.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A feed date (RFC 822 or ISO 8601) as a publication date; the day is the one the feed wrote. */
export function feedDate(text: string | null): PublishedDate | null {
  if (!text) return null;
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) return null;
  const iso = /^\d{4}-\d{2}-\d{2}/.exec(text);
  const rfc = /(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})/i.exec(text);
  const month = rfc ? MONTHS.indexOf(rfc[2].toLowerCase()) + 1 : 0;
  const date = iso
    ? iso[0]
    : rfc && month
      ? `${rfc[3]}-${pad(month)}-${pad(Number(rfc[1]))}`
      : new Date(ms).toISOString().slice(0, 10);
  const hasTime = /\d{1,2}:\d{2}/.test(text);
  return { date, iso: hasTime ? new Date(ms).toISOString() : null, method: 'feed', confidence: 0.9, text };
}

const textLength = (html: string | null) =>
  html
    ? html
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim().length
    : 0;

/** Whether the feed itself carries the article's text, or only a teaser worth replacing by the page. */
export function hasFullText(item: FeedItem): boolean {
  return textLength(item.content) >= 500 || textLength(item.summary) >= 1500;
}

/** Changes whenever anything we would ingest from the item changes. */
export function itemFingerprint(item: FeedItem): string {
  const { key: _key, ...fields } = item;
  return contentHash(JSON.stringify(fields)).slice(0, 32);
}

export interface ItemContext {
  feedUrl: string;
  feedTitle: string | null;
}

/** The linked page, fetched and decoded, when the item only had a summary. */
export interface LinkedPage {
  html: string;
}

/** One raw report from an item: the linked page when given, else the feed's own HTML. */
export function itemReport(item: FeedItem, ctx: ItemContext, page?: LinkedPage): RawReport {
  const url = item.link ? canonicalUrl(item.link) : null;
  const body = item.content ?? item.summary ?? '';
  const html =
    page?.html ??
    `<!doctype html><html><head><title>${escapeHtml(item.title ?? '')}</title></head><body><article>${body}</article></body></html>`;
  const published = feedDate(item.published) ?? feedDate(item.updated);
  return {
    format: 'html',
    path: null,
    url,
    content: html,
    // Without a link the guid names the item; the locator keeps it apart from other feeds' items.
    ...(url ? {} : { locator: `feed ${ctx.feedUrl} item ${item.key}` }),
    sourceHint: ctx.feedTitle ?? new URL(ctx.feedUrl).hostname,
    hints: {
      ...(item.title ? { title: item.title } : {}),
      ...(item.author ? { author: item.author } : {}),
      ...(url ? { url } : {}),
      ...(published ? { published } : {}),
    },
  };
}
