// Shapes one story report for the story page: sources as columns, facts × sources rows, the
// source sentence behind each brief citation, the timeline and the map points.
import type { StoryReport } from '../../model/index.ts';

export interface SourceColumn {
  article: string;
  source: string;
  title: string;
  published: string | null;
  /** Near-copies of this article: they are not independent sources and share its column. */
  copies: string[];
}

export type FactRow =
  | { status: 'agreed' | 'single'; fact: string; cells: Record<string, true> }
  | {
      status: 'conflict';
      kind: string;
      fact: string;
      cells: Record<string, string>;
      values: string[];
      /** The side of each value: forms on one side agree ("about 12,000", "some 12,000"). */
      sides: number[];
      /** Where each column's value is written, for a link to the highlighted passage. */
      evidence: Record<string, { article: string; start: number; end: number }>;
      /** The comparison's one line for a reader ("likely a spelling variant…"), if any. */
      note: string | null;
    };

/** The story's event day; when sources dispute it, each side with its source columns, as conflict rows show sides. */
export interface WhenView {
  date: string | null;
  /** 'published' when no report states the day and the publication day stands in. */
  basis: 'text' | 'published' | null;
  /** Empty when the day is settled. */
  sides: {
    date: string;
    side: number;
    sources: string[];
    evidence: { article: string; start: number; end: number } | null;
  }[];
}

export interface Citation {
  article: string;
  source: string;
  start: number;
  end: number;
  text: string;
}

export interface TimelineEntry {
  date: string;
  /** How precise `date` is (a month is written as its first day); absent: a day. */
  granularity?: string;
  kind: 'event' | 'published';
  text: string;
  articles: string[];
  /** History long before the event (the story's background). */
  background?: boolean;
}

const words = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .normalize('NFKD')
      .match(/\p{L}[\p{L}\p{N}'-]*|\p{N}+/gu) ?? [],
  );

/** Rough sentence spans, enough to find the closest sentence to a brief line that was reworded. */
export function roughSentences(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const re = /[^\s][^]*?(?:[.!?]["'”’)]*(?=\s|$)|\n\n|$)/g;
  for (let m; (m = re.exec(text)) && m[0];)
    spans.push({ start: m.index, end: m.index + m[0].trimEnd().length });
  return spans;
}

/** The sentence of `text` that a brief sentence comes from: verbatim if present, else the closest by shared words. */
export function sourceSentence(text: string, brief: string) {
  const at = text.indexOf(brief.trim());
  if (at >= 0) return { start: at, end: at + brief.trim().length };
  const sentences = roughSentences(text);
  const want = words(brief);
  let best: { start: number; end: number } | null = null;
  let bestScore = 0;
  for (const s of sentences) {
    const have = words(text.slice(s.start, s.end));
    let shared = 0;
    for (const w of want) if (have.has(w)) shared++;
    const score = shared / (want.size + have.size - shared || 1);
    if (score > bestScore) [best, bestScore] = [s, score];
  }
  return bestScore >= 0.2 ? best : null;
}

/** `texts`: each article's clean text, for the sentences the brief cites. */
export function presentStory(report: StoryReport, texts: Map<string, string>) {
  const originalOf = new Map(
    report.articles.map((a) => [
      a.id,
      a.copy_of && report.articles.some((o) => o.id === a.copy_of) ? a.copy_of : a.id,
    ]),
  );
  const column = (id: string) => originalOf.get(id) ?? id;
  const sources: SourceColumn[] = report.articles
    .filter((a) => column(a.id) === a.id)
    .map((a) => ({
      article: a.id,
      source: a.source,
      title: a.title,
      published: a.published,
      copies: report.articles.filter((c) => c.id !== a.id && column(c.id) === a.id).map((c) => c.id),
    }));
  const when: WhenView = {
    date: report.when,
    basis: report.when_basis ?? null,
    sides: (report.when_disputed ?? []).map((d, side) => ({
      date: d.date,
      side,
      sources: [...new Set(d.articles.map(column))],
      evidence: d.evidence[0] ?? null,
    })),
  };
  const mark = (ids: string[]) => Object.fromEntries(ids.map((id) => [column(id), true as const]));
  const facts: FactRow[] = [
    ...report.comparison.conflicts.map((c) => {
      const cells: Record<string, string> = {};
      const evidence: Record<string, { article: string; start: number; end: number }> = {};
      for (const v of c.values) {
        for (const id of v.articles) cells[column(id)] = v.value;
        for (const e of v.evidence ?? [])
          evidence[column(e.article)] ??= { article: e.article, start: e.start, end: e.end };
      }
      return {
        status: 'conflict' as const,
        kind: c.kind,
        fact: c.about,
        cells,
        values: c.values.map((v) => v.value),
        sides: c.values.map((v, i) => v.side ?? i),
        evidence,
        note: c.note ?? null,
      };
    }),
    ...report.comparison.agreed.map((f) => ({
      status: 'agreed' as const,
      fact: f.fact,
      cells: mark(f.articles),
    })),
    ...report.comparison.single_source.map((f) => ({
      status: 'single' as const,
      fact: f.fact,
      cells: mark(f.articles),
    })),
  ];
  const sourceName = new Map(report.articles.map((a) => [a.id, a.source]));
  const brief = report.brief.map((b) => ({
    ...b,
    citations: b.articles.flatMap((id): Citation[] => {
      const t = texts.get(id);
      const span = t ? sourceSentence(t, b.text) : null;
      return t && span
        ? [{ article: id, source: sourceName.get(id) ?? '', ...span, text: t.slice(span.start, span.end) }]
        : [];
    }),
  }));
  // The report's timeline holds only statements of what happened; older reports have only dates.
  const events: TimelineEntry[] = report.timeline
    ? report.timeline.map((t) => ({ date: t.date, kind: 'event' as const, text: t.what, articles: t.articles, ...(t.background ? { background: true } : {}) }))
    : report.dates.map((d) => ({
        date: d.date,
        ...(d.granularity && d.granularity !== 'day' ? { granularity: d.granularity } : {}),
        kind: 'event' as const,
        text: d.what || d.text,
        articles: d.articles,
      }));
  const timeline: TimelineEntry[] = [
    ...events,
    ...report.articles
      .filter((a) => a.published)
      .map((a) => ({
        date: a.published as string,
        kind: 'published' as const,
        text: `${a.source}: ${a.title}`,
        articles: [a.id],
      })),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
  const quotes = new Map<
    string,
    { speaker: string | null; quotes: { text: string; article: string; source: string }[] }
  >();
  for (const q of report.quotes) {
    const key = q.speaker ?? '';
    const group = quotes.get(key) ?? { speaker: q.speaker, quotes: [] };
    group.quotes.push({ text: q.text, article: q.article, source: sourceName.get(q.article) ?? '' });
    quotes.set(key, group);
  }
  // Spellings: an entity written several ways, or a conflict the comparison typed as a spelling variant.
  const variants = [
    ...report.entities
      .filter((e) => e.variants.length > 1)
      .map((e) => ({ name: e.name, forms: e.variants.map((v) => v.form) })),
    ...report.comparison.conflicts
      .filter((c) => c.kind === 'spelling-variant')
      .map((c) => ({ name: c.about, forms: c.values.map((v) => v.value) })),
  ];
  return {
    when,
    sources,
    facts,
    brief,
    howMany: report.how_many ?? [],
    timeline,
    map: {
      main: report.where,
      points: report.places.map((p) => ({ ...p, main: report.where?.name === p.name })),
    },
    quotes: [...quotes.values()].sort((a, b) => b.quotes.length - a.quotes.length),
    variants,
  };
}

export type StoryView = ReturnType<typeof presentStory>;
