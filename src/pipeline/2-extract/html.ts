// HTML page → article body and metadata. Nothing in the page is executed: html-tree.ts only
// tokenizes, dropping scripts, styles and embedded objects while it builds the tree. Order:
//   1. parse (html-tree)            2. metadata: JSON-LD, OpenGraph, meta tags (html-meta)
//   3. prune furniture (html-prepare)   4. body container, Readability's scoring (html-body)
//   5. clean inside it (html-clean)     6. retry without class filters; JSON-LD articleBody last
//   7. leftover lines (noise, html-edges)   8. is it an article at all? (html-page-kind)
import { type El, findFirst, parsePage } from './html-tree.ts';
import { linkDensity } from './html-measure.ts';
import { ldArticleBody, pageMeta, type PageMeta } from './html-meta.ts';
import { paragraphize, prune } from './html-prepare.ts';
import { contains, headerLead, scoreCandidates, topCandidate, withSiblings } from './html-body.ts';
import { cleanArticle, paragraphsOf } from './html-clean.ts';
import { notArticleReason, notArticleSignals } from './html-page-kind.ts';
import { noiseKind } from './noise.ts';
import { trimEdges } from './html-edges.ts';

/** The page's metadata (see html-meta.ts) with its body. */
export interface HtmlArticle extends Omit<PageMeta, 'ldType' | 'ogType'> {
  paragraphs: string[];
  dropped: string[];
  /** Why the page is not an article (index page, gallery, error page), or null. */
  notArticle: string | null;
}

/** Below this many characters the first pass is taken to have missed the body and is retried. */
const MIN_BODY_CHARS = 250;

/** The last, lenient attempt keeps a body only when less than this share of its text is links. */
const MAX_LENIENT_LINK_DENSITY = 0.5;

/**
 * Body paragraphs of a page. Attempt 0 is strict; 1 keeps containers whose class looks like
 * furniture; 2 also skips the conditional cleaning (as Readability's retries, when a site wraps its
 * body in markup that looks like furniture).
 */
function bodyParagraphs(root: El, title: string | null, attempt: number): string[] {
  prune(root, attempt > 0);
  paragraphize(root);
  const scores = scoreCandidates(root);
  const top = topCandidate(root, scores);
  const article: El = top ? withSiblings(top, scores) : root;
  // The standfirst some pages keep in the headline's <header>, outside the body container.
  const lead = top ? headerLead(top, root).filter((p) => !contains(article, p)) : [];
  cleanArticle(article, scores, title, attempt < 2);
  // Without the container tests a list of headlines would pass for a body: it must read as text.
  if (attempt >= 2 && linkDensity(article) > MAX_LENIENT_LINK_DENSITY) return [];
  return [...lead.flatMap((p) => paragraphsOf(p)), ...paragraphsOf(article)];
}

export function extractHtml(html: string): HtmlArticle {
  const page = parsePage(html);
  const meta = pageMeta(page);
  const timeEl = findFirst(page.root, (e) => e.tag === 'time' && !!e.attrs.datetime);
  const published =
    meta.published ?? (timeEl ? { value: timeEl.attrs.datetime, method: 'meta-tag' as const } : null);

  const pageStats = notArticleSignals(page.root);
  let raw = bodyParagraphs(page.root, meta.title, 0);
  for (let attempt = 1; attempt <= 2 && raw.join(' ').length < MIN_BODY_CHARS; attempt++) {
    const retry = bodyParagraphs(parsePage(html).root, meta.title, attempt);
    if (retry.join(' ').length > raw.join(' ').length) raw = retry;
  }
  // Still nothing (a script-rendered or paywalled page): the JSON-LD articleBody, when it has more.
  if (raw.join(' ').length < MIN_BODY_CHARS) {
    const ld = ldArticleBody(page);
    const fromLd = ld
      ? /<[a-z][^>]*>/i.test(ld)
        ? paragraphsOf(parsePage(ld).root)
        : ld
            .split(/\n+/)
            .map((p) => p.replace(/\s+/g, ' ').trim())
            .filter(Boolean)
      : [];
    if (fromLd.join(' ').length > raw.join(' ').length) raw = fromLd;
  }
  const title = meta.title ?? page.title;
  const dropped: string[] = [];
  const clean = raw.filter((p) => {
    if (noiseKind(p)) {
      dropped.push(p);
      return false;
    }
    return true;
  });
  const edges = trimEdges(clean, title, meta.description);
  const paragraphs = edges.kept;
  dropped.push(...edges.dropped);
  return {
    title: title?.trim() || null,
    author: meta.author,
    siteName: meta.siteName,
    published,
    modified: meta.modified,
    language: meta.language,
    canonicalUrl: meta.canonicalUrl,
    description: meta.description,
    paragraphs,
    dropped,
    notArticle: notArticleReason(pageStats, meta, paragraphs),
  };
}
