// From changes to events and their outbox rows. Pure. An event's id is a hash of watch, story,
// kind and what changed, so the same change found twice (a batch written again after a crash, a
// report ingested twice) is one event. Events about one story in one batch share a notification.
import type { AlertEvent, Evidence, Watch } from '../../model/index.ts';
import type { NewDelivery } from '../../store/store.ts';
import { shortHash } from '../../util/hash.ts';
import type { StoryChange } from './story-changes.ts';

/** How long an e-mail digest gathers notifications before it is sent. */
export const DIGEST_MS = 60 * 60 * 1000;

export const eventId = (watchId: string, storyId: string, kind: string, key: string) =>
  `ev-${shortHash(`${watchId}\n${storyId}\n${kind}\n${key}`, 20)}`;

/** A watch's events for changes in one story; kinds the watch does not want are left out. */
export function eventsFor(watch: Watch, storyId: string, changes: StoryChange[], now: string): AlertEvent[] {
  return changes
    .filter((c) => !watch.kinds || watch.kinds.includes(c.kind))
    .map((c) => ({
      id: eventId(watch.id, storyId, c.kind, c.key),
      watchId: watch.id,
      storyId,
      kind: c.kind,
      summary: c.summary,
      detail: c.detail,
      evidence: c.evidence,
      notificationId: '',
      createdAt: now,
    }));
}

/** Spans of a whole report (end 0) become its first sentence, so every link opens on text. */
export function citeLedes(events: AlertEvent[], ledeOf: (articleId: string) => number): void {
  for (const e of events) e.evidence = e.evidence.map((s): Evidence => (s.end > 0 ? s : { ...s, end: ledeOf(s.article) }));
}

/**
 * Events folded per watch and story into notifications (their id a hash of their event ids), each
 * with an outbox row per channel the watch has. The inbox shows the events themselves.
 */
export function notify(
  events: AlertEvent[],
  watches: Map<string, Watch>,
  now: string,
): { events: AlertEvent[]; deliveries: NewDelivery[] } {
  const groups = new Map<string, AlertEvent[]>();
  const unique = new Map(events.map((e) => [e.id, e]));
  for (const e of unique.values()) {
    const key = `${e.watchId}\n${e.storyId}`;
    const g = groups.get(key);
    if (g) g.push(e);
    else groups.set(key, [e]);
  }
  const deliveries: NewDelivery[] = [];
  for (const group of groups.values()) {
    const notificationId = `nt-${shortHash(group.map((e) => e.id).sort().join('\n'), 20)}`;
    for (const e of group) e.notificationId = notificationId;
    const w = watches.get(group[0].watchId);
    if (!w) continue;
    if (w.webhookUrl) deliveries.push({ notificationId, watchId: w.id, channel: 'webhook', notBefore: now });
    if (w.email) {
      const notBefore = w.emailMode === 'digest' ? new Date(Date.parse(now) + DIGEST_MS).toISOString() : now;
      deliveries.push({ notificationId, watchId: w.id, channel: 'email', notBefore });
    }
  }
  return { events: [...unique.values()], deliveries };
}
