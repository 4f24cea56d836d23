// Feed document → ParsedFeed, whatever the format. Limits first: the byte cap before parsing,
// the item cap before items are read.
import { atom } from './atom.ts';
import { FeedError } from './errors.ts';
import type { FeedFormat, FeedItem, ParsedFeed } from './feed.ts';
import { isJsonFeed, jsonHead, jsonItem, jsonItemNodes } from './json-feed.ts';
import { rdf, rss, type FormatReader } from './rss.ts';
import { list, parseXml, xmlProlog, type XmlNode } from './xml.ts';

export { FeedError } from './errors.ts';

export interface FeedLimits {
  maxBytes: number;
  maxItems: number;
}

const XML_READERS: Record<string, { format: FeedFormat; reader: FormatReader }> = {
  rss: { format: 'rss', reader: rss },
  RDF: { format: 'rdf', reader: rdf },
  feed: { format: 'atom', reader: atom },
};

// An item or entry start tag, with any namespace prefix (not <items>, RSS 1.0's table of contents).
const ITEM_START = /<(?:[\w.-]+:)?(?:item|entry)[\s>/]/g;

/**
 * Cuts the document before the item after the cap, so a feed of 100,000 items costs the parse of
 * `max`. The parser tolerates the ancestors left open at the cut. (A literal <item> inside CDATA
 * would be counted too: at worst fewer items are kept, never more.)
 */
function capItems(xml: string, max: number): { xml: string; total: number } {
  let total = 0;
  let cut = -1;
  for (const m of xml.matchAll(ITEM_START)) if (++total === max + 1) cut = m.index;
  return { xml: cut >= 0 ? xml.slice(0, cut) : xml, total };
}

/** Whether a document looks like a feed (for `ingest URL`, which takes pages and feeds alike). */
export function looksLikeFeed(text: string, contentType = ''): boolean {
  if (/\b(rss|atom|rdf)\+xml|feed\+json/i.test(contentType)) return true;
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '');
  if (/^\s*\{/.test(head)) return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(head);
  const { root, dtdSubset } = xmlProlog(text);
  // XML with a DTD subset (entity declarations: XXE, billion laughs) goes to the feed parser,
  // which refuses it, whatever its root: never to the page path, where it would be stored as text.
  return dtdSubset || /^(rss|feed|([\w-]+:)?RDF)$/i.test(root ?? '');
}

/** Parses an RSS 0.9x/1.0/2.0, RDF, Atom or JSON Feed document fetched from `url`. */
export function parseFeed(text: string, url: string, limits: FeedLimits): ParsedFeed {
  const bytes = Buffer.byteLength(text);
  if (bytes > limits.maxBytes)
    throw new FeedError(`feeds: document of ${bytes} bytes exceeds the limit of ${limits.maxBytes}`);
  const body = text.replace(/^\uFEFF/, '');
  let format: FeedFormat;
  let head: { title: string | null; siteUrl: string | null };
  let nodes: unknown[];
  let read: (node: unknown) => FeedItem | null;
  let counted = 0;
  if (/^\s*\{/.test(body)) {
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch (err) {
      throw new FeedError(`feeds: malformed JSON: ${(err as Error).message}`);
    }
    if (!isJsonFeed(data))
      throw new FeedError('feeds: JSON document is not a JSON Feed (no jsonfeed.org version)');
    format = 'json';
    head = jsonHead(data, url);
    nodes = jsonItemNodes(data);
    read = (n) => jsonItem(n, url);
  } else {
    const capped = capItems(body, limits.maxItems);
    counted = capped.total;
    const doc = parseXml(capped.xml);
    const rootName = Object.keys(doc).find(
      (k) => !k.startsWith('?') && !k.startsWith('#') && k in XML_READERS,
    );
    if (!rootName)
      throw new FeedError(
        'feeds: unable to detect feed format (expected <rss>, <rdf:RDF>, <feed> or a JSON Feed)',
      );
    const { format: f, reader } = XML_READERS[rootName];
    const root = (list(doc[rootName])[0] ?? {}) as XmlNode;
    format = f;
    head = reader.head(root, url);
    nodes = reader.itemNodes(root);
    read = (n) => reader.item((n ?? {}) as XmlNode, url);
  }
  const items = nodes
    .slice(0, limits.maxItems)
    .map(read)
    .filter((i): i is FeedItem => i !== null);
  return { format, ...head, items, totalItems: Math.max(counted, nodes.length) };
}
