// A small read-only element tree built with htmlparser2's tokenizer. A full DOM (linkedom) spends
// most of its time building nodes we never use; this tree keeps only what extraction reads and
// drops script, style and other non-text content while parsing. Nothing is executed or fetched.
import { type Handler, Parser } from 'htmlparser2';

export interface El {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  parent: El | null;
  /** Cached text measures (html-measure.ts); cleared when the element's content changes. */
  measure?: { len: number; linkLen: number; commas: number };
}
export type Node = El | string;

export interface Page {
  root: El;
  /** Text of every <script type="application/ld+json">, for metadata. */
  jsonLd: string[];
  title: string | null;
  /** <meta> and <link> elements found anywhere, in order. */
  metas: El[];
  links: El[];
  htmlLang: string | null;
}

/** Elements whose content is never article text (kept out of the tree entirely). */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'select',
  'textarea',
  'button',
  'video',
  'audio',
  'map',
  'head',
]);
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'param',
]);
/** Deeper elements are flattened into their ancestor, so recursive walks cannot overflow the stack. */
const MAX_DEPTH = 256;
/**
 * htmlparser2's open-element stack costs O(depth) per tag, so a hostile page of 200,000 nested
 * <div>s would take minutes. Past this depth (which no real page comes near) the tokenizer starts
 * over with an empty stack and the tree goes on from where it was: the tags still open then are
 * never closed, so what follows stays inside them, flattened.
 */
const MAX_OPEN_TAGS = 1000;
/**
 * Tags and text beyond this many characters are not read: no article needs more, and parsing time
 * stays bounded. Attribute values and the content of skipped elements and comments do not count
 * (data: URIs, inline bundles, SVG sprites): tokenizing them is cheap and they are dropped anyway.
 */
const MAX_MARKUP_CHARS = 3_000_000;
/**
 * Nothing past this is read, blobs included (intake reads files up to 20 MB): tokenizing costs
 * 10–40 ns a character.
 */
const MAX_HTML_CHARS = 24_000_000;
/** The page is fed to the tokenizer in chunks, checking the markup budget between them. */
const CHUNK_CHARS = 262_144;
/** Tags after which the tokenizer reads raw text (it cannot start over there). */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);

export const isEl = (n: Node): n is El => typeof n !== 'string';

export function parsePage(html: string): Page {
  const root: El = { tag: '#root', attrs: {}, children: [], parent: null };
  const page: Page = { root, jsonLd: [], title: null, metas: [], links: [], htmlLang: null };
  let current = root;
  let depth = 0;
  let flattened = 0;
  let skipDepth = 0;
  let skipTag = '';
  let rawText = '';
  let rawKind: 'ld' | 'title' | null = null;
  /** Elements open in htmlparser2's own stack (it reports every close, implied ones included). */
  let parserDepth = 0;
  /** Characters of attribute values, skipped content and comments read so far (see MAX_MARKUP_CHARS). */
  let blobChars = 0;
  let tooDeep = false;

  const handler: Partial<Handler> = {
    onopentag(name, attrs) {
      if (++parserDepth > MAX_OPEN_TAGS && !RAW_TEXT.has(name)) {
        tooDeep = true;
        parser.pause();
      }
      if (name === 'html' && attrs.lang) page.htmlLang = attrs.lang;
      if (name === 'meta') return void page.metas.push({ tag: name, attrs, children: [], parent: null });
      if (name === 'link') return void page.links.push({ tag: name, attrs, children: [], parent: null });
      if (skipDepth > 0) {
        if (name === skipTag) skipDepth++;
        return;
      }
      if (name === 'title' && !page.title) {
        rawKind = 'title';
        rawText = '';
      }
      if (SKIP.has(name)) {
        if (name === 'script' && /ld\+json/i.test(attrs.type ?? '')) {
          rawKind = 'ld';
          rawText = '';
        }
        if (name === 'head') return; // <head> holds no body content, but its metas/title still count
        skipDepth = 1;
        skipTag = name;
        return;
      }
      if (name === 'html' || name === 'body') return;
      if (depth >= MAX_DEPTH) {
        if (!VOID.has(name)) flattened++;
        return;
      }
      const el: El = { tag: name, attrs, children: [], parent: current };
      current.children.push(el);
      if (!VOID.has(name)) {
        current = el;
        depth++;
      }
    },
    onattribute(name, value) {
      // As written, entities in full: from the name's start to the value's end, less the name.
      blobChars += Math.max(value.length, parser.endIndex - parser.startIndex - name.length);
    },
    oncomment(text) {
      blobChars += text.length;
    },
    ontext(text) {
      if (rawKind) rawText += text;
      if (rawKind || skipDepth > 0) blobChars += text.length;
      else current.children.push(text);
    },
    onclosetag(name) {
      parserDepth--;
      if (rawKind === 'ld' && name === 'script') page.jsonLd.push(rawText);
      if (rawKind === 'title' && name === 'title') page.title = rawText.replace(/\s+/g, ' ').trim() || null;
      if ((rawKind === 'ld' && name === 'script') || (rawKind === 'title' && name === 'title'))
        rawKind = null;
      if (skipDepth > 0) {
        if (name === skipTag) skipDepth--;
        return;
      }
      if (VOID.has(name) || name === 'html' || name === 'body' || name === 'head') return;
      if (flattened > 0) {
        flattened--;
        return;
      }
      // Close the nearest open element of that name; a stray end tag closes nothing.
      let up = 1;
      for (let el: El | null = current; el && el !== root; el = el.parent, up++) {
        if (el.tag === name) {
          current = el.parent ?? root;
          depth -= up;
          return;
        }
      }
    },
  };
  const newParser = () =>
    new Parser(handler, {
      decodeEntities: true,
      lowerCaseTags: true,
      lowerCaseAttributeNames: true,
      recognizeSelfClosing: true,
    });

  const input = html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html;
  let parser = newParser();
  let parserStart = 0; // where in the input the current tokenizer started
  let at = 0;
  while (at < input.length) {
    const next = Math.min(at + CHUNK_CHARS, input.length);
    parser.write(input.slice(at, next));
    at = next;
    if (tooDeep) {
      // Start over just after the tag that went too deep; the skipped element it was in (if any)
      // can no longer be seen closing, so skipping ends here rather than swallowing the page.
      at = parserStart + parser.endIndex + 1;
      parserStart = at;
      parser = newParser();
      parserDepth = flattened = skipDepth = 0;
      tooDeep = false;
    }
    // endIndex is where the last whole token ended: a blob still being read is not counted yet.
    if (parserStart + parser.endIndex - blobChars > MAX_MARKUP_CHARS) return page;
  }
  parser.end();
  return page;
}

/** All text under a node, whitespace left as is. */
export function textOf(node: Node): string {
  if (!isEl(node)) return node;
  let out = '';
  for (const c of node.children) out += isEl(c) ? textOf(c) : c;
  return out;
}

/** The first element under a node (document order) that passes a test. */
export function findFirst(el: El, test: (e: El) => boolean): El | null {
  for (const c of el.children) {
    if (!isEl(c)) continue;
    if (test(c)) return c;
    const hit = findFirst(c, test);
    if (hit) return hit;
  }
  return null;
}
