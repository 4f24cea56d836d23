// Alerts on PostgreSQL: watches, events (the inbox), the outbox of deliveries and the deliverer's
// lease, as sqlite/alerts.ts. Persists and queries only: which events a batch causes is the
// runner's (pipeline/alerts/). Events and their outbox rows are written by the batch's own
// transaction (write.ts), so a crash never keeps a batch without its alerts or the reverse.
import type pg from 'pg';
import type { AlertEvent, DeliveryChannel, DeliveryState, Watch } from '../../model/index.ts';
import {
  StoreError,
  type AlertStore,
  type DeliveryOutcome,
  type DeliveryRecord,
  type DueDelivery,
  type InboxQuery,
  type NewDelivery,
  type StoredAlertEvent,
  type WatchPatch,
} from '../store.ts';
import { toWatch, type WatchRow } from '../rows.ts';
import { read, transaction, type Client } from './connection.ts';

/**
 * Inside the batch's transaction, after it took the write lock: the events, then outbox rows for
 * the notifications that got an event now, in one statement. The same event again (same id) is
 * kept once, so a notification whose events were all written before is not sent twice; a watch
 * removed meanwhile gets nothing (removal takes the same write lock, so it is wholly before or after).
 */
export async function writeAlerts(
  c: Client,
  events: AlertEvent[],
  deliveries: NewDelivery[],
  now: string,
): Promise<void> {
  if (!events.length) return;
  await c.query(
    `WITH written AS (
       INSERT INTO alert_events (id, watch_id, story_id, kind, notification_id, event_json, created_at)
         SELECT t.id, t.watch_id, t.story_id, t.kind, t.notification_id, t.event_json, t.created_at
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
                WITH ORDINALITY AS t(id, watch_id, story_id, kind, notification_id, event_json, created_at, ord)
          WHERE EXISTS (SELECT 1 FROM watches w WHERE w.id = t.watch_id)
          ORDER BY t.ord
       ON CONFLICT (id) DO NOTHING
       RETURNING notification_id
     )
     INSERT INTO alert_deliveries (notification_id, channel, watch_id, state, next_attempt_at, created_at)
       SELECT d.notification_id, d.channel, d.watch_id, 'pending', d.not_before, $12
         FROM unnest($8::text[], $9::text[], $10::text[], $11::text[]) AS d(notification_id, channel, watch_id, not_before)
        WHERE d.notification_id IN (SELECT notification_id FROM written)
     ON CONFLICT DO NOTHING`,
    [
      events.map((e) => e.id),
      events.map((e) => e.watchId),
      events.map((e) => e.storyId),
      events.map((e) => e.kind),
      events.map((e) => e.notificationId),
      events.map((e) => JSON.stringify(e)),
      events.map((e) => e.createdAt),
      deliveries.map((d) => d.notificationId),
      deliveries.map((d) => d.channel),
      deliveries.map((d) => d.watchId),
      deliveries.map((d) => d.notBefore),
      now,
    ],
  );
}

/** A watch's columns in table order (WATCH_COLUMNS). */
const watchValues = (w: Watch): unknown[] => [
  w.id,
  w.name,
  w.storyId,
  w.topic ? JSON.stringify(w.topic) : null,
  w.kinds ? JSON.stringify(w.kinds) : null,
  w.muted,
  w.ratePerHour,
  w.webhookUrl,
  w.webhookSecret,
  w.email,
  w.emailMode,
  w.createdAt,
];
const WATCH_COLUMNS = [
  'id',
  'name',
  'story_id',
  'topic_json',
  'kinds_json',
  'muted',
  'rate_per_hour',
  'webhook_url',
  'webhook_secret',
  'email',
  'email_mode',
  'created_at',
];

interface EventRow {
  event_json: string;
  read_at: string | null;
}
const toEvent = (r: EventRow): StoredAlertEvent => ({
  ...(JSON.parse(r.event_json) as AlertEvent),
  readAt: r.read_at,
});

interface DeliveryRow {
  notification_id: string;
  channel: DeliveryChannel;
  watch_id: string;
  state: DeliveryState;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
}
const toDelivery = (r: DeliveryRow): DeliveryRecord => ({
  notificationId: r.notification_id,
  watchId: r.watch_id,
  channel: r.channel,
  notBefore: r.next_attempt_at,
  state: r.state,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  deliveredAt: r.delivered_at,
  createdAt: r.created_at,
});

/** Most events (or deliveries) listed at once. */
const MAX_PAGE = 500;
const page = (n: number | undefined, fallback: number) => Math.min(Math.max(n ?? fallback, 1), MAX_PAGE);

export class PgAlerts implements AlertStore {
  constructor(
    private pool: pg.Pool,
    /** How long a write waits for a lock (the write lock, a row) before StoreBusy (ms). */
    private lockMs: number,
  ) {}

  private write<T>(what: string, body: (c: Client) => Promise<T>): Promise<T> {
    return transaction(this.pool, body, { lockMs: this.lockMs, what });
  }

  addWatch = (w: Watch) =>
    this.write('watch', async (c) => {
      const r = await c.query(
        `INSERT INTO watches (${WATCH_COLUMNS.join(', ')}) VALUES (${WATCH_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
         ON CONFLICT (id) DO NOTHING`,
        watchValues(w),
      );
      if (!r.rowCount) throw new StoreError(`store: a watch with id ${w.id} exists`);
      return w;
    });

  getWatch = async (id: string) => {
    const [r] = await read<WatchRow>(this.pool, 'SELECT * FROM watches WHERE id = $1', [id]);
    return r ? toWatch(r) : null;
  };

  listWatches = async () =>
    (await read<WatchRow>(this.pool, 'SELECT * FROM watches ORDER BY created_at, id')).map(toWatch);

  /** Read, merged and written under the row's lock: two updates at once both apply. */
  updateWatch = (id: string, patch: WatchPatch) =>
    this.write('watch', async (c) => {
      const [r] = (await c.query<WatchRow>('SELECT * FROM watches WHERE id = $1 FOR UPDATE', [id])).rows;
      if (!r) return null;
      const given = Object.entries(patch).filter(([, v]) => v !== undefined);
      const next: Watch = { ...toWatch(r), ...Object.fromEntries(given) };
      // Every column but id ($1) and created_at (the last, not sent: an unused parameter has no type).
      const sets = WATCH_COLUMNS.slice(1, -1).map((k, i) => `${k} = $${i + 2}`);
      await c.query(`UPDATE watches SET ${sets.join(', ')} WHERE id = $1`, watchValues(next).slice(0, -1));
      return next;
    });

  /** Under the write lock: a batch writing this watch's events is wholly before (its events go) or after (it writes none). */
  removeWatch = (id: string) =>
    this.write('watch', async (c) => {
      await c.query('SELECT revision FROM store_revision FOR UPDATE');
      await c.query('DELETE FROM alert_deliveries WHERE watch_id = $1', [id]);
      await c.query('DELETE FROM alert_events WHERE watch_id = $1', [id]);
      return ((await c.query('DELETE FROM watches WHERE id = $1', [id])).rowCount ?? 0) > 0;
    });

  inbox = async (q: InboxQuery = {}) => {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.watchId) where.push(`watch_id = $${args.push(q.watchId)}`);
    if (q.kinds?.length) where.push(`kind = ANY($${args.push(q.kinds)}::text[])`);
    const base = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [counts] = await read<{ total: number; unread: number }>(
      this.pool,
      `SELECT COUNT(*)::int AS total, (COUNT(*) FILTER (WHERE read_at IS NULL))::int AS unread FROM alert_events ${base}`,
      args,
    );
    if (q.unread) where.push('read_at IS NULL');
    const limit = `$${args.push(page(q.limit, 50))}`;
    const offset = `$${args.push(Math.max(q.offset ?? 0, 0))}`;
    const rows = await read<EventRow>(
      this.pool,
      `SELECT event_json, read_at FROM alert_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY seq DESC LIMIT ${limit} OFFSET ${offset}`,
      args,
    );
    return {
      total: q.unread ? counts.unread : counts.total,
      unread: counts.unread,
      events: rows.map(toEvent),
    };
  };

  getEvent = async (id: string) => {
    const [r] = await read<EventRow>(
      this.pool,
      'SELECT event_json, read_at FROM alert_events WHERE id = $1',
      [id],
    );
    return r ? toEvent(r) : null;
  };

  markRead = (q: { ids?: string[]; watchId?: string }, at: string) =>
    this.write('inbox', async (c) => {
      const r = q.ids
        ? await c.query(
            'UPDATE alert_events SET read_at = $1 WHERE id = ANY($2::text[]) AND read_at IS NULL',
            [at, q.ids],
          )
        : q.watchId
          ? await c.query('UPDATE alert_events SET read_at = $1 WHERE watch_id = $2 AND read_at IS NULL', [
              at,
              q.watchId,
            ])
          : await c.query('UPDATE alert_events SET read_at = $1 WHERE read_at IS NULL', [at]);
      return r.rowCount ?? 0;
    });

  /** The deliveries with their events (in write order), in one query for all of them. */
  private async withEvents(rows: DeliveryRow[]): Promise<DueDelivery[]> {
    if (!rows.length) return [];
    const events = await read<{ notification_id: string; event_json: string }>(
      this.pool,
      'SELECT notification_id, event_json FROM alert_events WHERE notification_id = ANY($1::text[]) ORDER BY seq',
      [[...new Set(rows.map((r) => r.notification_id))]],
    );
    const of = new Map<string, AlertEvent[]>();
    for (const e of events) {
      const list = of.get(e.notification_id) ?? [];
      list.push(JSON.parse(e.event_json) as AlertEvent);
      of.set(e.notification_id, list);
    }
    return rows.map((r) => ({ ...toDelivery(r), events: of.get(r.notification_id) ?? [] }));
  }

  dueDeliveries = async (now: string, limit: number) =>
    this.withEvents(
      await read<DeliveryRow>(
        this.pool,
        `SELECT * FROM alert_deliveries WHERE state = 'pending' AND next_attempt_at <= $1
          ORDER BY next_attempt_at, created_at, notification_id, channel LIMIT $2`,
        [now, Math.max(0, Math.floor(limit))],
      ),
    );

  pendingDeliveries = async (watchId: string, channel: DeliveryChannel) =>
    this.withEvents(
      await read<DeliveryRow>(
        this.pool,
        `SELECT * FROM alert_deliveries WHERE watch_id = $1 AND channel = $2 AND state = 'pending'
          ORDER BY created_at, notification_id`,
        [watchId, channel],
      ),
    );

  recordDelivery = async (notificationId: string, channel: DeliveryChannel, o: DeliveryOutcome) => {
    const [sql, args] = outcomeUpdate(o);
    await this.write('delivery', (c) =>
      c.query(`UPDATE alert_deliveries SET ${sql} WHERE notification_id = $1 AND channel = $2`, [
        notificationId,
        channel,
        ...args,
      ]),
    );
  };

  sentSince = async (watchId: string, since: string) => {
    const [r] = await read<{ n: number }>(
      this.pool,
      `SELECT COUNT(*)::int AS n FROM alert_deliveries WHERE watch_id = $1 AND state = 'delivered' AND delivered_at >= $2`,
      [watchId, since],
    );
    return r.n;
  };

  deliveries = async (q: { watchId?: string; state?: DeliveryState; limit?: number } = {}) => {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.watchId) where.push(`watch_id = $${args.push(q.watchId)}`);
    if (q.state) where.push(`state = $${args.push(q.state)}`);
    const limit = `$${args.push(page(q.limit, 100))}`;
    const rows = await read<DeliveryRow>(
      this.pool,
      `SELECT * FROM alert_deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY created_at DESC, notification_id LIMIT ${limit}`,
      args,
    );
    return rows.map(toDelivery);
  };

  /** One statement: of two processes taking the lease at once, the second sees the first's row and gets it only if expired or its own. */
  takeLease = (name: string, holder: string, now: string, until: string) =>
    this.write('lease', async (c) => {
      const r = await c.query(
        `INSERT INTO alert_lease (name, holder, until) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
          WHERE alert_lease.until < $4 OR alert_lease.holder = excluded.holder
         RETURNING holder`,
        [name, holder, until, now],
      );
      return (r.rowCount ?? 0) > 0;
    });

  releaseLease = async (name: string, holder: string) => {
    await this.write('lease', (c) =>
      c.query('DELETE FROM alert_lease WHERE name = $1 AND holder = $2', [name, holder]),
    );
  };
}

/** The SET clause of an outcome and its values ($3 on; $1, $2 are the delivery's key). */
function outcomeUpdate(o: DeliveryOutcome): [string, unknown[]] {
  switch (o.state) {
    case 'delivered':
      return ["state = 'delivered', attempts = attempts + 1, delivered_at = $3, last_error = NULL", [o.at]];
    case 'retry':
      return ['attempts = attempts + 1, last_error = $3, next_attempt_at = $4', [o.error, o.nextAttemptAt]];
    case 'deferred':
      return ['next_attempt_at = $3', [o.nextAttemptAt]];
    default:
      return [
        'state = $3, attempts = attempts + $4, last_error = $5',
        [o.state, o.state === 'dead' ? 1 : 0, o.error],
      ];
  }
}
