// The index finds exactly the watches a loop over every watch would (matchTopic on each), on
// random watches and reports drawn from small vocabularies so that matches are common.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article, Mentions, Topic, Watch } from '../../model/index.ts';
import { noMentions } from '../../model/index.ts';
import { TopicIndex } from './topic-index.ts';
import { compileTopic, matchTopic, topicDoc } from './topic.ts';

let seed = 42;
const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), Math.floor(seed / 65536) % n);
const pick = <T>(list: T[]) => list[rand(list.length)];

const WORDS = ['flood', 'fire', 'dam', 'strike', 'police', 'harbour', 'crane', 'collapse', 'storm', 'vote'];
const ENTITIES = ['Ana Silva', 'Jon Berg', 'Port Authority', 'Red Cross'];
const PLACES = [
  { name: 'Porto', lat: 41.15, lon: -8.61 },
  { name: 'Braga', lat: 41.55, lon: -8.42 },
  { name: 'Tromsø', lat: 69.65, lon: 18.96 },
  { name: 'Suva', lat: -18.14, lon: 178.44 },
  { name: 'Nadi', lat: -17.8, lon: 177.42 },
];
const SOURCES = ['Harbor Ledger', 'Northgate Post', 'Sol Diario'];

function randomTopic(): Topic {
  const t: Topic = {};
  while (!t.words && !t.entity && !t.place && !t.source && !t.language) {
    if (rand(2)) t.words = Array.from({ length: 1 + rand(2) }, () => pick(WORDS) + (rand(6) ? '' : '*')).join(' ');
    if (!rand(4)) t.entity = pick(ENTITIES);
    if (!rand(4)) t.place = { ...pick(PLACES), radiusKm: rand(2) ? null : pick([20, 80, 400]) };
    if (!rand(5)) t.source = pick(SOURCES);
    if (!rand(6)) t.language = pick(['en', 'es']);
  }
  return t;
}

function randomReport(i: number): { article: Article; mentions: Mentions } {
  const text = Array.from({ length: 3 + rand(8) }, () => pick(WORDS)).join(' ') + '.';
  const mentions: Mentions = {
    ...noMentions(),
    entities: rand(2) ? [{ start: 0, end: 3, text: 'x', name: pick(ENTITIES), type: 'person' }] : [],
    places: rand(2) ? [{ start: 0, end: 3, text: 'x', kind: 'city', country: null, confidence: 1, ...pick(PLACES) }] : [],
  };
  const article = { id: `a${i}`, title: pick(WORDS), text, source: pick(SOURCES), language: pick(['en', 'es']) } as Article;
  return { article, mentions };
}

describe('alerts topic index', () => {
  it('finds the same watches as checking every watch', () => {
    const watches = Array.from({ length: 300 }, (_, i) => ({ id: `w${i}`, storyId: null, topic: randomTopic() }) as Watch);
    const index = new TopicIndex(watches);
    const compiled = watches.map((w) => ({ w, t: compileTopic(w.topic!) }));
    let matched = 0;
    for (let i = 0; i < 300; i++) {
      const { article, mentions } = randomReport(i);
      const doc = topicDoc(article, mentions, true);
      const want = compiled.filter(({ t }) => matchTopic(t, doc)).map(({ w }) => w.id).sort();
      const got = index.matching(doc).map((m) => m.watch.watch.id).sort();
      assert.deepEqual(got, want, `report ${i}: ${article.text}`);
      matched += want.length;
    }
    assert.ok(matched > 300, `matches are common enough to mean something (${matched})`);
  });
});
