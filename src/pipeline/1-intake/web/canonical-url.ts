// One spelling per page: the same article reached through a tracking link or a different
// spelling of the URL gets the same identity.

// Query parameters that track the click, not the page.
const TRACKING = [
  /^utm_/i,
  /^(fbclid|gclid|dclid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl|ocid|cmpid|ncid|sr_share|ref_src|__twitter_impression)$/i,
];

/** The canonical form of an http(s) URL, or null when it is not one. */
export function canonicalUrl(input: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  url.hostname = url.hostname.replace(/\.$/, '');
  const kept = [...url.searchParams].filter(([k]) => !TRACKING.some((re) => re.test(k)));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = kept.length ? new URLSearchParams(kept).toString() : '';
  return url.toString();
}
