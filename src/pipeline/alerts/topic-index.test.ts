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
const OTHER = ['the', 'Cranes', 'stormy', 'Vötes', 'policeman', 'da'];
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
  // Words no watch has too ("cranes" meets "cran*" only), which the index's reports leave out.
  const text = Array.from({ length: 3 + rand(8) }, () => pick([...WORDS, ...OTHER])).join(' ') + '.';
  const mentions: Mentions = {
    ...noMentions(),
    entities: Array.from({ length: rand(3) }, (_, j) => ({ start: j, end: j + 3, text: 'x', name: pick(ENTITIES), type: 'person' as const })),
    places: Array.from({ length: rand(3) }, (_, j) => ({ start: j, end: j + 3, text: 'x', kind: 'city' as const, country: null, confidence: 1, ...pick(PLACES) })),
  };
  const article = { id: `a${i}`, title: pick(WORDS), text, source: pick(SOURCES), language: pick(['en', 'es']) } as Article;
  return { article, mentions };
}

describe('alerts topic index', () => {
  for (const n of [300, 12])
    it(`finds the same watches, cited the same, as checking every watch on the whole report (${n} watches)`, () => {
      const watches = Array.from({ length: n }, (_, i) => ({ id: `w${i}`, storyId: null, topic: randomTopic() }) as Watch);
      const index = new TopicIndex(watches);
      const compiled = watches.map((w) => ({ w, t: compileTopic(w.topic!) }));
      let matched = 0;
      for (let i = 0; i < 300; i++) {
        const { article, mentions } = randomReport(i);
        const doc = topicDoc(article, mentions, true);
        const want = compiled.flatMap(({ w, t }) => {
          const evidence = matchTopic(t, doc);
          return evidence ? [{ id: w.id, evidence }] : [];
        });
        const got = index.matching(index.docOf(article, mentions)).map((m) => ({ id: m.watch.watch.id, evidence: m.evidence }));
        const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
        assert.deepEqual(got.sort(byId), want.sort(byId), `report ${i}: ${article.text}`);
        matched += want.length;
      }
      assert.ok(matched > n, `matches are common enough to mean something (${matched})`);
    });
});
