// JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1).
import { absoluteLink, itemKey, plainTitle, textToHtml, type FeedItem } from './feed.ts';

type Obj = Record<string, unknown>;
const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

export const isJsonFeed = (data: unknown): boolean =>
  /^https?:\/\/jsonfeed\.org\/version\//.test(String(obj(data).version ?? ''));

export const jsonHead = (data: unknown, base: string) => ({
  title: plainTitle(str(obj(data).title)),
  siteUrl: absoluteLink(str(obj(data).home_page_url), base),
});

export const jsonItemNodes = (data: unknown): unknown[] =>
  Array.isArray(obj(data).items) ? (obj(data).items as unknown[]) : [];

export function jsonItem(node: unknown, base: string): FeedItem | null {
  const it = obj(node);
  const guid = str(it.id);
  const link = absoluteLink(str(it.url) ?? str(it.external_url), base);
  const title = plainTitle(str(it.title));
  const published = str(it.date_published);
  const key = itemKey(guid, link, title, published);
  if (!key) return null;
  const text = str(it.content_text);
  const summary = str(it.summary);
  const authors = Array.isArray(it.authors) ? it.authors : [it.author];
  return {
    key,
    guid,
    link,
    title,
    content: str(it.content_html) ?? (text ? textToHtml(text) : null),
    summary: summary ? textToHtml(summary) : null,
    published,
    updated: str(it.date_modified),
    author: authors.map((a) => str(obj(a).name)).find(Boolean) ?? null,
  };
}
