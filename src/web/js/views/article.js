// The article view: clean text with people, organisations, places, dates and figures marked.
import { api } from '../api.js';
import { fmtDay, h } from '../dom.js';
import { section } from './common.js';

const KINDS = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  other: 'Other name',
  date: 'Date',
  figure: 'Figure',
  evidence: 'The passage a comparison cites',
};

/** The ?hl=start-end passage (from a facts table link) replaces any marks it overlaps. */
function withEvidence(highlights, q, length) {
  const m = /^(\d+)-(\d+)$/.exec(q?.get('hl') ?? '');
  if (!m || +m[1] >= +m[2] || +m[2] > length) return highlights;
  const ev = { start: +m[1], end: +m[2], kind: 'evidence', label: 'cited passage' };
  return [...highlights.filter((h) => h.end <= ev.start || h.start >= ev.end), ev].sort(
    (a, b) => a.start - b.start,
  );
}

/** The paragraphs of `text` with highlight spans as <mark> elements; everything else stays plain text. */
export function highlightedText(text, paragraphs, highlights) {
  const paras = paragraphs.length ? paragraphs : [{ start: 0, end: text.length }];
  let i = 0;
  return paras.map((p) => {
    const parts = [];
    let at = p.start;
    while (i < highlights.length && highlights[i].end <= p.start) i++;
    for (let j = i; j < highlights.length && highlights[j].start < p.end; j++) {
      const m = highlights[j];
      const start = Math.max(m.start, p.start);
      const end = Math.min(m.end, p.end);
      if (start > at) parts.push(text.slice(at, start));
      parts.push(
        h(
          'mark',
          { class: `hl hl-${m.kind}`, title: `${KINDS[m.kind] ?? m.kind}: ${m.label}` },
          text.slice(start, end),
        ),
      );
      at = end;
    }
    if (at < p.end) parts.push(text.slice(at, p.end));
    return h('p', {}, parts);
  });
}

export async function renderArticle(id, q) {
  const { article: a, story } = await api.article(id);
  const marks = withEvidence(a.highlights, q, a.text.length);
  const counts = {};
  for (const m of marks) counts[m.kind] = (counts[m.kind] ?? 0) + 1;
  return h(
    'div',
    { class: 'page page-article' },
    h(
      'header',
      { class: 'page-head' },
      story
        ? h('a', { class: 'crumb', href: `#/story/${encodeURIComponent(story.id)}` }, `← ${story.title}`)
        : null,
      h('h1', {}, a.title),
      a.subtitle ? h('p', { class: 'lede' }, a.subtitle) : null,
      h(
        'div',
        { class: 'article-meta' },
        h('strong', {}, a.source),
        ` · ${a.published ? fmtDay(a.published.date) : 'undated'}`,
        a.published
          ? h(
              'span',
              { class: 'muted small', title: `found by ${a.published.method}` },
              ` (${Math.round(a.published.confidence * 100)}% sure)`,
            )
          : null,
        a.author ? ` · ${a.author}` : null,
        ` · ${a.language}`,
        a.copyOf ? h('span', { class: 'badge badge-pending' }, 'near-copy') : null,
        a.url
          ? [
              ' · ',
              h('a', { href: a.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original'),
            ]
          : null,
      ),
    ),
    h(
      'div',
      { class: 'article-grid' },
      h('article', { class: 'article-text' }, highlightedText(a.text, a.paragraphs, marks)),
      h(
        'aside',
        { class: 'side' },
        section(
          'Marked in the text',
          Object.keys(counts).length
            ? h(
                'ul',
                { class: 'legend-list' },
                Object.entries(KINDS)
                  .filter(([k]) => counts[k])
                  .map(([k, label]) =>
                    h('li', {}, h('mark', { class: `hl hl-${k}` }, label), ` ${counts[k]}`),
                  ),
              )
            : h('p', { class: 'muted' }, 'Nothing found to mark yet.'),
        ),
        a.quotes.length
          ? section(
              'Quotes',
              a.quotes.map((q) =>
                h('blockquote', { class: 'quote' }, q.text, q.speaker ? h('cite', {}, q.speaker) : null),
              ),
            )
          : null,
        a.dropped.length
          ? section(
              'Dropped as scraper noise',
              h(
                'ul',
                { class: 'dropped' },
                a.dropped.map((d) => h('li', {}, d)),
              ),
            )
          : null,
        a.versions.length > 1
          ? section('Versions', h('p', { class: 'muted' }, `${a.versions.length} versions stored`))
          : null,
      ),
    ),
  );
}
