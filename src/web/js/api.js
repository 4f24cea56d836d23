// Talks to the JSON API. The write token comes from the ?token= the server printed (kept in
// localStorage) or from the field on the "Add reports" page.
/* global localStorage, location, history, fetch, URLSearchParams */
const TOKEN_KEY = 'parallax.token';

export function adoptTokenFromUrl() {
  const url = new URL(location.href);
  const t = url.searchParams.get('token');
  if (!t) return;
  localStorage.setItem(TOKEN_KEY, t);
  url.searchParams.delete('token');
  history.replaceState(null, '', url.pathname + url.search + url.hash);
}

export const getToken = () => localStorage.getItem(TOKEN_KEY) ?? '';
export const setToken = (t) => (t ? localStorage.setItem(TOKEN_KEY, t) : localStorage.removeItem(TOKEN_KEY));

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function call(path, init = {}) {
  // The token rides along on reads too: a server that is not on loopback wants it for everything.
  const headers = { ...(getToken() ? auth() : {}), ...init.headers };
  const res = await fetch(path, { ...init, headers }).catch(() => {
    // fetch only rejects when no answer came back at all: the server is down or unreachable.
    throw new ApiError(0, 'unreachable', 'The Parallax server cannot be reached. Is it still running?');
  });
  const body = await res.json().catch(() => null);
  if (!res.ok)
    throw new ApiError(
      res.status,
      body?.error?.code ?? 'http_error',
      body?.error?.message?.replace(/^api: /, '') ?? `HTTP ${res.status}`,
    );
  return body;
}

const qs = (params) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
};

const auth = () => ({ Authorization: `Bearer ${getToken()}` });
const post = (path, body) =>
  call(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...auth() },
    body: JSON.stringify(body),
  });

export const api = {
  stories: (params) => call(`/api/stories${qs(params)}`),
  story: (id) => call(`/api/stories/${encodeURIComponent(id)}`),
  article: (id) => call(`/api/articles/${encodeURIComponent(id)}`),
  entity: (name) => call(`/api/entities/${encodeURIComponent(name)}`),
  entities: (params) => call(`/api/entities${qs(params)}`),
  search: (params) => call(`/api/search${qs(params)}`),
  facets: () => call('/api/facets'),
  ingestText: (body) => post('/api/ingest/text', body),
  ingestUrl: (body) => post('/api/ingest/url', body),
  ingestFiles: (form) => call('/api/ingest/files', { method: 'POST', headers: auth(), body: form }),
  // Alerts (views/alerts.js, views/event.js, inbox-badge.js).
  watches: () => call('/api/watches'),
  addWatch: (body) => post('/api/watches', body),
  patchWatch: (id, body) =>
    call(`/api/watches/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', ...auth() },
      body: JSON.stringify(body),
    }),
  removeWatch: (id) => call(`/api/watches/${encodeURIComponent(id)}`, { method: 'DELETE', headers: auth() }),
  inbox: (params) => call(`/api/inbox${qs(params)}`),
  inboxCount: () => call('/api/inbox/count'),
  markRead: (body) => post('/api/inbox/read', body),
  event: (id) => call(`/api/events/${encodeURIComponent(id)}`),
  deliveries: (params) => call(`/api/deliveries${qs(params)}`),
};
