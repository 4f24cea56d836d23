// The facts × sources table: one row per fact, one column per independent source, grouped as
// conflicts, agreed and single-source; each conflicting value links to the passage that says it.
import { h, plural } from '../dom.js';

const GROUPS = [
  ['conflict', 'Conflicts', 'Sources disagree'],
  ['agreed', 'Agreed', 'Every source that mentions it says the same'],
  ['single', 'Single source', 'Only one source reports it'],
];
const SHOWN = 8;

export function factsTable(view, number) {
  const { facts, sources, variants } = view;
  if (!facts.length) {
    return h(
      'div',
      {},
      h('p', { class: 'muted' }, 'No facts compared yet for this story.'),
      variants.length ? variantList(variants) : null,
    );
  }
  const cols = sources.length + 1;
  const groups = GROUPS.map(([status, label, title]) => ({
    status,
    label,
    title,
    rows: facts.filter((f) => f.status === status),
  }));
  return h(
    'div',
    { class: 'facts-wrap' },
    h(
      'div',
      { class: 'legend' },
      groups.map((g) =>
        h(
          'span',
          { class: `legend-item st-${g.status}`, title: g.title },
          h('i', {}),
          `${g.label} ${g.rows.length}`,
        ),
      ),
    ),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'facts' },
        h(
          'colgroup',
          {},
          h('col', { class: 'col-fact' }),
          sources.map(() => h('col', { class: 'col-src' })),
        ),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Fact'),
            sources.map((s) =>
              h(
                'th',
                { scope: 'col', class: 'src-head', title: `${s.source}: ${s.title}` },
                h('span', { class: 'src-num' }, String(number.get(s.article))),
                h('span', { class: 'src-name' }, s.source),
              ),
            ),
          ),
        ),
        groups.filter((g) => g.rows.length).map((g) => group(g, sources, cols)),
      ),
    ),
  );
}

function group(g, sources, cols) {
  const body = h(
    'tbody',
    { class: `group st-${g.status}` },
    h(
      'tr',
      { class: 'group-head' },
      h('th', { colspan: cols, scope: 'rowgroup', title: g.title }, `${g.label} · ${g.rows.length}`),
    ),
  );
  const rows = g.rows.map((f) => row(f, sources));
  rows.forEach((r, i) => {
    if (i >= SHOWN) r.hidden = true;
    body.append(r);
  });
  if (rows.length > SHOWN) {
    const more = h(
      'tr',
      { class: 'more-row' },
      h(
        'td',
        { colspan: cols },
        h(
          'button',
          {
            type: 'button',
            class: 'link-button',
            onclick: () => {
              for (const r of rows) r.hidden = false;
              more.remove();
              // The button is gone: keep keyboard and screen reader users at the first fact it revealed.
              const first = rows[SHOWN].querySelector('th');
              first.tabIndex = -1;
              first.focus();
            },
          },
          `Show all ${plural(rows.length, 'fact')}`,
        ),
      ),
    );
    body.append(more);
  }
  return body;
}

function row(f, sources) {
  const kind = f.status === 'conflict' ? f.kind : null;
  return h(
    'tr',
    { class: `fact-row st-${f.status}` },
    h(
      'th',
      { scope: 'row' },
      h('span', { class: 'fact-text' }, f.fact),
      kind
        ? h(
            'span',
            { class: `badge badge-kind${kind === 'spelling-variant' ? ' badge-variant' : ''}` },
            kind === 'spelling-variant' ? 'spelling variant' : kind,
          )
        : null,
      f.note ? h('div', { class: 'fact-note' }, f.note) : null,
    ),
    sources.map((s) => {
      const v = f.cells[s.article];
      if (v === undefined) return h('td', { class: 'cell-absent', title: `Not in ${s.source}` }, '—');
      if (v === true) return h('td', { class: 'cell-yes', title: `Reported by ${s.source}` }, '✓');
      const ev = f.evidence?.[s.article];
      // Coloured by side: differently written forms of one figure look alike.
      const i = f.values.indexOf(v);
      const tone = `val val-${Math.min(f.sides?.[i] ?? i, 4)}`;
      return h(
        'td',
        { class: 'cell-value' },
        ev
          ? h(
              'a',
              {
                class: tone,
                href: `#/article/${encodeURIComponent(ev.article)}?hl=${ev.start}-${ev.end}`,
                title: `Show where ${s.source} says this`,
              },
              v,
            )
          : h('span', { class: tone }, v),
      );
    }),
  );
}

function variantList(variants) {
  return h(
    'div',
    { class: 'variant-list' },
    h('h3', {}, 'Spelling variants across sources'),
    variants.map((v) =>
      h(
        'div',
        {},
        h('strong', {}, v.name),
        ' ',
        v.forms.map((f) => h('span', { class: 'badge badge-variant' }, f)),
      ),
    ),
  );
}
