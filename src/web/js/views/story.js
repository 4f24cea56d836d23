// The story page: brief with citations, facts × sources, quotes by speaker, timeline, map.
import { api } from '../api.js';
import { h, plural } from '../dom.js';
import { section } from './common.js';
import { factsTable } from './facts.js';
import { followButton } from './alerts.js';
import { entities, howMany, quotes, reports, timeline } from './story-sections.js';
import { storyMap } from './map.js';
import { storyWhen } from './when.js';

export async function renderStory(id) {
  const { story, view } = await api.story(id);
  const number = new Map(view.sources.map((s, i) => [s.article, i + 1]));
  for (const s of view.sources) for (const c of s.copies) number.set(c, number.get(s.article));
  const sourceOf = new Map(story.articles.map((a) => [a.id, a]));
  const days = story.articles
    .map((a) => a.published)
    .filter(Boolean)
    .sort();
  const conflicts = story.comparison.conflicts.length;

  return h(
    'div',
    { class: 'page page-story' },
    h(
      'header',
      { class: 'page-head story-head' },
      h('a', { href: '#/', class: 'crumb' }, '← Stories'),
      h('h1', {}, story.title),
      followButton(story.id, story.title),
      h(
        'div',
        { class: 'story-facts' },
        fact('When', storyWhen(view, days, number)),
        fact('Where', story.where ? [story.where.name, story.where.country].filter(Boolean).join(', ') : '—'),
        fact('Reports', `${story.articles.length} from ${plural(view.sources.length, 'independent source')}`),
        fact(
          'Conflicts',
          conflicts
            ? h('span', { class: 'badge badge-conflict' }, plural(conflicts, 'conflict'))
            : h('span', { class: 'badge badge-ok' }, 'none found'),
        ),
      ),
    ),
    h(
      'div',
      { class: 'story-grid' },
      h(
        'div',
        { class: 'story-col' },
        section('Brief', brief(view.brief, number)),
        view.howMany?.length ? section('How many', howMany(view.howMany, number)) : null,
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

const fact = (label, value) =>
  h(
    'div',
    { class: 'fact' },
    h('div', { class: 'fact-label' }, label),
    h('div', { class: 'fact-value' }, value),
  );

/**
 * One marker per source number: a near-copy shares its original's number, so a sentence citing
 * both shows [1] once, revealing the first of them that the brief quotes.
 */
function citedSources(ids, number) {
  const byNumber = new Map();
  for (const id of ids) {
    const n = number.get(id) ?? '?';
    if (!byNumber.has(n)) byNumber.set(n, []);
    byNumber.get(n).push(id);
  }
  return [...byNumber].map(([n, group]) => ({ n, ids: group }));
}

/** The link to a cited passage: the article opens with that passage marked (?hl=start-end). */
const passageHref = (c) =>
  `#/article/${encodeURIComponent(c.article)}` +
  (Number.isInteger(c.start) && Number.isInteger(c.end) ? `?hl=${c.start}-${c.end}` : '');

/** A citation marker: [n] of a source; opening it reveals the sentence the brief took from that source. */
function brief(sentences, number) {
  if (!sentences.length) return h('p', { class: 'muted' }, 'No brief yet for this story.');
  return h(
    'ol',
    { class: 'brief' },
    sentences.map((s) => {
      const reveal = h('div', { class: 'citation-reveal', hidden: true });
      const markers = citedSources(s.articles, number).map(({ n, ids }) => {
        const c = ids.map((id) => s.citations.find((x) => x.article === id)).find(Boolean);
        return h(
          'button',
          {
            type: 'button',
            class: 'cite',
            'aria-expanded': 'false',
            // Named by its outlet: a bare number says nothing to a screen reader.
            'aria-label': c ? `Source ${n}, ${c.source}` : `Source ${n}`,
            title: c ? `${c.source}: show the source sentence` : 'Source',
            onclick: (e) => {
              const open = e.currentTarget.getAttribute('aria-expanded') === 'true';
              for (const b of e.currentTarget.parentElement.querySelectorAll('.cite'))
                b.setAttribute('aria-expanded', 'false');
              if (open || !c) return (reveal.hidden = true);
              e.currentTarget.setAttribute('aria-expanded', 'true');
              reveal.replaceChildren(
                h('div', { class: 'reveal-source' }, `[${n}] ${c.source}`),
                h('blockquote', {}, c.text),
                h('a', { href: passageHref(c) }, 'Open the report →'),
              );
              reveal.hidden = false;
            },
          },
          String(n),
        );
      });
      return h(
        'li',
        {},
        h('span', { class: 'brief-text' }, s.text),
        ' ',
        h('span', { class: 'cites' }, markers),
        reveal,
      );
    }),
  );
}
