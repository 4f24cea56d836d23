// The story list: filters (place, source, entity, dates), sort, pages.
/* global location, FormData, URLSearchParams */
import { api } from '../api.js';
import { h, plural } from '../dom.js';
import { pager, storyRow } from './common.js';

const LIMIT = 25;
const FILTERS = ['place', 'source', 'entity', 'from', 'to', 'sort'];

function go(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) p.set(k, v);
  const s = p.toString();
  location.hash = s ? `#/?${s}` : '#/';
}

export async function renderStories(q) {
  const params = Object.fromEntries(FILTERS.map((k) => [k, q.get(k) ?? '']));
  const offset = Number(q.get('offset')) || 0;
  const [list, facets] = await Promise.all([api.stories({ ...params, limit: LIMIT, offset }), api.facets()]);
  const set = (k, v) => go({ ...params, [k]: v });

  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Filter stories' },
    field(
      'Place',
      h('input', { name: 'place', list: 'place-options', value: params.place, placeholder: 'Any place' }),
    ),
    h(
      'datalist',
      { id: 'place-options' },
      facets.places.map((p) => h('option', { value: p.name })),
    ),
    field(
      'Source',
      h(
        'select',
        { name: 'source' },
        h('option', { value: '' }, 'Any source'),
        facets.sources.map((s) =>
          h('option', { value: s.name, selected: s.name === params.source }, `${s.name} (${s.stories})`),
        ),
      ),
    ),
    field('Person or organisation', h('input', { name: 'entity', value: params.entity, placeholder: 'Any' })),
    field('From', h('input', { name: 'from', type: 'date', value: params.from })),
    field('To', h('input', { name: 'to', type: 'date', value: params.to })),
    field(
      'Sort by',
      h(
        'select',
        { name: 'sort' },
        [
          ['recent', 'Most recent'],
          ['size', 'Most reports'],
          ['conflicts', 'Most conflicts'],
        ].map(([v, label]) => h('option', { value: v, selected: (params.sort || 'recent') === v }, label)),
      ),
    ),
    h(
      'div',
      { class: 'filter-actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Apply'),
      h('a', { href: '#/', class: 'button-link' }, 'Clear'),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go(Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v).trim()])));
  });
  form.addEventListener('change', (e) => {
    if (e.target.tagName === 'SELECT' || e.target.type === 'date') form.requestSubmit();
  });

  const active = FILTERS.filter((k) => k !== 'sort' && params[k]);
  return h(
    'div',
    { class: 'page page-list' },
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, 'Stories'),
      h(
        'p',
        { class: 'lede' },
        `${plural(list.total, 'story', 'stories')}`,
        active.length
          ? ` matching ${active.map((k) => `${k} “${params[k]}”`).join(', ')}`
          : ' from every source, cross-checked claim by claim',
      ),
    ),
    form,
    list.stories.length
      ? h(
          'ol',
          { class: 'story-list' },
          list.stories.map((s) => storyRow(s, { onPlace: (name) => set('place', name) })),
        )
      : h(
          'div',
          { class: 'empty' },
          h('p', {}, 'No stories match these filters.'),
          h(
            'p',
            {},
            h('a', { href: '#/add' }, 'Add reports'),
            ' or ',
            h('a', { href: '#/' }, 'clear the filters'),
            '.',
          ),
        ),
    pager(list.total, offset, LIMIT, (o) => go({ ...params, offset: String(o) })),
  );
}

function field(label, input) {
  return h('label', { class: 'field' }, h('span', {}, label), input);
}
