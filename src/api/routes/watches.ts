// Alerts over HTTP: watches (CRUD, mute), the inbox (unread count, mark read), one event, a
// watch's Atom feed, and the outbox of deliveries with its dead letters. Schema in, the store or a
// pure alerts function does the work, presenter out. Delivering is the server's background loop.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Config } from '../../config/index.ts';
import { ALERT_KINDS, type Watch } from '../../model/index.ts';
import { FetchError } from '../../pipeline/1-intake/web/errors.ts';
import { refuseInsideAddress } from '../../pipeline/1-intake/web/feed-guard.ts';
import { atomFeed } from '../../pipeline/alerts/atom.ts';
import { checkChannels, checkKinds, newWatch, WatchInputError } from '../../pipeline/alerts/watch-input.ts';
import { deliveryAllowList } from '../../pipeline/run-alerts.ts';
import type { Store, WatchPatch } from '../../store/store.ts';
import { ApiError } from '../errors.ts';
import { Id, jsonBody, parse } from '../schemas.ts';

const Kinds = z.array(z.enum(ALERT_KINDS)).max(ALERT_KINDS.length);
const Text = (max: number) => z.string().trim().max(max);

export const WatchBody = z.strictObject({
  name: Text(200).optional(),
  storyId: Id.optional(),
  words: Text(500).optional(),
  entity: Text(200).optional(),
  place: Text(200).optional(),
  radiusKm: z.number().positive().max(1000).nullable().optional(),
  source: Text(200).optional(),
  language: Text(12).optional(),
  minSources: z.number().int().min(1).max(100).optional(),
  kinds: Kinds.nullable().optional(),
  muted: z.boolean().optional(),
  ratePerHour: z.number().int().min(1).max(10_000).nullable().optional(),
  webhookUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .optional(),
  webhookSecret: z.string().min(8).max(200).nullable().optional(),
  email: z.email().max(320).nullable().optional(),
  emailMode: z.enum(['immediate', 'digest']).optional(),
});

export const WatchPatchBody = WatchBody.pick({
  name: true,
  kinds: true,
  muted: true,
  ratePerHour: true,
  webhookUrl: true,
  webhookSecret: true,
  email: true,
  emailMode: true,
});

const InboxQuery = z.strictObject({
  watch: Id.optional(),
  unread: z.enum(['1', 'true', '0', 'false']).optional(),
  kinds: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});

const ReadBody = z.strictObject({ ids: z.array(Id).min(1).max(1000).optional(), watch: Id.optional() });

/** A watch as the API shows it: the webhook secret never leaves the server. */
const present = ({ webhookSecret, ...w }: Watch) => ({ ...w, webhookSigned: !!webhookSecret });

export function watchRoutes(store: Store, config: Config, env: NodeJS.ProcessEnv = process.env) {
  const app = new Hono();
  const allow = deliveryAllowList(env, config.web.allow);
  const find = async (id: string) => {
    const w = await store.alerts.getWatch(parse(Id, id, 'watch id'));
    if (!w) throw new ApiError('not_found', `no watch ${id}`);
    return w;
  };
  const guard = async (url: string | null | undefined) => {
    if (!url) return;
    try {
      await refuseInsideAddress(url, allow);
    } catch (err) {
      if (err instanceof FetchError) throw new ApiError('invalid_input', `webhook: ${err.message}`);
      throw err;
    }
  };

  app.get('/watches', async (c) => c.json({ watches: (await store.alerts.listWatches()).map(present) }));

  app.post('/watches', async (c) => {
    const body = parse(WatchBody, await jsonBody(c.req), 'body');
    let watch: Watch;
    try {
      watch = newWatch(body, new Date().toISOString());
    } catch (err) {
      if (err instanceof WatchInputError) throw new ApiError('invalid_input', err.message);
      throw err;
    }
    if (watch.storyId && !(await store.getStory(watch.storyId)))
      throw new ApiError('not_found', `no story ${watch.storyId}`);
    await guard(watch.webhookUrl);
    return c.json({ watch: present(await store.alerts.addWatch(watch)) }, 201);
  });

  app.get('/watches/:id', async (c) => c.json({ watch: present(await find(c.req.param('id'))) }));

  app.patch('/watches/:id', async (c) => {
    const w = await find(c.req.param('id'));
    const patch: WatchPatch = parse(WatchPatchBody, await jsonBody(c.req), 'body');
    const problems: string[] = [];
    checkKinds(patch.kinds, problems);
    checkChannels(patch, problems);
    if (patch.webhookUrl && !(patch.webhookSecret ?? w.webhookSecret))
      problems.push('webhook: a secret is needed to sign the requests');
    if (problems.length) throw new ApiError('invalid_input', `watch: ${problems.join('; ')}`);
    await guard(patch.webhookUrl);
    return c.json({ watch: present((await store.alerts.updateWatch(w.id, patch))!) });
  });

  app.delete('/watches/:id', async (c) => {
    const w = await find(c.req.param('id'));
    await store.alerts.removeWatch(w.id);
    return c.json({ removed: w.id });
  });

  app.get('/watches/:id/feed.atom', async (c) => {
    const w = await find(c.req.param('id'));
    const { events } = await store.alerts.inbox({ watchId: w.id, limit: 100 });
    const origin = new URL(c.req.url).origin;
    const xml = atomFeed(w, events, {
      self: `${origin}/api/watches/${encodeURIComponent(w.id)}/feed.atom`,
      event: (e) => `${origin}/#/event/${encodeURIComponent(e.id)}`,
    });
    return c.body(xml, 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
  });

  app.get('/inbox', async (c) => {
    const q = parse(InboxQuery, c.req.query(), 'query');
    const kinds = q.kinds ? parse(Kinds, q.kinds.split(','), 'kinds') : undefined;
    const inbox = await store.alerts.inbox({
      watchId: q.watch,
      unread: q.unread === '1' || q.unread === 'true',
      kinds,
      limit: q.limit,
      offset: q.offset,
    });
    return c.json(inbox);
  });

  app.get('/inbox/count', async (c) => c.json({ unread: (await store.alerts.inbox({ limit: 1 })).unread }));

  app.post('/inbox/read', async (c) => {
    const body = parse(ReadBody, await jsonBody(c.req), 'body');
    return c.json({
      marked: await store.alerts.markRead({ ids: body.ids, watchId: body.watch }, new Date().toISOString()),
    });
  });

  app.get('/events/:id', async (c) => {
    const e = await store.alerts.getEvent(parse(Id, c.req.param('id'), 'event id'));
    if (!e) throw new ApiError('not_found', `no event ${c.req.param('id')}`);
    return c.json({ event: e });
  });

  app.get('/deliveries', async (c) => {
    const q = parse(
      z.strictObject({
        watch: Id.optional(),
        state: z.enum(['pending', 'delivered', 'dead', 'skipped']).optional(),
      }),
      c.req.query(),
      'query',
    );
    return c.json({
      deliveries: await store.alerts.deliveries({ watchId: q.watch, state: q.state, limit: 200 }),
    });
  });

  return app;
}
