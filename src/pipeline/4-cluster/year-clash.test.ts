// Two events of one kind told in the same words, years apart, in reports without a publication
// date: the years each states, and none in common, are what tells them apart. A year inside a name
// ("Windows 2000") is not one a report states. Reports written for these tests (samples, not real
// events), analysed as the pipeline does.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../3-analyze/analyze.ts';
import { fixtureArticle, partition, type FixtureReport } from './fixtures.test-data.ts';
import { OnlineStoryAssigner, type StoryAssignerOptions } from './story-assigner.ts';
import { yearsApart, yearsOfTerms } from './stated-years.ts';

const doc = (r: FixtureReport) => {
  const article = fixtureArticle(r);
  return { article, mentions: analyzeArticle(article) };
};

function stories(reports: FixtureReport[], opts: Partial<StoryAssignerOptions> = {}): string[][] {
  const a = new OnlineStoryAssigner(opts);
  for (const r of reports) a.assign(doc(r));
  a.repair();
  return partition(a.assignments());
}

const ELECTIONS: FixtureReport[] = [
  { id: 'el-1', event: 'el-2008', title: 'Voters in Norvalia elect a new parliament', published: null,
    text: 'Voters in Norvalia cast ballots on Sunday in a parliamentary election, the first since the new constitution of 2008.\n\nThe ruling Unity Party is expected to win most of the 125 seats. Observers from the OSCE said turnout was high in Vastrid.' },
  { id: 'el-2', event: 'el-2008', title: 'Norvalia parliament vote ends, Unity Party claims win', published: null,
    text: 'Polls closed in Norvalia on Sunday evening in the parliamentary election of December 2008.\n\nThe Unity Party said it had won most of the 125 seats. OSCE observers in Vastrid said the vote lacked real choice.' },
  { id: 'el-3', event: 'el-2008', title: 'Norvalia votes for parliament under new constitution', published: null,
    text: 'Norvalia held a parliamentary election on Sunday under the constitution adopted in 2008.\n\nThe Unity Party is set to keep its hold on the 125 seats, OSCE observers in Vastrid said, and turnout was high.' },
  { id: 'el-4', event: 'el-2013', title: 'Two parties on the ballot as Norvalia elects parliament', published: null,
    text: 'For the first time two parties took part as Norvalia chose a parliament on Sunday, under a law passed in 2012.\n\nThe Unity Party faced the new Farmers Party. Queues formed at polling stations in the capital, election officials said.' },
  { id: 'el-5', event: 'el-2013', title: 'Unity Party wins Norvalia election, Farmers Party gets seats', published: null,
    text: 'The Unity Party won the Norvalia parliamentary election of December 2013, the electoral commission said on Monday.\n\nThe Farmers Party took 14 seats. Foreign diplomats said the campaign had been calm but one-sided.' },
  { id: 'el-6', event: 'el-2013', title: 'Norvalia election: Farmers Party enters parliament', published: null,
    text: 'The Farmers Party will sit in parliament after the 15 December 2013 election in Norvalia, results showed.\n\nThe Unity Party kept a large majority. Turnout in the capital was lower than five years before, officials said.' },
];

describe('evidence against: years stated apart', () => {
  it('counts years apart only when both state years and share none', () => {
    const table: [number[], number[], boolean][] = [
      [[2008], [2013], true],
      [[2008], [2012, 2013], true],
      // A follow-up that recalls the first event's year.
      [[2008], [2008, 2013], false],
      [[], [2013], false],
      [[2008], [], false],
    ];
    for (const [a, b, apart] of table) assert.equal(yearsApart(a, b), apart, `${a} / ${b}`);
    assert.deepEqual(yearsOfTerms([['w:election', 2], ['f:year2008', 2], ['f:age24', 2], ['f:year2013', 2]]), [2008, 2013]);
  });

  it('keeps two elections of one country, five years apart, in two stories', () => {
    assert.deepEqual(stories(ELECTIONS), [['el-1', 'el-2', 'el-3'], ['el-4', 'el-5', 'el-6']]);
  });

  it('joins them without it (the words alone make them one event)', () => {
    assert.deepEqual(stories(ELECTIONS, { yearClash: 1 }), [['el-1', 'el-2', 'el-3', 'el-4', 'el-5', 'el-6']]);
  });
});
