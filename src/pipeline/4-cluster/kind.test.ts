import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noMentions } from '../../model/index.ts';
import { articleFeatures } from './features.ts';
import { fixtureArticle } from './fixtures.test-data.ts';
import { eventKind, kindsAgree, storyKind } from './kind.ts';
import { defaultStoryAssignerOptions } from './story-assigner.ts';

describe('eventKind', () => {
  const table: [string, string, string | null][] = [
    ['Teen shot outside corner store', 'A 17-year-old was shot in the leg outside a store on Elm Street on Friday, police said.', 'shooting'],
    ['Gunman opens fire at bus stop', 'Two people were wounded when a gunman opened fire at a bus stop on Tuesday night.', 'shooting'],
    ['Driver dies in crash on Route 9', 'A 54-year-old driver died when his pickup collided with a truck on Route 9 on Sunday.', 'crash'],
    ['Blaze destroys warehouse', 'Firefighters fought a blaze at a paper warehouse for six hours on Monday.', 'fire'],
    ['River floods downtown', 'The river flooded downtown streets after two days of rain, and flooding closed the bridge.', 'flood'],
    ['Clinton leads Trump in new poll', 'Hillary Clinton leads Donald Trump by four points among likely voters, a new poll shows, ahead of the election.', 'election'],
    ['Arsonist damages church of former nominee', 'An arsonist badly damaged the church attended by the former vice presidential nominee on Friday night.', 'fire'],
    ['Halvorsen to buy Kestrel Dairy', 'Halvorsen Foods agreed to acquire Kestrel Dairy in a takeover the board backed on Monday.', 'deal'],
    ['Springfield council passes budget', 'The council passed a $780 million budget on Monday; it adds spending on schools.', 'budget'],
    ['Neighbours meet over new park', 'Residents met on Monday; the council will hold a ballot on the plan.', null],
    ['Man sentenced to 30 years', 'A man convicted of murder in the shooting of a clerk was sentenced to 30 years on Thursday.', 'court'],
    ['Shake-up at Wells Fargo fails to calm investors', 'Wells Fargo replaced two senior executives on Tuesday.', null],
    // A chase that ends in a crash is still a shooting when the shooting leads.
    ['Officer shot, suspect crashes car while fleeing', 'An officer was shot during a traffic stop on Friday; the shooting suspect fled and later crashed, police said. Shell casings were found at the scene.', 'shooting'],
  ];
  for (const [headline, text, kind] of table) {
    it(`${headline} → ${kind}`, () => assert.equal(eventKind(headline, text), kind));
  }

  it('lets a court report follow a crime, not an election', () => {
    assert.equal(kindsAgree('court', 'shooting'), true);
    assert.equal(kindsAgree('shooting', 'crash'), false);
    assert.equal(kindsAgree('court', 'election'), false);
  });
});

describe('storyKind', () => {
  it('is the kind most reports have, and null on a tie', () => {
    const shot = { title: 'Man shot on Elm Street', text: 'A man was shot on Elm Street on Friday night, police said.' };
    const court = { title: 'Man sentenced in Elm Street shooting', text: 'A man was sentenced on Monday; a jury had convicted him in March.' };
    const vague = { title: 'Neighbours gather', text: 'Neighbours gathered on Elm Street on Sunday.' };
    assert.equal(storyKind([shot, shot, court, vague]), 'shooting');
    assert.equal(storyKind([shot, court]), null);
    assert.equal(storyKind([vague]), null);
  });
});

describe('kind of an article without a headline', () => {
  // Extraction's stand-in headline is the body's first words: it must not count as a headline
  // too, or one word of the opening sentence ("crashed the party") counts three times.
  const table: [string, string | undefined][] = [
    ['A sacked clerk crashed the staff holiday party at a Leeds printing firm on Friday night, killing the owner.\nPolice said the man was arrested an hour after the shooting.', undefined],
    ['Two drivers died when their cars collided head-on on the coast road on Sunday.\nThe crash closed the road for five hours.', 'crash'],
  ];
  for (const [text, kind] of table) {
    it(`${text.slice(0, 40)}… → ${kind}`, () => {
      const title = `${text.slice(0, 70)}…`;
      const f = articleFeatures(fixtureArticle({ id: 'x', title, published: null, text }), noMentions(), defaultStoryAssignerOptions);
      assert.equal(f.k, kind);
    });
  }
});
