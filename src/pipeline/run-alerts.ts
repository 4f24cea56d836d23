// The one runner that delivers alerts: takes the deliverer lease (one deliverer at a time across
// processes), sends each due notification of the outbox on its channel (a signed webhook, an
// e-mail, a digest), and records the outcome: delivered, retried with backoff, or dead-lettered.
// At least once: a crash after sending and before recording sends again, with the same id.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Watch } from '../model/index.ts';
import type { DeliveryOutcome, DueDelivery, Store } from '../store/store.ts';
import { FetchError } from './1-intake/web/errors.ts';
import type { Resolver } from './1-intake/web/fetch.ts';
import { defaultRetryPolicy, nextAttempt, type RetryPolicy } from './alerts/backoff.ts';
import { emailText, signature, webhookBody } from './alerts/message.ts';
import { postJson } from './webhook-post.ts';

export const LEASE = 'alerts-deliverer';

/** Loopback and private ranges: let through only when PARALLAX_ALLOW_PRIVATE_WEBHOOKS=1 (tests, an intranet). */
export const PRIVATE_RANGES = ['127.0.0.0/8', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '::1/128', 'fc00::/7'];

export interface DeliverOptions {
  /** Addresses let through the address guard (IPs or CIDRs). */
  allow: readonly string[];
  /** Sends e-mail; without it, e-mail deliveries wait (they are not lost). */
  mailer?: { transport: Pick<Transporter, 'sendMail'>; from: string };
  /** Where a story opens, for e-mail text. */
  storyUrl?: (storyId: string) => string;
  retry?: RetryPolicy;
  timeoutMs?: number;
  leaseMs?: number;
  /** Who holds the lease: this process by default. */
  holder?: string;
  now?: () => number;
  resolve?: Resolver;
  userAgent?: string;
}

export interface DeliverSummary {
  /** False when another process holds the lease (it delivers). */
  leased: boolean;
  delivered: number;
  retried: number;
  dead: number;
  skipped: number;
  deferred: number;
}

const defaultHolder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
/** Deliveries read per round; rounds go on while some are due. */
const ROUND = 50;
const HOUR = 3_600_000;

/** Delivers every due notification once (or until the lease is lost); returns what happened. */
export async function deliverAlerts(store: Store, opts: DeliverOptions): Promise<DeliverSummary> {
  const now = opts.now ?? Date.now;
  const iso = (t: number) => new Date(t).toISOString();
  const holder = opts.holder ?? defaultHolder;
  const leaseMs = opts.leaseMs ?? 60_000;
  const summary: DeliverSummary = { leased: false, delivered: 0, retried: 0, dead: 0, skipped: 0, deferred: 0 };
  const lease = () => store.alerts.takeLease(LEASE, holder, iso(now()), iso(now() + leaseMs));
  // Nothing due: done without taking the lease (a write), as a server's loop mostly finds.
  if (!(await store.alerts.dueDeliveries(iso(now()), 1)).length) return { ...summary, leased: true };
  if (!(await lease())) return summary;
  summary.leased = true;
  const done = new Set<string>();
  try {
    for (;;) {
      const due = (await store.alerts.dueDeliveries(iso(now()), ROUND)).filter((d) => !done.has(`${d.notificationId}\n${d.channel}`));
      if (!due.length) break;
      for (const d of due) {
        // A digest sent earlier in this round carried it already.
        if (done.has(`${d.notificationId}\n${d.channel}`)) continue;
        // Renewed before each send: a deliverer stopped midway frees the lease within leaseMs.
        if (!(await lease())) return summary;
        const sent = await deliverOne(store, d, opts, now);
        for (const [key, outcome] of sent) {
          done.add(key);
          summary[outcome === 'retry' ? 'retried' : outcome]++;
        }
      }
    }
  } finally {
    await store.alerts.releaseLease(LEASE, holder).catch(() => {});
  }
  return summary;
}

type Counted = 'delivered' | 'retry' | 'dead' | 'skipped' | 'deferred';

async function deliverOne(store: Store, d: DueDelivery, opts: DeliverOptions, now: () => number): Promise<[string, Counted][]> {
  const record = async (o: DeliveryOutcome, id = d.notificationId): Promise<[string, Counted]> => {
    await store.alerts.recordDelivery(id, d.channel, o);
    return [`${id}\n${d.channel}`, o.state];
  };
  const watch = await store.alerts.getWatch(d.watchId);
  if (!watch) return [await record({ state: 'skipped', error: 'the watch was removed' })];
  if (watch.muted) return [await record({ state: 'skipped', error: 'muted' })];
  if (watch.ratePerHour !== null) {
    const sent = await store.alerts.sentSince(watch.id, new Date(now() - HOUR).toISOString());
    if (sent >= watch.ratePerHour) return [await record({ state: 'deferred', nextAttemptAt: new Date(now() + HOUR / watch.ratePerHour).toISOString() })];
  }
  const fail = async (error: string, permanent: boolean, id = d.notificationId, attempts = d.attempts): Promise<[string, Counted]> => {
    const next = permanent ? null : nextAttempt(opts.retry ?? defaultRetryPolicy, attempts + 1, now());
    return record(next === null ? { state: 'dead', error } : { state: 'retry', error, nextAttemptAt: new Date(next).toISOString() }, id);
  };
  if (d.channel === 'webhook') {
    if (!watch.webhookUrl) return [await record({ state: 'skipped', error: 'the watch has no webhook now' })];
    const outcome = await sendWebhook(watch, d, opts, now);
    return [outcome === null ? await record({ state: 'delivered', at: new Date(now()).toISOString() }) : await fail(outcome.error, outcome.permanent)];
  }
  if (!watch.email) return [await record({ state: 'skipped', error: 'the watch has no e-mail address now' })];
  if (!opts.mailer) return [await record({ state: 'deferred', nextAttemptAt: new Date(now() + HOUR).toISOString() })];
  // A digest sends every pending notification of the watch together, once the first is due.
  const batch = watch.emailMode === 'digest' ? await store.alerts.pendingDeliveries(watch.id, 'email') : [d];
  const events = batch.flatMap((b) => b.events);
  if (!events.length) return [];
  const { subject, text } = emailText(watch, events, opts.storyUrl ?? ((id) => `story ${id}`));
  try {
    await opts.mailer.transport.sendMail({
      from: opts.mailer.from,
      to: watch.email,
      subject,
      text,
      headers: { 'X-Parallax-Notification': batch.map((b) => b.notificationId).join(' ') },
    });
  } catch (err) {
    return [await fail(`smtp: ${(err as Error).message}`, false)];
  }
  const at = new Date(now()).toISOString();
  const out: [string, Counted][] = [];
  for (const b of batch) out.push(await record({ state: 'delivered', at }, b.notificationId));
  return out;
}

/** Null when the receiver took it (2xx); else why not, and whether trying again can help. */
async function sendWebhook(watch: Watch, d: DueDelivery, opts: DeliverOptions, now: () => number): Promise<{ error: string; permanent: boolean } | null> {
  const body = webhookBody(d.notificationId, watch, d.events);
  const t = Math.floor(now() / 1000);
  const headers: Record<string, string> = {
    'parallax-event-id': d.notificationId,
    'idempotency-key': d.notificationId,
    'parallax-timestamp': String(t),
  };
  if (watch.webhookSecret) headers['parallax-signature'] = signature(watch.webhookSecret, t, body);
  try {
    const res = await postJson(watch.webhookUrl!, body, headers, {
      allow: opts.allow,
      timeoutMs: opts.timeoutMs ?? 10_000,
      userAgent: opts.userAgent ?? 'Parallax-Alerts/0.1',
      resolve: opts.resolve,
    });
    if (res.status >= 200 && res.status < 300) return null;
    // 410 Gone: the receiver says it will never take it.
    return { error: `HTTP ${res.status}`, permanent: res.status === 410 };
  } catch (err) {
    const permanent = err instanceof FetchError && (err.code === 'blocked-address' || err.code === 'bad-url');
    return { error: (err as Error).message, permanent };
  }
}

/** The addresses a deliverer may reach, from the environment (the fetcher's allow-list, private ranges when allowed). */
export function deliveryAllowList(env: NodeJS.ProcessEnv, fetchAllow: readonly string[]): string[] {
  return [...fetchAllow, ...(env.PARALLAX_ALLOW_PRIVATE_WEBHOOKS === '1' ? PRIVATE_RANGES : [])];
}

/**
 * Delivers now and then until stopped (a server's background loop): a round every `everyMs`, one
 * at a time; a failed round is reported and the loop goes on.
 */
export function startDelivering(store: Store, opts: DeliverOptions, everyMs = 5_000, onError: (e: Error) => void = () => {}): () => Promise<void> {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = deliverAlerts(store, opts)
      .catch((e: Error) => onError(e))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, everyMs).unref();
      });
  };
  let timer = setTimeout(tick, 0).unref();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}

/**
 * Delivery settings from the environment, for the edges: PARALLAX_ALLOW_PRIVATE_WEBHOOKS=1 (private
 * and loopback receivers), PARALLAX_SMTP_URL (smtp://user:pass@host:587) with PARALLAX_SMTP_FROM,
 * PARALLAX_PUBLIC_URL (links in e-mail). Throws listing the problems.
 */
export function deliveryOptionsFromEnv(env: NodeJS.ProcessEnv, fetchAllow: readonly string[]): DeliverOptions {
  const problems: string[] = [];
  let mailer: DeliverOptions['mailer'];
  if (env.PARALLAX_SMTP_URL) {
    if (!/^smtps?:\/\//.test(env.PARALLAX_SMTP_URL)) problems.push('PARALLAX_SMTP_URL: must start with smtp:// or smtps://');
    if (!env.PARALLAX_SMTP_FROM) problems.push('PARALLAX_SMTP_FROM: needed with PARALLAX_SMTP_URL');
    if (!problems.length) mailer = { transport: nodemailer.createTransport(env.PARALLAX_SMTP_URL), from: env.PARALLAX_SMTP_FROM! };
  }
  if (problems.length) throw new Error(`alerts: ${problems.join('; ')}`);
  const base = (env.PARALLAX_PUBLIC_URL ?? 'http://127.0.0.1:8787').replace(/\/+$/, '');
  return { allow: deliveryAllowList(env, fetchAllow), mailer, storyUrl: (id) => `${base}/#/story/${encodeURIComponent(id)}` };
}
