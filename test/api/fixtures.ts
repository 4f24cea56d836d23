// A small store written through the Store interface, with mentions built by hand so the API can
// be tested with full data while the extractors are still being built.
import type { Article, Mentions } from '../../src/model/index.ts';
import { noMentions } from '../../src/model/index.ts';
import { loadConfig } from '../../src/config/index.ts';
import { createApp } from '../../src/api/app.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { ArticleWrite, Store } from '../../src/store/store.ts';
import { completeBatch } from '../../src/pipeline/derive/batch.ts';

export const TOKEN = 'test-token-0123456789';

export function article(id: string, source: string, title: string, text: string, day: string): Article {
  const sentences: { start: number; end: number }[] = [];
  const re = /[^.!?]+[.!?]+/g;
  for (let m; (m = re.exec(text));)
    sentences.push({ start: m.index + (m[0].length - m[0].trimStart().length), end: m.index + m[0].length });
  return {
    id,
    source,
    title,
    subtitle: null,
    author: null,
    url: null,
    path: null,
    language: 'en',
    published: { date: day, iso: null, method: 'front-matter', confidence: 1, text: day },
    text,
    paragraphs: [{ start: 0, end: text.length }],
    sentences,
    metadata: {},
    contentHash: `hash-${id}`,
    dropped: [],
  };
}

const span = (text: string, word: string) => {
  const start = text.indexOf(word);
  if (start < 0) throw new Error(`fixture: "${word}" not in text`);
  return { start, end: start + word.length, text: word };
};

function mentionsOf(
  text: string,
  people: [string, string][],
  places: [string, string, number, number][],
): Mentions {
  return {
    ...noMentions(),
    entities: people.map(([form, name]) => ({ ...span(text, form), name, type: 'person' as const })),
    places: places.map(([form, country, lat, lon]) => ({
      ...span(text, form),
      name: form,
      kind: 'city' as const,
      country,
      lat,
      lon,
      confidence: 1,
    })),
  };
}

const T1 =
  'Croatia declared a state of emergency in Slavonski Brod. Interior Minister Ana Kovač said 12,000 people had crossed.';
const T2 =
  'Croatia declared an emergency along the border at Slavonski Brod. Minister Ana Kovac spoke in Zagreb.';
const T3 = 'Rail workers walked out in Lyon on Monday. Trains were cancelled across São João and beyond.';

export const FIXTURE = {
  border: { id: 'st-border', articles: ['a-east', 'a-north'] },
  rail: { id: 'st-rail', articles: ['a-rail'] },
};

export async function seededStore(file = ':memory:'): Promise<SqliteStore> {
  const store = new SqliteStore(file);
  await seed(store);
  return store;
}

/** Writes the two fixture stories (with hand-made mentions) into any store. */
export async function seed(store: Store): Promise<void> {
  const w = (a: Article, storyId: string, m: Mentions): ArticleWrite => ({
    article: a,
    mentions: m,
    storyId,
    copyOf: null,
    features: null,
  });
  await store.write(completeBatch({
    stories: [
      {
        id: 'st-border',
        title: 'Croatia declares border emergency',
        createdAt: '2026-03-14T00:00:00Z',
        updatedAt: '2026-03-15T00:00:00Z',
      },
      {
        id: 'st-rail',
        title: 'Rail strike in Lyon',
        createdAt: '2026-02-01T00:00:00Z',
        updatedAt: '2026-02-01T00:00:00Z',
      },
    ],
    articles: [
      w(
        article(
          'a-east',
          'Eastbridge Times',
          'Croatia puts border counties under emergency rule',
          T1,
          '2026-03-14',
        ),
        'st-border',
        mentionsOf(T1, [['Ana Kovač', 'Ana Kovač']], [['Slavonski Brod', 'HR', 45.16, 18.02]]),
      ),
      w(
        article('a-north', 'Northgate', 'Croatia declares emergency at Bosnian border', T2, '2026-03-15'),
        'st-border',
        mentionsOf(
          T2,
          [['Ana Kovac', 'Ana Kovač']],
          [
            ['Slavonski Brod', 'HR', 45.16, 18.02],
            ['Zagreb', 'HR', 45.81, 15.98],
          ],
        ),
      ),
      w(
        article('a-rail', 'Valley Courier', 'Rail workers strike in Lyon', T3, '2026-02-01'),
        'st-rail',
        mentionsOf(T3, [], [['Lyon', 'FR', 45.76, 4.83]]),
      ),
    ],
  }));
}

export async function testApp(over: Partial<Parameters<typeof createApp>[0]> = {}) {
  const store = await seededStore();
  const config = loadConfig({}, { db: ':memory:' });
  const { app, conflicts } = createApp({ store, config, token: TOKEN, web: true, log: () => {}, ...over });
  const auth = { Authorization: `Bearer ${TOKEN}` };
  return { app, store, conflicts, auth };
}
