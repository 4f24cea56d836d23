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

type Report = ReturnType<typeof report>;

// The same stream with the second report sent again, corrected (a new version of that article).
const REVISED = [...STREAM.slice(0, 2), { ...STREAM[1], text: `${STREAM[1].text} Corrected: the meeting is on Thursday.` }, ...STREAM.slice(2)];

/** Each assignment's story and moves as the stream goes, then the final repair's moves and the stories. */
function run(a: OnlineStoryAssigner, stream: Report[], from: number) {
  const steps = stream.slice(from).map((r) => {
    const { storyId, moves } = a.assign(fixtureDoc(r));
    return { id: r.id, storyId, moves };
  });
  const repair = a.repair();
  return { steps, repair, stories: partition(a.assignments()) };
}

/**
 * The assigner a restore of the store leaves after the first `at` reports: one row per article in
 * store order (its first arrival), with its latest features and its version.
 */
function restoredAt(stream: Report[], at: number, viaSnapshot: boolean) {
  const early = new OnlineStoryAssigner(OPTS);
  const rows = new Map<string, { copyOf: string | null; features: unknown; version: number }>();
  for (const r of stream.slice(0, at)) {
    const { copyOf, features } = early.assign(fixtureDoc(r));
    rows.set(r.id, { copyOf, features, version: (rows.get(r.id)?.version ?? 0) + 1 });
  }
  const stored = early.assignments();
  const a = new OnlineStoryAssigner(OPTS);
  for (const [id, row] of rows) a.restore(id, stored.get(id)!, row.copyOf, row.features, row.version);
  if (!viaSnapshot) return a;
  // As restore-grouping.ts: the stream's position from the rows' versions.
  return OnlineStoryAssigner.fromRestoredState(a.restoredState()!, OPTS, [...rows.values()].reduce((sum, row) => sum + row.version, 0));
}

describe('story assigner restored part-way', () => {
  const whole = run(new OnlineStoryAssigner(OPTS), STREAM, 0);

  it('the stream exercises repair (moves at repair positions), so the comparison can fail', () => {
    assert.ok(whole.steps.some((s) => s.moves.length > 0));
  });

  for (const viaSnapshot of [false, true]) {
    for (const at of STREAM.map((_, i) => i).slice(1)) {
      it(`restored ${viaSnapshot ? 'from a snapshot' : 'from the store rows'} after ${at} of ${STREAM.length} reports: the same stories and moves as one go`, () => {
        const resumed = run(restoredAt(STREAM, at, viaSnapshot), STREAM, at);
        assert.deepStrictEqual(resumed.steps, whole.steps.slice(at));
        assert.deepStrictEqual(resumed.stories, whole.stories);
      });
    }
  }

  it('counts a new version in the stream\'s position, as the store does (its version)', () => {
    const revised = run(new OnlineStoryAssigner(OPTS), REVISED, 0);
    // Exact once the new version is behind the last repair (the store keeps the article's first place).
    for (const at of [4, 5, 6, 7, 9, 13, 18]) {
      for (const viaSnapshot of [false, true]) {
        const resumed = run(restoredAt(REVISED, at, viaSnapshot), REVISED, at);
        assert.deepStrictEqual(resumed.steps, revised.steps.slice(at), `after ${at}`);
        assert.deepStrictEqual(resumed.stories, revised.stories);
      }
    }
  });
});
