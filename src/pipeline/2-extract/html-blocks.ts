// The page as a sequence of text blocks (one per paragraph-like element, as paragraphsOf cuts the
// body), each with language-independent features for the block classifier (block-model.ts): its
// size, link and punctuation density, the tag it sits in, what its ancestors' class/id names
// suggest, its place in the page, its neighbours, and whether the rule-based body kept it.
import { type El, isEl } from './html-tree.ts';
import { matchString, RE } from './html-measure.ts';

export interface Block {
  text: string;
  features: number[];
}

/** Subtrees that are never body text (Readability drops them before scoring, as html-prepare does). */
const SKIP_TAGS = new Set(['nav', 'footer', 'aside', 'dialog', 'menu', 'input', 'fieldset']);
const SKIP_ROLES = new Set(['menu', 'menubar', 'navigation', 'alert', 'alertdialog', 'dialog', 'search']);
const BLOCK = new Set([
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
const isHidden = (el: El) =>
  'hidden' in el.attrs ||
  el.attrs['aria-hidden'] === 'true' ||
  /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.attrs.style ?? '');

/** What a block inherits from its ancestors. */
interface Context {
  tag: string;
  depth: number;
  inLink: boolean;
  inList: boolean;
  inTable: boolean;
  inHeader: boolean;
  inArticle: boolean;
  inFigure: boolean;
  inQuote: boolean;
  unlikely: number;
  positive: number;
  negative: number;
  byline: number;
  comment: number;
  /** Element under which this block sits, two block levels up: blocks sharing it are one group. */
  group: El | null;
}

export interface RawBlock {
  text: string;
  linkChars: number;
  ctx: Context;
}

const COMMENTISH = /comment|discuss|repl(y|ies)|respond|disqus|reaction/i;
const CAPTIONISH = /caption|credit|byline|author|meta|date|time|tag|share|social|comment|related/i;

function childContext(ctx: Context, el: El): Context {
  const ms = matchString(el);
  const named = ms.length > 1;
  const block = BLOCK.has(el.tag);
  return {
    tag: block ? el.tag : ctx.tag,
    depth: ctx.depth + 1,
    inLink: ctx.inLink || el.tag === 'a',
    inList: ctx.inList || el.tag === 'li',
    inTable: ctx.inTable || el.tag === 'td' || el.tag === 'th',
    inHeader: ctx.inHeader || el.tag === 'header',
    inArticle:
      ctx.inArticle || el.tag === 'article' || el.tag === 'main' || el.attrs.itemprop === 'articleBody',
    inFigure: ctx.inFigure || el.tag === 'figure' || el.tag === 'figcaption',
    inQuote: ctx.inQuote || el.tag === 'blockquote',
    unlikely: ctx.unlikely + (named && RE.unlikely.test(ms) && !RE.maybe.test(ms) ? 1 : 0),
    positive: ctx.positive + (named && RE.positive.test(ms) ? 1 : 0),
    negative: ctx.negative + (named && (RE.negative.test(ms) || CAPTIONISH.test(ms)) ? 1 : 0),
    byline: ctx.byline + (named && RE.byline.test(ms) ? 1 : 0),
    comment: ctx.comment + (named && COMMENTISH.test(ms) ? 1 : 0),
    group: block && el.tag !== 'p' && el.tag !== 'li' ? el : ctx.group,
  };
}

/**
 * The visible text blocks of a page in document order (hidden parts and navigation skipped). Read
 * before the body extractor prunes the tree.
 */
export function rawBlocks(root: El): RawBlock[] {
  const out: RawBlock[] = [];
  let buffer = '';
  let linkChars = 0;
  let bufCtx: Context | null = null;
  const flush = () => {
    const text = buffer.replace(/\s+/g, ' ').trim();
    if (text && bufCtx) out.push({ text, linkChars: Math.min(linkChars, text.length), ctx: bufCtx });
    buffer = '';
    linkChars = 0;
    bufCtx = null;
  };
  const walk = (el: El, ctx: Context, blockCtx: Context) => {
    for (const c of el.children) {
      if (!isEl(c)) {
        if (!bufCtx) bufCtx = blockCtx;
        buffer += c;
        if (ctx.inLink) linkChars += c.replace(/\s+/g, ' ').length;
        continue;
      }
      if (c.tag === 'br') {
        buffer += ' ';
        continue;
      }
      if (SKIP_TAGS.has(c.tag) || SKIP_ROLES.has(c.attrs.role ?? '') || isHidden(c)) continue;
      const cctx = childContext(ctx, c);
      const block = BLOCK.has(c.tag);
      if (block) flush();
      walk(c, cctx, block ? cctx : blockCtx);
      if (block) flush();
    }
  };
  const top: Context = {
    tag: '#root',
    depth: 0,
    inLink: false,
    inList: false,
    inTable: false,
    inHeader: false,
    inArticle: false,
    inFigure: false,
    inQuote: false,
    unlikely: 0,
    positive: 0,
    negative: 0,
    byline: 0,
    comment: 0,
    group: null,
  };
  walk(root, top, top);
  flush();
  return out;
}

const TAGS = ['p', 'li', 'h1', 'h2', 'h3', 'h4', 'td', 'div', 'blockquote', 'dd', 'pre'] as const;

export const FEATURE_NAMES: string[] = [
  'kept',
  'keptPrev',
  'keptNext',
  'keptNear',
  'keptGap',
  'inKeptSpan',
  'keptGroupShare',
  'keptNone',
  'logLen',
  'logWords',
  'linkDensity',
  'punctDensity',
  'sentenceEnd',
  'commaDensity',
  'digitShare',
  'upperShare',
  'position',
  'depth',
  'inLink',
  'inList',
  'inTable',
  'inHeader',
  'inArticle',
  'inFigure',
  'inQuote',
  'unlikely',
  'positive',
  'negative',
  'byline',
  'comment',
  'beforeKept',
  'afterKept',
  'charsToKept',
  'prevLogLen',
  'nextLogLen',
  'prevLinkDensity',
  'nextLinkDensity',
  'groupLogLen',
  'groupLinkDensity',
  'sameTextElsewhere',
  'avgWordLen',
  'shortWordShare',
  'sentences',
  'lowerStart',
  'dateLike',
  'separators',
  'lenToKeptMedian',
  'charPosition',
  'keptCharShare',
  'keptCharsBefore',
  'keptCharsAfter',
  'colonEnd',
  'inContainer',
  'cleanedOut',
  ...TAGS.map((t) => `tag_${t}`),
];

const PUNCT = new Set([0x2e, 0x21, 0x3f, 0x3b, 0x3a, 0x3002, 0xff01, 0xff1f]);
const COMMAS = new Set([0x2c, 0x60c, 0xff0c]);

/** Sentence punctuation, commas, digits and letters (upper case apart) in a text. */
function charCounts(t: string) {
  let punct = 0;
  let commas = 0;
  let digits = 0;
  let upper = 0;
  let letters = 0;
  for (let i = 0; i < t.length; i++) {
    const code = t.charCodeAt(i);
    if (code < 128) {
      if (code >= 97 && code <= 122) letters++;
      else if (code >= 65 && code <= 90) {
        letters++;
        upper++;
      } else if (code >= 48 && code <= 57) digits++;
      else if (PUNCT.has(code)) punct++;
      else if (COMMAS.has(code)) commas++;
    } else if (PUNCT.has(code)) punct++;
    else if (COMMAS.has(code)) commas++;
    else {
      const ch = t[i];
      const lower = ch.toLowerCase();
      if (lower !== ch.toUpperCase()) {
        letters++;
        if (ch !== lower) upper++;
      }
    }
  }
  return { punct, commas, digits, upper, letters };
}

const SENTENCE_BREAK = /[.!?。！？](\s|$)/g;
const DATE_LIKE = /\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b\d{1,2}:\d{2}\b/;
const SEPARATORS = /[|•·»›«‹/]/g;
/** Words of one to three letters: articles, prepositions and pronouns, common in prose of any language. */
const shortWords = (t: string) => t.match(/(^|\s)\p{L}{1,3}(?=\s|$)/gu)?.length ?? 0;

const SENTENCE_END = /[.!?…。！？"”»)]$/;

/**
 * The page's blocks with their features. `kept` holds the texts the rule-based body extractor chose
 * (before line filters), so the model learns when to trust it and when to widen or narrow it.
 */
export function blockFeatures(
  raw: RawBlock[],
  kept: ReadonlySet<string>,
  container: ReadonlySet<string>,
): Block[] {
  const n = raw.length;
  const isKept = raw.map((b) => kept.has(b.text));
  const keptIdx = isKept.flatMap((k, i) => (k ? [i] : []));
  const first = keptIdx[0] ?? -1;
  const last = keptIdx[keptIdx.length - 1] ?? -1;
  const lens = raw.map((b) => b.text.length);
  const ld = raw.map((b) => b.linkChars / (b.text.length || 1));
  // Blocks under one group element: their combined size and links, and how many the body kept.
  const groups = new Map<El | null, { len: number; link: number; kept: number; all: number }>();
  raw.forEach((b, i) => {
    const g = groups.get(b.ctx.group) ?? { len: 0, link: 0, kept: 0, all: 0 };
    g.len += b.text.length;
    g.link += b.linkChars;
    g.all++;
    if (isKept[i]) g.kept++;
    groups.set(b.ctx.group, g);
  });
  const seen = new Map<string, number>();
  for (const b of raw) seen.set(b.text, (seen.get(b.text) ?? 0) + 1);
  let next = -1;
  const nextKept: number[] = new Array(n);
  for (let i = n - 1; i >= 0; i--) {
    if (isKept[i]) next = i;
    nextKept[i] = next;
  }
  const keptLens = keptIdx.map((i) => lens[i]).sort((a, b) => a - b);
  const keptMedian = keptLens.length ? keptLens[keptLens.length >> 1] : 0;
  const before: number[] = new Array(n);
  const keptBefore: number[] = new Array(n);
  let totalChars = 0;
  let keptChars = 0;
  for (let i = 0; i < n; i++) {
    before[i] = totalChars;
    keptBefore[i] = keptChars;
    totalChars += lens[i];
    if (isKept[i]) keptChars += lens[i];
  }
  // Characters between a block and the nearest kept block (0 for a kept one).
  const charsTo = new Array<number>(n).fill(1e6);
  for (let i = 0, run = 1e6; i < n; i++) {
    run = isKept[i] ? 0 : run + lens[i];
    charsTo[i] = run;
  }
  for (let i = n - 1, run = 1e6; i >= 0; i--) {
    run = isKept[i] ? 0 : run + lens[i];
    charsTo[i] = Math.min(charsTo[i], run);
  }
  let prev = -1;
  const out: Block[] = [];
  for (let i = 0; i < n; i++) {
    const b = raw[i];
    const t = b.text;
    const len = t.length;
    const words = t.split(/\s+/).length;
    const gap = Math.min(
      prev >= 0 ? i - prev : 99,
      nextKept[i] >= 0 ? nextKept[i] - i : 99,
      isKept[i] ? 0 : 99,
    );
    const g = groups.get(b.ctx.group)!;
    const c = charCounts(t);
    let near = 0;
    for (let j = Math.max(0, i - 3); j <= Math.min(n - 1, i + 3); j++) near += +isKept[j];
    const f = [
      +isKept[i],
      i > 0 ? +isKept[i - 1] : 0,
      i < n - 1 ? +isKept[i + 1] : 0,
      near / 7,
      Math.min(gap, 20),
      first >= 0 && i >= first && i <= last ? 1 : 0,
      g.kept / g.all,
      keptIdx.length === 0 ? 1 : 0,
      Math.log1p(len),
      Math.log1p(words),
      ld[i],
      c.punct / (len || 1),
      +SENTENCE_END.test(t),
      c.commas / (len || 1),
      c.digits / (len || 1),
      c.upper / (c.letters || 1),
      n > 1 ? i / (n - 1) : 0,
      Math.min(b.ctx.depth, 40) / 40,
      +b.ctx.inLink,
      +b.ctx.inList,
      +b.ctx.inTable,
      +b.ctx.inHeader,
      +b.ctx.inArticle,
      +b.ctx.inFigure,
      +b.ctx.inQuote,
      Math.min(b.ctx.unlikely, 4),
      Math.min(b.ctx.positive, 4),
      Math.min(b.ctx.negative, 4),
      Math.min(b.ctx.byline, 2),
      Math.min(b.ctx.comment, 3),
      first >= 0 && i < first ? 1 : 0,
      last >= 0 && i > last ? 1 : 0,
      Math.log1p(charsTo[i]),
      i > 0 ? Math.log1p(lens[i - 1]) : 0,
      i < n - 1 ? Math.log1p(lens[i + 1]) : 0,
      i > 0 ? ld[i - 1] : 0,
      i < n - 1 ? ld[i + 1] : 0,
      Math.log1p(g.len),
      g.link / (g.len || 1),
      seen.get(t)! > 1 ? 1 : 0,
      Math.min(c.letters / words, 20),
      shortWords(t) / words,
      Math.min(t.match(SENTENCE_BREAK)?.length ?? 0, 20),
      +/^\p{Ll}/u.test(t),
      +DATE_LIKE.test(t),
      Math.min(t.match(SEPARATORS)?.length ?? 0, 10),
      Math.log((len + 1) / (keptMedian + 1)),
      totalChars ? before[i] / totalChars : 0,
      totalChars ? keptChars / totalChars : 0,
      keptChars ? keptBefore[i] / keptChars : 0,
      keptChars ? (keptChars - keptBefore[i] - (isKept[i] ? len : 0)) / keptChars : 0,
      +/[:：]$/.test(t),
      +container.has(t),
      +(container.has(t) && !isKept[i]),
      ...TAGS.map((tag) => +(b.ctx.tag === tag)),
    ];
    out.push({ text: t, features: f });
    if (isKept[i]) prev = i;
  }
  return out;
}
