// Atom 1.0 (and the 0.3 names still seen in the wild): <feed><entry>.
import { absoluteLink, escapeHtml, itemKey, plainTitle, type FeedItem } from './feed.ts';
import type { FormatReader } from './rss.ts';
import { attr, decodeRaw, list, textOf, type XmlNode } from './xml.ts';

function alternateLink(node: XmlNode, base: string): string | null {
  const links = list(node.link);
  const alt =
    links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate' && attr(l, 'href')) ??
    links.find((l) => attr(l, 'href'));
  return absoluteLink(attr(alt, 'href'), base);
}

/** Atom text constructs as HTML: type="xhtml" is markup already, "html" is escaped markup, "text" is text. */
function atomHtml(node: unknown): string | null {
  if (node === undefined || node === null) return null;
  const raw =
    typeof node === 'string'
      ? node
      : typeof (node as XmlNode)['#text'] === 'string'
        ? ((node as XmlNode)['#text'] as string)
        : '';
  if (!raw.trim()) return null;
  const type = (attr(node, 'type') ?? 'text').toLowerCase();
  if (type === 'xhtml') return raw.trim();
  const decoded = decodeRaw(raw);
  return type === 'html' || type === 'text/html' ? decoded : `<p>${escapeHtml(decoded)}</p>`;
}

function authorOf(node: XmlNode): string | null {
  for (const a of list(node.author)) {
    const name = textOf((a as XmlNode)?.name) ?? (typeof a === 'string' ? a : null);
    if (name) return name;
  }
  return null;
}

function atomItem(node: XmlNode, base: string): FeedItem | null {
  const guid = textOf(node.id);
  const link = alternateLink(node, base);
  const title = plainTitle(textOf(node.title));
  const published = textOf(node.published) ?? textOf(node.issued) ?? textOf(node.created);
  const updated = textOf(node.updated) ?? textOf(node.modified);
  const key = itemKey(guid, link, title, published ?? updated);
  if (!key) return null;
  return {
    key,
    guid,
    link,
    title,
    content: atomHtml(node.content),
    summary: atomHtml(node.summary),
    published,
    updated,
    author: authorOf(node),
  };
}

export const atom: FormatReader = {
  head: (root, base) => ({ title: plainTitle(textOf(root.title)), siteUrl: alternateLink(root, base) }),
  itemNodes: (root) => list(root.entry),
  item: atomItem,
};
