// A small read-only element tree built with htmlparser2's tokenizer. A full DOM (linkedom) spends
// most of its time building nodes we never use; this tree keeps only what extraction reads and
// drops script, style and other non-text content while parsing. Nothing is executed or fetched.
import { Parser } from 'htmlparser2';

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
 * <div>s would take minutes; parsing stops at this depth, which no real page comes near.
 */
const MAX_OPEN_TAGS = 1000;
/** Pages bigger than this are cut: no article needs more, and parsing time stays bounded. */
const MAX_HTML_CHARS = 3_000_000;

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

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (++parserDepth > MAX_OPEN_TAGS) parser.pause();
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
      ontext(text) {
        if (rawKind) rawText += text;
        else if (skipDepth === 0) current.children.push(text);
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
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html);
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
