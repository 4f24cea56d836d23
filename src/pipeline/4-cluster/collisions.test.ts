// Reports that share a name, a place or a kind of event with a story but are about something
// else must not join it; a short report needs specific overlap, not less of it. Reports written
// for these tests (samples, not real events), analysed as the pipeline does.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../3-analyze/analyze.ts';
import { fixtureArticle, partition, type FixtureReport } from './fixtures.test-data.ts';
import { articleFeatures } from './features.ts';
import { OnlineStoryAssigner, type StoryAssignerOptions } from './story-assigner.ts';

const doc = (r: FixtureReport) => {
  const article = fixtureArticle(r);
  return { article, mentions: analyzeArticle(article) };
};

// A stream of other shootings before each case, as in a real feed: "shot", "police" and the
// like are then common words, and a shared name weighs as much as it does in production.
const CITIES = ['Akron', 'Tulsa', 'Macon', 'Joliet', 'Peoria', 'Savannah', 'Flint', 'Gary', 'Mobile', 'Shreveport', 'Dayton', 'Toledo'];
const STREETS = ['Maple Avenue', 'Oak Street', 'Pine Road', 'Cedar Lane', 'Walnut Street', 'Main Street'];
const WHO = ['A 19-year-old man', 'A woman, 31,', 'Two teenagers', 'A 45-year-old man'];
const BACKGROUND: FixtureReport[] = CITIES.flatMap((city, i) =>
  [0, 1].map((k) => ({
    id: `bg-${i}-${k}`,
    event: `bg-${i}`,
    title: k ? `Police investigate ${city} shooting` : `${WHO[i % WHO.length].replace(/,$/, '')} shot in ${city}`,
    published: `2019-0${1 + (i % 9)}-1${k}`,
    text: `${WHO[i % WHO.length]} ${i % 3 ? 'was' : 'were'} shot on ${STREETS[i % STREETS.length]} in ${city} on Saturday night, police said.\n\n` +
      `Officers found shell casings near the scene. ${k ? 'No arrest has been made.' : 'Police asked witnesses to call detectives.'}`,
  })),
);

/** Stories of the case's reports after the background stream, the case in order and a final repair, as sets of ids. */
function stories(reports: FixtureReport[], opts: Partial<StoryAssignerOptions> = {}): string[][] {
  const a = new OnlineStoryAssigner(opts);
  for (const r of [...BACKGROUND, ...reports]) a.assign(doc(r));
  a.repair();
  const ids = new Set(reports.map((r) => r.id));
  return partition(new Map([...a.assignments()].filter(([id]) => ids.has(id))));
}

const FARGO: FixtureReport[] = [
  { id: 'fargo-1', event: 'moorhead', title: 'Man flown to Fargo hospital after Moorhead shooting', published: '2024-02-06',
    text: 'A 27-year-old man was flown to Sanford Medical Center in Fargo after he was shot outside an apartment on 14th Street South in Moorhead on Monday night, police said.\n\nMoorhead police said the shooter fled on foot. Officers searched the area with a dog but found no one.' },
  { id: 'fargo-2', event: 'moorhead', title: 'Moorhead shooting victim in critical condition', published: '2024-02-07',
    text: 'The man shot outside a 14th Street South apartment in Moorhead on Monday remains in critical condition at Sanford Medical Center in Fargo.\n\nPolice have not named the 27-year-old. They asked neighbours with doorbell cameras to share their footage.' },
  { id: 'fargo-3', event: 'moorhead', title: 'Police seek shooter after man wounded in Moorhead', published: '2024-02-07',
    text: 'Moorhead police are looking for a man who shot a 27-year-old outside an apartment building on 14th Street South on Monday.\n\nThe victim was airlifted to Fargo. A witness heard three shots around 10 p.m.' },
];

const MILWAUKEE: FixtureReport[] = [
  { id: 'mke-1', event: 'mke', title: 'Chief Flynn on shooting of 5-year-old: "This has to stop"', published: '2017-02-14',
    text: 'A 5-year-old girl was shot in the leg while riding in her mother\'s car on North 35th Street in Milwaukee on Monday evening.\n\nPolice Chief Edward Flynn said the bullet was meant for someone else. "This has to stop," Flynn told reporters.' },
  { id: 'mke-2', event: 'mke', title: 'Girl, 5, hit by stray bullet on North 35th Street', published: '2017-02-14',
    text: 'A stray bullet struck a 5-year-old girl in her mother\'s car on North 35th Street in Milwaukee on Monday.\n\nThe girl is expected to recover at Children\'s Hospital of Wisconsin. Chief Edward Flynn asked witnesses to come forward.' },
  { id: 'mke-3', event: 'mke', title: 'Milwaukee police arrest man in shooting that hurt 5-year-old', published: '2017-02-15',
    text: 'Milwaukee police on Tuesday arrested a 19-year-old man in the shooting that wounded a 5-year-old girl on North 35th Street.\n\nThe girl was hit while her mother drove past a group of men arguing, police said.' },
];

const SPRINGFIELD: FixtureReport[] = [
  { id: 'spr-1', event: 'spr-shooting', title: 'Two wounded in Springfield shooting on Elm Street', published: '2023-09-11',
    text: 'Two men were wounded in a shooting on Elm Street in Springfield on Sunday night, police said.\n\nBoth were taken to Baystate Medical Center. Springfield police found nine shell casings near a corner store.' },
  { id: 'spr-2', event: 'spr-shooting', title: 'Police investigate Elm Street shooting in Springfield', published: '2023-09-11',
    text: 'Springfield detectives are investigating a shooting that wounded two men on Elm Street on Sunday.\n\nNine shell casings were found outside a corner store. Neither injury is life-threatening.' },
  { id: 'spr-3', event: 'spr-shooting', title: 'No arrests after two men shot in Springfield', published: '2023-09-12',
    text: 'No one has been arrested after two men were shot on Elm Street in Springfield late on Sunday.\n\nPolice said the men, 22 and 25, are recovering at Baystate Medical Center.' },
];

// Two shootings in one neighbourhood, five days apart: the same words, the same place.
const WOODLAWN: FixtureReport[] = [
  { id: 'wl-1', event: 'wl-boy', title: '16-year-old boy shot in Woodlawn', published: '2024-07-09',
    text: 'A 16-year-old boy was shot in the arm in the 6400 block of South Kimbark Avenue in Woodlawn on Monday afternoon, Chicago police said.\n\nHe was taken to Comer Children\'s Hospital in good condition. No one is in custody.' },
  { id: 'wl-2', event: 'wl-boy', title: 'Teen wounded in Woodlawn shooting', published: '2024-07-09',
    text: 'A 16-year-old was wounded on South Kimbark Avenue in Woodlawn on Monday, police said.\n\nThe boy was standing on a porch when someone in a passing car opened fire. He is in good condition.' },
  { id: 'wl-3', event: 'wl-man', title: 'Man shot in Woodlawn', published: '2024-07-14',
    text: 'A 34-year-old man was shot in the chest in the 6300 block of South Woodlawn Avenue in Woodlawn on Saturday night, Chicago police said.\n\nHe was taken to the University of Chicago Medical Center in critical condition. No one is in custody.' },
  { id: 'wl-4', event: 'wl-man', title: 'Man critically wounded in Woodlawn shooting', published: '2024-07-14',
    text: 'A 34-year-old man was critically wounded in a shooting on South Woodlawn Avenue in Woodlawn on Saturday, police said.\n\nHe was standing outside when a gunman walked up and fired. He is in critical condition.' },
];

describe('grouping against name collisions', () => {
  const cases: [string, FixtureReport[], FixtureReport][] = [
    ['a bank named like the city a victim was flown to', FARGO,
      { id: 'bank', event: 'bank', title: 'Shake-up at Wells Fargo fails to calm investors', published: '2024-02-07',
        text: 'Wells Fargo replaced two senior executives on Tuesday. Investors said the shake-up did little to restore trust in the bank.' }],
    ['an adviser with the surname of a police chief', MILWAUKEE,
      { id: 'adviser', event: 'adviser', title: 'Flynn resigns as national security adviser', published: '2017-02-14',
        text: 'Michael Flynn resigned as national security adviser on Monday night. Flynn had misled the vice president about his talks with the Russian ambassador.' }],
    ['a town budget in the city of a shooting', SPRINGFIELD,
      { id: 'budget', event: 'budget', title: 'Springfield council passes budget', published: '2023-09-12',
        text: 'The Springfield city council passed a $780 million budget on Monday night. The budget adds money for schools and road repairs.' }],
  ];
  for (const [name, story, intruder] of cases) {
    it(`keeps out ${name}`, () => {
      const ids = story.map((r) => r.id).sort();
      assert.deepEqual(stories([...story, intruder]), [ids, [intruder.id]].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    });
  }

  it('still lets a short report of the same event in (specific overlap)', () => {
    const short: FixtureReport = { id: 'fargo-short', event: 'moorhead', title: 'Moorhead shooting victim dies', published: '2024-02-09',
      text: 'The 27-year-old man shot outside a 14th Street South apartment in Moorhead on Monday has died at Sanford Medical Center in Fargo, police said.' };
    const got = stories([...FARGO, short]);
    assert.deepEqual(got, [['fargo-1', 'fargo-2', 'fargo-3', 'fargo-short']]);
  });

  it('keeps two shootings in one neighbourhood on different stated days apart', () => {
    assert.deepEqual(stories(WOODLAWN), [['wl-1', 'wl-2'], ['wl-3', 'wl-4']]);
  });

  it('splits a story that holds two such shootings (forced together, as a bad early join would)', () => {
    const a = new OnlineStoryAssigner();
    for (const r of WOODLAWN) a.restore(r.id, 's-forced', null, articleFeatures(fixtureArticle(r), doc(r).mentions, a.opts));
    a.assign(doc({ id: 'wl-5', event: 'wl-man', title: 'Police seek gunman in Woodlawn shooting of man, 34', published: '2024-07-15',
      text: 'Chicago police are looking for the gunman who shot a 34-year-old man on South Woodlawn Avenue in Woodlawn on Saturday night.' }));
    a.repair();
    assert.deepEqual(partition(a.assignments()), [['wl-1', 'wl-2'], ['wl-3', 'wl-4', 'wl-5']]);
    // Settled: no move puts a report back where the next repair would split it off again.
    assert.deepEqual(a.repair(), []);
  });

  // Two accidents of one kind on one weekend, told in the same words, in cities 2,000 km apart:
  // no day stated apart, no person in common; only where they happened tells them apart.
  const TODDLERS: FixtureReport[] = [
    { id: 'tod-1', event: 'augusta', title: 'Toddler shoots himself with gun found under couch', published: '2021-06-07',
      text: 'A 3-year-old boy was shot when he found a loaded handgun under a couch at a home in Augusta, Georgia, police said.\n\nThe boy was taken to a hospital with a wound to the hand. Investigators are speaking with the adults who were home.' },
    { id: 'tod-2', event: 'augusta', title: 'Boy, 3, wounded after finding loaded handgun', published: '2021-06-07',
      text: 'Police in Augusta, Georgia, said a 3-year-old boy shot himself in the hand with a loaded handgun he found under a couch.\n\nHe is expected to recover.' },
    { id: 'tod-3', event: 'boulder', title: 'Boy, 3, shoots himself with parent\'s pistol', published: '2021-06-08',
      text: 'A 3-year-old boy shot himself in the hand with a pistol he took from a nightstand at a home in Boulder, Colorado, police said.\n\nHis injury is not life-threatening. Detectives want to know how the gun was left within reach.' },
  ];

  it('keeps two such accidents in cities far apart in two stories', () => {
    assert.deepEqual(stories(TODDLERS), [['tod-1', 'tod-2'], ['tod-3']]);
  });

  it('joins them without the evidence of place (the case is a real collision)', () => {
    assert.deepEqual(stories(TODDLERS, { placeClash: 1 }), [['tod-1', 'tod-2', 'tod-3']]);
  });
});
