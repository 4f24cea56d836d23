// RSS 0.9x / 2.0 (<rss><channel><item>) and RSS 1.0 / RDF (<rdf:RDF><channel/><item/>).
import { absoluteLink, itemKey, plainTitle, type FeedItem } from './feed.ts';
import { attr, list, textOf, type XmlNode } from './xml.ts';

/** The plain <link> text of an RSS element, ignoring atom:link elements that share the name. */
function rssLink(node: XmlNode): string | null {
  const links = list(node.link);
  for (const l of links)
    if (typeof l === 'string' || (l && typeof l === 'object' && '#text' in (l as XmlNode))) return textOf(l);
  const alternate = links.find((l) => attr(l, 'href') && (attr(l, 'rel') ?? 'alternate') === 'alternate');
  return alternate ? attr(alternate, 'href') : null;
}

/** "editor@example.com (Jane Roe)" → "Jane Roe"; a bare address stays as it is. */
function rssAuthor(node: XmlNode): string | null {
  const a = textOf(node.creator) ?? textOf(node.author);
  if (!a) return null;
  const m = /^\S+@\S+\s*\((.+)\)$/.exec(a);
  return m ? m[1].trim() : a;
}

function rssItem(node: XmlNode, base: string): FeedItem | null {
  const guidNode = node.guid;
  const guid = textOf(guidNode) ?? attr(node, 'about');
  const permalink =
    guid && attr(guidNode, 'isPermaLink') !== 'false' && /^https?:\/\//i.test(guid) ? guid : null;
  const link = absoluteLink(rssLink(node) ?? permalink, base);
  const title = plainTitle(textOf(node.title));
  const published = textOf(node.pubDate) ?? textOf(node.date) ?? textOf(node.issued);
  const key = itemKey(guid, link, title, published);
  if (!key) return null;
  return {
    key,
    guid,
    link,
    title,
    content: textOf(node.encoded),
    summary: textOf(node.description),
    published,
    updated: textOf(node.modified) ?? textOf(node.updated),
    author: rssAuthor(node),
  };
}

/** A feed format's reader: the feed's own fields, its item nodes, one item. */
export interface FormatReader {
  head(root: XmlNode, base: string): { title: string | null; siteUrl: string | null };
  itemNodes(root: XmlNode): unknown[];
  item(node: XmlNode, base: string): FeedItem | null;
}

const channelOf = (root: XmlNode) => (list(root.channel)[0] ?? {}) as XmlNode;
const head = (root: XmlNode, base: string) => {
  const channel = channelOf(root);
  return { title: plainTitle(textOf(channel.title)), siteUrl: absoluteLink(rssLink(channel), base) };
};

export const rss: FormatReader = {
  head,
  itemNodes: (root) => list(channelOf(root).item ?? root.item),
  item: rssItem,
};

// RSS 1.0 and 0.90 make items the channel's siblings.
export const rdf: FormatReader = { head, itemNodes: (root) => list(root.item), item: rssItem };
