// Cleans the chosen body container (Readability's "clean conditionally": lists, tables and divs
// that are mostly links, images or form fields go) and turns what is left into paragraph texts.
import { type El, isEl, textOf } from './html-tree.ts';
import { hasEmbeddedPost } from './html-prepare.ts';
import { classWeight, countTags, forget, linkDensity, matchString, measure, RE } from './html-measure.ts';

/** A short paragraph mostly in one link ("Read also: <headline>") points elsewhere; it is not text. */
const P_LINK_MAX = 0.6;
const CONDITIONAL = new Set(['div', 'section', 'ul', 'ol', 'table', 'form', 'header', 'figure']);
const COUNTED = new Set([
  'p',
  'img',
  'li',
  'input',
  'embed',
  'object',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figure',
  'pre',
  'blockquote',
]);

function headingLen(el: El): number {
  let n = 0;
  for (const c of el.children) if (isEl(c)) n += /^h[1-6]$/.test(c.tag) ? measure(c).len : headingLen(c);
  return n;
}

/** True when a container is page furniture rather than part of the text (Readability's rules). */
function isFurniture(el: El, scores: Map<El, number>): boolean {
  const weight = classWeight(el);
  if (weight + (scores.get(el) ?? 0) < 0) return true;
  const m = measure(el);
  if (m.commas >= 10) return false;
  const counts = countTags(el, COUNTED);
  const n = (t: string) => counts.get(t) ?? 0;
  const isList = el.tag === 'ul' || el.tag === 'ol';
  const p = n('p') + n('pre') + n('blockquote');
  const img = n('img');
  const li = n('li') - 100;
  const ld = linkDensity(el);
  const headingDensity = m.len ? headingLen(el) / m.len : 0;
  const embeds = n('embed') + n('object');
  if (img > 1 && p / img < 0.5 && !n('figure')) return true;
  if (!isList && li > p) return true;
  if (n('input') > Math.floor(p / 3)) return true;
  if (!isList && headingDensity < 0.9 && m.len < 25 && (img === 0 || img > 2) && ld > 0) return true;
  if (!isList && weight < 25 && ld > 0.2) return true;
  if (weight >= 25 && ld > 0.5) return true;
  if ((embeds === 1 && m.len < 75) || embeds > 1) return true;
  if (isList && ld > 0.5) return true;
  return false;
}

/**
 * Removes furniture inside the article container, children first. `conditional` false skips the
 * container tests (Readability's last attempt, for pages whose body wrappers look like furniture).
 */
export function cleanArticle(
  el: El,
  scores: Map<El, number>,
  title: string | null,
  conditional = true,
): void {
  const titleKey = title ? normalizeForCompare(title) : null;
  el.children = el.children.filter((c) => {
    if (!isEl(c)) return true;
    cleanArticle(c, scores, title, conditional);
    const ms = matchString(c);
    // Share bars and bylines are short; a long block that matches is content with an odd class.
    if (/share|social/i.test(ms) && measure(c).len < 500 && !hasEmbeddedPost(c)) return drop(c);
    if (RE.byline.test(ms) && measure(c).len < 100) return drop(c);
    if (/^h[1-6]$/.test(c.tag)) {
      if (classWeight(c) < 0) return drop(c);
      if (titleKey && normalizeForCompare(textOf(c)) === titleKey) return drop(c);
    }
    if (c.tag === 'figcaption' || c.tag === 'form') return drop(c);
    if (c.tag === 'span' && isHoverCard(c)) return drop(c);
    if (c.tag === 'p' && linkDensity(c) > P_LINK_MAX && measure(c).len < 200) return drop(c);
    // Photo captions and credits are not the report's text (embedded posts are quoted, not captioned).
    if ((c.tag === 'figure' || /caption|credit/i.test(ms)) && measure(c).len < 400 && !hasEmbeddedPost(c))
      return drop(c);
    // An embedded post is mostly links and sits in a "media" wrapper, but it is quoted text.
    const embed = measure(c).len < 1500 && hasEmbeddedPost(c);
    if (conditional && CONDITIONAL.has(c.tag) && !embed && !isDataTable(c) && isFurniture(c, scores))
      return drop(c);
    return true;
  });
}

const LINKS = new Set(['a']);

/** A pop-up card inside a sentence (a person's name, then their latest stories): a span of links. */
function isHoverCard(el: El): boolean {
  return (countTags(el, LINKS).get('a') ?? 0) >= 3 && linkDensity(el) > 0.7;
}

const TABLE_PARTS = new Set(['th', 'caption', 'thead', 'tfoot', 'colgroup', 'col', 'tr', 'td', 'table']);

/** Readability's data-table test: a table of figures is content, however it scores. */
function isDataTable(el: El): boolean {
  if (el.tag !== 'table' || el.attrs.role === 'presentation') return false;
  if (el.attrs.summary) return true;
  const n = countTags(el, TABLE_PARTS);
  const has = (t: string) => (n.get(t) ?? 0) > 0;
  if (has('caption') || has('th') || has('thead') || has('tfoot') || has('colgroup') || has('col'))
    return true;
  if (has('table')) return false;
  const rows = n.get('tr') ?? 0;
  const cells = n.get('td') ?? 0;
  return rows >= 10 || (rows > 0 && cells / rows > 4) || cells > 10;
}

function drop(el: El): false {
  forget(el.parent);
  return false;
}

const normalizeForCompare = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const BLOCK_OUT = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'table',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figure',
  'figcaption',
  'address',
  'hr',
  'details',
  'summary',
]);

/** Paragraph texts of an element, one per block; white space collapsed. */
export function paragraphsOf(root: El): string[] {
  const out: string[] = [];
  let buffer = '';
  const flush = () => {
    const t = buffer.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    buffer = '';
  };
  const walk = (el: El) => {
    for (const c of el.children) {
      if (!isEl(c)) {
        buffer += c;
        continue;
      }
      if (c.tag === 'br') {
        buffer += ' ';
        continue;
      }
      const block = BLOCK_OUT.has(c.tag);
      if (block) flush();
      walk(c);
      if (block) flush();
    }
  };
  walk(root);
  flush();
  return out;
}
