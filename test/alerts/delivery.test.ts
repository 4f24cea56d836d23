// Delivery against loopback receivers: a webhook (signature, retry after a 500, dead letter after
// the limit, a private address refused), e-mail through a local SMTP server (immediate, digest),
// mute, rate limit, and one deliverer at a time.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { Watch } from '../../src/model/index.ts';
import { verifySignature } from '../../src/pipeline/alerts/message.ts';
import { deliverAlerts, LEASE, PRIVATE_RANGES, type DeliverOptions } from '../../src/pipeline/run-alerts.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { withTempDir } from '../temp-dir.ts';
import { ingest, watch } from './helpers.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on loopback answering with the given statuses in turn (the last one repeats). */
function receiver(statuses: number[]): Promise<{ server: Server; url: string; got: Received[] }> {
  const got: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.statusCode = statuses[Math.min(got.length - 1, statuses.length - 1)];
      res.end('ok');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, got })),
  );
}

/** A store with one topic watch matching the day1 report, and its one due notification. */
async function storeWith(w: Partial<Watch>) {
  const store = new SqliteStore(':memory:');
  await store.alerts.addWatch(watch('dams', { topic: { words: 'dam tulcea' }, ...w }));
  await ingest(store, ['day1']);
  return store;
}

const clock = (start = Date.now()) => {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};

/** The mail as text: quoted-printable soft breaks joined, encoded-word headers decoded. */
const decoded = (data: string) =>
  data
    .replace(/\?=\r\n =\?UTF-8\?Q\?/g, '')
    .replace(/(?<!\?)=\r\n/g, '')
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=/g, (_, q: string) => decodeURIComponent(q.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/g, '%$1')));

const fast = { maxAttempts: 3, baseMs: 1_000, maxMs: 10_000 };

describe('alerts: webhook delivery', () => {
  it('signs each request, retries after a 500 with the same event id, then delivers once', async () => {
    const r = await receiver([500, 200]);
    const store = await storeWith({ webhookUrl: r.url, webhookSecret: 'sekrit' });
    const c = clock();
    const opts: DeliverOptions = { allow: PRIVATE_RANGES, retry: fast, now: c.now };
    assert.equal((await deliverAlerts(store, opts)).retried, 1);
    assert.equal((await deliverAlerts(store, opts)).retried, 0, 'not tried again before its backoff');
    c.advance(1_000);
    assert.equal((await deliverAlerts(store, opts)).delivered, 1);
    c.advance(60_000);
    assert.equal((await deliverAlerts(store, opts)).delivered, 0, 'a delivered notification is not sent again');
    assert.equal(r.got.length, 2);
    const [first, second] = r.got;
    assert.equal(first.headers['parallax-event-id'], second.headers['parallax-event-id']);
    assert.equal(first.headers['idempotency-key'], first.headers['parallax-event-id']);
    for (const g of r.got) {
      assert.ok(verifySignature('sekrit', String(g.headers['parallax-signature']), g.body, c.now() / 1000, 120));
      assert.ok(!verifySignature('other', String(g.headers['parallax-signature']), g.body, c.now() / 1000, 120));
      assert.ok(!verifySignature('sekrit', String(g.headers['parallax-signature']), `${g.body} `, c.now() / 1000, 120));
    }
    const body = JSON.parse(second.body);
    assert.equal(body.id, second.headers['parallax-event-id']);
    assert.deepEqual(body.events.map((e: { kind: string }) => e.kind), ['new-story']);
    const [d] = await store.alerts.deliveries({ state: 'delivered' });
    assert.equal(d.attempts, 2);
    await store.close();
    r.server.close();
  });

  it('dead-letters after the attempt limit, with the last error', async () => {
    const r = await receiver([500]);
    const store = await storeWith({ webhookUrl: r.url, webhookSecret: 's' });
    const c = clock();
    const opts: DeliverOptions = { allow: PRIVATE_RANGES, retry: fast, now: c.now };
    for (let i = 0; i < 5; i++) {
      await deliverAlerts(store, opts);
      c.advance(20_000);
    }
    assert.equal(r.got.length, 3, 'three attempts, then no more');
    const dead = await store.alerts.deliveries({ state: 'dead' });
    assert.equal(dead.length, 1);
    assert.equal(dead[0].lastError, 'HTTP 500');
    await store.close();
    r.server.close();
  });

  it('refuses a receiver on a loopback or private address unless allowed', async () => {
    const r = await receiver([200]);
    const store = await storeWith({ webhookUrl: r.url, webhookSecret: 's' });
    const s = await deliverAlerts(store, { allow: [], retry: fast });
    assert.equal(s.dead, 1);
    assert.equal(r.got.length, 0, 'nothing reached the receiver');
    const [dead] = await store.alerts.deliveries({ state: 'dead' });
    assert.match(dead.lastError ?? '', /refusing 127\.0\.0\.1.*loopback/);
    // A name resolving to a private address is refused the same way.
    const store2 = await storeWith({ webhookUrl: 'http://hooks.intranet.example/x', webhookSecret: 's' });
    await deliverAlerts(store2, { allow: [], retry: fast, resolve: async () => ['10.1.2.3'] });
    assert.match((await store2.alerts.deliveries({ state: 'dead' }))[0].lastError ?? '', /private/);
    await store.close();
    await store2.close();
    r.server.close();
  });

  it('skips a muted watch, and holds to its rate limit', async () => {
    const r = await receiver([200]);
    const muted = await storeWith({ webhookUrl: r.url, webhookSecret: 's', muted: true });
    assert.equal((await deliverAlerts(muted, { allow: PRIVATE_RANGES })).skipped, 1);
    assert.equal(r.got.length, 0);
    assert.equal((await muted.alerts.inbox()).unread, 1, 'the inbox still has it');
    await muted.close();

    const limited = await storeWith({ webhookUrl: r.url, webhookSecret: 's', ratePerHour: 1, topic: { words: 'romania' } });
    await ingest(limited, ['bridge1']);
    const c = clock(Date.now());
    const first = await deliverAlerts(limited, { allow: PRIVATE_RANGES, now: c.now });
    assert.equal(first.delivered, 1);
    assert.equal(first.deferred, 1);
    c.advance(3_600_000 + 1);
    assert.equal((await deliverAlerts(limited, { allow: PRIVATE_RANGES, now: c.now })).delivered, 1);
    await limited.close();
    r.server.close();
  });

  it('lets one deliverer at a time hold the lease', async () => {
    const r = await receiver([200]);
    const store = await storeWith({ webhookUrl: r.url, webhookSecret: 's' });
    const now = new Date().toISOString();
    const later = new Date(Date.now() + 60_000).toISOString();
    assert.ok(await store.alerts.takeLease(LEASE, 'other-process', now, later));
    assert.equal((await deliverAlerts(store, { allow: PRIVATE_RANGES })).leased, false);
    assert.equal(r.got.length, 0, 'the holder delivers, not this one');
    await store.alerts.releaseLease(LEASE, 'other-process');
    assert.equal((await deliverAlerts(store, { allow: PRIVATE_RANGES })).delivered, 1);
    await store.close();
    r.server.close();
  });

  it('sends each notification once when two processes deliver at the same time', async () => {
    await withTempDir('alerts-lease', async (dir) => {
      const r = await receiver([200]);
      const file = join(dir, 'p.db');
      const first = new SqliteStore(file);
      await first.alerts.addWatch(watch('dams', { topic: { words: 'romania' }, webhookUrl: r.url, webhookSecret: 's' }));
      await ingest(first, ['day1', 'bridge1']);
      const second = new SqliteStore(file);
      const [a, b] = await Promise.all([
        deliverAlerts(first, { allow: PRIVATE_RANGES, holder: 'one' }),
        deliverAlerts(second, { allow: PRIVATE_RANGES, holder: 'two' }),
      ]);
      assert.equal(a.delivered + b.delivered, 2);
      assert.equal(r.got.length, 2);
      assert.equal(new Set(r.got.map((g) => g.headers['parallax-event-id'])).size, 2);
      await first.close();
      await second.close();
      r.server.close();
    });
  });
});

describe('alerts: e-mail through a local SMTP server', () => {
  const mails: { to: string; data: string }[] = [];
  let smtp: SMTPServer;
  let port = 0;
  before(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, cb) {
        let data = '';
        stream.on('data', (c) => (data += c));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    port = (smtp.server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

  const mailer = () => ({ transport: nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true }), from: 'alerts@parallax.example' });

  it('sends one e-mail per notification, immediately', async () => {
    mails.length = 0;
    const store = await storeWith({ email: 'analyst@desk.example' });
    const s = await deliverAlerts(store, { allow: [], mailer: mailer() });
    assert.equal(s.delivered, 1);
    assert.equal(mails.length, 1);
    assert.equal(mails[0].to, 'analyst@desk.example');
    assert.match(decoded(mails[0].data), /Subject: \[Parallax\] dams: story matching “dams”: Dam collapse near Tulcea kills 12/);
    assert.match(decoded(mails[0].data), /Event ids: ev-[0-9a-f]{20}/);
    await store.close();
  });

  it('gathers a digest and sends it once its window has passed', async () => {
    mails.length = 0;
    const store = await storeWith({ email: 'analyst@desk.example', emailMode: 'digest', topic: { words: 'romania' } });
    await ingest(store, ['bridge1', 'quake']);
    const pending = await store.alerts.deliveries({ state: 'pending' });
    assert.equal(pending.length, 2);
    assert.equal((await deliverAlerts(store, { allow: [], mailer: mailer() })).delivered, 0, 'the window has not passed');
    const c = clock(Date.now() + 2 * 3_600_000);
    const s = await deliverAlerts(store, { allow: [], mailer: mailer(), now: c.now });
    assert.equal(s.delivered, pending.length);
    assert.equal(mails.length, 1, 'one digest');
    assert.match(decoded(mails[0].data), /Subject: \[Parallax\] dams: 2 changes in 2 stories/);
    await store.close();
  });
});
