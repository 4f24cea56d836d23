// The story's "when" through the whole report: hand-written reports extracted and analysed for real,
// so the event days come from the date resolver, not from fixtures.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoryReport } from '../model/index.ts';
import type { StoredArticle } from '../store/store.ts';
import { extractArticle } from './2-extract/extract.ts';
import { analyzeArticle } from './3-analyze/analyze.ts';
import { buildStoryReport } from './story-report.ts';

function report(id: string, source: string, published: string, body: string): StoredArticle {
  const content = `---\nid: ${id}\ntitle: Blast at the Calder Agri fertiliser plant\nsource: ${source}\npublished: ${published}\n---\n${body}`;
  const article = extractArticle({ format: 'markdown', path: `${id}.md`, url: null, content });
  return { article, mentions: analyzeArticle(article), storyId: 's', copyOf: null, version: 1, ingestedAt: '' };
}

const story = (...stored: StoredArticle[]): StoryReport =>
  buildStoryReport({ id: 's', title: 'Blast at the Calder Agri fertiliser plant', createdAt: '', updatedAt: '' }, stored);

const MONDAY = report(
  'hl', 'Harbor Ledger', '2025-03-05',
  'An explosion tore through the Calder Agri fertiliser plant in Ridgefield on Monday, March 3, killing two workers, fire chief Dana Morrow said.\n\n' +
    'Residents within a mile were told to keep their windows shut.',
);
const TUESDAY = report(
  'mw', 'Meridian Wire', '2025-03-05',
  'An explosion tore through the Calder Agri fertiliser plant in Ridgefield on Tuesday, March 4, killing two workers, fire chief Dana Morrow said.\n\n' +
    'Investigators said on Wednesday that they had not found the cause.',
);

describe('the story\'s when', () => {
  it('is marked disputed, each day with its sources and spans, when reports put the event on different days', () => {
    const r = story(MONDAY, TUESDAY);
    assert.deepEqual(r.comparison.conflicts.map((c) => c.kind), ['date']);
    assert.equal(r.when, '2025-03-03');
    assert.deepEqual(r.when_disputed?.map((s) => [s.date, s.articles]), [['2025-03-03', ['hl']], ['2025-03-04', ['mw']]]);
    const text = (id: string) => [MONDAY, TUESDAY].find((s) => s.article.id === id)!.article.text;
    const written = r.when_disputed!.map((s) => s.evidence.map((e) => text(e.article).slice(e.start, e.end)));
    assert.deepEqual(written, [['Monday, March 3'], ['Tuesday, March 4']]);
  });

  it('states neither disputed day as a settled fact elsewhere in the report', () => {
    const r = story(MONDAY, TUESDAY);
    const settled = [...r.comparison.agreed, ...r.comparison.single_source].map((f) => f.fact);
    assert.deepEqual(settled.filter((f) => /2025-03-0[34]/.test(f)), []);
    assert.deepEqual(r.timeline?.filter((t) => /2025-03-0[34]/.test(t.date) && !t.disputed), []);
    assert.ok(r.timeline?.some((t) => t.date === '2025-03-05' && !t.disputed), 'the investigators\' Wednesday is still dated');
  });

  it('is settled for one day written differently, a month around it, or other days of the story', () => {
    // A day apart: "yesterday" in a Tuesday paper and "on Monday" in a Wednesday paper are both Monday 3 March.
    const yesterday = report('vc', 'Valley Courier', '2025-03-04', 'An explosion tore through the Calder Agri fertiliser plant in Ridgefield yesterday, killing two workers, fire chief Dana Morrow said.');
    // A month, and a funeral on another day: neither is the event put on another day.
    const march = report('np', 'Northgate Post', '2025-03-06', 'The explosion at the Calder Agri plant in Ridgefield in March killed two workers. A funeral for both will be held on Saturday.');
    const r = story(MONDAY, yesterday, march);
    assert.deepEqual(r.comparison.conflicts.filter((c) => c.kind === 'date'), []);
    assert.equal(r.when, '2025-03-03');
    assert.equal(r.when_disputed, null);
  });

  it('is settled when reports a week apart both say "Saturday": only their publication days differ', () => {
    const early = report('a', 'Harbor Ledger', '2025-03-03', 'Two workers were killed in an explosion at the Calder Agri fertiliser plant in Ridgefield on Saturday night, police said.');
    const late = report('b', 'Meridian Wire', '2025-03-10', 'Police are still investigating the explosion that killed two workers at the Calder Agri fertiliser plant in Ridgefield on Saturday night.');
    const r = story(early, late);
    assert.deepEqual(r.comparison.conflicts.filter((c) => c.kind === 'date'), []);
    assert.equal(r.when_disputed, null);
  });
});

describe('story report: how its when was found', () => {
  it('is "text" when a report states the day, and "published" when none does and the publication day stands in', () => {
    const stated = story(MONDAY);
    assert.equal(stated.when, '2025-03-03');
    assert.equal(stated.when_basis, 'text');
    const undated = report('ud', 'Valley Courier', '2025-03-06', 'Two workers were killed in an explosion at the Calder Agri fertiliser plant in Ridgefield, fire chief Dana Morrow said.');
    const fallback = story(undated);
    assert.equal(fallback.when, '2025-03-06');
    assert.equal(fallback.when_basis, 'published');
  });

  it('is "text" when only a headline states the day', () => {
    const r = report('hd', 'Valley Courier', '2025-03-06', 'Two workers were killed in an explosion at the Calder Agri fertiliser plant in Ridgefield, fire chief Dana Morrow said.');
    const titled = { ...r, article: { ...r.article, title: 'Two killed in Tuesday night blast at Ridgefield plant' } };
    titled.mentions = analyzeArticle(titled.article);
    const s = story(titled);
    assert.equal(s.when, '2025-03-04');
    assert.equal(s.when_basis, 'text');
  });
});


describe('the story\'s who-facts', () => {
  // "Calder Agri" and "Starline Regatta" are names no cue types (neither person, organisation nor
  // place): the entity list leaves them out, and so must the comparison.
  const BLAST = report(
    'pa', 'Plainsman', '2025-03-05',
    'An explosion tore through the Calder Agri fertiliser plant in Ridgefield on Monday, killing two workers, fire chief Dana Morrow said.\n\n' +
      'The blast was felt as far as Harwick Bay, where the Starline Regatta was under way.',
  );

  it('compare only the entities the story lists', () => {
    const r = story(BLAST, MONDAY);
    const listed = new Set(r.entities.map((e) => `${e.name} (${e.type})`));
    const who = [...r.comparison.agreed, ...r.comparison.single_source].filter((f) => f.kind === 'who').map((f) => f.fact);
    assert.ok(who.includes('Dana Morrow (person)'), `a typed name is still compared: ${who.join(', ')}`);
    assert.deepEqual(who.filter((f) => !listed.has(f)), []);
    assert.deepEqual(who.filter((f) => f.endsWith('(other)')), []);
  });
});
