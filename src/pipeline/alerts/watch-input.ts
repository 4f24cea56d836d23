// A watch as the CLI, the API and the web app describe it, checked and made into a Watch: the
// topic compiled (so a bad one is refused when made, not skipped later), the place looked up in
// the offline gazetteer, channels validated. Every problem is listed at once.
import { randomUUID } from 'node:crypto';
import { ALERT_KINDS, type AlertKind, type EmailMode, type Topic, type Watch } from '../../model/index.ts';
import { placeKey } from '../../text/fold.ts';
import { gazetteer } from '../3-analyze/places/gazetteer.ts';
import { compileTopic } from './topic.ts';

export interface WatchInput {
  name?: string;
  storyId?: string | null;
  words?: string;
  entity?: string;
  place?: string;
  radiusKm?: number | null;
  source?: string;
  language?: string;
  minSources?: number;
  kinds?: string[] | null;
  muted?: boolean;
  ratePerHour?: number | null;
  webhookUrl?: string | null;
  webhookSecret?: string | null;
  email?: string | null;
  emailMode?: EmailMode;
}

export class WatchInputError extends Error {
  override name = 'WatchInputError';
}

/** The best-known place of that name (the most populous), or null. */
export function findPlace(name: string): { name: string; lat: number; lon: number } | null {
  const found = gazetteer().byName.get(placeKey(name)) ?? [];
  const best = [...found].sort((a, b) => b.population - a.population)[0];
  return best ? { name: best.name, lat: best.lat, lon: best.lon } : null;
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export function checkKinds(kinds: string[] | null | undefined, problems: string[]): AlertKind[] | null {
  if (!kinds?.length) return null;
  const bad = kinds.filter((k) => !(ALERT_KINDS as readonly string[]).includes(k));
  if (bad.length) problems.push(`unknown kinds: ${bad.join(', ')} (known: ${ALERT_KINDS.join(', ')})`);
  return kinds as AlertKind[];
}

export function checkChannels(i: Pick<WatchInput, 'webhookUrl' | 'email' | 'ratePerHour'>, problems: string[]): void {
  if (i.webhookUrl) {
    try {
      const u = new URL(i.webhookUrl);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') problems.push('webhook: only http and https URLs');
      if (u.username || u.password) problems.push('webhook: no credentials in the URL (use the secret)');
    } catch {
      problems.push(`webhook: not a URL: ${i.webhookUrl}`);
    }
  }
  if (i.email && !EMAIL.test(i.email)) problems.push(`email: not an address: ${i.email}`);
  if (i.ratePerHour != null && !(Number.isInteger(i.ratePerHour) && i.ratePerHour > 0)) problems.push('rate: a positive whole number per hour');
}

/** A new watch from its description; throws WatchInputError listing every problem. */
export function newWatch(i: WatchInput, now: string, id = `w-${randomUUID().slice(0, 12)}`): Watch {
  const problems: string[] = [];
  let topic: Topic | null = null;
  if (i.storyId) {
    if (i.words || i.entity || i.place || i.source || i.language) problems.push('a watch follows a story or a topic, not both');
  } else {
    topic = {
      ...(i.words?.trim() ? { words: i.words.trim() } : {}),
      ...(i.entity?.trim() ? { entity: i.entity.trim() } : {}),
      ...(i.source?.trim() ? { source: i.source.trim() } : {}),
      ...(i.language?.trim() ? { language: i.language.trim().toLowerCase() } : {}),
      ...(i.minSources && i.minSources > 1 ? { minSources: i.minSources } : {}),
    };
    if (i.place?.trim()) {
      const p = findPlace(i.place.trim());
      if (!p) problems.push(`place: not in the gazetteer: ${i.place}`);
      else topic.place = { ...p, radiusKm: i.radiusKm ?? null };
    } else if (i.radiusKm != null) problems.push('radius: needs a place');
    if (i.minSources != null && !(Number.isInteger(i.minSources) && i.minSources >= 1 && i.minSources <= 100)) problems.push('min sources: a whole number from 1 to 100');
    try {
      compileTopic(topic);
    } catch (err) {
      problems.push((err as Error).message.replace(/^alerts: /, ''));
    }
  }
  const kinds = checkKinds(i.kinds, problems);
  checkChannels(i, problems);
  if (i.webhookUrl && !i.webhookSecret) problems.push('webhook: a secret is needed to sign the requests');
  if (problems.length) throw new WatchInputError(`watch: ${problems.join('; ')}`);
  const name = i.name?.trim() || (i.storyId ? `story ${i.storyId}` : [topic?.words, topic?.entity, topic?.place?.name, topic?.source, topic?.language].filter(Boolean).join(' · '));
  return {
    id,
    name: name.slice(0, 200),
    storyId: i.storyId ?? null,
    topic,
    kinds,
    muted: !!i.muted,
    ratePerHour: i.ratePerHour ?? null,
    webhookUrl: i.webhookUrl || null,
    webhookSecret: i.webhookSecret || null,
    email: i.email || null,
    emailMode: i.emailMode ?? 'immediate',
    createdAt: now,
  };
}
