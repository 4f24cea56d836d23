// Story page sections beside the brief and facts: quotes by speaker, reports, timeline, entities.
import { fmtDay, h, plural } from '../dom.js';

export function quotes(groups, number) {
  return h(
    'div',
    { class: 'quotes' },
    groups.map((g) =>
      h(
        'div',
        { class: 'quote-group' },
        h(
          'h3',
          {},
          g.speaker
            ? h('a', { href: `#/entity/${encodeURIComponent(g.speaker)}` }, g.speaker)
            : 'Unattributed',
        ),
        g.quotes.map((q) =>
          h(
            'blockquote',
            { class: 'quote' },
            q.text,
            h(
              'cite',
              {},
              h(
                'a',
                { href: `#/article/${encodeURIComponent(q.article)}` },
                `[${number.get(q.article) ?? '?'}] ${q.source}`,
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

export function reports(sources, sourceOf, number) {
  return h(
    'ol',
    { class: 'reports' },
    sources.map((s) =>
      h(
        'li',
        {},
        h('span', { class: 'src-num' }, String(number.get(s.article))),
        h(
          'div',
          {},
          h('a', { href: `#/article/${encodeURIComponent(s.article)}` }, s.title),
          h(
            'div',
            { class: 'muted small' },
            `${s.source} · ${fmtDay(s.published)} · ${sourceOf.get(s.article)?.language ?? ''}`,
          ),
          s.copies.length
            ? h(
                'div',
                { class: 'muted small' },
                `Also published as near-copies: ${s.copies.map((c) => sourceOf.get(c)?.source ?? c).join(', ')}`,
              )
            : null,
        ),
      ),
    ),
  );
}

/** The story's counts: each value with its sources; a disputed count shows its sides, none as settled. */
export function howMany(entries, number) {
  const cite = (ids) => [...new Set(ids.map((a) => number.get(a) ?? '?'))].map((n) => `[${n}]`).join('');
  return h(
    'ul',
    { class: 'how-many' },
    entries.map((e) =>
      h(
        'li',
        { class: `hm-${e.status}` },
        h('strong', {}, e.status === 'disputed' || e.value === null ? 'disputed' : String(e.value)),
        ` ${e.what} `,
        e.status === 'disputed' || e.value === null
          ? h('span', {}, e.values.map((v) => `“${v.text}” ${cite(v.articles)}`).join(' vs '))
          : h('span', { class: 'muted' }, `(${e.status === 'agreed' ? 'agreed' : 'one source'}) ${e.values[0] ? `“${e.values[0].text}” ${cite(e.values[0].articles)}` : ''}`),
        // Other totals reports gave that are no dispute: the value is as reported, not settled.
        e.note ? h('span', { class: 'hm-note muted' }, ` — ${e.note}`) : null,
      ),
    ),
  );
}

export function timeline(entries, number) {
  if (!entries.length) return h('p', { class: 'muted' }, 'No dates found.');
  return h(
    'ol',
    { class: 'timeline' },
    entries.map((e) =>
      h(
        'li',
        { class: `tl-${e.kind}${e.background ? ' tl-background' : ''}` },
        h('time', { datetime: e.granularity === 'month' ? e.date.slice(0, 7) : e.granularity === 'year' ? e.date.slice(0, 4) : e.date }, fmtDay(e.date, e.granularity)),
        h(
          'div',
          { class: 'tl-text' },
          e.kind === 'published'
            ? h('span', { class: 'tl-kind' }, 'Published')
            : h('span', { class: 'tl-kind tl-kind-event' }, e.background ? 'Background' : 'Event'),
          ' ',
          e.text,
          ' ',
          // A near-copy shares its original's number: each number once.
          h(
            'span',
            { class: 'muted' },
            [...new Set(e.articles.map((a) => number.get(a) ?? '?'))].map((n) => `[${n}]`).join(''),
          ),
        ),
      ),
    ),
  );
}

export function entities(list) {
  return h(
    'ul',
    { class: 'entities' },
    list.slice(0, 30).map((e) =>
      h(
        'li',
        {},
        h('a', { href: `#/entity/${encodeURIComponent(e.name)}` }, e.name),
        h('span', { class: 'muted small' }, ` ${e.type}`),
        e.variants.length > 1
          ? h(
              'div',
              { class: 'variants' },
              e.variants.map((v) =>
                h(
                  'span',
                  { class: 'badge badge-variant', title: `${plural(v.articles.length, 'report')}` },
                  v.form,
                ),
              ),
            )
          : null,
      ),
    ),
  );
}
