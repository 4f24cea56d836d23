// Alerts on SQLite: watches, events (the inbox), the outbox of deliveries and the deliverer's
// lease. Persists and queries only: which events a batch causes is the runner's (pipeline/alerts/).
import type Database from 'better-sqlite3';
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
import { toAlertEvent, toWatch, type WatchRow } from '../rows.ts';

type Stmt = (sql: string) => Database.Statement;

/**
 * Inside the batch's transaction (batch-write.ts): events and their outbox rows. The same event
 * again (same id) is kept once; a watch removed meanwhile gets nothing.
 */
export function writeAlerts(stmt: Stmt, events: AlertEvent[], deliveries: NewDelivery[], now: string): void {
  if (!events.length) return;
  // Each watch looked up once per batch, not once per event (a batch may carry thousands).
  const watchExists = stmt('SELECT 1 FROM watches WHERE id = ?');
  const live = new Map<string, boolean>();
  const isLive = (id: string) => {
    let v = live.get(id);
    if (v === undefined) live.set(id, (v = watchExists.get(id) !== undefined));
    return v;
  };
  const event = stmt(
    `INSERT OR IGNORE INTO alert_events (id, watch_id, story_id, kind, notification_id, event_json, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  // An outbox row only for a notification with an event written now: a notification whose events
  // were all written before (the same changes again) is not sent twice.
  const fresh = new Set<string>();
  for (const e of events) {
    if (!isLive(e.watchId)) continue;
    const r = event.run(e.id, e.watchId, e.storyId, e.kind, e.notificationId, eventBody(e), e.createdAt);
    if (r.changes) fresh.add(e.notificationId);
  }
  const delivery = stmt(
    `INSERT OR IGNORE INTO alert_deliveries (notification_id, channel, watch_id, state, next_attempt_at, created_at)
     VALUES (?, ?, ?, 'pending', ?, ?)`,
  );
  for (const d of deliveries) if (fresh.has(d.notificationId)) delivery.run(d.notificationId, d.channel, d.watchId, d.notBefore, now);
}

/** An event's JSON holds only what its columns do not (the row stays small: one per match). */
const eventBody = (e: AlertEvent) => JSON.stringify({ summary: e.summary, detail: e.detail, evidence: e.evidence });

const watchColumns = (w: Watch) => ({
  id: w.id,
  name: w.name,
  story_id: w.storyId,
  topic_json: w.topic ? JSON.stringify(w.topic) : null,
  kinds_json: w.kinds ? JSON.stringify(w.kinds) : null,
  muted: w.muted ? 1 : 0,
  rate_per_hour: w.ratePerHour,
  webhook_url: w.webhookUrl,
  webhook_secret: w.webhookSecret,
  email: w.email,
  email_mode: w.emailMode,
  created_at: w.createdAt,
});

interface EventRow {
  id: string;
  watch_id: string;
  story_id: string;
  kind: AlertEvent['kind'];
  notification_id: string;
  event_json: string;
  created_at: string;
  read_at: string | null;
}
const EVENT_COLUMNS = 'id, watch_id, story_id, kind, notification_id, event_json, created_at, read_at';
const toEvent = (r: EventRow): StoredAlertEvent => ({ ...toAlertEvent(r), readAt: r.read_at });

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

/** Most events listed at once. */
const MAX_PAGE = 500;

export class SqliteAlerts implements AlertStore {
  constructor(
    private stmt: Stmt,
    private db: Database.Database,
    /** Runs a write once queued batch writes have settled, waiting for another writer within the store's bound. */
    private writing: <T>(attempt: () => T, what: string) => Promise<T>,
  ) {}

  addWatch = (w: Watch) =>
    this.writing(() => {
      const cols = watchColumns(w);
      const r = this.stmt(
        `INSERT OR IGNORE INTO watches (${Object.keys(cols).join(', ')}) VALUES (${Object.keys(cols).map((k) => `@${k}`).join(', ')})`,
      ).run(cols);
      if (!r.changes) throw new StoreError(`store: a watch with id ${w.id} exists`);
      return w;
    }, 'watch');

  getWatch = async (id: string) => {
    const r = this.stmt('SELECT * FROM watches WHERE id = ?').get(id) as WatchRow | undefined;
    return r ? toWatch(r) : null;
  };

  listWatches = async () => (this.stmt('SELECT * FROM watches ORDER BY created_at, id').all() as WatchRow[]).map(toWatch);

  updateWatch = async (id: string, patch: WatchPatch) => {
    const w = await this.getWatch(id);
    if (!w) return null;
    const next: Watch = { ...w, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    return this.writing(() => {
      const cols = watchColumns(next);
      const sets = Object.keys(cols).filter((k) => k !== 'id' && k !== 'created_at');
      const r = this.stmt(`UPDATE watches SET ${sets.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run(cols);
      return r.changes ? next : null;
    }, 'watch');
  };

  removeWatch = (id: string) =>
    this.writing(
      () =>
        this.db.transaction(() => {
          this.stmt('DELETE FROM alert_deliveries WHERE watch_id = ?').run(id);
          this.stmt('DELETE FROM alert_events WHERE watch_id = ?').run(id);
          return this.stmt('DELETE FROM watches WHERE id = ?').run(id).changes > 0;
        }).immediate(),
      'watch',
    );

  inbox = async (q: InboxQuery = {}) => {
    const where: string[] = [];
    const args: unknown[] = [];
    const when = (cond: unknown, sql: string, ...values: unknown[]) => {
      if (!cond) return;
      where.push(sql);
      args.push(...values);
    };
    when(q.watchId, 'watch_id = ?', q.watchId);
    when(q.kinds?.length, `kind IN (${(q.kinds ?? []).map(() => '?').join(', ')})`, ...(q.kinds ?? []));
    const base = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const counts = this.stmt(
      `SELECT COUNT(*) AS total, COALESCE(SUM(read_at IS NULL), 0) AS unread FROM alert_events ${base}`,
    ).get(...args) as { total: number; unread: number };
    const listWhere = q.unread ? (base ? `${base} AND read_at IS NULL` : 'WHERE read_at IS NULL') : base;
    const limit = Math.min(Math.max(q.limit ?? 50, 1), MAX_PAGE);
    const rows = this.stmt(
      `SELECT ${EVENT_COLUMNS} FROM alert_events ${listWhere} ORDER BY seq DESC LIMIT ? OFFSET ?`,
    ).all(...args, limit, Math.max(q.offset ?? 0, 0)) as EventRow[];
    return { total: q.unread ? counts.unread : counts.total, unread: counts.unread, events: rows.map(toEvent) };
  };

  getEvent = async (id: string) => {
    const r = this.stmt(`SELECT ${EVENT_COLUMNS} FROM alert_events WHERE id = ?`).get(id) as EventRow | undefined;
    return r ? toEvent(r) : null;
  };

  markRead = (q: { ids?: string[]; watchId?: string }, at: string) =>
    this.writing(() => {
      if (q.ids) {
        const one = this.stmt('UPDATE alert_events SET read_at = ? WHERE id = ? AND read_at IS NULL');
        return this.db.transaction(() => q.ids!.reduce((n, id) => n + one.run(at, id).changes, 0)).immediate();
      }
      if (q.watchId) return this.stmt('UPDATE alert_events SET read_at = ? WHERE watch_id = ? AND read_at IS NULL').run(at, q.watchId).changes;
      return this.stmt('UPDATE alert_events SET read_at = ? WHERE read_at IS NULL').run(at).changes;
    }, 'inbox');

  private withEvents(rows: DeliveryRow[]): DueDelivery[] {
    const events = this.stmt(`SELECT ${EVENT_COLUMNS} FROM alert_events WHERE notification_id = ? ORDER BY seq`);
    return rows.map((r) => ({
      ...toDelivery(r),
      events: (events.all(r.notification_id) as EventRow[]).map(toAlertEvent),
    }));
  }

  dueDeliveries = async (now: string, limit: number) =>
    this.withEvents(
      this.stmt(
        `SELECT * FROM alert_deliveries WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, created_at LIMIT ?`,
      ).all(now, limit) as DeliveryRow[],
    );

  pendingDeliveries = async (watchId: string, channel: DeliveryChannel) =>
    this.withEvents(
      this.stmt(
        `SELECT * FROM alert_deliveries WHERE watch_id = ? AND channel = ? AND state = 'pending' ORDER BY created_at, notification_id`,
      ).all(watchId, channel) as DeliveryRow[],
    );

  recordDelivery = (notificationId: string, channel: DeliveryChannel, o: DeliveryOutcome) =>
    this.writing(() => {
      const key = [notificationId, channel];
      if (o.state === 'delivered')
        this.stmt(
          `UPDATE alert_deliveries SET state = 'delivered', attempts = attempts + 1, delivered_at = ?, last_error = NULL
           WHERE notification_id = ? AND channel = ?`,
        ).run(o.at, ...key);
      else if (o.state === 'retry')
        this.stmt(
          `UPDATE alert_deliveries SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE notification_id = ? AND channel = ?`,
        ).run(o.error, o.nextAttemptAt, ...key);
      else if (o.state === 'deferred')
        this.stmt('UPDATE alert_deliveries SET next_attempt_at = ? WHERE notification_id = ? AND channel = ?').run(o.nextAttemptAt, ...key);
      else
        this.stmt(
          `UPDATE alert_deliveries SET state = ?, attempts = attempts + ?, last_error = ? WHERE notification_id = ? AND channel = ?`,
        ).run(o.state, o.state === 'dead' ? 1 : 0, o.error, ...key);
    }, 'delivery');

  sentSince = async (watchId: string, since: string) =>
    (this.stmt(`SELECT COUNT(*) FROM alert_deliveries WHERE watch_id = ? AND state = 'delivered' AND delivered_at >= ?`)
      .pluck()
      .get(watchId, since) as number);

  deliveries = async (q: { watchId?: string; state?: DeliveryState; limit?: number } = {}) => {
    const where: string[] = [];
    const args: unknown[] = [];
    for (const [value, sql] of [[q.watchId, 'watch_id = ?'], [q.state, 'state = ?']] as const) {
      if (!value) continue;
      where.push(sql);
      args.push(value);
    }
    const rows = this.stmt(
      `SELECT * FROM alert_deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, notification_id LIMIT ?`,
    ).all(...args, Math.min(Math.max(q.limit ?? 100, 1), MAX_PAGE)) as DeliveryRow[];
    return rows.map(toDelivery);
  };

  takeLease = (name: string, holder: string, now: string, until: string) =>
    this.writing(
      () =>
        this.stmt(
          `INSERT INTO alert_lease (name, holder, until) VALUES (?, ?, ?)
           ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, until = excluded.until
           WHERE alert_lease.until < ? OR alert_lease.holder = excluded.holder`,
        ).run(name, holder, until, now).changes > 0,
      'lease',
    );

  releaseLease = async (name: string, holder: string) => {
    await this.writing(() => this.stmt('DELETE FROM alert_lease WHERE name = ? AND holder = ?').run(name, holder), 'lease');
  };
}
