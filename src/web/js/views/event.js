// One alert event: what changed, in which story, and links to the evidence (each span opens the
// report with the passage highlighted). Opening it marks it read.
import { api } from '../api.js';
import { fmtDay, h } from '../dom.js';
import { refreshInboxBadge } from '../inbox-badge.js';
import { KIND_LABELS } from './alerts.js';

export async function renderEvent(id) {
  const { event: e } = await api.event(id);
  if (!e.readAt) api.markRead({ ids: [e.id] }).then(refreshInboxBadge, () => {});
  const detail = Object.entries(e.detail ?? {}).filter(([, v]) => v !== null && typeof v !== 'object');
  return h(
    'section',
    { class: 'event-page' },
    h('a', { class: 'crumb', href: '#/alerts' }, '← Alerts'),
    h('h1', {}, e.summary),
    h(
      'p',
      { class: 'muted' },
      h('span', { class: 'badge badge-kind' }, KIND_LABELS[e.kind] ?? e.kind),
      ` ${fmtDay(e.createdAt)} · `,
      h('a', { href: `#/story/${encodeURIComponent(e.storyId)}`, class: 'event-story' }, 'Open the story'),
    ),
    detail.length ? h('dl', { class: 'panel event-detail' }, detail.map(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))])) : null,
    h('h2', {}, 'Evidence'),
    h(
      'ul',
      { class: 'event-evidence' },
      e.evidence.map((s, i) =>
        h(
          'li',
          {},
          h('a', { href: `#/article/${encodeURIComponent(s.article)}?hl=${s.start}-${s.end}`, class: 'evidence-link' }, `Passage ${i + 1}`),
          ` in report ${s.article}`,
        ),
      ),
    ),
    h('p', { class: 'muted' }, `Event id ${e.id} (the same change always has this id).`),
  );
}
