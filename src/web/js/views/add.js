// Add reports: paste text, upload files or give a URL; each result says which story it joined.
/* global FormData */
import { api, getToken, setToken } from '../api.js';
import { h, mount } from '../dom.js';

export function renderAdd() {
  const result = h('div', { class: 'ingest-result', 'aria-live': 'polite' });
  const run = async (form, work) => {
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    mount(result, h('p', { class: 'muted' }, 'Working…'));
    try {
      show(result, await work());
    } catch (err) {
      mount(
        result,
        h(
          'div',
          { class: 'notice notice-error' },
          h('strong', {}, err.status === 401 ? 'Token needed. ' : 'Not added. '),
          err.message,
        ),
      );
    } finally {
      button.disabled = false;
    }
  };

  const token = h('input', {
    name: 'token',
    type: 'password',
    value: getToken(),
    placeholder: 'PARALLAX_TOKEN',
    autocomplete: 'off',
  });
  token.addEventListener('change', () => setToken(token.value.trim()));

  const paste = h(
    'form',
    { class: 'panel ingest', id: 'paste-form' },
    h('h2', {}, 'Paste a report'),
    h(
      'div',
      { class: 'row' },
      field('Title (optional)', h('input', { name: 'title' })),
      field('Outlet', h('input', { name: 'source', placeholder: 'e.g. Harbor Ledger' })),
      field('Published', h('input', { name: 'published', type: 'date' })),
    ),
    field(
      'Text',
      h('textarea', {
        name: 'text',
        rows: 10,
        required: true,
        placeholder: 'Paste the article text. The first line is used as the title if none is given.',
      }),
    ),
    h(
      'div',
      { class: 'row' },
      field(
        'Format',
        h(
          'select',
          { name: 'format' },
          h('option', { value: 'text' }, 'Plain text'),
          h('option', { value: 'markdown' }, 'Markdown'),
          h('option', { value: 'html' }, 'HTML'),
        ),
      ),
      h('button', { type: 'submit', class: 'primary' }, 'Add report'),
    ),
  );
  paste.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = Object.fromEntries(
      [...new FormData(paste)].map(([k, v]) => [k, String(v).trim()]).filter(([, v]) => v),
    );
    // Spaces alone pass the required check; say plainly what is missing instead of the server's schema error.
    if (!f.text) return refuse(result, paste.elements.text, 'Paste the text of the report first.');
    run(paste, () => api.ingestText(f));
  });

  const upload = h(
    'form',
    { class: 'panel ingest', id: 'upload-form' },
    h('h2', {}, 'Upload files'),
    h(
      'p',
      { class: 'muted small' },
      'Text, Markdown, HTML, JSON, JSONL or RSS/Atom feeds (.xml, .rss, .atom); up to 20 files.',
    ),
    field(
      'Files',
      h('input', {
        name: 'file',
        type: 'file',
        multiple: true,
        accept: '.txt,.text,.md,.markdown,.html,.htm,.json,.jsonl,.ndjson,.xml,.rss,.atom',
        required: true,
      }),
    ),
    field('Outlet for files that do not say', h('input', { name: 'source' })),
    h('button', { type: 'submit', class: 'primary' }, 'Upload'),
  );
  upload.addEventListener('submit', (e) => {
    e.preventDefault();
    run(upload, () => api.ingestFiles(new FormData(upload)));
  });

  const byUrl = h(
    'form',
    { class: 'panel ingest', id: 'url-form' },
    h('h2', {}, 'From a URL'),
    field('Address', h('input', { name: 'url', type: 'url', required: true, placeholder: 'https://…' })),
    h('button', { type: 'submit', class: 'primary' }, 'Fetch and add'),
  );
  byUrl.addEventListener('submit', (e) => {
    e.preventDefault();
    run(byUrl, () => api.ingestUrl({ url: new FormData(byUrl).get('url') }));
  });

  return h(
    'div',
    { class: 'page page-add' },
    h(
      'header',
      { class: 'page-head' },
      h('h1', {}, 'Add reports'),
      h('p', { class: 'lede' }, 'New reports are cleaned, analysed and grouped into stories at once.'),
    ),
    h(
      'div',
      { class: 'panel token-row' },
      field('Write token', token),
      h('p', { class: 'muted small' }, 'Printed by the server at start; kept in this browser only.'),
    ),
    result,
    h('div', { class: 'ingest-grid' }, paste, h('div', {}, upload, byUrl)),
  );
}

function show(el, r) {
  const articles = r.articles ?? [];
  const s = r.summary;
  mount(
    el,
    h(
      'div',
      { class: 'notice notice-ok' },
      h('strong', {}, `${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged.`),
      articles.length
        ? h(
            'ul',
            {},
            articles.map((a) =>
              h(
                'li',
                { class: 'joined' },
                `“${a.title}” ${a.storyArticles > 1 ? 'joined' : 'started'} the story `,
                h(
                  'a',
                  { href: `#/story/${encodeURIComponent(a.storyId)}`, class: 'joined-story' },
                  a.storyTitle || a.storyId,
                ),
                ` (${a.storyArticles} report${a.storyArticles === 1 ? '' : 's'})`,
                a.copyOf ? ' as a near-copy' : '',
              ),
            ),
          )
        : null,
      s.skipped.length
        ? h(
            'ul',
            { class: 'skipped' },
            s.skipped.map((k) => h('li', {}, `Skipped ${k.input}: ${k.reason}`)),
          )
        : null,
    ),
  );
}

function refuse(result, input, message) {
  mount(result, h('div', { class: 'notice notice-error' }, h('strong', {}, 'Not added. '), message));
  input.focus();
}

function field(label, input) {
  return h('label', { class: 'field' }, h('span', {}, label), input);
}
