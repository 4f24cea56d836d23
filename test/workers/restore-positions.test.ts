// The assigner restored part-way through a stream (what a standby that takes over, or a restarted
// process, builds from the store) must group the rest exactly as the assigner that ran through.
// The made-up reliability reports repeat a town and a kind of event every 20 events, so later
// reports sit near the bar between joining an earlier event and starting their own: anything a
// restore cannot rebuild (norms cached at whatever time a story was first scored) shows here.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../src/config/index.ts';
import type { RawReport } from '../../src/model/index.ts';
import { partition } from '../../src/pipeline/4-cluster/fixtures.test-data.ts';
import { OnlineStoryAssigner } from '../../src/pipeline/4-cluster/story-assigner.ts';
import { readFileReports } from '../../src/pipeline/1-intake/files.ts';
import { prepareReport } from '../../src/pipeline/parallel/prepare.ts';
import { jsonl } from '../reliability/reports.ts';
import { withTempDir } from '../temp-dir.ts';

const N = 300;
/** Restore positions tried: every fifth (every one takes ~15 s; a fifth catches a window of ~25). */
const EVERY = 5;

async function docs() {
  return withTempDir('restore-positions', async (dir) => {
    const file = join(dir, 'reports.jsonl');
    writeFileSync(file, jsonl('w', N));
    const out = [];
    for await (const ev of readFileReports(file, defaultConfig)) {
      if (ev.kind !== 'report') continue;
      const p = prepareReport(ev.raw as RawReport);
      if ('error' in p) throw new Error(p.error);
      // Features as the store holds them (JSON), as a worker hands them over.
      out.push({ article: p.article, mentions: p.mentions, features: JSON.parse(JSON.stringify(p.features ?? null)) as unknown });
    }
    return out;
  });
}

describe('an assigner restored at any position of a stream', () => {
  // The default cadence (500) repairs only at the end of these 300 reports; every 40, the
  // cadence's repairs, with their second look and neighbourhood, fall inside the stream too.
  for (const opts of [{}, { repairEvery: 40 }]) {
    it(`groups the rest of ${N} reports as one that ran through (every ${EVERY}th position, ${JSON.stringify(opts)})`, { timeout: 120_000 }, async () => {
    const stream = await docs();
    assert.equal(stream.length, N);
    const whole = new OnlineStoryAssigner(opts);
    const rows: { id: string; copyOf: string | null; features: unknown }[] = [];
    const stored: Map<string, string>[] = [];
    for (const d of stream) {
      const a = whole.assign(d as Parameters<OnlineStoryAssigner['assign']>[0]);
      rows.push({ id: d.article.id, copyOf: a.copyOf, features: JSON.parse(JSON.stringify(a.features)) });
      stored.push(whole.assignments());
    }
    whole.repair();
    const want = JSON.stringify(partition(whole.assignments()));
    const differ: number[] = [];
    for (let k = EVERY; k < N; k += EVERY) {
      const restored = new OnlineStoryAssigner(opts);
      for (const r of rows.slice(0, k)) restored.restore(r.id, stored[k - 1].get(r.id)!, r.copyOf, r.features, 1);
      for (const d of stream.slice(k)) restored.assign(d as Parameters<OnlineStoryAssigner['assign']>[0]);
      restored.repair();
      if (JSON.stringify(partition(restored.assignments())) !== want) differ.push(k);
    }
    assert.deepEqual(differ, [], 'restore positions whose stories differ from the run-through');
    });
  }
});
