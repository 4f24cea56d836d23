// Shapes one stored article for the article view: its text plus the mention spans to highlight.
import type { Mentions } from '../../model/index.ts';
import type { StoredArticle } from '../../store/store.ts';

export type HighlightKind = 'person' | 'organization' | 'place' | 'other' | 'date' | 'figure' | 'quote';

export interface Highlight {
  start: number;
  end: number;
  kind: HighlightKind;
  /** What the span resolved to: canonical name, day, value. */
  label: string;
}

/** Mention spans, sorted and without overlaps (an earlier or longer span wins) so the page can wrap each one. */
export function highlights(m: Mentions, textLength: number): Highlight[] {
  const all: Highlight[] = [
    ...m.entities.map((e) => ({ start: e.start, end: e.end, kind: e.type, label: e.name })),
    ...m.places.map((p) => ({
      start: p.start,
      end: p.end,
      kind: 'place' as const,
      label: [p.name, p.country].filter(Boolean).join(', '),
    })),
    ...m.dates.map((d) => ({
      start: d.start,
      end: d.end,
      kind: 'date' as const,
      label: d.date ?? 'unresolved date',
    })),
    ...m.figures.map((f) => ({
      start: f.start,
      end: f.end,
      kind: 'figure' as const,
      label: [f.value ?? f.text, f.counts].filter((x) => x != null).join(' '),
    })),
  ].filter(
    (h) =>
      Number.isInteger(h.start) &&
      Number.isInteger(h.end) &&
      h.start >= 0 &&
      h.end <= textLength &&
      h.start < h.end,
  );
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Highlight[] = [];
  for (const h of all) if (!out.length || h.start >= out[out.length - 1].end) out.push(h);
  return out;
}

export function presentArticle(s: StoredArticle, versions: unknown[]) {
  const { article: a, mentions } = s;
  return {
    id: a.id,
    storyId: s.storyId,
    copyOf: s.copyOf,
    source: a.source,
    title: a.title,
    subtitle: a.subtitle,
    author: a.author,
    url: a.url,
    path: a.path,
    language: a.language,
    published: a.published,
    text: a.text,
    paragraphs: a.paragraphs,
    dropped: a.dropped,
    highlights: highlights(mentions, a.text.length),
    quotes: mentions.quotes.map((q) => ({ start: q.start, end: q.end, text: q.text, speaker: q.speaker })),
    mentions,
    versions,
  };
}
