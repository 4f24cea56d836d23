// The router: hash routes → views. Each view renders into #view from API data.
/* global document, location, window, FormData, URLSearchParams */
import { adoptTokenFromUrl } from './api.js';
import { h, mount } from './dom.js';
import { renderAdd } from './views/add.js';
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
];

let current = 0;

async function route() {
  const view = document.getElementById('view');
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  const q = new URLSearchParams(query);
  const found = routes.find(([re]) => re.test(path));
  for (const a of document.querySelectorAll('[data-nav]'))
    a.classList.toggle('active', !!found && a.dataset.nav === found[1]);
  if (!found)
    return mount(
      view,
      h(
        'section',
        { class: 'empty' },
        h('h1', {}, 'Not found'),
        h('p', {}, h('a', { href: '#/' }, 'Back to stories')),
      ),
    );
  const ticket = ++current;
  view.setAttribute('aria-busy', 'true');
  try {
    const m = path.match(found[0]).map((s) => (s ? decodeURIComponent(s) : s));
    const node = await found[2](m, q);
    if (ticket !== current) return; // a newer navigation won
    mount(view, node);
    view.querySelector('mark.hl-evidence')?.scrollIntoView({ block: 'center' });
    document.title = `${view.querySelector('h1')?.textContent ?? 'Parallax'} · Parallax`;
  } catch (err) {
    if (ticket !== current) return;
    mount(
      view,
      h(
        'section',
        { class: 'empty error' },
        h('h1', {}, err.status === 404 ? 'Not found' : 'Something went wrong'),
        h('p', {}, err.message),
      ),
    );
  } finally {
    if (ticket === current) view.removeAttribute('aria-busy');
  }
}

adoptTokenFromUrl();
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
