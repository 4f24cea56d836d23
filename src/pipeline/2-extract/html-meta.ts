// Page metadata from JSON-LD, OpenGraph and other <meta> tags, most reliable first: JSON-LD of an
// article type, then OpenGraph/article:*, then Dublin Core and ad-hoc names, then <html lang>.
import type { Page } from './html-tree.ts';

export interface PageMeta {
  title: string | null;
  author: string | null;
  siteName: string | null;
  published: { value: string; method: 'json-ld' | 'meta-tag' } | null;
  modified: string | null;
  language: string | null;
  canonicalUrl: string | null;
  description: string | null;
  /** The JSON-LD @type of the main item (e.g. NewsArticle, CollectionPage), if any. */
  ldType: string | null;
  /** OpenGraph og:type (article, website, video...). */
  ogType: string | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const typesOf = (o: Obj) => [o['@type']].flat().map(String);
const ARTICLE_TYPE = /Article|Report|Posting|Blog|NewsArticle/i;
/** JSON-LD blocks bigger than this are not parsed (some embed whole product catalogues). */
const MAX_LD_CHARS = 500_000;

/** Some sites leave raw line breaks (invalid in JSON strings) or a trailing semicolon in the block. */
function parseLd(block: string): unknown {
  const json = block.trim().replace(/;\s*$/, '');
  try {
    return JSON.parse(json);
  } catch {
    return JSON.parse(json.replace(/[\n\r\t]+/g, ' '));
  }
}

/** All items of the page's JSON-LD blocks, @graph flattened; broken blocks are skipped. */
export function jsonLdItems(blocks: string[]): Obj[] {
  const out: Obj[] = [];
  for (const block of blocks) {
    if (block.length > MAX_LD_CHARS) continue;
    try {
      const data = parseLd(block);
      for (const d of [data].flat()) {
        if (!isObj(d)) continue;
        if (Array.isArray(d['@graph'])) out.push(...d['@graph'].filter(isObj));
        else out.push(d);
      }
    } catch {
      // Broken JSON-LD is common; the meta tags still count.
    }
  }
  return out;
}

const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.replace(/\s+/g, ' ').trim() : null;

function nameOf(v: unknown): string | null {
  const names = [v]
    .flat()
    .map((a) => (typeof a === 'string' ? text(a) : isObj(a) ? text(a.name) : null))
    .filter((a): a is string => !!a && !/^https?:\/\//.test(a));
  return names.length ? names.join(', ') : null;
}

/** "By Mara Lind" → "Mara Lind". */
const cleanAuthor = (a: string | null) => a?.replace(/^(by|von|por|par|di)\s+/i, '').trim() || null;

export function pageMeta(page: Page): PageMeta {
  const items = jsonLdItems(page.jsonLd);
  const ld = items.find((o) => typesOf(o).some((t) => ARTICLE_TYPE.test(t))) ?? null;
  const main =
    ld ?? items.find((o) => typesOf(o).some((t) => /Page|Gallery|Collection|Video/i.test(t))) ?? null;
  const metaMap = new Map<string, string>();
  for (const m of page.metas) {
    const key = (
      m.attrs.property ??
      m.attrs.name ??
      m.attrs.itemprop ??
      m.attrs['http-equiv'] ??
      ''
    ).toLowerCase();
    const value = m.attrs.content?.trim();
    if (key && value && !metaMap.has(key)) metaMap.set(key, value);
  }
  const meta = (...keys: string[]) => {
    for (const k of keys) {
      const v = metaMap.get(k.toLowerCase());
      if (v) return v;
    }
    return null;
  };
  // article:author is often a profile URL; a name is wanted.
  const metaName = (...keys: string[]) =>
    keys.map((k) => metaMap.get(k)).find((v) => v && !/^https?:\/\//i.test(v)) ?? null;
  const ldPublished = text(ld?.datePublished) ?? text(ld?.dateCreated);
  const metaPublished = meta(
    'article:published_time',
    'og:published_time',
    'datepublished',
    'publishdate',
    'pubdate',
    'dc.date.issued',
    'dc.date',
    'dcterms.created',
    'date',
    'sailthru.date',
    'parsely-pub-date',
    'publication_date',
  );
  const canonical = page.links
    .find((l) => /(^|\s)canonical(\s|$)/i.test(l.attrs.rel ?? ''))
    ?.attrs.href?.trim();
  const lang =
    text(ld?.inLanguage) ?? page.htmlLang ?? meta('content-language', 'og:locale', 'dc.language', 'language');
  return {
    title: text(ld?.headline) ?? meta('og:title', 'twitter:title', 'dc.title') ?? page.title,
    author: cleanAuthor(
      nameOf(ld?.author) ??
        metaName('author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author'),
    ),
    siteName: nameOf(ld?.publisher) ?? meta('og:site_name', 'application-name'),
    published: ldPublished
      ? { value: ldPublished, method: 'json-ld' }
      : metaPublished
        ? { value: metaPublished, method: 'meta-tag' }
        : null,
    modified:
      text(ld?.dateModified) ??
      meta('article:modified_time', 'og:updated_time', 'dcterms.modified', 'last-modified'),
    language: lang ? lang.split(/[-_,\s]/)[0]?.toLowerCase() || null : null,
    canonicalUrl: canonical || meta('og:url') || text(ld?.url) || null,
    description: text(ld?.description) ?? meta('og:description', 'description', 'twitter:description'),
    ldType: main ? (typesOf(main)[0] ?? null) : null,
    ogType: meta('og:type'),
  };
}

/** JSON-LD articleBody as written (line breaks kept; it may hold HTML), when the page carries one. */
export function ldArticleBody(page: Page): string | null {
  const item = jsonLdItems(page.jsonLd).find(
    (o) => typeof o.articleBody === 'string' && o.articleBody.trim(),
  );
  return item ? (item.articleBody as string) : null;
}
