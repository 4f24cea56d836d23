import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article, Mentions } from '../../model/index.ts';
import { noMentions } from '../../model/index.ts';
import { compileTopic, matchTopic, reportWords, searchWordsOf, topicDoc, topicWords, WordFilter } from './topic.ts';

const article = (text: string, over: Partial<Article> = {}) => ({ id: 'a1', title: 'T', text, source: 'Harbor Ledger', language: 'en', ...over }) as Article;

describe('alerts topic matching', () => {
  it('folds a report’s words exactly as the search does, fast path or not', () => {
    for (const s of ['São João’s “Łódź” — Tromsø, 12 km', 'plain ascii words, twice twice', 'Straße ÆØÅ naïve café-bar', 'ﬁ ligature, Ⅻ, 東京 2026']) {
      assert.deepEqual([...reportWords(s)].sort(), [...new Set(searchWordsOf(s))].sort(), s);
    }
  });

  it('keeps, with a filter, exactly the words the filter keeps of all of them', () => {
    const filter = new WordFilter(new Set(['sao', 'tromso', 'twice', 'cafe', 'kelvin', '東京', 'x']), new Set(['naï', 'lig', 'wor', '東京2']));
    const texts = ['São João’s “Łódź” — Tromsø, 12 km', 'plain ascii WORDS, twice twice x', 'Straße ÆØÅ naïve café-bar \u212Aelvin', 'ﬁ ligature, Ⅻ, 東京 2026 東京2026'];
    let kept = 0;
    for (const s of texts) {
      const want = [...reportWords(s)].filter((w) => filter.keeps(w)).sort();
      assert.deepEqual([...reportWords(s, filter)].sort(), want, s);
      kept += want.length;
    }
    assert.ok(kept >= 8, `the filter keeps words (${kept})`);
  });

  it('reads words, prefixes and their limits', () => {
    assert.deepEqual(topicWords('Dam  collapse*'), { whole: ['dam'], prefixes: ['collapse'] });
    assert.throws(() => topicWords('fl*'), /at least 3 letters/);
    assert.throws(() => topicWords('  '), /no words/);
    assert.throws(() => compileTopic({ minSources: 2 }), /needs words/);
    assert.throws(() => compileTopic({ place: { name: 'X', lat: 0, lon: 0, radiusKm: 5000 } }), /radius/);
  });

  const cases: [string, Parameters<typeof compileTopic>[0], boolean][] = [
    ['all words needed', { words: 'dam tulcea' }, true],
    ['a missing word', { words: 'dam galati' }, false],
    ['diacritics folded', { words: 'Tulcéa' }, true],
    ['a prefix', { words: 'coll*' }, true],
    ['whole words only', { words: 'coll' }, false],
    ['entity by key', { entity: 'andrei stanescu' }, true],
    ['place by name', { place: { name: 'Tulcea', lat: 0, lon: 0, radiusKm: null } }, true],
    ['place within radius', { place: { name: 'Galati', lat: 45.43, lon: 28.05, radiusKm: 100 } }, true],
    ['place out of radius', { place: { name: 'Galati', lat: 45.43, lon: 28.05, radiusKm: 20 } }, false],
    ['source and language', { source: 'harbor ledger', language: 'en' }, true],
    ['other language', { words: 'dam', language: 'es' }, false],
  ];
  const mentions: Mentions = {
    ...noMentions(),
    entities: [{ start: 30, end: 45, text: 'Andrei Stanescu', name: 'Andrei Stănescu', type: 'person' }],
    places: [{ start: 0, end: 6, text: 'TULCEA', name: 'Tulcea', kind: 'city', country: 'RO', lat: 45.18, lon: 28.8, confidence: 1 }],
  };
  for (const [name, topic, want] of cases)
    it(name, () => {
      const doc = topicDoc(article('TULCEA — A dam collapsed. Andrei Stanescu said.'), mentions, true);
      assert.equal(!!matchTopic(compileTopic(topic), doc), want);
    });
});
