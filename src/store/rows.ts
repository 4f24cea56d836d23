// Rows both stores share the shape of, turned into the model once: feeds, watches and alert
// events are the same columns in SQLite and PostgreSQL (only booleans differ: 0/1 or true/false).
import type { AlertEvent, Watch } from '../model/index.ts';
import type { FeedRecord } from './store.ts';

export interface FeedRow {
  id: string;
  url: string;
  title: string | null;
  interval_seconds: number;
  added_at: string;
  etag: string | null;
  last_modified: string | null;
  last_checked_at: string | null;
  last_success_at: string | null;
  failures: number;
  last_error: string | null;
  next_check_at: string;
  item_count: number;
}

export const toFeed = (r: FeedRow): FeedRecord => ({
  id: r.id,
  url: r.url,
  title: r.title,
  intervalSeconds: r.interval_seconds,
  addedAt: r.added_at,
  etag: r.etag,
  lastModified: r.last_modified,
  lastCheckedAt: r.last_checked_at,
  lastSuccessAt: r.last_success_at,
  failures: r.failures,
  lastError: r.last_error,
  nextCheckAt: r.next_check_at,
  itemCount: r.item_count,
});

export interface WatchRow {
  id: string;
  name: string;
  story_id: string | null;
  topic_json: string | null;
  kinds_json: string | null;
  muted: number | boolean;
  rate_per_hour: number | null;
  webhook_url: string | null;
  webhook_secret: string | null;
  email: string | null;
  email_mode: string;
  created_at: string;
}

export const toWatch = (r: WatchRow): Watch => ({
  id: r.id,
  name: r.name,
  storyId: r.story_id,
  topic: r.topic_json ? JSON.parse(r.topic_json) : null,
  kinds: r.kinds_json ? JSON.parse(r.kinds_json) : null,
  muted: !!r.muted,
  ratePerHour: r.rate_per_hour,
  webhookUrl: r.webhook_url,
  webhookSecret: r.webhook_secret,
  email: r.email,
  emailMode: r.email_mode === 'digest' ? 'digest' : 'immediate',
  createdAt: r.created_at,
});

/** An alert event's columns; its JSON holds at least summary, detail and evidence. */
export interface AlertEventColumns {
  id: string;
  watch_id: string;
  story_id: string;
  kind: string;
  notification_id: string;
  event_json: string;
  created_at: string;
}

/** Columns first, then the JSON (SQLite keeps only what the columns do not; older rows hold all). */
export const toAlertEvent = (r: AlertEventColumns): AlertEvent => {
  const body = JSON.parse(r.event_json) as Pick<AlertEvent, 'summary' | 'detail' | 'evidence'>;
  return {
    id: r.id,
    watchId: r.watch_id,
    storyId: r.story_id,
    kind: r.kind as AlertEvent['kind'],
    summary: body.summary,
    detail: body.detail,
    evidence: body.evidence,
    notificationId: r.notification_id,
    createdAt: r.created_at,
  };
};
