// The only way the app builds DOM: elements and text nodes. Source text is always set as text,
// never parsed as HTML; links are allowed only to in-app routes or http(s) URLs.
/* global document, location, Node */

/** A safe href: in-app hash routes and http(s) URLs pass, anything else (javascript:, data:…) becomes '#'. */
export function safeHref(url) {
  if (typeof url !== 'string') return '#';
  if (url.startsWith('#/')) return url;
  try {
    const u = new URL(url, location.origin);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : '#';
  } catch {
    return '#';
  }
}

/**
 * h('a', { class: 'x', href: '#/story/1', onclick: fn }, 'text', child) → element.
 * Strings become text nodes; null/false children are skipped; arrays are flattened.
 */
export function h(tag, attrs = {}, ...children) {
  const el = tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'href') el.setAttribute('href', safeHref(v));
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (/^on/i.test(k) || k === 'src' || k === 'srcdoc' || k === 'style')
      continue; // never from data
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export const svg = (tag, attrs, ...children) => h(`svg:${tag}`, attrs, ...children);

/** Replaces the children of `el`. */
export function mount(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026-03-14' → '14 Mar 2026'. */
/** A day as "9 Mar 2026"; a month or a year no more precise than it is ("Dec 2025", "2025"). */
export function fmtDay(d, granularity = 'day') {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d ?? '');
  if (!m) return 'undated';
  if (granularity === 'year') return m[1];
  if (granularity === 'month') return `${MONTHS[+m[2] - 1]} ${m[1]}`;
  const day = `${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]}`;
  return granularity === 'week' ? `week of ${day}` : day;
}

export function fmtRange(a, b) {
  if (!a && !b) return 'undated';
  if (!a || !b || a === b) return fmtDay(a ?? b);
  return `${fmtDay(a)} – ${fmtDay(b)}`;
}

export const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Text with matches wrapped in U+0002…U+0003 (from the search API) as text and <mark> nodes. */
export function marked(snippet) {
  return (
    String(snippet)
      // eslint-disable-next-line no-control-regex -- the search API's match markers
      .split(/(\u0002[^\u0003]*\u0003)/)
      .filter(Boolean)
      .map((part) => (part.startsWith('\u0002') ? h('mark', {}, part.slice(1, -1)) : part))
  );
}
