// Feed subscriptions: list, subscribe, unsubscribe, poll now. Polling on a schedule is
// `parallax watch`; these routes call the web runner (run-web.ts) and the store.
import { Hono } from 'hono';
import type { Config } from '../../config/index.ts';
import { feedHealth } from '../../pipeline/1-intake/feeds/health.ts';
import { FetchError } from '../../pipeline/1-intake/web/errors.ts';
import { refuseInsideAddress } from '../../pipeline/1-intake/web/feed-guard.ts';
import { WebClient } from '../../pipeline/1-intake/web/client.ts';
import type { GroupingCache } from '../../pipeline/grouping-cache.ts';
import { FeedExistsError, pollFeeds, subscribeFeed } from '../../pipeline/run-web.ts';
import type { FeedRecord, Store } from '../../store/store.ts';
import { ApiError } from '../errors.ts';
import { FeedBody, Id, jsonBody, parse } from '../schemas.ts';

/** A feed as the API shows it: its record plus a one-word health (the word `feeds list` prints). */
const present = (f: FeedRecord) => ({ ...f, health: feedHealth(f) });

export function feedRoutes(store: Store, config: Config, afterIngest: () => void, grouping?: GroupingCache) {
  const app = new Hono();
  // One client for every poll the API starts: its per-host limit then holds across requests.
  const client = new WebClient(config.web);
  const find = async (id: string) => {
    const feed = await store.getFeed(parse(Id, id, 'feed id'));
    if (!feed) throw new ApiError('not_found', `no feed ${id}`);
    return feed;
  };

  app.get('/feeds', async (c) => c.json({ feeds: (await store.listFeeds()).map(present) }));

  app.get('/feeds/:id', async (c) => c.json({ feed: present(await find(c.req.param('id'))) }));

  app.post('/feeds', async (c) => {
    const body = parse(FeedBody, await jsonBody(c.req), 'body');
    const intervalSeconds = body.intervalMinutes ? body.intervalMinutes * 60 : config.web.feedIntervalSeconds;
    try {
      await refuseInsideAddress(body.url, config.web.allow);
      return c.json({ feed: present(await subscribeFeed(store, body.url, { intervalSeconds })) }, 201);
    } catch (err) {
      if (err instanceof FeedExistsError) throw new ApiError('already_exists', err.message);
      if (err instanceof FetchError) throw new ApiError('invalid_input', err.message);
      throw err;
    }
  });

  app.delete('/feeds/:id', async (c) => {
    const feed = await find(c.req.param('id'));
    await store.removeFeed(feed.id);
    return c.json({ removed: feed.id });
  });

  app.post('/feeds/:id/poll', async (c) => {
    const feed = await find(c.req.param('id'));
    const summary = await pollFeeds(store, { config, feeds: [feed], client, grouping });
    afterIngest();
    return c.json({ summary, feed: present((await store.getFeed(feed.id)) ?? feed) });
  });

  return app;
}
