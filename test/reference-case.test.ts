// The product's reference case (issue 18), end to end through `analyze`: two sample reports of one
// event (examples/markdown/hl-tacna-emergency.md, examples/text/tacna-emergency-plainsman.txt),
// one a translation with scraper leftovers and sub-headings, one spelling the president's surname
// differently. What the reader sees must be true: one story, the variant linked and shown as a
// spelling-variant conflict, where = Tacna, when = the 28th, the 60-day figure with its unit, no
// heading as an entity, a brief that opens with the declaration.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultConfig } from '../src/config/index.ts';
import type { StoryReport } from '../src/model/index.ts';
import { ingestPaths, storiesReport } from '../src/pipeline/run.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { PROJECT_ROOT } from '../bench/lib/data.ts';

const FILES = ['examples/markdown/hl-tacna-emergency.md', 'examples/text/tacna-emergency-plainsman.txt'].map((f) => join(PROJECT_ROOT, f));
/** The translated report's sub-headings: page structure, not actors. */
const SUBHEADINGS = ['Campaign Promises Set Off a Rush to the Border', 'A Test for Regional Calm'];
const TACNA = { lat: -18.0147, lon: -70.2536 };

function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

describe('reference case: Peru declares an emergency in Tacna (two reports, surname spelt two ways)', async () => {
  const store = new SqliteStore(':memory:');
  let stories: StoryReport[];
  try {
    await ingestPaths(store, FILES, { config: defaultConfig, workers: 0 });
    stories = await storiesReport(store, { withText: true });
  } finally {
    await store.close();
  }
  const story = stories[0];

  it('is one story of both reports', () => {
    assert.equal(stories.length, 1);
    assert.equal(story.articles.length, 2);
  });

  it('links José Jerí and José Jarí as one person', () => {
    const people = story.entities.filter((e) => e.type === 'person' && /^José J[ae]rí$/.test(e.name));
    assert.equal(people.length, 1, `people: ${story.entities.filter((e) => e.type === 'person').map((e) => e.name).join(', ')}`);
    assert.deepEqual(people[0].variants.map((v) => v.form).sort(), ['José Jarí', 'José Jerí']);
  });

  it('reports the two spellings as a spelling-variant conflict', () => {
    const c = story.comparison.conflicts.filter((x) => x.kind === 'spelling-variant');
    assert.equal(c.length, 1, JSON.stringify(story.comparison.conflicts.map((x) => [x.kind, x.values.map((v) => v.value)])));
    assert.deepEqual(c[0].values.map((v) => v.value.replace(/^José /, '')).sort(), ['Jarí', 'Jerí']);
  });

  it('places the story in Tacna, Peru, not in Chile', () => {
    assert.ok(story.where, 'no where');
    assert.equal(story.where.country, 'PE');
    assert.ok(km(story.where, TACNA) <= 161, `${story.where.name} is ${Math.round(km(story.where, TACNA))} km from Tacna`);
  });

  it('dates the event on the 28th, not the publication day', () => {
    assert.equal(story.when, '2025-11-28');
  });

  it('reads "60-day state of emergency" as 60 days, counting nothing, and "one of the most stable" as no figure', () => {
    const sixty = story.figures.filter((f) => f.value === 60);
    assert.ok(sixty.length >= 1, 'no 60');
    for (const f of sixty) {
      assert.match(f.unit ?? '', /^days?$/);
      assert.equal(f.counts, null);
    }
    assert.deepEqual(story.figures.filter((f) => f.value === 1).map((f) => f.text), []);
  });

  it('lists no sub-heading, title word or scraper leftover as an entity', () => {
    const fromHeadings = story.entities.filter((e) => e.variants.some((v) => SUBHEADINGS.some((h) => h.includes(v.form))));
    assert.deepEqual(fromHeadings.map((e) => e.name), []);
    assert.deepEqual(story.entities.filter((e) => /\.(jpg|png)$|^(Advertisement|Tags|Share)$/i.test(e.name)).map((e) => e.name), []);
  });

  it('lists no untyped name unless it is quoted as a speaker', () => {
    const untyped = story.entities.filter((e) => e.type === 'other' && !story.quotes.some((q) => q.speaker === e.name));
    assert.deepEqual(untyped.map((e) => e.name), []);
  });

  it('opens the brief with the declaration', () => {
    const lede = story.brief[0]?.text ?? '';
    assert.match(lede, /\b(declar|announc)\w*/i);
    assert.match(lede, /state of emergency/i);
    assert.match(lede, /Tacna/);
  });
});
