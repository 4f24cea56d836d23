// HTML page → article body and metadata, with Readability over linkedom's DOM. Nothing in the
// page is executed: linkedom builds a DOM without running scripts or loading resources.
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { noiseKind } from './noise.ts';

export interface HtmlArticle {
  title: string | null;
  author: string | null;
  siteName: string | null;
  /** Raw publication date value and where it was found. */
  published: { value: string; method: 'json-ld' | 'meta-tag' } | null;
  language: string | null;
  canonicalUrl: string | null;
  paragraphs: string[];
  dropped: string[];
  /** Why the page is not an article (index page, gallery, error page), or null. */
  notArticle: string | null;
}

type Doc = ReturnType<typeof parseHTML>['document'];

function meta(doc: Doc, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

/** JSON-LD NewsArticle fields (the most reliable metadata a page carries). */
function jsonLd(doc: Doc): Record<string, unknown> | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data: unknown = JSON.parse(script.textContent ?? '');
      const items = (Array.isArray(data) ? data : [data]).flatMap((d) =>
        d && typeof d === 'object' && Array.isArray((d as Record<string, unknown>)['@graph'])
          ? ((d as Record<string, unknown>)['@graph'] as unknown[])
          : [d],
      );
      const article = items.find(
        (d): d is Record<string, unknown> =>
          !!d && typeof d === 'object' && /Article|Report|Posting/i.test(String((d as Record<string, unknown>)['@type'])),
      );
      if (article) return article;
    } catch {
      // Broken JSON-LD is common; the meta tags still count.
    }
  }
  return null;
}

function ldAuthor(ld: Record<string, unknown> | null): string | null {
  const a = ld?.author;
  const first = Array.isArray(a) ? a[0] : a;
  if (typeof first === 'string') return first;
  if (first && typeof first === 'object' && typeof (first as Record<string, unknown>).name === 'string')
    return (first as Record<string, string>).name;
  return null;
}

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'TD', 'DT', 'DD', 'FIGCAPTION']);

/** Paragraph texts of an HTML fragment, one per block element. */
export function blockTexts(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const out: string[] = [];
  let buffer = '';
  const flush = () => {
    const t = buffer.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    buffer = '';
  };
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) buffer += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName;
        if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'FIGCAPTION') continue;
        if (tag === 'BR') {
          buffer += ' ';
          continue;
        }
        const block = BLOCKS.has(tag) || tag === 'DIV' || tag === 'SECTION';
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(document.body as unknown as Node);
  flush();
  return out;
}

export function extractHtml(html: string): HtmlArticle {
  const { document } = parseHTML(html);
  const ld = jsonLd(document);
  const published =
    (typeof ld?.datePublished === 'string' && { value: ld.datePublished, method: 'json-ld' as const }) ||
    ((v) => (v ? { value: v, method: 'meta-tag' as const } : null))(
      meta(document, 'article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'date', 'dc.date', 'DC.date.issued', 'sailthru.date', 'parsely-pub-date') ??
        document.querySelector('time[datetime]')?.getAttribute('datetime') ??
        null,
    );
  const language = document.documentElement?.getAttribute('lang')?.split('-')[0]?.toLowerCase() || meta(document, 'og:locale')?.split('_')[0] || null;
  const canonicalUrl =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'og:url') ?? null;
  const metaTitle = (typeof ld?.headline === 'string' ? ld.headline : null) ?? meta(document, 'og:title', 'twitter:title');
  const siteName = meta(document, 'og:site_name', 'application-name') ?? null;
  const metaAuthor = ldAuthor(ld) ?? meta(document, 'author', 'article:author', 'byl');

  // Readability mutates the document it reads; it has had its metadata taken above.
  const parsed = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  const dropped: string[] = [];
  const paragraphs = blockTexts(parsed?.content ?? '').filter((p) => {
    if (noiseKind(p)) {
      dropped.push(p);
      return false;
    }
    return true;
  });
  const title = metaTitle ?? parsed?.title ?? document.querySelector('title')?.textContent?.trim() ?? null;
  // Readability sometimes repeats the headline as the first block.
  if (title && paragraphs[0] && paragraphs[0].trim() === title.trim()) paragraphs.shift();
  return {
    title: title?.trim() || null,
    author: metaAuthor ?? parsed?.byline?.replace(/^by\s+/i, '').trim() ?? null,
    siteName: siteName ?? parsed?.siteName ?? null,
    published,
    language,
    canonicalUrl,
    paragraphs,
    dropped,
    notArticle: null,
  };
}
