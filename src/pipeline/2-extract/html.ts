// HTML page → article body and metadata. Nothing in the page is executed: html-tree.ts only
// tokenizes, dropping scripts, styles and embedded objects while it builds the tree. Order:
//   1. parse (html-tree)            2. metadata: JSON-LD, OpenGraph, meta tags (html-meta)
//   3. prune furniture (html-prepare)   4. body container, Readability's scoring (html-body)
//   5. clean inside it (html-clean)     6. retry without class filters; JSON-LD articleBody last
//   7. the block model keeps, drops or adds blocks around the rules' body (html-blocks, block-model)
//   8. leftover lines (noise, html-edges)   9. is it an article at all? (html-page-kind)
import { type El, findFirst, type Page, parsePage } from './html-tree.ts';
import { linkDensity } from './html-measure.ts';
import { ldArticleBody, pageMeta, type PageMeta } from './html-meta.ts';
import { paragraphize, prune } from './html-prepare.ts';
import { contains, headerLead, scoreCandidates, topCandidate, withSiblings } from './html-body.ts';
import { cleanArticle, paragraphsOf } from './html-clean.ts';
import { notArticleReason, notArticleSignals } from './html-page-kind.ts';
import { noiseKind } from '../../text/furniture/index.ts';
import { trimEdges } from './html-edges.ts';
import { type Block, blockFeatures, FEATURE_NAMES, rawBlocks } from './html-blocks.ts';
import { type BlockModel, bodyProbability, shippedModel } from './block-model.ts';

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
function bodyParagraphs(root: El, title: string | null, attempt: number): RulesBody {
  prune(root, attempt > 0);
  paragraphize(root);
  const scores = scoreCandidates(root);
  const top = topCandidate(root, scores);
  const article: El = top ? withSiblings(top, scores) : root;
  // The standfirst some pages keep in the headline's <header>, outside the body container.
  const lead = top ? headerLead(top, root).filter((p) => !contains(article, p)) : [];
  // What the container held before cleaning: the block model reads what the cleaning removed.
  const container = top ? paragraphsOf(article) : [];
  cleanArticle(article, scores, title, attempt < 2);
  // Without the container tests a list of headlines would pass for a body: it must read as text.
  if (attempt >= 2 && linkDensity(article) > MAX_LENIENT_LINK_DENSITY) return { paragraphs: [], container };
  return { paragraphs: [...lead.flatMap((p) => paragraphsOf(p)), ...paragraphsOf(article)], container };
}

interface RulesBody {
  paragraphs: string[];
  /** The body container's blocks before cleaning. */
  container: string[];
}

/** The rule-based body, and the page's blocks with their features for the block model. */
export interface BodyCandidates {
  /** Paragraphs the rules chose (before line filters). */
  rules: string[];
  /** Every visible block of the page, `kept` marking the rules' choice; empty when the body came from JSON-LD. */
  blocks: Block[];
}

function bodyCandidates(html: string, page: Page, title: string | null): BodyCandidates {
  const raw = rawBlocks(page.root);
  let body = bodyParagraphs(page.root, title, 0);
  for (let attempt = 1; attempt <= 2 && body.paragraphs.join(' ').length < MIN_BODY_CHARS; attempt++) {
    const retry = bodyParagraphs(parsePage(html).root, title, attempt);
    if (retry.paragraphs.join(' ').length > body.paragraphs.join(' ').length) body = retry;
  }
  const rules = body.paragraphs;
  // Still nothing (a script-rendered or paywalled page): the JSON-LD articleBody, when it has more.
  if (rules.join(' ').length < MIN_BODY_CHARS) {
    const ld = ldArticleBody(page);
    const fromLd = ld
      ? /<[a-z][^>]*>/i.test(ld)
        ? paragraphsOf(parsePage(ld).root)
        : ld
            .split(/\n+/)
            .map((p) => p.replace(/\s+/g, ' ').trim())
            .filter(Boolean)
      : [];
    if (fromLd.join(' ').length > rules.join(' ').length) return { rules: fromLd, blocks: [] };
  }
  return { rules, blocks: blockFeatures(raw, new Set(rules), new Set(body.container)) };
}

const KEPT = FEATURE_NAMES.indexOf('kept');
/** Most the model may add to a body the rules found, as a share of it. */
const MAX_ADDED_SHARE = 1;
/** Blocks the model adds must lie within this many blocks of the body (or of another added block). */
const MAX_JUMP = 8;

/** For the model's training script: the same candidates extractHtml reads. */
export function htmlBodyCandidates(html: string): BodyCandidates {
  const page = parsePage(html);
  return bodyCandidates(html, page, pageMeta(page).title);
}

/**
 * The body: the blocks the model keeps, in page order. The rules' choice stands when there is no
 * model, no blocks (a JSON-LD body), or when the model keeps almost nothing of a page the rules
 * found a body in.
 */
export function modelBody(c: BodyCandidates, model: BlockModel | null): string[] {
  if (!model || !c.blocks.length) return c.rules;
  const rulesChars = c.rules.join(' ').length;
  const keep = c.blocks.map((b) =>
    b.features[KEPT]
      ? bodyProbability(model, b.features) >= model.threshold
      : bodyProbability(model, b.features) >= model.addThreshold,
  );
  // The article is one stretch of the page: a block is added only next to the rules' body or to a
  // block added next to it (a few blocks of gap allowed), never a cookie notice or teaser far off.
  if (rulesChars >= MIN_BODY_CHARS) {
    const anchor = c.blocks.map((b) => !!b.features[KEPT]);
    const reach = (order: number[]) => {
      const ok = new Set<number>();
      let last = -Infinity;
      for (const i of order) {
        if (anchor[i]) last = i;
        else if (keep[i] && Math.abs(i - last) <= MAX_JUMP) {
          ok.add(i);
          last = i;
        }
      }
      return ok;
    };
    const idx = c.blocks.map((_, i) => i);
    const forward = reach(idx);
    const backward = reach(idx.reverse());
    for (let i = 0; i < keep.length; i++)
      if (!anchor[i] && !forward.has(i) && !backward.has(i)) keep[i] = false;
  }
  const added = c.blocks.reduce((n, b, i) => n + (keep[i] && !b.features[KEPT] ? b.text.length : 0), 0);
  // When it would still more than double a body the rules found, the model has taken a comment
  // thread or a second story for the article: add nothing.
  const cap = rulesChars >= MIN_BODY_CHARS && added > rulesChars * MAX_ADDED_SHARE;
  if (cap) for (let i = 0; i < keep.length; i++) keep[i] &&= !!c.blocks[i].features[KEPT];
  const kept = merge(c, keep);
  const keptChars = kept.join(' ').length;
  return keptChars >= MIN_BODY_CHARS || keptChars >= rulesChars ? kept : c.rules;
}

/**
 * The kept blocks in page order, with the rules' paragraphs that match no block as the rules wrote
 * them: a paragraph cleaned inside (a hover card cut out of a sentence) is no block's text, and
 * the model cannot judge it, so the rules' version stands where it sits among the others.
 */
function merge(c: BodyCandidates, keep: boolean[]): string[] {
  const index = new Map<string, number[]>();
  c.blocks.forEach((b, i) => index.set(b.text, [...(index.get(b.text) ?? []), i]));
  const out: string[] = [];
  let j = 0;
  const emitUpTo = (k: number) => {
    for (; j < k; j++) if (keep[j]) out.push(c.blocks[j].text);
  };
  for (const r of c.rules) {
    const k = index.get(r)?.find((i) => i >= j);
    if (k === undefined) {
      out.push(r);
      continue;
    }
    emitUpTo(k);
    if (keep[k]) out.push(r);
    j = k + 1;
  }
  emitUpTo(c.blocks.length);
  return out;
}

export function extractHtml(html: string, model: BlockModel | null = shippedModel()): HtmlArticle {
  const page = parsePage(html);
  const meta = pageMeta(page);
  const timeEl = findFirst(page.root, (e) => e.tag === 'time' && !!e.attrs.datetime);
  const published =
    meta.published ?? (timeEl ? { value: timeEl.attrs.datetime, method: 'meta-tag' as const } : null);

  const pageStats = notArticleSignals(page.root);
  const raw = modelBody(bodyCandidates(html, page, meta.title), model);
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
