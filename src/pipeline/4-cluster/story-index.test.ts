import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleFeatures, FEATURES_VERSION } from './features.ts';
import { fixtureDoc, REPORTS } from './fixtures.test-data.ts';
import { StoryIndex } from './story-index.ts';
import { defaultStoryAssignerOptions } from './story-assigner.ts';

describe('StoryIndex', () => {
  it('scores a member against its story without it exactly as against the other members alone', () => {
    const index = new StoryIndex(defaultStoryAssignerOptions);
    // Two events in one story, with days spread so the median moves when a member leaves.
    const members = REPORTS.filter((r) => r.event === 'dayton' || r.event === 'toledo');
    for (const r of members) {
      const doc = fixtureDoc(r);
      index.add(r.id, 's-1', null, articleFeatures(doc.article, doc.mentions, defaultStoryAssignerOptions));
    }
    const all = [...index.stories.get('s-1')!.members];
    for (const idx of all) {
      const q = index.query(index.entries[idx]);
      const others = all.filter((m) => m !== idx);
      const expected = index.groupScore(q, others);
      assert.ok(expected > 0);
      assert.ok(Math.abs(index.centroidScore(q, 's-1', idx) - expected) < 1e-9, index.entries[idx].id);
    }
  });

  it('probes a would-be story as repair would score its members in it', () => {
    const index = new StoryIndex(defaultStoryAssignerOptions);
    // Two stories; the probe of their union must agree with scoring inside the union once made.
    for (const r of REPORTS.filter((r) => r.event === 'dayton' || r.event === 'toledo')) {
      const doc = fixtureDoc(r);
      index.add(r.id, `s-${r.event}`, null, articleFeatures(doc.article, doc.mentions, defaultStoryAssignerOptions));
    }
    const union = [...index.stories.get('s-dayton')!.members, ...index.stories.get('s-toledo')!.members];
    const probe = index.groupProbe(union);
    const probed = union.map((m) => probe(m));
    for (const m of [...index.stories.get('s-toledo')!.members]) index.move(m, 's-dayton');
    union.forEach((m, i) => assert.ok(Math.abs(index.centroidScore(index.query(index.entries[m]), 's-dayton', m) - probed[i]) < 1e-9, index.entries[m].id));
  });
});

describe('StoryIndex contrast', () => {
  // Five reports of shootings in one city: all share the city and "shooting"; one also names the
  // query's victim. Weighing down what all candidates share must favour that one.
  const features = (words: string[]) => ({ v: FEATURES_VERSION, t: words.map((w) => [w, 2] as [string, number]), d: 100, e: 100, m: [], h: '' });
  const stories = ['tillman', 'kess', 'pruitt', 'ashcroft', 'vane'];
  const scores = (contrast: number) => {
    const index = new StoryIndex({ ...defaultStoryAssignerOptions, contrast });
    stories.forEach((name, i) => index.add(`a${i}`, `s-${name}`, null, features(['p:dayton', 'w:shooting', 'w:police', `n:${name}`, `w:street${i}`])));
    for (let i = 0; i < 20; i++) index.add(`other${i}`, `s-other${i}`, null, features([`w:unrelated${i}`, `n:someone${i}`]));
    const s = index.storyScores(index.query(features(['p:dayton', 'w:shooting', 'w:police', 'n:tillman'])), null);
    return { same: s.get('s-tillman')!, other: s.get('s-kess')! };
  };

  it('weighs down what all candidates share, so the distinguishing name counts more', () => {
    const plain = scores(0);
    const contrasted = scores(0.4);
    assert.ok(plain.same > plain.other && contrasted.same > contrasted.other);
    assert.ok(contrasted.same / contrasted.other > (plain.same / plain.other) * 1.1, JSON.stringify({ plain, contrasted }));
  });
});

describe('StoryIndex lookups as the vocabulary moves', () => {
  const features = (words: string[], weight = 2) => ({ v: FEATURES_VERSION, t: words.map((w, i) => [w, weight + i] as [string, number]), d: 100, e: 100, m: [], h: '' });

  it('finds an article added since the last lookup, and not one forgotten since', () => {
    const index = new StoryIndex(defaultStoryAssignerOptions);
    index.add('a0', 's-tillman', null, features(['p:dayton', 'w:shooting', 'n:tillman']));
    index.add('a1', 's-kess', null, features(['p:dayton', 'w:shooting', 'n:kess']));
    const q = index.query(index.entries[0]);
    assert.deepEqual([...index.storyScores(q, 0).keys()], ['s-kess']);
    // A new article the query finds: candidates kept from before would miss its story.
    index.add('a2', 's-pruitt', null, features(['p:dayton', 'n:tillman', 'w:funeral']));
    const fresh = index.query(index.entries[0]);
    assert.notDeepEqual([...fresh.unit], [...q.unit], 'the IDF moved');
    assert.deepEqual([...index.storyScores(fresh, 0).keys()].sort(), ['s-kess', 's-pruitt']);
    index.forget('a2');
    assert.deepEqual([...index.storyScores(index.query(index.entries[0]), 0).keys()], ['s-kess']);
  });

  it("takes a story's strongest terms in the order a full sort by sum times IDF gives", () => {
    const index = new StoryIndex(defaultStoryAssignerOptions);
    const words = Array.from({ length: 40 }, (_, i) => `w:term${i}`);
    // Equal weights in places, so ties fall to the lower term id.
    index.add('a0', 's-1', null, features(words.slice(0, 30), 1));
    index.add('a1', 's-1', null, features(words.slice(10), 1));
    index.add('a2', 's-2', null, features(words.slice(5, 25).reverse(), 3));
    const q = index.storyQuery('s-1', 25)!;
    const sums = new Map<number, number>();
    for (const idx of index.stories.get('s-1')!.members) {
      const e = index.entries[idx];
      index.termsOf(e).forEach((t, i) => sums.set(t, (sums.get(t) ?? 0) + Math.round(index.weightsOf(e)[i] * 1000)));
    }
    // The IDF as vocabulary.ts computes it: live articles, and those having the term.
    const idf = (t: number) => Math.log((index.entries.length + 1) / (1 + index.entries.filter((e) => index.termsOf(e).includes(t)).length)) + 1;
    const full = [...sums.keys()].sort((a, b) => sums.get(b)! * idf(b) - sums.get(a)! * idf(a) || a - b).slice(0, 25);
    // The query orders its terms by its own weights: the same terms are what the selection decides.
    assert.deepEqual([...q.terms].sort((a, b) => a - b), [...full].sort((a, b) => a - b));
  });
});
