// Search: reports by words (accents optional: "sao joao" finds "São João"), and matching names.
/* global location, FormData */
import { api } from '../api.js';
import { fmtDay, h, marked, plural } from '../dom.js';

export async function renderSearch(q) {
  const query = (q.get('q') ?? '').trim();
  const form = h(
    'form',
    { class: 'search-form', role: 'search' },
    h('input', {
      name: 'q',
      type: 'search',
      value: query,
      placeholder: 'Words, names, places — accents optional',
      'aria-label': 'Search',
      autofocus: true,
    }),
    h('button', { type: 'submit', class: 'primary' }, 'Search'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = `#/search?q=${encodeURIComponent(new FormData(form).get('q'))}`;
  });
  const page = h(
    'div',
    { class: 'page page-search' },
    h('header', { class: 'page-head' }, h('h1', {}, query ? `Search: ${query}` : 'Search')),
    form,
  );
  if (!query) return page;
  const r = await api.search({ q: query, limit: 50 });
  if (r.entities.length) {
    page.append(
      h(
        'section',
        { class: 'panel' },
        h('h2', {}, 'Names'),
        h(
          'div',
          { class: 'chips' },
          r.entities.map((e) =>
            h(
              'a',
              { class: 'chip', href: `#/entity/${encodeURIComponent(e.name)}` },
              e.name,
              h('span', { class: 'count' }, String(e.stories)),
            ),
          ),
        ),
      ),
    );
  }
  page.append(
    h(
      'section',
      { class: 'panel' },
      h('h2', {}, plural(r.total, 'matching report')),
      r.articles.length
        ? h(
            'ol',
            { class: 'hits' },
            r.articles.map((a) =>
              h(
                'li',
                { class: 'hit' },
                h('a', { class: 'hit-title', href: `#/article/${encodeURIComponent(a.articleId)}` }, a.title),
                h(
                  'div',
                  { class: 'muted small' },
                  `${a.source} · ${fmtDay(a.published)} · `,
                  h('a', { href: `#/story/${encodeURIComponent(a.storyId)}` }, 'story'),
                ),
                h('p', { class: 'snippet' }, marked(a.snippet)),
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'No report contains these words.'),
    ),
  );
  return page;
}
