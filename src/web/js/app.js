// The router: hash routes → views. Each view renders into #view from API data.
/* global document, location, window, FormData, URLSearchParams, setTimeout */
import { adoptTokenFromUrl } from './api.js';
import { h, mount } from './dom.js';
import { startInboxBadge } from './inbox-badge.js';
import { renderAdd } from './views/add.js';
import { renderAlerts } from './views/alerts.js';
import { renderEvent } from './views/event.js';
import { renderArticle } from './views/article.js';
import { renderEntity } from './views/entity.js';
import { renderSearch } from './views/search.js';
import { renderStories } from './views/stories.js';
import { renderStory } from './views/story.js';

const routes = [
  [/^\/?$/, 'stories', (_m, q) => renderStories(q)],
  [/^\/story\/(.+)$/, 'stories', (m) => renderStory(m[1])],
  [/^\/article\/(.+)$/, 'stories', (m, q) => renderArticle(m[1], q)],
  [/^\/entity\/(.+)$/, 'stories', (m) => renderEntity(m[1])],
  [/^\/search$/, 'search', (_m, q) => renderSearch(q)],
  [/^\/add$/, 'add', () => renderAdd()],
  [/^\/alerts$/, 'alerts', () => renderAlerts()],
  [/^\/event\/(.+)$/, 'alerts', (m) => renderEvent(m[1])],
];

let current = 0;

/** Names the tab and tells screen readers which page is now shown (only the title, not the page). */
function announce(title) {
  document.title = title === 'Parallax' ? title : `${title} · Parallax`;
  const status = document.getElementById('status');
  status.textContent = '';
  setTimeout(() => (status.textContent = title), 50); // a changed text is what gets read
}

const backToStories = () => h('a', { href: '#/' }, 'Back to stories');

/** The page shown when a route fails: what happened, and a way on (retry or back to the list). */
function errorPage(err) {
  const [title, hint] =
    err.status === 0
      ? ['Cannot reach the server', 'Check that Parallax is still running, then try again.']
      : err.status === 404
        ? ['Not found', null]
        : ['Something went wrong', null];
  const retry =
    err.status === 404
      ? null
      : h('button', { type: 'button', class: 'primary', onclick: () => route() }, 'Try again');
  return h(
    'section',
    { class: 'empty error' },
    h('h1', {}, title),
    h('p', {}, err.message),
    hint ? h('p', { class: 'muted' }, hint) : null,
    h('p', { class: 'actions' }, retry, backToStories()),
  );
}

async function route() {
  const view = document.getElementById('view');
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  const q = new URLSearchParams(query);
  const found = routes.find(([re]) => re.test(path));
  for (const a of document.querySelectorAll('[data-nav]'))
    a.classList.toggle('active', !!found && a.dataset.nav === found[1]);
  if (!found) {
    ++current; // a slower earlier navigation must not replace this page
    view.removeAttribute('aria-busy');
    mount(view, h('section', { class: 'empty' }, h('h1', {}, 'Page not found'), h('p', {}, backToStories())));
    return announce('Page not found');
  }
  const ticket = ++current;
  view.setAttribute('aria-busy', 'true');
  try {
    const m = path.match(found[0]).map((s) => (s ? decodeURIComponent(s) : s));
    const node = await found[2](m, q);
    if (ticket !== current) return; // a newer navigation won
    mount(view, node);
    view.querySelector('mark.hl-evidence')?.scrollIntoView({ block: 'center' });
  } catch (err) {
    if (ticket !== current) return;
    mount(view, errorPage(err));
  } finally {
    if (ticket === current) {
      view.removeAttribute('aria-busy');
      announce(view.querySelector('h1')?.textContent || 'Parallax');
    }
  }
}

adoptTokenFromUrl();
startInboxBadge();
document.querySelector('.quick-search').addEventListener('submit', (e) => {
  e.preventDefault();
  const q = new FormData(e.target).get('q');
  location.hash = `#/search?q=${encodeURIComponent(q)}`;
});
window.addEventListener('hashchange', () => {
  route();
  window.scrollTo(0, 0);
});
route();
