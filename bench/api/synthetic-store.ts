// A synthetic store for bench:api: N stories of 1–5 articles with places, people and dates,
// written through the Store in batches (extractors bypassed: this measures serving, not analysis).
import type { Article, Mentions } from '../../src/model/index.ts';
import { noMentions } from '../../src/model/index.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { ArticleWrite } from '../../src/store/store.ts';
import { completeBatch } from '../../src/pipeline/derive/batch.ts';

const OUTLETS = [
  'Harbor Ledger',
  'Northgate Post',
  'Eastbridge Times',
  'Meridian Wire',
  'Valley Courier',
  'Sol Diario',
  'The Plainsman',
  'Crónica Austral',
  'Tagesblick',
  'Le Veilleur',
  'Baltic Herald',
  'Kestrel News',
];
const PLACES: [string, string, number, number][] = [
  ['Lisbon', 'PT', 38.72, -9.14],
  ['São João da Madeira', 'PT', 40.9, -8.49],
  ['Genoa', 'IT', 44.41, 8.93],
  ['Valencia', 'ES', 39.47, -0.38],
  ['Antwerp', 'BE', 51.22, 4.4],
  ['Zagreb', 'HR', 45.81, 15.98],
  ['Slavonski Brod', 'HR', 45.16, 18.02],
  ['Montevideo', 'UY', -34.9, -56.16],
  ['Valparaíso', 'CL', -33.05, -71.62],
  ['Tromsø', 'NO', 69.65, 18.96],
  ['Vienna', 'AT', 48.21, 16.37],
  ['Ljubljana', 'SI', 46.06, 14.51],
  ['Seville', 'ES', 37.39, -5.98],
  ['Creswick', 'AU', -37.42, 143.89],
  ['Lyon', 'FR', 45.76, 4.83],
  ['Kraków', 'PL', 50.06, 19.94],
  ['Gdańsk', 'PL', 54.35, 18.65],
  ['Thessaloniki', 'GR', 40.64, 22.94],
  ['Cluj-Napoca', 'RO', 46.77, 23.6],
  ['Plzeň', 'CZ', 49.74, 13.38],
];
const PEOPLE: [string, string][] = [
  ['Ana Kovač', 'Ana Kovac'],
  ['Zoran Milanović', 'Zoran Milanovic'],
  ['José Núñez', 'Jose Nunez'],
  ['Søren Ågård', 'Soren Agard'],
  ['Chloé Lefèvre', 'Chloe Lefevre'],
  ['Łukasz Wójcik', 'Lukasz Wojcik'],
];
const TOPICS = [
  'floods',
  'port strike',
  'warehouse fire',
  'border emergency',
  'ferry collision',
  'rail strike',
  'court ruling',
  'power cut',
  'bushfire',
  'takeover',
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const spanOf = (text: string, word: string) => ({
  start: text.indexOf(word),
  end: text.indexOf(word) + word.length,
  text: word,
});

export async function buildSyntheticStore(file: string, storyCount: number) {
  const rand = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const store = new SqliteStore(file);
  const storyIds: string[] = [];
  let articles = 0;
  let batch: ArticleWrite[] = [];
  let stories: { id: string; title: string; createdAt: string; updatedAt: string }[] = [];
  const flush = async () => {
    await store.write(completeBatch({ articles: batch, stories }));
    batch = [];
    stories = [];
  };
  for (let s = 0; s < storyCount; s++) {
    const id = `s-${String(s).padStart(6, '0')}`;
    const place = pick(PLACES);
    const [person, variant] = pick(PEOPLE);
    const topic = pick(TOPICS);
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(rand() * 480) * 86400000)
      .toISOString()
      .slice(0, 10);
    const title = `${topic[0].toUpperCase()}${topic.slice(1)} in ${place[0]} (${s})`;
    storyIds.push(id);
    stories.push({ id, title, createdAt: `${day}T08:00:00.000Z`, updatedAt: `${day}T12:00:00.000Z` });
    const n = 1 + Math.floor(rand() * 5);
    for (let k = 0; k < n; k++) {
      const source = OUTLETS[(s + k) % OUTLETS.length];
      const form = k % 2 ? variant : person;
      const text = [
        `${place[0]} — The ${topic} reported on ${day} affected hundreds of residents, officials said.`,
        `${form} told reporters that ${10 + Math.floor(rand() * 990)} people were involved and that services would resume.`,
        `Local authorities in ${place[0]} said the situation was under review and more details would follow.`,
        'Witnesses described long queues and closed roads across the area for most of the day.',
      ]
        .join(' ')
        .repeat(2);
      const article: Article = {
        id: `${id}-a${k}`,
        source,
        title: `${title} — ${source}`,
        subtitle: null,
        author: null,
        url: null,
        path: null,
        language: 'en',
        published: { date: day, iso: null, method: 'json-field', confidence: 0.95, text: day },
        text,
        paragraphs: [{ start: 0, end: text.length }],
        sentences: [{ start: 0, end: text.indexOf('.') + 1 }],
        metadata: {},
        contentHash: `${id}-${k}`,
        dropped: [],
      };
      const mentions: Mentions = {
        ...noMentions(),
        entities: [{ ...spanOf(text, form), name: person, type: 'person' }],
        places: [
          {
            ...spanOf(text, place[0]),
            name: place[0],
            kind: 'city',
            country: place[1],
            lat: place[2],
            lon: place[3],
            confidence: 0.9,
          },
        ],
        dates: [{ ...spanOf(text, day), date: day, granularity: 'day', confidence: 0.9, relative: false }],
      };
      batch.push({ article, mentions, storyId: id, copyOf: null, features: null });
      articles++;
    }
    if (batch.length >= 500) await flush();
  }
  await flush();
  await store.close();
  return { stories: storyCount, articles, storyIds, places: PLACES.map((p) => p[0]) };
}
