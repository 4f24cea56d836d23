import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleCasualties, majority, storyCasualties, type Casualties } from './casualties.ts';
import { extractFigures } from './figures.ts';

const counts = (c: Casualties) => ({ killed: c.killed, injured: c.injured });
const casualties = (text: string) => counts(articleCasualties(extractFigures({ text }), { text }));

describe('articleCasualties', () => {
  const cases: [string, { killed: number | null; injured: number | null }][] = [
    ['Four people were shot, one fatally, outside a nightclub.', { killed: 1, injured: 3 }],
    ['Two men were shot and killed. A 17-year-old was wounded.', { killed: 2, injured: 1 }],
    ['A man was shot in the leg Monday; no one else was hurt.', { killed: 0, injured: 1 }],
    ['Three people were killed, and another injured in a shooting at the motel.', { killed: 3, injured: 1 }],
    ['The gunman killed three people and wounded two others before he was arrested.', { killed: 3, injured: 2 }],
    ['The city council approved 12 new buses.', { killed: null, injured: null }],
    // A lone victim counted as shot, whose death the lede reports.
    ['A 6-year-old girl who was shot inside her home on Elm Street has died, the coroner said.', { killed: 1, injured: 0 }],
    // Referred back to ("the boy") after the death: the same victim, not a second one.
    ['A 9-year-old boy died Sunday after a rifle went off in a bedroom. The boy was taken to a hospital where he was pronounced dead.', { killed: 1, injured: 0 }],
    // "A double (triple, quadruple) shooting" says how many were hit.
    ['Police are investigating a possible double shooting on Market Street on Tuesday night.', { killed: 0, injured: 2 }],
    ['A man was killed in a quadruple shooting near 21st Street, police said.', { killed: 1, injured: 3 }],
    ['Two teens died after a triple shooting in Mosby Court.', { killed: 2, injured: 1 }],
    // A count of those hit that is larger stands.
    ['Five people were shot at a party on Elm Street in what police called a double shooting that spread.', { killed: 0, injured: 5 }],
    // A second victim set beside the first: "a woman with him", "his passenger".
    ['A 17-year-old was killed Tuesday when someone fired into his car. An 18-year-old woman with him was wounded.', { killed: 1, injured: 1 }],
    ['A teen driver was shot to death on Ninth Street, and his passenger was wounded, police said.', { killed: 1, injured: 1 }],
    // "No one else was injured" is no count of none: someone was.
    ['A teen was struck by what may have been celebratory gunfire and taken to a hospital with non-life-threatening injuries. No one else was injured, police said.', { killed: 0, injured: 1 }],
    ['A man was shot and killed outside the store on Monday; no one else was hurt.', { killed: 1, injured: 0 }],
    ['A stray round went through a window on Elm Street overnight. No one was injured, police said.', { killed: 0, injured: 0 }],
    // "Both" after two people were hit counts them.
    ['A man shot into a crowd, injuring a child. Another man fired back, hitting the gunman. Both the gunman and the child were taken to a hospital with non-life-threatening injuries.', { killed: 0, injured: 2 }],
    ['A man was shot in the leg outside the bar. Two men who argued with him fled; both were later arrested.', { killed: 0, injured: 1 }],
    // Both die: the killer and the victim.
    ['Deputies said a man shot his wife and then himself in an apparent murder-suicide near Oak Ridge.', { killed: 2, injured: 0 }],
    // No number at all: a report of a shooting is at least one person hit.
    ['Officers found a teenager with a gunshot wound to the arm outside the gym on Tuesday.', { killed: 0, injured: 1 }],
    ['Police are investigating a shooting on Pine Street; the victim was taken to a hospital.', { killed: 0, injured: 1 }],
    // One more victim than those already told of.
    ['A 15-year-old has died following a shooting. Another teen, also 15, was shot in the foot.', { killed: 1, injured: 1 }],
    // Traps: words about death that report none.
    ['A boy was shot in the leg while hunting, the Tuscaloosa County Metro Homicide Unit said.', { killed: 0, injured: 1 }],
    ['A 3-year-old boy shot his mother in the arm. "It is a blessing that no one died," the chief said.', { killed: 0, injured: 1 }],
    ['The mayor said a teen was shot on the porch. "He could have been killed," she said.', { killed: 0, injured: 1 }],
    ['Deputies said the man, who was shot in the head, was taken off life support on Friday.', { killed: 1, injured: 0 }],
    ['He was charged with assault with a deadly weapon after a man was shot in the arm.', { killed: 0, injured: 1 }],
    ['A boy accidentally shot himself, suffering a wound to the lower body. He is the eighth child this year injured or killed by a loaded gun.', { killed: 0, injured: 1 }],
    // A death in other words: a life claimed, a victim who passed away.
    ['An accident with a firearm claimed the life of a 4-year-old girl on Tuesday morning, the sheriff said.', { killed: 1, injured: 0 }],
    ['Family and friends said the teen, who was accidentally shot by a cousin, passed away at the hospital.', { killed: 1, injured: 0 }],
    // "Fatally wounded" is a death, not a wound.
    ['SAN ANTONIO - A 14-year-old girl was fatally wounded and the suspected shooter was arrested.', { killed: 1, injured: 0 }],
    ['Police said a woman was mortally wounded in the crossfire on Elm Street.', { killed: 1, injured: 0 }],
    // An age between commas after a name is no count of the hurt.
    ['A neighbor, Dana Price, 44, was injured by a stray bullet.', { killed: 0, injured: 1 }],
    // A tally of a city's separate shootings is no count of this one's victims.
    ['A man was killed Sunday on the West Side. Twenty-three other people were wounded in shootings across the city over the weekend.', { killed: 1, injured: 0 }],
    ['A man has died and at least five people were wounded since Tuesday afternoon in separate shootings citywide, police said.', { killed: 1, injured: 0 }],
    // Two shootings a report ties together are counted as it counts them.
    ['Three people were wounded in two shootings minutes apart on Centre Avenue, police said.', { killed: 0, injured: 3 }],
    ['A man is dead and a 9-year-old boy suffered minor injuries after both were shot in separate incidents.', { killed: 1, injured: 1 }],
    // One incident's own total stays.
    ['Three people were killed and at least 11 others were wounded, including several children, in a shooting at a block party.', { killed: 3, injured: 11 }],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(casualties(text), expected));
});

describe('articleCasualties: a headline that rounds up a city’s shootings', () => {
  // A roundup's counts add up separate incidents: none of them is one incident's toll. [title, text, expected]
  const cases: [string, string, { killed: number | null; injured: number | null }][] = [
    ['1 dead, 7 wounded in Chicago shootings', 'A man was killed and seven other people were wounded in shootings on the South and West sides since Friday evening.', { killed: null, injured: null }],
    ['4 killed, 16 wounded in Wednesday shootings across Chicago', 'Four people were killed and 16 others were wounded on Wednesday, police said.', { killed: null, injured: null }],
    ['15 wounded, including 2 children, in shootings citywide', 'At least 15 people were wounded, including two children, police said.', { killed: null, injured: null }],
    // One incident, or two a report ties together, is counted as it counts them.
    ['Two killed, three hurt in shooting at Elm Street party', 'Two people were killed and three were wounded at a party on Elm Street.', { killed: 2, injured: 3 }],
    ['Police: 2 dead, 2 injured in shootings', 'Two men were killed and two women were injured when gunmen opened fire on a porch.', { killed: 2, injured: 2 }],
    ['Three wounded in two shootings on Centre Avenue', 'Three people were wounded in two shootings minutes apart on Centre Avenue, police said.', { killed: 0, injured: 3 }],
  ];
  for (const [title, text, expected] of cases) it(title, () => assert.deepEqual(counts(articleCasualties(extractFigures({ text }), { text, title })), expected));
});

describe('ages', () => {
  // [text, the age that must not be read as a count]
  const ages: [string, number][] = [
    ['A woman was shot and killed. Her father, Bert Hollis Jr., 60, was outside, injured and yelling for help.', 60],
    ['Police said Tom Reyes Sr., 52, was wounded in the arm.', 52],
    ['Dana Price, 44, was injured by a stray bullet.', 44],
  ];
  for (const [text, age] of ages)
    it(text, () => assert.deepEqual(extractFigures({ text }).filter((f) => f.value === age && f.counts).map((f) => f.text), []));
});

describe('storyCasualties', () => {
  it('takes the majority, the larger on a tie, and 0 when nothing is known', () => {
    assert.deepEqual(
      storyCasualties([
        { killed: 1, injured: 3 },
        { killed: 1, injured: 2 },
        { killed: 2, injured: 3 },
        { killed: null, injured: null },
      ]),
      { killed: 1, injured: 3 },
    );
    assert.deepEqual(storyCasualties([{ killed: null, injured: null }]), { killed: 0, injured: 0 });
    assert.equal(majority([2, 3]), 3);
  });
  it('re-reads an article that only counted people shot against the story killed', () => {
    // "Two people were shot" in one report, "one of them died" in two others: one killed, one hurt.
    const twoShot = counts(articleCasualties(extractFigures({ text: 'Two people were shot outside a bar.' })));
    assert.deepEqual(twoShot, { killed: 0, injured: 2 });
    const story = storyCasualties([
      articleCasualties(extractFigures({ text: 'Two people were shot outside a bar.' })),
      { killed: 1, injured: null },
      { killed: 1, injured: null },
    ]);
    assert.deepEqual(story, { killed: 1, injured: 1 });
  });
  it('takes a report with more dead among as many people hit as the later one', () => {
    // "in critical condition" twice, then "has died": one killed, no one wounded.
    assert.deepEqual(storyCasualties([{ killed: 0, injured: 1 }, { killed: 1, injured: 0 }, { killed: 0, injured: 1 }]), { killed: 1, injured: 0 });
    // An early "four wounded" once one of them died: three wounded.
    assert.deepEqual(storyCasualties([{ killed: 1, injured: 3 }, { killed: 0, injured: 4 }]), { killed: 1, injured: 3 });
    // Trap: a count of other people (15 children killed this year) is not a later report.
    assert.deepEqual(storyCasualties([{ killed: 1, injured: 0 }, { killed: 1, injured: 1 }, { killed: 15, injured: 0 }]).killed, 1);
  });
  it('does not let reports silent about the wounded outvote one that counts them', () => {
    const silent = (text: string) => articleCasualties(extractFigures({ text }), { text });
    const arrest = silent('Three men were charged with murder in the shooting death of a 17-year-old.');
    assert.deepEqual(counts(arrest), { killed: 1, injured: 0 });
    const story = [arrest, silent('Police said the teen was killed and another man was wounded outside the store.'), arrest];
    assert.deepEqual(storyCasualties(story), { killed: 1, injured: 1 });
    // Said outright, a zero does vote.
    const none = silent('A 17-year-old was killed outside the store; no one else was injured.');
    assert.deepEqual(storyCasualties([none, none, story[1]]), { killed: 1, injured: 0 });
  });
  it('uses counts read from words alone only when no report counts', () => {
    const guessed: Casualties = { killed: 0, injured: 1, shot: 1, injuredFromShot: true, guessed: true };
    assert.deepEqual(storyCasualties([guessed, { killed: 2, injured: 0 }]), { killed: 2, injured: 0 });
    assert.deepEqual(storyCasualties([guessed, { killed: null, injured: null }]), { killed: 0, injured: 1 });
  });
});
