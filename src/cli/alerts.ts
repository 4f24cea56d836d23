// `parallax alerts …`: watches (a topic or a followed story), the inbox, and delivering the outbox.
// (`watch` already names feed polling, so the alert commands are `alerts`, as feeds are `feeds`.)
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/index.ts';
import type { AlertEvent, Watch } from '../model/index.ts';
import { refuseInsideAddress } from '../pipeline/1-intake/web/feed-guard.ts';
import { newWatch, WatchInputError } from '../pipeline/alerts/watch-input.ts';
import { deliverAlerts, deliveryAllowList, deliveryOptionsFromEnv } from '../pipeline/run-alerts.ts';
import { openStore } from '../store/open.ts';
import type { Store } from '../store/store.ts';
import { escapedJson, forTerminal, oneLine } from './terminal-text.ts';
import type { Io } from './main.ts';
import { UsageError } from './usage.ts';

export const ALERTS_USAGE = `Usage: parallax alerts <command> [options]

  add [topic options | --story ID] [channel options]   make a watch
  list [--json]                                       watches
  remove ID                                           delete a watch with its events
  mute ID | unmute ID                                 stop or resume sending (the inbox still fills)
  inbox [--unread] [--watch ID] [--json]              events, newest first, with the unread count
  read [EVENT_ID...] [--watch ID]                     mark events read (all of them when none given)
  deliveries [--dead] [--json]                        the outbox: pending, delivered, dead letters
  deliver                                             send every due notification now (one deliverer at a time)

Topic: --words "W…" (search words, all required; word* a prefix), --entity NAME, --place NAME
  [--radius KM], --source NAME, --language CODE, --min-sources N
Channels: --webhook URL --secret S, --email ADDRESS [--digest]; --kinds k1,k2 --rate N/hour --name N
Options: --db FILE`;

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  words: { type: 'string' },
  entity: { type: 'string' },
  place: { type: 'string' },
  radius: { type: 'string' },
  source: { type: 'string' },
  language: { type: 'string' },
  'min-sources': { type: 'string' },
  story: { type: 'string' },
  kinds: { type: 'string' },
  webhook: { type: 'string' },
  secret: { type: 'string' },
  email: { type: 'string' },
  digest: { type: 'boolean' },
  rate: { type: 'string' },
  name: { type: 'string' },
  unread: { type: 'boolean' },
  watch: { type: 'string' },
  dead: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const num = (s: string | undefined, what: string): number | undefined => {
  if (s === undefined) return undefined;
  const n = Number(s);
  if (!Number.isFinite(n)) throw new UsageError(`${what}: not a number: ${s}`);
  return n;
};

const describeWatch = (w: Watch) => {
  const what = w.storyId ? `story ${w.storyId}` : `topic ${[w.topic?.words && `“${w.topic.words}”`, w.topic?.entity && `entity ${w.topic.entity}`, w.topic?.place && `${w.topic.place.name}${w.topic.place.radiusKm ? ` +${w.topic.place.radiusKm} km` : ''}`, w.topic?.source && `source ${w.topic.source}`, w.topic?.language && `language ${w.topic.language}`, (w.topic?.minSources ?? 1) > 1 && `≥${w.topic!.minSources} sources`].filter(Boolean).join(', ')}`;
  const channels = [w.webhookUrl && 'webhook', w.email && `e-mail${w.emailMode === 'digest' ? ' digest' : ''}`].filter(Boolean).join(', ') || 'inbox only';
  return `${w.id}  ${oneLine(w.name)}${w.muted ? '  [muted]' : ''}\n    ${oneLine(what)}; ${channels}${w.kinds ? `; kinds ${w.kinds.join(', ')}` : ''}${w.ratePerHour ? `; at most ${w.ratePerHour}/h` : ''}`;
};

const eventLine = (e: AlertEvent & { readAt: string | null }) =>
  `${e.readAt ? ' ' : '*'} ${e.createdAt.slice(0, 16).replace('T', ' ')}  ${e.kind.padEnd(17)} ${oneLine(e.summary)}\n    story ${e.storyId} · ${e.id} · evidence ${e.evidence.map((s) => `${s.article}:${s.start}-${s.end}`).join(', ')}`;

export async function alertsMain(argv: string[], io: Io): Promise<number> {
  const out = (s: string) => io.stdout.write(forTerminal(s.endsWith('\n') ? s : `${s}\n`));
  const err = (s: string) => io.stderr.write(forTerminal(s.endsWith('\n') ? s : `${s}\n`));
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    err(`parallax alerts: ${(e as Error).message}\n\n${ALERTS_USAGE}`);
    return 2;
  }
  const f = parsed.values;
  const [command, ...args] = parsed.positionals;
  if (f.help || !command) {
    (f.help ? out : err)(ALERTS_USAGE);
    return f.help ? 0 : 2;
  }
  try {
    const config = loadConfig(io.env, { db: f.db });
    const store = await openStore(config.db);
    try {
      return await run(store, command, args, f, config.web.allow, io, out);
    } finally {
      await store.close();
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err(`parallax alerts: ${e.message}\n\n${ALERTS_USAGE}`);
      return 2;
    }
    err(`parallax alerts: ${(e as Error).message}`);
    return e instanceof WatchInputError ? 2 : 1;
  }
}

type Flags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

async function run(store: Store, command: string, args: string[], f: Flags, fetchAllow: string[], io: Io, out: (s: string) => void): Promise<number> {
  const one = (what: string) => {
    if (args.length !== 1) throw new UsageError(`${command} takes one ${what}`);
    return args[0];
  };
  switch (command) {
    case 'add': {
      if (args.length) throw new UsageError(`unexpected argument for add: ${args[0]}`);
      const watch = newWatch(
        {
          name: f.name,
          storyId: f.story,
          words: f.words,
          entity: f.entity,
          place: f.place,
          radiusKm: num(f.radius, 'radius'),
          source: f.source,
          language: f.language,
          minSources: num(f['min-sources'], 'min-sources'),
          kinds: f.kinds?.split(',').map((k) => k.trim()).filter(Boolean),
          ratePerHour: num(f.rate, 'rate'),
          webhookUrl: f.webhook,
          webhookSecret: f.secret,
          email: f.email,
          emailMode: f.digest ? 'digest' : 'immediate',
        },
        new Date().toISOString(),
      );
      if (watch.storyId && !(await store.getStory(watch.storyId))) throw new Error(`no story ${watch.storyId}`);
      if (watch.webhookUrl) await refuseInsideAddress(watch.webhookUrl, deliveryAllowList(io.env, fetchAllow));
      await store.alerts.addWatch(watch);
      out(f.json ? escapedJson(watch) : `added ${describeWatch(watch)}`);
      return 0;
    }
    case 'list': {
      const watches = await store.alerts.listWatches();
      out(f.json ? escapedJson(watches) : watches.map(describeWatch).join('\n') || 'no watches');
      return 0;
    }
    case 'remove': {
      const id = one('watch id');
      if (!(await store.alerts.removeWatch(id))) throw new Error(`no watch ${id}`);
      out(`removed ${id}`);
      return 0;
    }
    case 'mute':
    case 'unmute': {
      const id = one('watch id');
      if (!(await store.alerts.updateWatch(id, { muted: command === 'mute' }))) throw new Error(`no watch ${id}`);
      out(`${command}d ${id}`);
      return 0;
    }
    case 'inbox': {
      const inbox = await store.alerts.inbox({ unread: f.unread, watchId: f.watch, limit: 100 });
      out(f.json ? escapedJson(inbox) : [`${inbox.unread} unread of ${inbox.total}`, ...inbox.events.map(eventLine)].join('\n'));
      return 0;
    }
    case 'read': {
      const n = await store.alerts.markRead(args.length ? { ids: args } : { watchId: f.watch }, new Date().toISOString());
      out(`${n} marked read`);
      return 0;
    }
    case 'deliveries': {
      const list = await store.alerts.deliveries({ state: f.dead ? 'dead' : undefined, limit: 200 });
      out(
        f.json
          ? escapedJson(list)
          : list.map((d) => `${d.state.padEnd(9)} ${d.channel.padEnd(7)} ${d.notificationId} watch ${d.watchId} · ${d.attempts} attempt(s)${d.lastError ? ` · ${oneLine(d.lastError)}` : ''}`).join('\n') || 'no deliveries',
      );
      return 0;
    }
    case 'deliver': {
      const s = await deliverAlerts(store, deliveryOptionsFromEnv(io.env, fetchAllow));
      if (!s.leased) {
        out('another process is delivering');
        return 0;
      }
      out(`${s.delivered} delivered, ${s.retried} to retry, ${s.dead} dead, ${s.skipped} skipped, ${s.deferred} deferred`);
      return 0;
    }
    default:
      throw new UsageError(`unknown alerts command: ${command}`);
  }
}
