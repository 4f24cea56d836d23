// A shooting's first reports and its follow-ups (the charge, the arraignment, the verdict) are told
// in different words, so the split's neighbour graph can cut between them; they name the same
// suspect and victim, and that holds them together, as it does against stated days. Reports written
// for these tests (samples, not real events), analysed as the pipeline does.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../3-analyze/analyze.ts';
import { articleFeatures } from './features.ts';
import { fixtureArticle, partition, type FixtureReport } from './fixtures.test-data.ts';
import { OnlineStoryAssigner, type StoryAssignerOptions } from './story-assigner.ts';

const doc = (r: FixtureReport) => {
  const article = fixtureArticle(r);
  return { article, mentions: analyzeArticle(article) };
};

// One office shooting: four reports of the day, three of the court case weeks later.
const OFFICE: FixtureReport[] = [
  { id: 'of-1', event: 'office', title: 'Gunman kills accountant at Bexley office', published: '2021-03-08',
    text: 'A gunman shot and killed an accountant at an office building on Harlan Road in Bexley on Monday morning, police said.\n\nCarol Hensley, 52, died at the scene. Police said Dennis Marlow, 47, a former employee who had been fired last month, walked in and opened fire before fleeing in a pickup truck.' },
  { id: 'of-2', event: 'office', title: 'Police: fired worker opened fire in Bexley office building', published: '2021-03-08',
    text: 'Officers arrested Dennis Marlow outside his home hours after the shooting on Harlan Road, police said.\n\nWitnesses said the gunman walked through the office firing a shotgun. Carol Hensley was killed and two co-workers were wounded.' },
  { id: 'of-3', event: 'office', title: 'Co-workers describe terror as gunman stormed office', published: '2021-03-09',
    text: 'Workers hid under desks as the gunman moved through the second floor of the Harlan Road office building, firing as he went, police said.\n\nCarol Hensley was shot in the hallway. Two wounded co-workers remain in hospital. Police arrested Dennis Marlow, a former employee.' },
  { id: 'of-4', event: 'office', title: 'Bexley shooting: what we know about the office attack', published: '2021-03-09',
    text: 'The gunman fired at least eight shots inside the Harlan Road office building, police said, killing Carol Hensley and wounding two other workers.\n\nDennis Marlow was arrested at his home. Detectives recovered a shotgun from his pickup truck.' },
];

const COURT: FixtureReport[] = [
  { id: 'of-5', event: 'office', title: 'Marlow pleads not guilty to murder of Carol Hensley', published: '2021-04-20',
    text: 'Dennis Marlow pleaded not guilty at his arraignment in Franklin County Common Pleas Court on Tuesday to aggravated murder in the death of Carol Hensley.\n\nThe judge set the trial for September and denied bail. His public defender asked for a competency evaluation.' },
  { id: 'of-6', event: 'office', title: 'Judge orders competency evaluation for Dennis Marlow', published: '2021-05-11',
    text: 'A Franklin County judge ordered a competency evaluation for Dennis Marlow, charged with aggravated murder in the death of Carol Hensley.\n\nProsecutors did not object. The trial date of September stands, the court said.' },
  { id: 'of-7', event: 'office', title: 'Jury finds Marlow guilty in murder of accountant Carol Hensley', published: '2021-09-24',
    text: 'A Franklin County jury on Friday found Dennis Marlow guilty of aggravated murder in the death of Carol Hensley.\n\nJurors deliberated for four hours. Sentencing is set for October. His public defender said he would appeal the verdict.' },
];

// Another office shooting, in another city, naming other people: no bridge between the two.
const WAREHOUSE: FixtureReport[] = [
  { id: 'wh-1', event: 'warehouse', title: 'Two wounded in Dunmore warehouse shooting', published: '2021-03-10',
    text: 'Two workers were wounded when a man opened fire in a warehouse on Keystone Avenue in Dunmore, police said.\n\nPolice arrested Travis Oakes, 29, in the parking lot. Both workers, Luis Ferreira and Amy Coyle, are in stable condition.' },
  { id: 'wh-2', event: 'warehouse', title: 'Dunmore warehouse gunman was a temp worker, police say', published: '2021-03-11',
    text: 'Travis Oakes, the man accused of shooting two co-workers in a Keystone Avenue warehouse in Dunmore, had worked there for three weeks, police said.\n\nLuis Ferreira and Amy Coyle remain in hospital.' },
  { id: 'wh-3', event: 'warehouse', title: 'Warehouse shooting suspect held without bail in Dunmore', published: '2021-03-12',
    text: 'Travis Oakes was held without bail, charged with attempted murder in the shooting of Luis Ferreira and Amy Coyle at a Dunmore warehouse on Keystone Avenue.' },
];

// A report of the warehouse shooting that recalls the office shooting and its people: one member
// of one side names them, which is no bridge.
const RECALLS: FixtureReport = { id: 'wh-4', event: 'warehouse', title: 'Second workplace shooting in a month shakes the county', published: '2021-03-12',
  text: 'The warehouse shooting on Keystone Avenue in Dunmore came weeks after Dennis Marlow was accused of killing Carol Hensley in an office building in Bexley.\n\nTravis Oakes is charged with attempted murder in the shooting of Luis Ferreira and Amy Coyle.' };

/** The reports forced into one story (as an early join would make it), the last one assigned, then a repair. */
function afterRepair(reports: FixtureReport[], opts: Partial<StoryAssignerOptions> = {}): string[][] {
  const a = new OnlineStoryAssigner(opts);
  for (const r of reports.slice(0, -1)) a.restore(r.id, 's-forced', null, articleFeatures(fixtureArticle(r), doc(r).mentions, a.opts));
  a.assign(doc(reports[reports.length - 1]));
  a.repair();
  return partition(a.assignments());
}

describe('split of a story whose halves name the same person', () => {
  it('keeps a shooting and its court follow-ups in one story', () => {
    assert.deepEqual(afterRepair([...OFFICE, ...COURT]), [['of-1', 'of-2', 'of-3', 'of-4', 'of-5', 'of-6', 'of-7']]);
  });

  it('still cuts two shootings apart when their halves name no one in common', () => {
    assert.deepEqual(afterRepair([...OFFICE, ...WAREHOUSE]), [['of-1', 'of-2', 'of-3', 'of-4'], ['wh-1', 'wh-2', 'wh-3']]);
  });

  it('cuts them apart when only one report of one side names the other side\'s people', () => {
    assert.deepEqual(afterRepair([...OFFICE, RECALLS, ...WAREHOUSE]), [['of-1', 'of-2', 'of-3', 'of-4'], ['wh-1', 'wh-2', 'wh-3', 'wh-4']]);
  });

  it('cuts them apart without the person bridge (the neighbour graph alone sees two events)', () => {
    assert.deepEqual(afterRepair([...OFFICE, ...COURT], { splitPersonBridge: false }), [['of-1', 'of-2', 'of-3', 'of-4'], ['of-5', 'of-6', 'of-7']]);
  });
});
