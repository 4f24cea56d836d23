// kill -9 between the batch commit and the delivery: the ingest process is SIGKILLed right after
// a batch carrying alerts commits (PARALLAX_ALERTS_CRASH_AFTER_COMMIT, batch-alerts.ts), before
// anything is sent. A fresh process then delivers: every event reaches the receiver, none lost,
// and any repeat carries the same id and body.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { withTempDir } from '../temp-dir.ts';
import { FIXTURES, storyOf } from './helpers.ts';

const BIN = fileURLToPath(new URL('../../bin/parallax.js', import.meta.url));

/** The CLI in a child process of its own (so it can die), with a deadline. */
const cli = (args: string[], env: NodeJS.ProcessEnv) =>
  new Promise<{ status: number | null; signal: NodeJS.Signals | null; err: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, timeout: 60_000 });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (status, signal) => resolve({ status, signal, err }));
  });

describe('alerts: kill -9 between commit and delivery', () => {
  it('delivers every event after a restart, none lost, repeats only with the same id', async () => {
    await withTempDir('alerts-crash', async (dir) => {
      const db = join(dir, 'p.db');
      const env = { PARALLAX_DB: db, PARALLAX_ALLOW_PRIVATE_WEBHOOKS: '1' };
      // The receiver: whatever reaches it, with the notification id it came under.
      const received: { id: string; body: string }[] = [];
      const server = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          received.push({ id: String(req.headers['parallax-event-id']), body });
          res.end('ok');
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      const add = (...a: string[]) => cli(['alerts', 'add', ...a, '--webhook', hook, '--secret', 'a-long-secret'], env);

      assert.equal((await add('--words', 'dam', '--name', 'dams')).status, 0);
      const crash = { ...env, PARALLAX_ALERTS_CRASH_AFTER_COMMIT: '1' };
      const first = await cli(['ingest', '--quiet', join(FIXTURES, 'day1.jsonl')], crash);
      assert.equal(first.signal, 'SIGKILL', `ingest was killed after its commit (${first.err})`);

      const store = new SqliteStore(db);
      const story = await storyOf(store, 'tulcea-hl-1');
      await store.close();
      assert.equal((await add('--story', story, '--name', 'follow')).status, 0);
      const second = await cli(['ingest', '--quiet', join(FIXTURES, 'day2.jsonl'), join(FIXTURES, 'day3.jsonl')], crash);
      assert.equal(second.signal, 'SIGKILL');
      assert.equal(received.length, 0, 'nothing was sent before the crashes');

      // Restart: a new deliverer (this process) on the same store file.
      const { deliverAlerts, PRIVATE_RANGES } = await import('../../src/pipeline/run-alerts.ts');
      const again = new SqliteStore(db);
      const { events } = await again.alerts.inbox({ limit: 500 });
      assert.ok(events.length >= 4, `events written with their batches (${events.length})`);
      const s = await deliverAlerts(again, { allow: PRIVATE_RANGES });
      assert.equal(s.dead + s.retried, 0);
      // A deliverer that finds nothing due sends nothing again.
      await deliverAlerts(again, { allow: PRIVATE_RANGES });
      const notifications = new Set(events.map((e) => e.notificationId));
      assert.deepEqual(new Set(received.map((r) => r.id)), notifications, 'every notification delivered');
      const sentEvents = new Set(received.flatMap((r) => (JSON.parse(r.body).events as { id: string }[]).map((e) => e.id)));
      assert.deepEqual(sentEvents, new Set(events.map((e) => e.id)), 'every event delivered, none lost');
      const byId = new Map<string, string>();
      for (const r of received) {
        if (byId.has(r.id)) assert.equal(JSON.parse(byId.get(r.id)!).events.length, JSON.parse(r.body).events.length, 'a repeat carries the same events');
        byId.set(r.id, r.body);
      }
      assert.deepEqual((await again.alerts.deliveries({ state: 'pending' })).length, 0);
      await again.close();
      server.close();
    });
  });
});
