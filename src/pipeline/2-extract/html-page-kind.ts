// Pages that are not articles: error pages, galleries, section fronts and other index pages. Each
// verdict comes with a reason a person can check; a page with a real body of text is never refused.
import { type El, findFirst, isEl, textOf } from './html-tree.ts';
import { measure } from './html-measure.ts';
import type { PageMeta } from './html-meta.ts';

export interface PageSignals {
  links: number;
  images: number;
  /** Share of the page's visible text that sits inside links. */
  linkShare: number;
  headings: string[];
  /** Headlines that are links (h2–h4 holding an <a>) and <article> elements: a list of stories. */
  teasers: number;
}

/** Counts taken over the whole page before any pruning. */
export function notArticleSignals(root: El): PageSignals {
  let links = 0;
  let images = 0;
  const headings: string[] = [];
  let teasers = 0;
  const walk = (el: El) => {
    for (const c of el.children) {
      if (!isEl(c)) continue;
      if (c.tag === 'article' || (/^h[2-4]$/.test(c.tag) && findFirst(c, (e) => e.tag === 'a'))) teasers++;
      if (c.tag === 'a' && c.attrs.href) links++;
      else if (c.tag === 'img') images++;
      else if (c.tag === 'h1' && headings.length < 3) headings.push(textOf(c).replace(/\s+/g, ' ').trim());
      walk(c);
    }
  };
  walk(root);
  const m = measure(root);
  return { links, images, linkShare: m.len ? m.linkLen / m.len : 0, headings, teasers };
}

// An error page's title or heading is an error label and nothing else ("404 Not Found", "Page not
// found | Site", "Oops! That page can't be found."); a headline that merely holds such words
// ("500 evacuated as wildfire nears Paradise", "Missing hiker not found") says something more.
// So a title part counts when every word of it belongs to error labels and one of them names the error.
// (HTTP error statuses never get this far: the fetcher refuses them.)
const LABEL_WORDS = new Set(
  `oops whoops sorry uh oh error http the this that a page pages file document url link content article resource
   you we were are was is it its looking for asked requested request could couldn't can't cannot can not be been
   found find no longer available exist exists does doesn't unavailable forbidden access denied internal server
   bad gateway service gone moved removed here seems looks like nothing went wrong
   página no encontrada não seite nicht gefunden fehler page introuvable erreur pagina non trovata errore
   страница не найдена ошибка`.split(/\s+/),
);
const ERROR_WORDS = /^(?:[45]\d\d|error|fehler|erreur|errore|ошибка|found|find|exists?|denied|forbidden|unavailable|gone|encontrada|gefunden|introuvable|trovata|найдена)$/;
/** Title parts: a site's name is set off by a separator ("Page not found | Kelby Courier"). */
const TITLE_PARTS = /\s+[|–—:·-]+\s+|\s*::\s*/;

export function isErrorLabel(text: string): boolean {
  return text.split(TITLE_PARTS).some((part) => {
    const words = part.toLowerCase().replace(/[’`]/g, "'").split(/[\s!?.,:;()"–—-]+/).filter(Boolean);
    return words.length > 0 && words.length <= 12 && words.every((w) => LABEL_WORDS.has(w) || /^[45]\d\d$/.test(w)) && words.some((w) => ERROR_WORDS.test(w));
  });
}
// A sign-in or sign-up wall: what was fetched is the form, not the article behind it.
const SIGN_IN_TITLE = /^(sign|log) ?(in|on|up)\b|^(login|register|create (an |your )?account|subscribe to (continue|read))\b|\b(sign|log) in to (your account|continue)\b/i;
const INDEX_TYPES = /^(CollectionPage|ItemList|SearchResultsPage|WebSite|ProfilePage|Blog)$/i;
const GALLERY_TYPES = /Gallery|ImageObject/i;

/** Why the page is not an article, or null when it is one (or cannot be told apart from one). */
export function notArticleReason(s: PageSignals, meta: PageMeta, paragraphs: string[]): string | null {
  const bodyChars = paragraphs.reduce((n, p) => n + p.length, 0);
  if (bodyChars >= 1500) return null;
  const heading = [meta.title ?? '', ...s.headings].find(isErrorLabel);
  if (heading && bodyChars < 800) return `error page: "${heading.slice(0, 80)}"`;
  const wall = [meta.title ?? '', ...s.headings].find((t) => SIGN_IN_TITLE.test(t.trim()));
  if (wall && bodyChars < 500) return `sign-in page: "${wall.slice(0, 80)}"`;
  if (meta.ldType && GALLERY_TYPES.test(meta.ldType) && bodyChars < 800)
    return `gallery: typed ${meta.ldType}, ${bodyChars} characters of text`;
  if (meta.ldType && INDEX_TYPES.test(meta.ldType) && bodyChars < 800)
    return `index page: typed ${meta.ldType}, ${bodyChars} characters of text`;
  // A page that calls itself an article is taken at its word, however short; the rest are judged
  // by their shape.
  const declaredArticle =
    /article/i.test(meta.ogType ?? '') || /Article|Posting|Report/i.test(meta.ldType ?? '');
  if (!declaredArticle && s.images >= 12 && bodyChars < 300)
    return `gallery: ${s.images} images, ${bodyChars} characters of text`;
  if (!declaredArticle && s.teasers >= 10 && bodyChars < 1500)
    return `index page: ${s.teasers} linked headlines, little text (${bodyChars} characters)`;
  if (!declaredArticle && s.links >= 60 && s.linkShare > 0.6 && bodyChars < 500)
    return `index page: many links (${s.links}, ${Math.round(s.linkShare * 100)}% of the text), little text (${bodyChars} characters)`;
  if (bodyChars < 80) return `too little text: ${bodyChars} characters`;
  return null;
}
