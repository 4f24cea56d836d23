// A stream assigned in one go and the same stream with the assigner restored part-way (from the
// rows a store would hold then, or from a snapshot of that restore) must give the same stories:
// a standby that takes over, or a restarted process, repairs the same stories at the same places.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureDoc, partition } from './fixtures.test-data.ts';
import { OnlineStoryAssigner, type StoryAssignerOptions } from './story-assigner.ts';

// Four made-up local events sharing a town or a speaker two by two; every third report also tells
// of another one, so arrival joins some wrongly and repairs move them.
const EVENTS = [
  { town: 'Harlow', who: 'Mayor Edith Crane', what: 'council budget vote', extra: 'library funding and road repairs' },
  { town: 'Harlow', who: 'Chief Tom Reyes', what: 'warehouse fire', extra: 'firefighters and smoke over the river' },
  { town: 'Brenton', who: 'Mayor Edith Crane', what: 'school closure plan', extra: 'parents and teachers protested' },
  { town: 'Brenton', who: 'Coach Lena Park', what: 'stadium expansion', extra: 'the council budget and parking' },
];

function report(i: number) {
  const e = EVENTS[i % 4];
  const o = EVENTS[(i * 7 + 1) % 4];
  const mix = i % 3 === 0;
  const aside = mix ? `The ${o.what} in ${o.town} also came up, with ${o.extra}.` : `Residents discussed ${e.extra}.`;
  const text = `${e.who} spoke on Tuesday about the ${e.what} in ${e.town}. ${aside} ${e.who} said more meetings would follow in ${e.town}. Report ${i}.`;
  return { id: `r-${String(i).padStart(2, '0')}`, title: `${e.town}: ${e.what}${mix ? ` and ${o.what}` : ''}`, published: '2024-03-12', text };
}

const STREAM = Array.from({ length: 24 }, (_, i) => report(i));
// Repairs every 4 articles, with a join bar high enough that stories split and rejoin.
const OPTS: Partial<StoryAssignerOptions> = { repairEvery: 4, joinThreshold: 0.3 };

interface Row {
  articleId: string;
  copyOf: string | null;
  features: unknown;
}

/** Each assignment's story and moves as the stream goes, then the final repair's moves and the stories. */
function run(a: OnlineStoryAssigner, from: number, rows: Row[]) {
  const steps = STREAM.slice(from).map((r) => {
    const { storyId, copyOf, moves, features } = a.assign(fixtureDoc(r));
    rows.push({ articleId: r.id, copyOf, features });
    return { id: r.id, storyId, moves };
  });
  const repair = a.repair();
  return { steps, repair, stories: partition(a.assignments()) };
}

/** The assigner a restore of the store leaves after the first `at` reports (rows in store order). */
function restoredAt(at: number, viaSnapshot: boolean) {
  const a = new OnlineStoryAssigner(OPTS);
  const early = new OnlineStoryAssigner(OPTS);
  const earlyRows: Row[] = [];
  for (const r of STREAM.slice(0, at)) {
    const { copyOf, features } = early.assign(fixtureDoc(r));
    earlyRows.push({ articleId: r.id, copyOf, features });
  }
  const stored = early.assignments();
  for (const row of earlyRows) a.restore(row.articleId, stored.get(row.articleId)!, row.copyOf, row.features);
  return viaSnapshot ? OnlineStoryAssigner.fromRestoredState(a.restoredState()!, OPTS) : a;
}

describe('story assigner restored part-way', () => {
  const whole = run(new OnlineStoryAssigner(OPTS), 0, []);

  it('the stream exercises repair (moves at repair positions), so the comparison can fail', () => {
    assert.ok(whole.steps.some((s) => s.moves.length > 0));
  });

  for (const viaSnapshot of [false, true]) {
    for (const at of STREAM.map((_, i) => i).slice(1)) {
      it(`restored ${viaSnapshot ? 'from a snapshot' : 'from the store rows'} after ${at} of ${STREAM.length} reports: the same stories and moves as one go`, () => {
        const resumed = run(restoredAt(at, viaSnapshot), at, []);
        assert.deepStrictEqual(resumed.steps, whole.steps.slice(at));
        assert.deepStrictEqual(resumed.stories, whole.stories);
      });
    }
  }
});
