// An entity page: the spellings seen across sources and every story it appears in.
import { api } from '../api.js';
import { h, plural } from '../dom.js';
import { section, storyRow } from './common.js';

export async function renderEntity(name) {
  const { entity, total, stories } = await api.entity(name);
  return h(
    'div',
    { class: 'page page-entity' },
    h(
      'header',
      { class: 'page-head' },
      h('a', { href: '#/', class: 'crumb' }, '← Stories'),
      h('h1', {}, entity.name),
      h('p', { class: 'lede' }, `${entity.type} · in ${plural(total, 'story', 'stories')}`),
    ),
    section(
      'Spellings seen',
      h(
        'div',
        { class: 'variants' },
        entity.variants.map((v) =>
          h(
            'span',
            {
              class: `badge ${entity.variants.length > 1 ? 'badge-variant' : ''}`,
              title: `${plural(v.articles, 'report')} in ${plural(v.stories, 'story', 'stories')}`,
            },
            v.form,
            h('span', { class: 'count' }, String(v.articles)),
          ),
        ),
      ),
    ),
    section(
      'Stories',
      h(
        'ol',
        { class: 'story-list' },
        stories.map((s) => storyRow(s)),
      ),
    ),
  );
}
