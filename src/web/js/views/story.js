// The story page: brief with citations, facts × sources, quotes by speaker, timeline, map.
import { api } from '../api.js';
import { fmtDay, fmtRange, h, plural } from '../dom.js';
import { section } from './common.js';
import { factsTable } from './facts.js';
import { storyMap } from './map.js';

export async function renderStory(id) {
  const { story, view } = await api.story(id);
  const number = new Map(view.sources.map((s, i) => [s.article, i + 1]));
  for (const s of view.sources) for (const c of s.copies) number.set(c, number.get(s.article));
  const sourceOf = new Map(story.articles.map((a) => [a.id, a]));
  const days = story.articles.map((a) => a.published).filter(Boolean).sort();
  const conflicts = story.comparison.conflicts.length;

  return h(
    'div',
    { class: 'page page-story' },
    h(
      'header',
      { class: 'page-head story-head' },
      h('a', { href: '#/', class: 'crumb' }, '← Stories'),
      h('h1', {}, story.title),
      h(
        'div',
        { class: 'story-facts' },
        fact('When', story.when ? fmtDay(story.when) : fmtRange(days[0], days.at(-1))),
        fact('Where', story.where ? [story.where.name, story.where.country].filter(Boolean).join(', ') : '—'),
        fact('Reports', `${story.articles.length} from ${plural(view.sources.length, 'independent source')}`),
        fact('Conflicts', conflicts ? h('span', { class: 'badge badge-conflict' }, plural(conflicts, 'conflict')) : h('span', { class: 'badge badge-ok' }, 'none found')),
      ),
    ),
    h(
      'div',
      { class: 'story-grid' },
      h(
        'div',
        { class: 'story-col' },
        section('Brief', brief(view.brief, number)),
        section('Facts × sources', factsTable(view, number)),
        view.quotes.length ? section('Quotes by speaker', quotes(view.quotes, number)) : null,
        section('Reports', reports(view.sources, sourceOf, number)),
      ),
      h(
        'aside',
        { class: 'story-col side' },
        section('Map', storyMap(view.map)),
        section('Timeline', timeline(view.timeline, number)),
        story.entities.length ? section('People & organisations', entities(story.entities)) : null,
      ),
    ),
  );
}

const fact = (label, value) => h('div', { class: 'fact' }, h('div', { class: 'fact-label' }, label), h('div', { class: 'fact-value' }, value));

/** A citation marker: [n] of a source; opening it reveals the sentence the brief took from that source. */
function brief(sentences, number) {
  if (!sentences.length) return h('p', { class: 'muted' }, 'No brief yet for this story.');
  return h(
    'ol',
    { class: 'brief' },
    sentences.map((s) => {
      const reveal = h('div', { class: 'citation-reveal', hidden: true });
      const markers = s.articles.map((id) => {
        const c = s.citations.find((x) => x.article === id);
        return h(
          'button',
          {
            type: 'button',
            class: 'cite',
            'aria-expanded': 'false',
            title: c ? `${c.source}: show the source sentence` : 'Source',
            onclick: (e) => {
              const open = e.currentTarget.getAttribute('aria-expanded') === 'true';
              for (const b of e.currentTarget.parentElement.querySelectorAll('.cite')) b.setAttribute('aria-expanded', 'false');
              if (open || !c) return (reveal.hidden = true);
              e.currentTarget.setAttribute('aria-expanded', 'true');
              reveal.replaceChildren(
                h('div', { class: 'reveal-source' }, `[${number.get(id) ?? '?'}] ${c.source}`),
                h('blockquote', {}, c.text),
                h('a', { href: `#/article/${encodeURIComponent(id)}` }, 'Open the report →'),
              );
              reveal.hidden = false;
            },
          },
          String(number.get(id) ?? '?'),
        );
      });
      return h('li', {}, h('span', { class: 'brief-text' }, s.text), ' ', h('span', { class: 'cites' }, markers), reveal);
    }),
  );
}

function quotes(groups, number) {
  return h(
    'div',
    { class: 'quotes' },
    groups.map((g) =>
      h(
        'div',
        { class: 'quote-group' },
        h('h3', {}, g.speaker ? h('a', { href: `#/entity/${encodeURIComponent(g.speaker)}` }, g.speaker) : 'Unattributed'),
        g.quotes.map((q) => h('blockquote', { class: 'quote' }, q.text, h('cite', {}, h('a', { href: `#/article/${encodeURIComponent(q.article)}` }, `[${number.get(q.article) ?? '?'}] ${q.source}`)))),
      ),
    ),
  );
}

function reports(sources, sourceOf, number) {
  return h(
    'ol',
    { class: 'reports' },
    sources.map((s) =>
      h(
        'li',
        {},
        h('span', { class: 'src-num' }, String(number.get(s.article))),
        h('div', {}, h('a', { href: `#/article/${encodeURIComponent(s.article)}` }, s.title), h('div', { class: 'muted small' }, `${s.source} · ${fmtDay(s.published)} · ${sourceOf.get(s.article)?.language ?? ''}`),
          s.copies.length ? h('div', { class: 'muted small' }, `Also published as near-copies: ${s.copies.map((c) => sourceOf.get(c)?.source ?? c).join(', ')}`) : null),
      ),
    ),
  );
}

function timeline(entries, number) {
  if (!entries.length) return h('p', { class: 'muted' }, 'No dates found.');
  return h(
    'ol',
    { class: 'timeline' },
    entries.map((e) =>
      h('li', { class: `tl-${e.kind}` }, h('time', { datetime: e.date }, fmtDay(e.date)), h('div', { class: 'tl-text' }, e.kind === 'published' ? h('span', { class: 'tl-kind' }, 'Published') : h('span', { class: 'tl-kind tl-kind-event' }, 'Event'), ' ', e.text, ' ', h('span', { class: 'muted' }, e.articles.map((a) => `[${number.get(a) ?? '?'}]`).join('')))),
    ),
  );
}

function entities(list) {
  return h(
    'ul',
    { class: 'entities' },
    list.slice(0, 30).map((e) =>
      h(
        'li',
        {},
        h('a', { href: `#/entity/${encodeURIComponent(e.name)}` }, e.name),
        h('span', { class: 'muted small' }, ` ${e.type}`),
        e.variants.length > 1 ? h('div', { class: 'variants' }, e.variants.map((v) => h('span', { class: 'badge badge-variant', title: `${plural(v.articles.length, 'report')}` }, v.form))) : null,
      ),
    ),
  );
}
