import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleFeatures } from './features.ts';
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
});
