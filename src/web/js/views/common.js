// Pieces shared by several views: story rows, conflict badges, pagers, section headings.
import { fmtRange, h, plural } from '../dom.js';

export function conflictBadge(n) {
  if (n == null) return h('span', { class: 'badge badge-pending', title: 'Not compared yet' }, 'comparing…');
  if (n === 0) return h('span', { class: 'badge badge-ok' }, 'no conflicts');
  return h('span', { class: 'badge badge-conflict' }, plural(n, 'conflict'));
}

/** One row of a story list: title, sources, places, dates, conflicts. */
export function storyRow(s, { onPlace } = {}) {
  const places = s.places.slice(0, 4);
  return h(
    'li',
    { class: 'story-row', dataset: { story: s.id } },
    h(
      'div',
      { class: 'story-main' },
      h('a', { class: 'story-title', href: `#/story/${encodeURIComponent(s.id)}` }, s.title),
      h(
        'div',
        { class: 'story-meta' },
        h(
          'span',
          { class: 'meta-item', title: s.sources.join(', ') },
          plural(s.sources.length, 'source'),
          ' · ',
          plural(s.articleCount, 'report'),
        ),
        h('span', { class: 'meta-item' }, fmtRange(s.firstPublished, s.lastPublished)),
      ),
      places.length
        ? h(
            'div',
            { class: 'chips' },
            places.map((p) =>
              onPlace
                ? h(
                    'button',
                    {
                      type: 'button',
                      class: 'chip chip-place',
                      onclick: () => onPlace(p.name),
                      title: `Only stories in ${p.name}`,
                    },
                    p.name,
                  )
                : h('span', { class: 'chip chip-place' }, p.name),
            ),
            s.places.length > places.length
              ? h('span', { class: 'chip chip-more' }, `+${s.places.length - places.length}`)
              : null,
          )
        : null,
    ),
    h(
      'div',
      { class: 'story-side' },
      conflictBadge(s.conflicts),
      h(
        'div',
        { class: 'sources-line' },
        s.sources.slice(0, 3).join(' · '),
        s.sources.length > 3 ? ' …' : '',
      ),
    ),
  );
}

export function section(title, ...children) {
  return h('section', { class: 'panel' }, h('h2', {}, title), ...children);
}

export function pager(total, offset, limit, go) {
  if (total <= limit) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.ceil(total / limit);
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    h(
      'button',
      { type: 'button', disabled: offset === 0, onclick: () => go(Math.max(0, offset - limit)) },
      '← Newer',
    ),
    h('span', {}, `Page ${page} of ${pages}`),
    h(
      'button',
      { type: 'button', disabled: offset + limit >= total, onclick: () => go(offset + limit) },
      'Older →',
    ),
  );
}
