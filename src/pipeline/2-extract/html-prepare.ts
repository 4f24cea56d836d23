// Prepares the page tree for body scoring, as Readability does before it scores: hidden elements
// and page furniture (by tag, ARIA role, or a class/id named like furniture) are removed, and
// divs that only hold inline content become paragraphs.
import { type El, type Node, isEl } from './html-tree.ts';
import { forget, matchString, RE } from './html-measure.ts';

/** Furniture by tag: never part of an article body. */
const DROP_TAGS = new Set([
  'nav',
  'footer',
  'aside',
  'dialog',
  'menu',
  'input',
  'fieldset',
  'link',
  'meta',
  'style',
]);
const DROP_ROLES = new Set([
  'menu',
  'menubar',
  'complementary',
  'navigation',
  'alert',
  'alertdialog',
  'dialog',
  'banner',
  'contentinfo',
  'search',
]);
const BLOCKS = new Set([
  'address',
  'article',
  'blockquote',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figure',
  'figcaption',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
  'img',
  'tr',
  'td',
  'th',
  'tbody',
  'thead',
]);

const isHidden = (el: El) =>
  'hidden' in el.attrs ||
  el.attrs['aria-hidden'] === 'true' ||
  /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.attrs.style ?? '');

/** Removes hidden elements, page furniture and (unless `keepUnlikely`) elements named like furniture. */
export function prune(el: El, keepUnlikely: boolean): void {
  const before = el.children.length;
  el.children = el.children.filter((c) => {
    if (!isEl(c)) return true;
    if (DROP_TAGS.has(c.tag) || isHidden(c) || DROP_ROLES.has(c.attrs.role ?? '')) return false;
    if (!keepUnlikely && c.tag !== 'a' && c.tag !== 'body' && c.tag !== 'article' && c.tag !== 'main') {
      const m = matchString(c);
      if (
        m.length > 1 &&
        RE.unlikely.test(m) &&
        !RE.maybe.test(m) &&
        !insideTableOrCode(c) &&
        !hasEmbeddedPost(c)
      )
        return false;
    }
    prune(c, keepUnlikely);
    return true;
  });
  if (el.children.length !== before) forget(el);
}

/** Embedded posts (tweets, Instagram) are quoted in a <blockquote>, often in a "social" wrapper. */
export function hasEmbeddedPost(el: El): boolean {
  return el.children.some(
    (c) => isEl(c) && ((c.tag === 'blockquote' && EMBED.test(c.attrs.class ?? '')) || hasEmbeddedPost(c)),
  );
}
const EMBED = /tweet|instagram|tiktok|facebook|embed/i;

function insideTableOrCode(el: El): boolean {
  for (let e = el.parent; e; e = e.parent) if (e.tag === 'table' || e.tag === 'code') return true;
  return false;
}

function hasBlock(el: El): boolean {
  return el.children.some((c) => isEl(c) && (BLOCKS.has(c.tag) || hasBlock(c)));
}

/**
 * Readability's DIV → P: a div with no block inside is a paragraph; in a div with both, each run
 * of inline content becomes a paragraph of its own.
 */
export function paragraphize(el: El): void {
  for (const c of el.children) if (isEl(c)) paragraphize(c);
  if (el.tag !== 'div') return;
  if (!hasBlock(el)) {
    el.tag = 'p';
    return;
  }
  const out: Node[] = [];
  let run: Node[] = [];
  const flush = () => {
    if (run.some((n) => (isEl(n) ? n.tag !== 'br' : n.trim()))) {
      const p: El = { tag: 'p', attrs: {}, children: run, parent: el };
      for (const n of run) if (isEl(n)) n.parent = p;
      out.push(p);
    } else out.push(...run);
    run = [];
  };
  for (const c of el.children) {
    if (isEl(c) && (BLOCKS.has(c.tag) || hasBlock(c))) {
      flush();
      out.push(c);
    } else run.push(c);
  }
  flush();
  el.children = out;
}
