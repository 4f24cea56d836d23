// The story and article presenters on full data (as the comparison and extraction stages will give).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { highlights } from '../../src/api/present/article.ts';
import { presentStory, roughSentences, sourceSentence } from '../../src/api/present/story.ts';
import { noMentions, type StoryReport } from '../../src/model/index.ts';

const art = (id: string, source: string, copy_of: string | null = null, published = '2026-03-14') => ({
  id,
  source,
  title: `${source} report`,
  published,
  event_date: null,
  language: 'en',
  path: null,
  url: null,
  copy_of,
});

const report: StoryReport = {
  id: 's',
  title: 'Border emergency',
  when: '2026-03-13',
  where: { name: 'Slavonski Brod', country: 'HR', lat: 45.16, lon: 18.02 },
  articles: [art('a', 'Eastbridge'), art('b', 'Harbor Ledger'), art('c', 'Copycat Daily', 'a', '2026-03-15')],
  entities: [
    {
      id: 'e1',
      name: 'Zoran Milanović',
      type: 'person',
      variants: [
        { form: 'Milanović', articles: ['a'] },
        { form: 'Milanovic', articles: ['b'] },
      ],
    },
  ],
  places: [
    { name: 'Slavonski Brod', country: 'HR', lat: 45.16, lon: 18.02, articles: ['a', 'b'] },
    { name: 'Zagreb', country: 'HR', lat: 45.81, lon: 15.98, articles: ['a'] },
  ],
  dates: [{ date: '2026-03-29', text: 'March 29', what: 'general election', articles: ['a', 'b'] }],
  figures: [],
  quotes: [
    { text: 'We are not closing the border.', speaker: 'Ana Kovač', article: 'a' },
    { text: 'Every person is registered.', speaker: 'Ana Kovač', article: 'b' },
    { text: 'It is a disgrace.', speaker: null, article: 'b' },
  ],
  comparison: {
    agreed: [{ fact: 'state of emergency declared', articles: ['a', 'b', 'c'] }],
    single_source: [{ fact: '600 soldiers deployed', articles: ['a'] }],
    conflicts: [
      {
        kind: 'spelling-variant',
        about: 'president’s surname',
        values: [
          { value: 'Milanović', articles: ['a', 'c'], evidence: [] },
          { value: 'Milanovic', articles: ['b'], evidence: [] },
        ],
      },
    ],
  },
  brief: [{ text: 'Croatia declared a 30-day state of emergency.', articles: ['a', 'c', 'b'] }],
};

const texts = new Map([
  ['a', 'Croatia declared a 30-day state of emergency. Troops will help.'],
  ['b', 'Officials met. Croatia has declared a thirty-day state of emergency on its border.'],
]);

describe('story presenter', () => {
  const view = presentStory(report, texts);

  it('makes one column per independent source, copies folded into their original', () => {
    assert.deepEqual(
      view.sources.map((s) => [s.article, s.copies]),
      [
        ['a', ['c']],
        ['b', []],
      ],
    );
  });

  it('rows facts as conflict, agreed and single-source with each source’s value', () => {
    assert.deepEqual(
      view.facts.map((f) => [f.status, f.fact, f.cells]),
      [
        ['conflict', 'president’s surname', { a: 'Milanović', b: 'Milanovic' }],
        ['agreed', 'state of emergency declared', { a: true, b: true }],
        ['single', '600 soldiers deployed', { a: true }],
      ],
    );
  });

  it('gives each conflicting value its side: forms on one side agree', () => {
    const values = [
      { value: 'About 12,000', articles: ['a'], evidence: [], side: 0 },
      { value: 'some 12,000', articles: ['c'], evidence: [], side: 0 },
      { value: 'more than 15,000', articles: ['b'], evidence: [], side: 1 },
    ];
    const counted = { ...report, comparison: { ...report.comparison, conflicts: [{ kind: 'value' as const, about: 'crossed', values }] } };
    const row = presentStory(counted, texts).facts[0];
    assert.deepEqual(row.status === 'conflict' && [row.values, row.sides], [['About 12,000', 'some 12,000', 'more than 15,000'], [0, 0, 1]]);
  });

  it('shows a disputed event day as sides, copies in their original\'s column; a settled one without', () => {
    assert.deepEqual(view.when, { date: '2026-03-13', basis: null, sides: [] });
    const disputed = {
      ...report,
      when_disputed: [
        { date: '2026-03-13', articles: ['a', 'c'], evidence: [{ article: 'a', start: 0, end: 6 }, { article: 'c', start: 0, end: 6 }] },
        { date: '2026-03-14', articles: ['b'], evidence: [{ article: 'b', start: 4, end: 12 }] },
      ],
    };
    assert.deepEqual(presentStory(disputed, texts).when.sides, [
      { date: '2026-03-13', side: 0, sources: ['a'], evidence: { article: 'a', start: 0, end: 6 } },
      { date: '2026-03-14', side: 1, sources: ['b'], evidence: { article: 'b', start: 4, end: 12 } },
    ]);
  });

  it('finds the source sentence behind each citation, verbatim or closest', () => {
    assert.deepEqual(
      view.brief[0].citations.map((c) => [c.article, c.text]),
      [
        ['a', 'Croatia declared a 30-day state of emergency.'],
        ['b', 'Croatia has declared a thirty-day state of emergency on its border.'],
      ],
    );
    assert.equal(sourceSentence('Nothing in common here.', 'Croatia declared an emergency.'), null);
  });

  it('splits text into rough sentences for the closest match', () => {
    const text =
      'ZAGREB — "We are ready," he said. Troops arrived on Sunday!\n\nA headline without a stop\n\nLast one? Yes.';
    assert.deepEqual(
      roughSentences(text).map((s) => text.slice(s.start, s.end)),
      [
        'ZAGREB — "We are ready," he said.',
        'Troops arrived on Sunday!',
        'A headline without a stop',
        'Last one?',
        'Yes.',
      ],
    );
  });

  it('says how precise a timeline date is: a month is no day', () => {
    const dated = { ...report, dates: [{ date: '2025-12-01', text: 'December', what: 'the talks failed', articles: ['a'], granularity: 'month' as const }] };
    const events = presentStory(dated, texts).timeline.filter((t) => t.kind === 'event');
    assert.deepEqual(events.map((t) => [t.date, t.granularity]), [['2025-12-01', 'month']]);
  });

  it('takes timeline events from the report timeline (statements only, background marked) and shows how many', () => {
    const withTimeline = {
      ...report,
      timeline: [{ date: '2019-05-02', what: 'The bar was the scene of a stabbing in 2019.', text: 'May 2, 2019', articles: ['a'], background: true }],
      how_many: [{ what: 'killed', status: 'agreed' as const, value: 2, values: [{ value: 2, text: 'two', articles: ['a'], evidence: [] }] }],
    };
    const v = presentStory(withTimeline, texts);
    assert.deepEqual(v.timeline.filter((t) => t.kind === 'event').map((t) => [t.text, t.background]), [['The bar was the scene of a stabbing in 2019.', true]]);
    assert.deepEqual(v.howMany.map((h) => [h.what, h.value]), [['killed', 2]]);
  });

  it('builds the timeline, map points, quotes by speaker and variants', () => {
    assert.deepEqual(
      view.timeline.map((t) => [t.date, t.kind]),
      [
        ['2026-03-14', 'published'],
        ['2026-03-14', 'published'],
        ['2026-03-15', 'published'],
        ['2026-03-29', 'event'],
      ],
    );
    assert.deepEqual(
      view.map.points.map((p) => [p.name, p.main]),
      [
        ['Slavonski Brod', true],
        ['Zagreb', false],
      ],
    );
    assert.deepEqual(
      view.quotes.map((q) => [q.speaker, q.quotes.length]),
      [
        ['Ana Kovač', 2],
        [null, 1],
      ],
    );
    assert.deepEqual(view.variants, [
      { name: 'Zoran Milanović', forms: ['Milanović', 'Milanovic'] },
      { name: 'president’s surname', forms: ['Milanović', 'Milanovic'] },
    ]);
  });
});

describe('article highlights', () => {
  it('keeps spans in order, drops overlaps and spans outside the text', () => {
    const m = {
      ...noMentions(),
      entities: [
        { start: 10, end: 19, text: 'Ana Kovač', name: 'Ana Kovač', type: 'person' as const },
        { start: 14, end: 19, text: 'Kovač', name: 'Ana Kovač', type: 'person' as const },
      ],
      places: [
        {
          start: 0,
          end: 6,
          text: 'Zagreb',
          name: 'Zagreb',
          kind: 'city' as const,
          country: 'HR',
          lat: 0,
          lon: 0,
          confidence: 1,
        },
      ],
      dates: [
        {
          start: 30,
          end: 99,
          text: 'x',
          date: '2026-03-13',
          granularity: 'day' as const,
          confidence: 1,
          relative: false,
        },
      ],
    };
    assert.deepEqual(
      highlights(m, 40).map((h) => [h.start, h.end, h.kind]),
      [
        [0, 6, 'place'],
        [10, 19, 'person'],
      ],
    );
  });
});
