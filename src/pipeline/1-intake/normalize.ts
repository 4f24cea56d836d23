// One text for every later stage: Unicode NFC, and the invisible characters that split a word for
// search and entities ("Spring\u200cfield") removed. The file or page as read keeps them; only
// what extraction reads is normalised, so search, entities and evidence spans all see one text.
import type { RawReport } from '../../model/index.ts';

/** Zero-width space, word joiner, BOM inside text, soft hyphen, invisible operators. */
const INVISIBLE = /[\u200b\u2060\ufeff\u00ad\u2061-\u2064\u180e]/g;
/** Bidi marks, embeddings, overrides and isolates: they change how text looks, never what it says. */
const BIDI = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;
/** Non-joiner and joiner, removed only between characters of scripts where they never shape anything. */
const JOINERS = /(?<=(.)?)[\u200c\u200d](?=(.)?)/gsu;
/** Scripts whose spelling uses (non-)joiners (Persian, Indic...), and emoji sequences. */
const SHAPED = /[^\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]|\p{Extended_Pictographic}|\ufe0f/u;
/** The same characters written as HTML character references, decoded so the rules above see them. */
const REFERENCES = /&(?:#x0*(200[b-f]|202[a-e]|206[0-9]|feff|ad|61c)|#0*(820[3-7]|823[4-8]|828[89]|829[0-7]|65279|173|1564));?|&(zwnj|zwj|lrm|rlm|shy|ZeroWidthSpace|NoBreak);/gi;
const NAMED: Record<string, string> = { zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f', shy: '\u00ad', zerowidthspace: '\u200b', nobreak: '\u2060' };
const decodeReference = (_: string, hex?: string, dec?: string, name?: string) =>
  hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : NAMED[name!.toLowerCase()];

/** NFC with invisible and bidi control characters removed (joiners kept where a script needs them). */
export function normalizeText(s: string): string {
  return s
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(BIDI, '')
    .replace(JOINERS, (j, before?: string, after?: string) => ((before && SHAPED.test(before)) || (after && SHAPED.test(after)) ? j : ''));
}

/** Report content may be HTML (a page, a JSON body, a feed's item): its references count as characters. */
const normalizeContent = (s: string) => normalizeText(s.replace(REFERENCES, decodeReference));

const deep = (v: unknown, depth = 0): unknown =>
  typeof v === 'string'
    ? normalizeContent(v)
    : depth > 64 || v === null || typeof v !== 'object'
      ? v
      : Array.isArray(v)
        ? v.map((x) => deep(x, depth + 1))
        : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deep(x, depth + 1)]));

/** A report as extraction reads it: content, record, stated and hinted fields normalised. */
export function normalizeReport(raw: RawReport): RawReport {
  return {
    ...raw,
    content: normalizeContent(raw.content),
    ...(raw.record ? { record: deep(raw.record) as Record<string, unknown> } : {}),
    ...(raw.given ? { given: deep(raw.given) as RawReport['given'] } : {}),
    ...(raw.hints ? { hints: deep(raw.hints) as RawReport['hints'] } : {}),
  };
}
