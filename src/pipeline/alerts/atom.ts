// A watch's events as an Atom feed (RFC 4287), so any feed reader can follow it. Pure.
import type { AlertEvent, Watch } from '../../model/index.ts';

const escapeXml = (s: string) =>
  // Characters XML 1.0 cannot carry at all are dropped; the rest escaped.
  // eslint-disable-next-line no-control-regex -- the control characters are what is removed
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[<>&'"]/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`);

export interface AtomLinks {
  /** The feed's own address. */
  self: string;
  /** Where a story (and an event's evidence) opens in the web app. */
  event: (e: AlertEvent) => string;
}

export function atomFeed(watch: Watch, events: AlertEvent[], links: AtomLinks): string {
  const updated = events[0]?.createdAt ?? watch.createdAt;
  const entries = events.map(
    (e) => `  <entry>
    <id>urn:parallax:event:${escapeXml(e.id)}</id>
    <title>${escapeXml(e.summary)}</title>
    <updated>${escapeXml(e.createdAt)}</updated>
    <link rel="alternate" href="${escapeXml(links.event(e))}"/>
    <category term="${escapeXml(e.kind)}"/>
    <content type="text">${escapeXml(`${e.summary} (${e.kind}; story ${e.storyId}; ${e.evidence.length} evidence span${e.evidence.length === 1 ? '' : 's'})`)}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:parallax:watch:${escapeXml(watch.id)}</id>
  <title>${escapeXml(`Parallax: ${watch.name}`)}</title>
  <updated>${escapeXml(updated)}</updated>
  <link rel="self" href="${escapeXml(links.self)}"/>
  <generator>Parallax</generator>
${entries.join('\n')}
</feed>
`;
}
