// Paragraphs, sentences and tokens as spans into the clean text.
import type { Span } from '../../model/index.ts';

/** Paragraphs: runs of text separated by blank lines. */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) spans.push({ start: m.index! + lead, end: m.index! + lead + trimmed.length });
  }
  return spans;
}

// Words after which a period does not end a sentence (titles, months, initials, common abbreviations).
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st mt ft gen lt col maj capt cmdr sgt cpl pvt adm gov sen rep rev hon pres supt insp det ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'inc ltd co corp plc llc bros dept univ assn est approx vs etc no nos vol fig al ' +
    'sra srta dra lic ing av avda gral tte cnel pág núm ee uu a.m p.m u.s u.k u.n e.u'
  ).split(' '),
);

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang === 'und' ? 'en' : lang, { granularity: 'sentence' });
    segmenters.set(lang, s);
  }
  return s;
}

/** True when the sentence ends in an abbreviation or initial, so the next piece continues it. */
function endsInAbbreviation(piece: string): boolean {
  const m = /(?:^|[\s(“"'])([\p{L}.]{1,8})\.\s*$/u.exec(piece);
  if (!m) return false;
  const word = m[1].toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  if (/^\p{Lu}$/u.test(m[1])) return true; // an initial: "John F. Kennedy"
  return /^(\p{L}\.)+\p{L}?$/u.test(m[1]); // "U.S." "a.m."
}

/** Characters given to the segmenter at once: V8's sentence segmenter is quadratic in its input (1 MB: 25 s). */
const WINDOW = 4096;

/**
 * The segmenter's pieces of a paragraph, found window by window: every piece but a window's last is
 * final; the last one (maybe cut by the window's end) starts the next window, so the pieces are the
 * ones the whole paragraph would give.
 */
function* sentencePieces(para: string, lang: string): Generator<{ index: number; segment: string }> {
  let from = 0;
  while (from < para.length) {
    const to = Math.min(para.length, from + WINDOW);
    let last: { index: number; segment: string } | null = null;
    for (const seg of segmenter(lang).segment(para.slice(from, to))) {
      if (last) yield last;
      last = { index: from + seg.index, segment: seg.segment };
    }
    if (!last) return;
    // The window's last piece is only final at the paragraph's end, or when it is the whole window.
    if (to === para.length || last.index === from) {
      yield last;
      from = last.index + last.segment.length;
    } else from = last.index;
  }
}

/** Sentence spans, paragraph by paragraph, with abbreviation and initial handling. */
export function sentenceSpans(text: string, paragraphs: Span[], lang = 'en'): Span[] {
  const spans: Span[] = [];
  for (const p of paragraphs) {
    const para = text.slice(p.start, p.end);
    let pending: Span | null = null;
    for (const seg of sentencePieces(para, lang)) {
      const raw = seg.segment;
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (!trimmed) continue;
      const span = { start: p.start + seg.index + lead, end: p.start + seg.index + lead + trimmed.length };
      if (pending) {
        const startsLower = /^[\p{Ll}\d]/u.test(trimmed);
        const prev = text.slice(pending.start, pending.end);
        if (endsInAbbreviation(prev) || startsLower) {
          pending.end = span.end;
          continue;
        }
        spans.push(pending);
      }
      pending = span;
    }
    if (pending) spans.push(pending);
  }
  return spans;
}

export interface Token extends Span {
  text: string;
}

/** Word tokens (letters/digits, inner apostrophes and hyphens kept) with their spans. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu)) {
    out.push({ text: m[0], start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}
