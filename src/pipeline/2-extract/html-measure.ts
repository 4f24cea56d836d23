// Measures of an element that content scoring and cleaning read: text length, link text, commas,
// and the class/id weight. Shared by html-body.ts and html-clean.ts.
import { type El, isEl } from './html-tree.ts';

export const RE = {
  unlikely:
    /-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|subscribe|cookie|consent|promo|recirc|most-popular|trending|share/i,
  maybe: /and|article|body|column|content|main|mathjax|shadow/i,
  positive: /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i,
  negative:
    /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|newsletter|subscribe/i,
  byline: /byline|author|dateline|writtenby|p-author/i,
};

export interface Measure {
  /** Length of the text with runs of white space counted as one. */
  len: number;
  /** Length of the text inside links (hash-only links count a third, as in Readability). */
  linkLen: number;
  commas: number;
}

/** Text measures of an element (cached; call forget() on an element after changing it). */
export function measure(el: El): Measure {
  if (el.measure) return el.measure;
  const m: Measure = { len: 0, linkLen: 0, commas: 0 };
  for (const c of el.children) {
    if (isEl(c)) {
      const cm = measure(c);
      m.len += cm.len;
      m.commas += cm.commas;
      if (c.tag === 'a') m.linkLen += cm.len * (/^#./.test(c.attrs.href ?? '') ? 0.3 : 1);
      else m.linkLen += cm.linkLen;
    } else addText(m, c);
  }
  el.measure = m;
  return m;
}

/** Drops cached measures of an element and its ancestors. */
export function forget(el: El | null): void {
  for (let e = el; e; e = e.parent) e.measure = undefined;
}

const WHITE_RUN = /\s{2,}/g;
const OTHER_COMMAS = /[\u060c\u2e32\u2e34\u2e41\ufe10\ufe11\ufe50\uff0c]/g;

/** Adds a text node's length (white-space runs counted once) and its commas (Readability's set). */
function addText(m: Measure, s: string): void {
  let len = s.length;
  for (const run of s.matchAll(WHITE_RUN)) len -= run[0].length - 1;
  m.len += len;
  for (let i = s.indexOf(','); i !== -1; i = s.indexOf(',', i + 1)) m.commas++;
  m.commas += s.match(OTHER_COMMAS)?.length ?? 0;
}

export const linkDensity = (el: El) => {
  const m = measure(el);
  return m.len ? m.linkLen / m.len : 0;
};

/** Readability's class weight: ±25 for a class and for an id that look like content or furniture. */
export function classWeight(el: El): number {
  let w = 0;
  for (const v of [el.attrs.class, el.attrs.id]) {
    if (!v) continue;
    if (RE.negative.test(v)) w -= 25;
    if (RE.positive.test(v)) w += 25;
  }
  return w;
}

export const matchString = (el: El) => `${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`;

/** Elements of these tags under an element. */
export function countTags(el: El, tags: Set<string>): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (e: El) => {
    for (const c of e.children) {
      if (!isEl(c)) continue;
      if (tags.has(c.tag)) out.set(c.tag, (out.get(c.tag) ?? 0) + 1);
      walk(c);
    }
  };
  walk(el);
  return out;
}
