// Direct quotes from quotation marks: straight, curly and angle quotes, quotes inside quotes,
// multi-paragraph quotes (each paragraph opens again, only the last closes) and unclosed quotes.
import type { Span } from '../../../model/index.ts';

export interface QuotedPassage extends Span {
  /** Pieces of one quote: several when a quote runs over paragraphs or reopens after a full stop. */
  segments: Span[];
  /** The writer never closed it: it ended at a paragraph end or where another quote opened. */
  unclosed: boolean;
}

function firstSentenceEnd(text: string, from: number, to: number): number {
  const m = /[.!?](?=\s+\p{Lu})/u.exec(text.slice(from, to));
  return m ? from + m.index + 1 : trimmedEnd(text, to);
}

const OPENERS = new Set(['“', '«', '„']);
const CLOSERS = new Set(['”', '»']);
/** A quote longer than this is an unbalanced mark, not a quote. */
const MAX_QUOTE_CHARS = 4000;

/** Position just after the last non-space character before `at`. */
function trimmedEnd(text: string, at: number): number {
  let j = at;
  while (j > 0 && /\s/.test(text[j - 1])) j--;
  return j;
}

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);

function kind(text: string, i: number, inside: boolean): 'open' | 'close' | null {
  const c = text[i];
  if (OPENERS.has(c)) return 'open';
  if (CLOSERS.has(c)) return 'close';
  if (c !== '"') return null;
  const before = text[i - 1];
  if (before === undefined || /[\s([{—–\-\u00a0]/.test(before)) return isSpace(text[i + 1]) ? null : 'open';
  // 'one of them."I got…' (a missing space): outside a quote, a mark before a capital opens one.
  if (!inside && /[.!?,:;]/.test(before) && /\p{Lu}/u.test(text[i + 1] ?? '')) return 'open';
  return 'close';
}

/** An opening mark right after a full stop or a line break continues the open quote (next paragraph). */
function continues(text: string, at: number): boolean {
  let j = at - 1;
  while (j >= 0 && /\s/.test(text[j])) j--;
  return text.slice(j + 1, at).includes('\n') || /[.!?…:]/.test(text[j] ?? '');
}

export function quotedPassages(original: string): QuotedPassage[] {
  // Some archives write quotation marks as two apostrophes (''This isn't reform,'' he said): read the
  // pair as one straight mark (the first apostrophe becomes ", the length and offsets stay).
  const doubled = original.includes("''");
  const text = doubled ? original.replace(/''/g, '"\'') : original;
  const out: QuotedPassage[] = [];
  let open: { start: number; segStart: number; depth: number; segments: Span[]; unclosed: boolean } | null =
    null;
  const finish = (end: number) => {
    if (!open) return;
    open.segments.push({ start: open.segStart, end });
    out.push({ start: open.start, end, segments: open.segments, unclosed: open.unclosed });
    open = null;
  };
  const interesting = /["“”«»„]|\n\n/g;
  for (let m = interesting.exec(text); m; m = interesting.exec(text)) {
    const i = m.index;
    const c = text[i];
    if (c === '\n') {
      if (!open) continue;
      // A paragraph ends inside a quote: it goes on only if the next paragraph reopens it.
      let j = i;
      while (j < text.length && /\s/.test(text[j])) j++;
      if (kind(text, j, true) !== 'open') {
        open.unclosed = true;
        finish(trimmedEnd(text, i));
      }
      continue;
    }
    if (c !== '"' && !OPENERS.has(c) && !CLOSERS.has(c)) continue;
    const k = kind(text, i, open !== null);
    if (!k) continue;
    if (open && i - open.start > MAX_QUOTE_CHARS) open = null;
    if (k === 'open') {
      if (!open) open = { start: i, segStart: i, depth: 0, segments: [], unclosed: false };
      else if (open.depth === 0 && continues(text, i)) {
        open.segments.push({ start: open.segStart, end: trimmedEnd(text, i) });
        open.segStart = i;
      } else if (c === '"' || open.depth > 0) open.depth++;
      else {
        // A curly opening mark inside a curly quote: the writer never closed the first one. It ends
        // with its first sentence ('“The suspect took a stance, said Monahan. … a “pipe …”').
        const end = firstSentenceEnd(text, open.segStart, i);
        open.unclosed = true;
        finish(end);
        open = { start: i, segStart: i, depth: 0, segments: [], unclosed: false };
      }
    } else if (open) {
      if (open.depth > 0) open.depth--;
      else finish(i + (doubled && original.startsWith("''", i) ? 2 : 1));
    }
  }
  if (open && text.length - (open as { start: number }).start <= MAX_QUOTE_CHARS) {
    (open as { unclosed: boolean }).unclosed = true;
    finish(trimmedEnd(text, text.length));
  }
  return out;
}

/** What is inside the marks, without them. */
export function quoteContent(text: string, span: Span): string {
  return text
    .slice(span.start, span.end)
    .replace(/^(?:["“«„\s]|'')+/, '')
    .replace(/(?:["”»\s]|'')+$/, '');
}
