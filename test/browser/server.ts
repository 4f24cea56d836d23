// The app as the browser tests see it: examples/ ingested through the real pipeline, the API
// fixture stories (hand-made mentions: places, spelling variants), and a hostile report whose
// every field tries to run script. Served on an ephemeral loopback port.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES_DIR } from '../../src/cli/main.ts';
import { startServer } from '../../src/cli/serve.ts';
import { loadConfig } from '../../src/config/index.ts';
import { noMentions } from '../../src/model/index.ts';
import { ingestPaths } from '../../src/pipeline/run.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { article, seed, TOKEN } from '../api/fixtures.ts';
import { completeBatch } from '../../src/pipeline/derive/batch.ts';

export const HOSTILE = {
  storyId: 'st-hostile',
  articleId: 'a-hostile',
  title: `<img src=x onerror="window.__xss='title'">Hostile report on harbour cranes`,
  source: `<script>window.__xss='source'</script>Evil Wire`,
  text:
    `Harbour cranes stood idle <script>window.__xss='text'</script> after the incident. ` +
    `Witnesses saw <img src=x onerror="window.__xss='img'"> smoke and <a href="javascript:window.__xss='link'">a link</a> was shared. ` +
    `<iframe src="javascript:window.__xss='iframe'"></iframe> Officials said nothing more.`,
};

/** Written by the XSS test itself, so the screenshots taken before it do not show it. */
export async function seedHostile(store: SqliteStore) {
  const a = {
    ...article(HOSTILE.articleId, HOSTILE.source, HOSTILE.title, HOSTILE.text, '2026-03-30'),
    url: `javascript:window.__xss='url'`,
  };
  const at = a.text.indexOf('<script>');
  const name = `<svg onload="window.__xss='entity'">Mallory`;
  await store.write(completeBatch({
    stories: [
      {
        id: HOSTILE.storyId,
        title: HOSTILE.title,
        createdAt: '2026-03-30T00:00:00Z',
        updatedAt: '2026-03-30T00:00:00Z',
      },
    ],
    articles: [
      {
        article: a,
        mentions: {
          ...noMentions(),
          entities: [{ start: at, end: at + 40, text: a.text.slice(at, at + 40), name, type: 'person' }],
          places: [
            {
              start: 0,
              end: 14,
              text: 'Harbour cranes',
              name: `<b onmouseover="window.__xss='place'">Portville</b>`,
              kind: 'city',
              country: 'XX',
              lat: 10,
              lon: 10,
              confidence: 1,
            },
          ],
          quotes: [
            {
              start: at,
              end: at + 30,
              text: `<script>window.__xss='quote'</script>`,
              kind: 'direct',
              speaker: name,
            },
          ],
        },
        storyId: HOSTILE.storyId,
        copyOf: null,
        features: null,
      },
    ],
  }));
}

export async function startTestServer() {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-browser-'));
  const config = loadConfig({}, { db: join(dir, 'p.db') });
  const store = new SqliteStore(config.db);
  await ingestPaths(store, [EXAMPLES_DIR], { config });
  await seed(store);
  const running = await startServer({
    store,
    config,
    port: 0,
    host: '127.0.0.1',
    token: TOKEN,
    log: () => {},
  });
  return {
    url: running.url,
    token: TOKEN,
    store,
    close: async () => {
      await running.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
