// Alerts: the inbox (unread first, mark all read), a form to watch a topic, the watches with
// mute and remove, and the dead letters (deliveries that gave up). Built from text nodes only.
/* global FormData */
import { api, getToken } from '../api.js';
import { fmtDay, h, mount, plural } from '../dom.js';
import { refreshInboxBadge } from '../inbox-badge.js';

export const KIND_LABELS = {
  'new-story': 'new story',
  'new-source': 'new source',
  'new-conflict': 'new conflict',
  'conflict-resolved': 'conflict resolved',
  'figure-revised': 'figure revised',
  'date-changed': 'date changed',
  'place-changed': 'place changed',
  merged: 'stories merged',
  split: 'story split',
};

const field = (label, input) => h('label', { class: 'field' }, h('span', {}, label), input);

export async function renderAlerts() {
  const [inbox, { watches }, { deliveries: dead }] = await Promise.all([
    api.inbox({ limit: 100 }),
    api.watches(),
    api.deliveries({ state: 'dead' }),
  ]);
  const page = h('section', { class: 'alerts-page' });
  const rerender = async () => mount(page, ...(await renderAlerts()).childNodes);
  mount(
    page,
    h('h1', {}, 'Alerts'),
    inboxPanel(inbox, rerender),
    watchForm(rerender),
    watchList(watches, rerender),
    dead.length ? deadLetters(dead) : null,
  );
  return page;
}

function inboxPanel(inbox, rerender) {
  const markAll = h('button', { type: 'button', class: 'mark-all-read', disabled: inbox.unread === 0 }, 'Mark all read');
  markAll.addEventListener('click', async () => {
    await api.markRead({}).catch((err) => alertError(markAll, err));
    await refreshInboxBadge();
    await rerender();
  });
  return h(
    'div',
    { class: 'panel inbox' },
    h('h2', {}, 'Inbox ', h('span', { class: 'inbox-unread muted' }, `${inbox.unread} unread of ${inbox.total}`)),
    inbox.events.length
      ? h(
          'ul',
          { class: 'inbox-events' },
          inbox.events.map((e) =>
            h(
              'li',
              { class: e.readAt ? 'read' : 'unread' },
              h('span', { class: 'badge badge-kind' }, KIND_LABELS[e.kind] ?? e.kind),
              ' ',
              h('a', { href: `#/event/${encodeURIComponent(e.id)}`, class: 'event-link' }, e.summary),
              h('span', { class: 'muted' }, ` · ${fmtDay(e.createdAt)}`),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'Nothing yet. Watch a topic below, or follow a story from its page.'),
    h('p', { class: 'actions' }, markAll),
  );
}

function watchForm(rerender) {
  const message = h('div', { 'aria-live': 'polite' });
  const kinds = Object.entries(KIND_LABELS).map(([k, label]) =>
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'kinds', value: k, checked: true }), ` ${label}`),
  );
  const form = h(
    'form',
    { class: 'panel watch-form', id: 'watch-form' },
    h('h2', {}, 'Watch a topic'),
    h(
      'div',
      { class: 'row' },
      field('Name', h('input', { name: 'name', placeholder: 'e.g. Dam safety' })),
      field('Words (all of them)', h('input', { name: 'words', placeholder: 'dam collapse' })),
      field('Person or organisation', h('input', { name: 'entity' })),
    ),
    h(
      'div',
      { class: 'row' },
      field('Place', h('input', { name: 'place', placeholder: 'e.g. Tulcea' })),
      field('Within (km)', h('input', { name: 'radiusKm', type: 'number', min: 1, max: 1000 })),
      field('Outlet', h('input', { name: 'source' })),
      field('Language', h('input', { name: 'language', placeholder: 'en', size: 4 })),
      field('At least N sources', h('input', { name: 'minSources', type: 'number', min: 1, max: 100 })),
    ),
    h('fieldset', { class: 'kinds' }, h('legend', {}, 'Tell me about'), kinds),
    h(
      'div',
      { class: 'row' },
      field('Webhook URL (optional)', h('input', { name: 'webhookUrl', type: 'url' })),
      field('Webhook secret', h('input', { name: 'webhookSecret', type: 'password', autocomplete: 'off' })),
      field('E-mail (optional)', h('input', { name: 'email', type: 'email' })),
    ),
    h('p', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Watch')),
    message,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const text = (k) => String(data.get(k) ?? '').trim() || undefined;
    const num = (k) => (text(k) ? Number(text(k)) : undefined);
    const body = {
      name: text('name'),
      words: text('words'),
      entity: text('entity'),
      place: text('place'),
      radiusKm: num('radiusKm'),
      source: text('source'),
      language: text('language'),
      minSources: num('minSources'),
      kinds: data.getAll('kinds').length === kinds.length ? null : data.getAll('kinds'),
      webhookUrl: text('webhookUrl'),
      webhookSecret: text('webhookSecret'),
      email: text('email'),
    };
    for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
    try {
      await api.addWatch(body);
      await rerender();
    } catch (err) {
      mount(message, h('div', { class: 'notice notice-error' }, h('strong', {}, err.status === 401 ? 'Token needed. ' : 'Not saved. '), err.message));
    }
  });
  if (!getToken()) mount(message, h('p', { class: 'muted' }, 'Saving needs the write token (enter it on the "Add reports" page).'));
  return form;
}

function describe(w) {
  if (w.storyId) return `follows story ${w.storyId}`;
  const t = w.topic ?? {};
  return [
    t.words && `words “${t.words}”`,
    t.entity && `entity ${t.entity}`,
    t.place && `${t.place.name}${t.place.radiusKm ? ` within ${t.place.radiusKm} km` : ''}`,
    t.source && `outlet ${t.source}`,
    t.language && `language ${t.language}`,
    t.minSources > 1 && `at least ${plural(t.minSources, 'source')}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

function watchList(watches, rerender) {
  if (!watches.length) return null;
  return h(
    'div',
    { class: 'panel watches' },
    h('h2', {}, 'Watches'),
    h(
      'ul',
      {},
      watches.map((w) => {
        const mute = h('button', { type: 'button' }, w.muted ? 'Unmute' : 'Mute');
        mute.addEventListener('click', () => api.patchWatch(w.id, { muted: !w.muted }).then(rerender, (err) => alertError(mute, err)));
        const remove = h('button', { type: 'button' }, 'Remove');
        remove.addEventListener('click', () => api.removeWatch(w.id).then(rerender, (err) => alertError(remove, err)));
        const channels = [w.webhookUrl && 'webhook', w.email && 'e-mail'].filter(Boolean).join(', ') || 'inbox only';
        return h(
          'li',
          { class: 'watch' },
          h('strong', {}, w.name),
          w.muted ? h('span', { class: 'badge' }, 'muted') : null,
          h('span', { class: 'muted' }, ` ${describe(w)} · ${channels} · `),
          h('a', { href: `/api/watches/${encodeURIComponent(w.id)}/feed.atom` }, 'Atom feed'),
          ' ',
          mute,
          ' ',
          remove,
        );
      }),
    ),
  );
}

function deadLetters(dead) {
  return h(
    'div',
    { class: 'panel dead-letters' },
    h('h2', {}, 'Deliveries that gave up'),
    h(
      'ul',
      {},
      dead.map((d) => h('li', {}, `${d.channel} for watch ${d.watchId}: ${d.lastError ?? 'failed'} (${plural(d.attempts, 'attempt')})`)),
    ),
  );
}

function alertError(el, err) {
  el.after(h('span', { class: 'notice notice-error' }, err.message));
}

/** "Follow this story": a watch on it (every kind of change); says so once made, or why not. */
export function followButton(storyId, title) {
  const note = h('span', { class: 'muted', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'follow-story' }, 'Follow this story');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api.addWatch({ storyId, name: title.slice(0, 200) });
      mount(note, ' Following: changes will show under ', h('a', { href: '#/alerts' }, 'Alerts'), '.');
    } catch (err) {
      button.disabled = false;
      mount(note, ` ${err.status === 401 ? 'Token needed (see "Add reports").' : err.message}`);
    }
  });
  return h('p', { class: 'follow' }, button, note);
}
