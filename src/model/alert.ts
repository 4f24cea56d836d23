// Alerts: watches (a topic or a followed story), the events the write path finds for them, and
// their deliveries (docs/ALERTS.md). Types only.
import type { Evidence } from './story.ts';

export const ALERT_KINDS = [
  'new-story',
  'new-source',
  'new-conflict',
  'conflict-resolved',
  'figure-revised',
  'date-changed',
  'place-changed',
  'merged',
  'split',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** What a topic watch matches: every given part must hold for one report of the story. */
export interface Topic {
  /** Search words (folded, all required; a trailing * makes a word a prefix). */
  words?: string;
  /** An entity's name (case and diacritics ignored). */
  entity?: string;
  /** A place: by name, or within `radiusKm` of its point. */
  place?: { name: string; lat: number; lon: number; radiusKm: number | null };
  source?: string;
  language?: string;
  /** The story must have at least this many independent sources (copies not counted). */
  minSources?: number;
}

export type EmailMode = 'immediate' | 'digest';

export interface Watch {
  id: string;
  name: string;
  /** A followed story, or null for a topic. */
  storyId: string | null;
  topic: Topic | null;
  /** Kinds wanted; null: every kind. */
  kinds: AlertKind[] | null;
  muted: boolean;
  /** Most notifications sent out per hour (webhook, e-mail); null: no limit. The inbox has them all. */
  ratePerHour: number | null;
  webhookUrl: string | null;
  webhookSecret: string | null;
  email: string | null;
  emailMode: EmailMode;
  createdAt: string;
}

/** One change found for one watch. */
export interface AlertEvent {
  /** Stable: a hash of watch, story, kind and what changed; the same change never gets two ids. */
  id: string;
  watchId: string;
  storyId: string;
  kind: AlertKind;
  /** One line for a reader ("killed revised from 12 to 14"). */
  summary: string;
  /** Kind-specific detail: old and new values, the source, the other story… */
  detail: Record<string, unknown>;
  /** Where the reports say it. */
  evidence: Evidence[];
  /** Events about one story in one batch share a notification (folded into one message). */
  notificationId: string;
  createdAt: string;
}

export type DeliveryChannel = 'webhook' | 'email';
export type DeliveryState = 'pending' | 'delivered' | 'dead' | 'skipped';
