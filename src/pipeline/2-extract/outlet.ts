// Who published a report, from the weaker clues: an archive copy's address (the outlet is the site
// the archive took it from, not the archive), a staff byline ("By Valley Courier staff"), and, last,
// a file name that reads like an outlet's name.

/** Archive services whose address embeds the original page (checked by host, then by path shape). */
const ARCHIVE_HOSTS =
  /(^|\.)(web\.archive\.org|wayback\.archive\.org|archive\.org|archive\.(today|ph|is|li|vn|fo|md)|webarchive\.nationalarchives\.gov\.uk|arquivo\.pt|webarchive\.loc\.gov|wayback\.archive-it\.org|webcache\.googleusercontent\.com|webarchive\.org\.uk|timetravel\.mementoweb\.org)$/i;

/**
 * The capture part of an archive path, then the original: `/web/20160315083012id_/http://…`,
 * `/2023.05.04-101112/https://…`, `/newest/https://…`, `/wayback/20190101000000/…`.
 */
const CAPTURE =
  /^\/(?:[\w-]+\/){0,2}?(?:\d{4,14}(?:[a-z]{2}_)?|\d{4}\.\d{2}\.\d{2}-\d{6}|newest|oldest|latest|\*)\/(.+)$/i;

export interface Archived {
  original: string;
  archive: string;
}

function normalized(rest: string): string | null {
  // Archives collapse "//" in paths ("http:/www…") or drop the scheme.
  const withScheme = /^https?:\/\/?/i.test(rest)
    ? rest.replace(/^(https?):\/\/?/i, '$1://')
    : /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$|\?)/i.test(rest)
      ? `http://${rest}`
      : null;
  if (!withScheme) return null;
  try {
    const u = new URL(withScheme);
    return u.hostname.includes('.') && !ARCHIVE_HOSTS.test(u.hostname) ? withScheme : null;
  } catch {
    return null;
  }
}

/** The original page of an archive copy's address, or null (not an archive, or no original in it). */
export function archivedOriginal(url: string): Archived | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (!ARCHIVE_HOSTS.test(u.hostname)) return null;
  if (/webcache\.googleusercontent\.com$/i.test(u.hostname)) {
    // The query's '+' reads as a space: the original ends at the first one.
    const q = /^cache:[^:]*:(\S+)/.exec(u.searchParams.get('q') ?? '');
    const original = q ? normalized(q[1]) : null;
    return original ? { original, archive: url } : null;
  }
  // The original keeps its own query string, which the URL parser split off.
  const m = CAPTURE.exec(u.pathname + u.search);
  const original = m ? normalized(m[1]) : null;
  return original ? { original, archive: url } : null;
}

/** An archive's address with no original in it: its host is no outlet. */
export function isArchiveHost(host: string): boolean {
  return ARCHIVE_HOSTS.test(host);
}

const STAFF = /^(.*\S)\s+(staff( (reports?|writers?|report))?|news staff)$/i;

/** The outlet a staff credit names ("Valley Courier staff" → "Valley Courier"), or null. */
export function staffOutlet(name: string | null): string | null {
  const m = name ? STAFF.exec(name.trim()) : null;
  if (!m) return null;
  const outlet = m[1].trim();
  return /\p{Lu}/u.test(outlet[0] ?? '') && !/^(the )?(staff|news)$/i.test(outlet) ? outlet : null;
}

/** Words a file is named after when it is named after nothing in particular. */
const GENERIC =
  /^(article|articles|index|untitled|document|doc|export|report|reports|data|content|text|items|item|feed|download|downloads|page|story|stories|news|output|input|sample|test|copy|new|file|img|image|scan|draft|notes?|inbox|batch|dump)$/i;

/** A file name as the outlet: only a name that reads like one (letters, not a date, id or generic word). */
export function fileOutlet(path: string | null): string | null {
  if (!path) return null;
  const stem = (path.split(/[\\/]/).pop() ?? '').replace(/\.[^.]+$/, '');
  const words = stem
    .split(/[\s_.()-]+/)
    .filter(Boolean)
    .filter((w) => !/^\d+$/.test(w));
  if (!words.length || words.some((w) => GENERIC.test(w))) return null;
  if (words.some((w) => /\d/.test(w) && /[a-f]/i.test(w) && w.length >= 8)) return null;
  return words.every((w) => /^\p{L}[\p{L}'’&]*$/u.test(w)) ? stem : null;
}
