// Topic watches for the throughput bench (THROUGHPUT_WATCHES=n): made from the corpus itself so
// they meet its reports, chosen deterministically. A tenth each follow an entity, a place within
// 50 km, and an outlet; the rest search one or two words of six letters or more from headlines
// (short words such as "man" or "shot" would match most of the corpus, which no one watches).
import type { Article, Mentions, Watch } from '../../src/model/index.ts';

const hash = (s: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

export function topicWatches(docs: { article: Article; mentions: Mentions }[], n: number): Watch[] {
  const pick = <T>(list: T[], i: number, salt: string) => list[hash(`${salt}${i}`) % list.length];
  const words = [...new Set(docs.flatMap((d) => d.article.title.toLowerCase().match(/\p{L}{6,}/gu) ?? []))].sort();
  const entities = [...new Set(docs.flatMap((d) => d.mentions.entities.map((e) => e.name)))].sort();
  const places = docs.flatMap((d) => d.mentions.places.filter((p) => p.kind === 'city'));
  const sources = [...new Set(docs.map((d) => d.article.source))].sort();
  const out: Watch[] = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 10;
    const place = kind === 1 && places.length ? pick(places, i, 'p') : null;
    const topic =
      kind === 0 && entities.length
        ? { entity: pick(entities, i, 'e') }
        : place
          ? { place: { name: place.name, lat: place.lat, lon: place.lon, radiusKm: 50 } }
          : kind === 2
            ? { source: pick(sources, i, 's') }
            : { words: i % 2 ? pick(words, i, 'w') : `${pick(words, i, 'w')} ${pick(words, i, 'x')}` };
    out.push({
      id: `bench-w${i}`,
      name: `bench ${i}`,
      storyId: null,
      topic,
      kinds: null,
      muted: false,
      ratePerHour: null,
      webhookUrl: null,
      webhookSecret: null,
      email: null,
      emailMode: 'immediate',
      createdAt: '2026-12-07T00:00:00.000Z',
    });
  }
  return out;
}
