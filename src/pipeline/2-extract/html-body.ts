// Finds the element that holds the article body: Readability's scoring (paragraph text and commas
// credited to ancestors, class/id weights, link density) run on our light tree, then the top
// candidate's siblings that look like more of the same article.
import { type El, isEl, textOf } from './html-tree.ts';
import { classWeight, forget, linkDensity, measure } from './html-measure.ts';

const SCORED = new Set(['p', 'pre', 'td', 'section', 'h2', 'h3', 'h4', 'h5', 'h6']);

function tagScore(tag: string): number {
  if (tag === 'div' || tag === 'article' || tag === 'main') return 5;
  if (tag === 'pre' || tag === 'td' || tag === 'blockquote') return 3;
  if (['address', 'ol', 'ul', 'dl', 'dd', 'dt', 'li', 'form'].includes(tag)) return -3;
  if (['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th'].includes(tag)) return -5;
  return 0;
}

/** Scores every candidate container; returns the scores. */
export function scoreCandidates(root: El): Map<El, number> {
  const scores = new Map<El, number>();
  const credit = (el: El, points: number) => {
    if (!scores.has(el)) scores.set(el, tagScore(el.tag) + classWeight(el));
    scores.set(el, scores.get(el)! + points);
  };
  const visit = (el: El) => {
    for (const c of el.children) {
      if (!isEl(c)) continue;
      if (SCORED.has(c.tag)) {
        const m = measure(c);
        if (m.len >= 25 && c.parent) {
          const points = 1 + m.commas + Math.min(Math.floor(m.len / 100), 3);
          let level = 0;
          for (let a: El | null = c.parent; a && a !== root && level < 5; a = a.parent, level++) {
            credit(a, level === 0 ? points : level === 1 ? points / 2 : points / (level * 3));
          }
        }
      }
      visit(c);
    }
  };
  visit(root);
  for (const [el, s] of scores) scores.set(el, s * (1 - linkDensity(el)));
  return scores;
}

/** The body container: the best candidate, widened to an ancestor when the text is spread out. */
export function topCandidate(root: El, scores: Map<El, number>): El | null {
  const ranked = [...scores].sort((a, b) => b[1] - a[1]).slice(0, 5);
  if (!ranked.length) return null;
  const topScore = ranked[0][1];
  let top = ranked[0][0];
  // Three or more near-equal candidates under one ancestor: the ancestor is the article.
  const close = ranked
    .slice(1)
    .filter(([, s]) => s / topScore >= 0.75)
    .map(([e]) => e);
  if (close.length >= 3) {
    for (let a = top.parent; a && a !== root; a = a.parent) {
      if (close.filter((e) => contains(a!, e)).length >= 3) {
        top = a;
        break;
      }
    }
  }
  // Walk up to the first ancestor that scores higher (the body was split across its children).
  let last = scores.get(top) ?? topScore;
  const floor = last / 3;
  for (let p = top.parent; p && p !== root; p = p.parent) {
    const s = scores.get(p);
    if (s === undefined) continue;
    if (s < floor) break;
    if (s > last) {
      top = p;
      break;
    }
    last = s;
  }
  while (top.parent && top.parent !== root && top.parent.children.filter(isEl).length === 1) top = top.parent;
  return top;
}

export function contains(a: El, b: El): boolean {
  for (let e: El | null = b; e; e = e.parent) if (e === a) return true;
  return false;
}

/** The top candidate plus siblings that score well or read like paragraphs of the same text. */
export function withSiblings(top: El, scores: Map<El, number>): El {
  const parent = top.parent;
  const topScore = scores.get(top) ?? 0;
  if (!parent) return top;
  const threshold = Math.max(10, topScore * 0.2);
  const kept: El[] = [];
  for (const s of parent.children) {
    if (!isEl(s)) continue;
    let append = s === top;
    if (!append) {
      const bonus = s.attrs.class && s.attrs.class === top.attrs.class ? topScore * 0.2 : 0;
      if ((scores.get(s) ?? -Infinity) + bonus >= threshold) append = true;
      else if (s.tag === 'p') {
        const m = measure(s);
        const ld = linkDensity(s);
        if (m.len > 80 && ld < 0.25) append = true;
        else if (m.len > 0 && m.len <= 80 && ld === 0 && /\.( |$)/.test(textOf(s))) append = true;
      }
    }
    if (append) kept.push(s);
  }
  const article: El = { tag: 'div', attrs: {}, children: kept, parent: null };
  forget(article);
  return article;
}

/** A standfirst reads as a sentence or two: this long, few links, ending like a sentence. */
const LEAD_MIN_CHARS = 60;
/** How far up from the body container the header is looked for (wrappers nest a few deep). */
const LEAD_LEVELS = 6;

/**
 * The article's lead (standfirst) when the page keeps it in a <header> before the body, beside the
 * headline: the header must be an earlier sibling of the body container or of one of its near
 * ancestors, and only its sentence-like blocks count (no links lists, datelines or labels).
 */
export function headerLead(top: El, root: El): El[] {
  for (let e: El | null = top, level = 0; e && e !== root && level < LEAD_LEVELS; e = e.parent, level++) {
    const parent = e.parent;
    if (!parent) break;
    const at = parent.children.indexOf(e);
    for (let i = at - 1; i >= 0; i--) {
      const s = parent.children[i];
      if (!isEl(s)) continue;
      if (s.tag !== 'header') continue;
      const out: El[] = [];
      const walk = (x: El) => {
        for (const c of x.children) {
          if (!isEl(c)) continue;
          if (c.tag === 'p') {
            const text = textOf(c).replace(/\s+/g, ' ').trim();
            if (text.length >= LEAD_MIN_CHARS && linkDensity(c) < 0.2 && /[.!?。…"”»]$/.test(text))
              out.push(c);
          } else if (!/^h[1-6]$/.test(c.tag)) walk(c);
        }
      };
      walk(s);
      if (out.length) return out;
    }
  }
  return [];
}
