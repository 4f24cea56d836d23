// The plain-text conventions of PRODUCT.md: optional YAML front matter; else the first line is
// the title, a short unpunctuated second line is a subtitle, a line that is only a date is the
// publication date, and scraper leftovers (tag lines, file names, share prompts) are dropped.
import { parse as parseYaml } from 'yaml';
import { noiseKind } from '../../text/furniture/index.ts';
import { parseDateString, type ParsedDate } from './published-date.ts';
import { ExtractError } from './errors.ts';

export interface PlainTextParts {
  frontMatter: Record<string, unknown>;
  title: string | null;
  subtitle: string | null;
  author: string | null;
  /** The outlet a byline names ("By Jane Doe | The Plainsman"). */
  outlet: string | null;
  /** A date line found in the text, with the line as written. */
  dateLine: (ParsedDate & { text: string }) | null;
  /** Body paragraphs, clean. */
  paragraphs: string[];
  dropped: string[];
}

/** Splits `---` YAML front matter from the body. */
export function splitFrontMatter(content: string): { data: Record<string, unknown>; body: string } {
  const m = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(content);
  if (!m) return { data: {}, body: content };
  let data: unknown;
  try {
    data = parseYaml(m[1], { maxAliasCount: 10 });
  } catch (err) {
    throw new ExtractError(`malformed YAML front matter: ${(err as Error).message.split('\n')[0]}`);
  }
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    throw new ExtractError('malformed YAML front matter: expected key: value pairs');
  }
  return { data: (data ?? {}) as Record<string, unknown>, body: content.slice(m[0].length) };
}

// "By Jane Doe", "By Valley Courier staff", "By Elena Vidal, special correspondent" (the role is not the author).
const BYLINE = /^([Bb]y|[Pp]or|[Pp]ar|[Vv]on)\s+(\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]+|de|da|del|van|von|y|and|&)){0,5}(?:\s+staff)?)(?:,\s*\p{Ll}[\p{L} ]{1,40})?\s*$/u;
// The outlet beside a byline: "By Jane Doe | The Plainsman".
const OUTLET = /^(?:The\s+)?\p{Lu}[\p{L}'’.&-]*(?:\s+\p{Lu}[\p{L}'’.&-]*){0,4}$/u;
const TERMINAL = /[.!?:;"”»'’)\]…]$/;

/** Parses text that follows the plain-text conventions (Markdown already turned into text). */
export function parsePlainText(content: string, opts: { hasTitle: boolean }): Omit<PlainTextParts, 'frontMatter'> {
  const dropped: string[] = [];
  let title: string | null = null;
  let subtitle: string | null = null;
  let author: string | null = null;
  let outlet: string | null = null;
  let dateLine: PlainTextParts['dateLine'] = null;
  const paragraphs: string[] = [];
  let current: string[] = [];
  let bodyStarted = false;
  const flush = () => {
    if (current.length) paragraphs.push(current.join(' ').replace(/\s+/g, ' ').trim());
    current = [];
  };

  const lines = content.split('\n');
  // A wrapped paragraph continues on a line that starts in lower case: no subtitle there.
  const continues = (i: number) => /^\s*\p{Ll}/u.test(lines.slice(i + 1).find((l) => l.trim()) ?? '');
  for (const [i, rawLine] of lines.entries()) {
    const line = rawLine.replace(/\s+/g, ' ').trim();
    if (!line) {
      flush();
      continue;
    }
    if (noiseKind(line)) {
      dropped.push(line);
      continue;
    }
    // Header lines ("By Jane Doe | March 14, 2026", "By Jane Doe | The Plainsman") can combine byline, outlet and date.
    const parts = line.split(/\s+[|·•—–]\s+/);
    const dates = parts.map((p) => parseDateString(p));
    const bylines = parts.map((p) => BYLINE.exec(p));
    const byline = bylines.some(Boolean);
    if (parts.every((p, i) => dates[i] || bylines[i] || (byline && OUTLET.test(p)))) {
      const d = dates.find(Boolean);
      const b = bylines.find(Boolean);
      if (d && !dateLine) dateLine = { ...d, text: parts[dates.indexOf(d)] };
      if (b && !author && !bodyStarted) author = b[2];
      const named = parts.find((p, i) => !dates[i] && !bylines[i]);
      if (b && named && !outlet && !bodyStarted) outlet = named;
      if ((d && dateLine?.text === parts[dates.indexOf(d)]) || (b && !bodyStarted)) {
        dropped.push(line);
        continue;
      }
    }
    if (!opts.hasTitle && title === null) {
      title = line;
      continue;
    }
    if (title !== null && subtitle === null && !bodyStarted && paragraphs.length === 0 && current.length === 0) {
      if (line.length <= 140 && !TERMINAL.test(line) && line.split(' ').length >= 2 && !continues(i)) {
        subtitle = line;
        continue;
      }
    }
    bodyStarted = true;
    // Lines of one paragraph: join a line to the previous one unless that one ended a sentence.
    if (current.length && TERMINAL.test(current[current.length - 1])) flush();
    current.push(line);
  }
  flush();
  return { title, subtitle, author, outlet, dateLine, paragraphs, dropped };
}
