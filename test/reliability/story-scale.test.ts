// A story report's cost grows with the story's size, not with its square: four times the
// articles may cost about four times as much (the brief's central-report choice was cubic, and
// its disputed-span and evidence checks quadratic; a 600-article story took 3 s).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RawReport } from '../../src/model/index.ts';
import { prepareReport } from '../../src/pipeline/parallel/prepare.ts';
import { buildStoryReport } from '../../src/pipeline/story-report.ts';
import type { StoredArticle } from '../../src/store/store.ts';
import { report } from './reports.ts';

const STORY = { id: 'st-grow', title: 'Crash', createdAt: '2026-04-01T00:00:00Z', updatedAt: '2026-04-02T00:00:00Z' };

function articles(n: number): StoredArticle[] {
  const out: StoredArticle[] = [];
  for (let i = 0; out.length < n; i++) {
    const r = report('grow', i);
    const raw: RawReport = { format: 'text', path: null, url: null, content: `${r.title}\n\n${r.text}`, locator: r.id, given: { title: r.title, source: r.source }, hints: {} };
    const p = prepareReport(raw);
    if ('error' in p) continue;
    out.push({ article: { ...p.article, id: `grow-${i}`, source: r.source }, mentions: p.mentions, storyId: STORY.id, copyOf: null } as StoredArticle);
  }
  return out;
}

/** Median CPU ms of three computations. */
function cost(stored: StoredArticle[]): number {
  const ms = [0, 1, 2].map(() => {
    const t = process.cpuUsage();
    buildStoryReport(STORY, stored, { withText: true });
    const u = process.cpuUsage(t);
    return (u.user + u.system) / 1000;
  });
  return ms.sort((a, b) => a - b)[1];
}

describe('story report cost by size', () => {
  it('four times the articles cost well under sixteen times as much', () => {
    const all = articles(480);
    buildStoryReport(STORY, all.slice(0, 20)); // lexicons loaded before timing
    const small = cost(all.slice(0, 120));
    const big = cost(all);
    // Linear is 4; the quadratic brief measured 17 at these sizes (600 vs 150: 2,992 vs 177 ms).
    assert.ok(big / small < 9, `120 articles ${small.toFixed(0)} ms, 480 articles ${big.toFixed(0)} ms`);
  });
});
