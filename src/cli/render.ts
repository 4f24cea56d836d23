// Text rendering of stories, stories lists and articles for people at a terminal.
import type { StoryReport } from '../model/index.ts';
import type { IngestSummary } from '../pipeline/run.ts';
import type { StoredArticle, StorySummary } from '../store/store.ts';
import { oneLine as l, quotedName } from './terminal-text.ts';

// Every string from a report goes through l() (terminal-text.ts): one line, no control characters.

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function renderStories(stories: StoryReport[]): string {
  return stories
    .map((s) => {
      const sources = new Set(s.articles.map((a) => a.source));
      const when = s.when_disputed ? `when disputed: ${s.when_disputed.map((d) => d.date).join(' vs ')}` : s.when && `when ${s.when}${publishedOnly(s)}`;
      const meta = [when, s.where && `where ${l(s.where.name)}${s.where.country ? `, ${l(s.where.country)}` : ''}`]
        .filter(Boolean)
        .join(' · ');
      const lines = [
        `■ ${l(s.title)}`,
        `  ${l(s.id)} · ${plural(s.articles.length, 'article')} from ${plural(sources.size, 'source')}${meta ? ` · ${meta}` : ''}`,
        ...s.articles.map(
          (a) =>
            `    - ${a.published ?? '(undated)  '} ${l(a.source)}: ${l(a.title)}${a.copy_of ? `  [copy of ${l(a.copy_of)}]` : ''}`,
        ),
      ];
      return lines.join('\n');
    })
    .join('\n\n');
}

export function renderStoryList(list: StorySummary[]): string {
  if (!list.length) return 'No stories yet. Add reports with `parallax ingest PATH`.';
  return list
    .map((s) => `${l(s.id)}  ${String(s.articleCount).padStart(3)} art. ${String(s.sources.length).padStart(2)} src.  ${s.lastPublished ?? '          '}  ${l(s.title)}`)
    .join('\n');
}

const sideLetter = (side: number) => String.fromCharCode(97 + Math.min(side, 25));
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));
const MAX_FACT_ROWS = 40;

/** One story for a reader: conflicts first, the cited brief, the timeline, a facts × sources table. */
export function renderStory(s: StoryReport): string {
  const index = new Map(s.articles.map((a, i) => [a.id, i + 1]));
  const cite = (ids: string[]) => ids.map((id) => `[${index.get(id) ?? id}]`).join('');
  // A disputed day shows each side as the facts table does: its letter, its day, its sources.
  const when = s.when_disputed
    ? `when disputed: ${s.when_disputed.map((d, i) => `${sideLetter(i)} ${d.date} ${cite(d.articles)}`).join('  vs  ')}`
    : s.when && `when ${s.when}${publishedOnly(s)}`;
  const meta = [when, s.where && `where ${l(s.where.name)}${s.where.country ? `, ${l(s.where.country)}` : ''}`].filter(Boolean).join(' · ');
  const out = [`■ ${l(s.title)}`, `  ${l(s.id)} · ${plural(s.articles.length, 'article')}${meta ? ` · ${meta}` : ''}`, ''];
  out.push('Sources:');
  for (const a of s.articles) out.push(`  [${index.get(a.id)}] ${a.published ?? '(undated)'} ${l(a.source)}: ${l(a.title)}${a.copy_of ? `  (copy of [${index.get(a.copy_of) ?? a.copy_of}])` : ''}`);
  if (s.how_many?.length) out.push('', 'How many:', ...howManyLines(s, cite));
  const c = s.comparison;
  if (c.conflicts.length) {
    out.push('', `Conflicts (${c.conflicts.length}):`);
    for (const k of c.conflicts) {
      out.push(`  ! ${k.kind} — ${l(k.about)}`);
      // Forms on one side agree ("About 12,000" / "some 12,000"); "vs" only between sides.
      const sides = new Map<number, string[]>();
      k.values.forEach((v, i) => sides.set(v.side ?? i, [...(sides.get(v.side ?? i) ?? []), `"${l(v.value)}" ${cite(v.articles)}`]));
      out.push(`      ${[...sides.values()].map((forms) => forms.join(' / ')).join('  vs  ')}`);
      if (k.note) out.push(`      ${l(k.note)}`);
    }
  }
  if (s.brief.length) out.push('', 'Brief:', ...s.brief.map((b) => `  ${l(b.text)} ${cite(b.articles)}`));
  if (s.timeline?.length) {
    out.push('', 'Timeline:', ...s.timeline.map((t) => `  ${t.date}  ${t.disputed ? '(disputed) ' : ''}${l(t.what)} ${cite(t.articles)}`));
  }
  out.push('', ...factTable(s, index));
  const adds = (c.coverage ?? []).filter((x) => x.adds.length);
  if (adds.length) {
    out.push('', 'What each source alone adds:');
    for (const x of adds) out.push(`  [${index.get(x.article)}] ${l(x.source)}: ${x.adds.slice(0, 6).map(l).join('; ')}${x.adds.length > 6 ? `; … ${x.adds.length - 6} more` : ''}`);
  }
  return out.join('\n');
}

/** "killed: 3 (agreed) "three" [1][2]"; a disputed count shows its sides, none as settled. */
function howManyLines(s: StoryReport, cite: (ids: string[]) => string): string[] {
  return (s.how_many ?? []).map((h) => {
    const sides = h.values.map((v) => `"${l(v.text)}" ${cite(v.articles)}`);
    return h.status === 'disputed' || h.value === null
      ? `  ${h.what}: disputed — ${sides.join(' vs ')}`
      : `  ${h.what}: ${h.value} (${h.status}) ${sides[0] ?? ''}`.trimEnd() + (h.note ? ` — ${l(h.note)}` : '');
  });
}

/** Facts × sources: conflicts first (a letter per side), then agreed (●), then single-source. */
function factTable(s: StoryReport, index: Map<string, number>): string[] {
  const cols = s.articles.map((a) => a.id);
  const rows: { mark: string; label: string; cells: string[] }[] = [];
  for (const k of s.comparison.conflicts) {
    const side = new Map<string, string>();
    // A letter per side, not per form: "about 12,000" and "some 12,000" agree.
    k.values.forEach((v, i) => v.articles.forEach((id) => side.has(id) || side.set(id, sideLetter(v.side ?? i))));
    rows.push({ mark: '!', label: l(k.about), cells: cols.map((id) => side.get(id) ?? '·') });
  }
  for (const [mark, list] of [['=', s.comparison.agreed], ['1', s.comparison.single_source]] as const) {
    for (const f of list) rows.push({ mark, label: l(f.fact), cells: cols.map((id) => (f.articles.includes(id) ? '●' : '·')) });
  }
  if (!rows.length) return ['Facts × sources: no facts extracted.'];
  const width = 46;
  const head = `  ${' '.repeat(width + 2)}${cols.map((id) => String(index.get(id)).padStart(3)).join('')}`;
  const lines = rows.slice(0, MAX_FACT_ROWS).map((r) => `  ${r.mark} ${clip(r.label, width)}${r.cells.map((x) => x.padStart(3)).join('')}`);
  if (rows.length > MAX_FACT_ROWS) lines.push(`  … ${rows.length - MAX_FACT_ROWS} more facts (use --json)`);
  return ['Facts × sources (! conflict, letters = sides; = agreed; 1 single source):', head, ...lines];
}

export function renderArticle(s: StoredArticle): string {
  const a = s.article;
  return [
    l(a.title),
    l(a.subtitle ?? ''),
    `${l(a.id)} · ${l(a.source)} · ${a.published ? `${a.published.date} (${a.published.method}, confidence ${a.published.confidence})` : 'undated'} · ${a.language} · story ${l(s.storyId)}${s.copyOf ? ` · copy of ${l(s.copyOf)}` : ''} · version ${s.version}`,
    l(a.url ?? a.path ?? ''),
    '',
    a.text,
  ]
    .filter((l, i) => l !== '' || i === 4)
    .join('\n');
}

export function renderSummary(sum: IngestSummary, totals?: { articles: number; stories: number }): string {
  const parts = [
    `${plural(sum.added, 'article')} added`,
    sum.updated ? `${sum.updated} updated` : '',
    sum.unchanged ? `${sum.unchanged} unchanged` : '',
    `${sum.skipped.length} skipped`,
    totals ? `store: ${plural(totals.articles, 'article')} in ${plural(totals.stories, 'story').replace(/storys$/, 'stories')}` : '',
  ].filter(Boolean);
  return parts.join(', ');
}

/** "skipped NAME: reason", the name quoted when it holds a control character (a newline cannot forge a line). */
export const skipLine = (s: { input: string; reason: string }, word = 'skipped') => `${word} ${quotedName(s.input)}: ${l(s.reason)}`;

export function renderSkips(sum: IngestSummary): string {
  return [...sum.skipped.map((s) => skipLine(s)), ...sum.warnings.map((w) => skipLine(w, 'warning'))].join('\n');
}

/** A `when` no report states is the publication day standing in, and says so. */
function publishedOnly(s: StoryReport): string {
  return s.when_basis === 'published' ? ' (publication day: no report states the day)' : '';
}
