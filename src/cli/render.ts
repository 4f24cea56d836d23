// Text rendering of stories, stories lists and articles for people at a terminal.
import type { StoryReport } from '../model/index.ts';
import type { IngestSummary } from '../pipeline/run.ts';
import type { StoredArticle, StorySummary } from '../store/store.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function renderStories(stories: StoryReport[]): string {
  return stories
    .map((s) => {
      const sources = new Set(s.articles.map((a) => a.source));
      const meta = [s.when && `when ${s.when}`, s.where && `where ${s.where.name}${s.where.country ? `, ${s.where.country}` : ''}`]
        .filter(Boolean)
        .join(' · ');
      const lines = [
        `■ ${s.title}`,
        `  ${s.id} · ${plural(s.articles.length, 'article')} from ${plural(sources.size, 'source')}${meta ? ` · ${meta}` : ''}`,
        ...s.articles.map(
          (a) =>
            `    - ${a.published ?? '(undated)  '} ${a.source}: ${a.title}${a.copy_of ? `  [copy of ${a.copy_of}]` : ''}`,
        ),
      ];
      return lines.join('\n');
    })
    .join('\n\n');
}

export function renderStoryList(list: StorySummary[]): string {
  if (!list.length) return 'No stories yet. Add reports with `parallax ingest PATH`.';
  return list
    .map((s) => `${s.id}  ${String(s.articleCount).padStart(3)} art. ${String(s.sources.length).padStart(2)} src.  ${s.lastPublished ?? '          '}  ${s.title}`)
    .join('\n');
}

export function renderStory(s: StoryReport): string {
  const out = [renderStories([s])];
  if (s.brief.length) {
    const index = new Map(s.articles.map((a, i) => [a.id, i + 1]));
    out.push('', 'Brief:', ...s.brief.map((b) => `  ${b.text} ${b.articles.map((id) => `[${index.get(id) ?? id}]`).join('')}`));
  }
  const c = s.comparison;
  if (c.conflicts.length) {
    out.push('', 'Conflicts:');
    for (const k of c.conflicts) out.push(`  ! ${k.kind} — ${k.about}: ${k.values.map((v) => `"${v.value}" (${v.articles.join(', ')})`).join(' vs ')}`);
  }
  if (c.agreed.length) out.push('', 'Agreed:', ...c.agreed.map((f) => `  = ${f.fact} (${f.articles.join(', ')})`));
  if (c.single_source.length) out.push('', 'Single source:', ...c.single_source.map((f) => `  · ${f.fact} (${f.articles.join(', ')})`));
  return out.join('\n');
}

export function renderArticle(s: StoredArticle): string {
  const a = s.article;
  return [
    a.title,
    a.subtitle ?? '',
    `${a.id} · ${a.source} · ${a.published ? `${a.published.date} (${a.published.method}, confidence ${a.published.confidence})` : 'undated'} · ${a.language} · story ${s.storyId}${s.copyOf ? ` · copy of ${s.copyOf}` : ''} · version ${s.version}`,
    a.url ?? a.path ?? '',
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

export function renderSkips(sum: IngestSummary): string {
  return sum.skipped.map((s) => `skipped ${s.input}: ${s.reason}`).join('\n');
}
