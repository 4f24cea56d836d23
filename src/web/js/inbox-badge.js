// The unread count beside "Alerts" in the header: asked now, every few seconds, and whenever the
// page changes (an event opened is read). Text only; hidden at zero.
/* global document, window, setTimeout, clearTimeout */
import { api } from './api.js';

const EVERY_MS = 5000;
let timer = null;

export async function refreshInboxBadge() {
  const badge = document.getElementById('inbox-count');
  if (!badge) return;
  clearTimeout(timer);
  try {
    const { unread } = await api.inboxCount();
    badge.textContent = unread > 99 ? '99+' : String(unread);
    badge.hidden = unread === 0;
    badge.setAttribute('aria-label', `${unread} unread alert${unread === 1 ? '' : 's'}`);
  } catch {
    badge.hidden = true; // no server or no access: no count, the page says why
  } finally {
    timer = setTimeout(refreshInboxBadge, EVERY_MS);
  }
}

export function startInboxBadge() {
  window.addEventListener('hashchange', () => setTimeout(refreshInboxBadge, 300));
  refreshInboxBadge();
}
