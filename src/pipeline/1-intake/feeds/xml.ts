// Safe XML for feeds: a size cap before parsing, no DTD internal subset (entity declarations are
// how "billion laughs" expands a few bytes into gigabytes), and the parser's entity processing
// off. Only the five predefined XML entities and numeric character references are decoded, once,
// by us: nothing can expand.
import { XMLParser } from 'fast-xml-parser';
import { FeedError } from './errors.ts';

export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Feeds use whatever prefix they like for the same namespace (dc:, dcterms:, content:...).
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  cdataPropName: '#cdata',
  // Atom content and summary may hold XHTML markup: keep it as markup, not as parsed nodes.
  stopNodes: ['*.content', '*.summary'],
  isArray: (name) => ['item', 'entry', 'link', 'author', 'category', 'channel'].includes(name),
});

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes predefined entities and character references in one pass; anything else stays as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|lt|gt|amp|quot|apos);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return PREDEFINED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Raw markup kept by a stop node: CDATA sections verbatim, the rest entity-decoded. */
export function decodeRaw(s: string): string {
  return s
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeEntities(part)))
    .join('')
    .trim();
}

/** The text of a node: its decoded text and its CDATA, or null when empty. */
export function textOf(node: unknown): string | null {
  if (Array.isArray(node)) return textOf(node.find((n) => textOf(n) !== null));
  if (typeof node === 'string') return decodeEntities(node).trim() || null;
  if (typeof node === 'number') return String(node);
  if (node && typeof node === 'object') {
    const n = node as XmlNode;
    const parts = [
      typeof n['#text'] === 'string' ? decodeEntities(n['#text']) : '',
      typeof n['#cdata'] === 'string' ? n['#cdata'] : '',
    ];
    return parts.filter(Boolean).join(' ').trim() || null;
  }
  return null;
}

export function attr(node: unknown, name: string): string | null {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return null;
  const v = (node as XmlNode)[`@_${name}`];
  return typeof v === 'string' ? decodeEntities(v).trim() || null : null;
}

export const list = (v: unknown): unknown[] =>
  v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];

/**
 * What comes after an XML prolog (declaration, comments, processing instructions, DOCTYPE): the
 * root element's name, and whether the DOCTYPE has an internal subset. A scan, not one regex:
 * a subset holds '>' (its declarations) and may be long.
 */
export function xmlProlog(text: string): { root: string | null; dtdSubset: boolean } {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let dtdSubset = false;
  const past = (end: RegExp) => {
    end.lastIndex = i;
    return end.exec(text) ? end.lastIndex : -1;
  };
  while (i >= 0) {
    i = past(/\s*/y);
    if (text.startsWith('<?', i)) i = past(/[\s\S]*?\?>/y);
    else if (text.startsWith('<!--', i)) i = past(/[\s\S]*?-->/y);
    else if (/^<!DOCTYPE\b/i.test(text.slice(i, i + 10))) {
      i = past(/[^[>]*/y);
      dtdSubset ||= text[i] === '[';
      i = dtdSubset ? past(/[\s\S]*?\]\s*>/y) : past(/>/y);
    } else break;
  }
  const root = i >= 0 ? /<([\w.:-]+)/y.exec(text.slice(i, i + 256)) : null;
  return { root: root?.[1] ?? null, dtdSubset };
}

/** Parses feed XML; throws FeedError for a DTD subset, nesting bombs or malformed markup. */
export function parseXml(text: string): XmlNode {
  // The DOCTYPE sits in the prolog; an internal subset "[...]" is where entities are declared.
  const doctype = /<!DOCTYPE\b[^[>]*(\[)?/i.exec(text.slice(0, 8192));
  if (doctype?.[1] || xmlProlog(text).dtdSubset)
    throw new FeedError(
      'feeds: refusing XML with a DTD internal subset (entity declarations are not expanded)',
    );
  try {
    return parser.parse(text) as XmlNode;
  } catch (err) {
    throw new FeedError(`feeds: malformed XML: ${(err as Error).message.split('\n')[0]}`);
  }
}
