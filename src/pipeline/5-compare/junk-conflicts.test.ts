import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFigures } from '../3-analyze/figures/figures.ts';
import { compareSources } from './compare.ts';
import { draft } from './fixtures.ts';

/** A report with its figures read by the real extractor. */
function report(id: string, text: string) {
  const d = draft(id, `${id}.example`, text);
  d.mentions.figures = extractFigures({ text, language: 'en' });
  return d;
}

// A count conflict's values are numbers as written, never a victim described or a noun phrase.
describe('count conflicts are between stated totals', () => {
  const junk: [string, string[]][] = [
    ['"three" vs "fatally shot" vs "fatal shooting"', ['Three people were killed in the attack on Saturday, police said.', 'A man was fatally shot at the scene of Saturday\'s attack.', 'Police are investigating a fatal shooting on Saturday.']],
    ['"A 16-year-old boy" vs "A man" vs "Two"', ['A 16-year-old boy was shot on Maple Avenue on Monday evening.', 'A man was shot on Maple Avenue on Monday evening, police said.', 'Two people were shot on Maple Avenue on Monday evening.']],
    ['a part is not a total: "four injured" vs "two others were treated"', ['One man died and four people were injured in the shooting at the bar on Sunday.', 'One man died in the shooting at the bar on Sunday. Two of the injured were treated for minor wounds.']],
    ['a city-wide tally is not this story\'s count', ['Two people were wounded in a shooting on Oak Street on Friday night.', 'At least 11 people were wounded in shootings across the city over the weekend, police said.']],
    ['people shot, dead or alive, are no injured count', ['One man was killed and six people were wounded in the shooting on Friday.', 'Seven people were shot on Friday night outside the club.']],
    ['different groups of people are no disputed count', ['Police said three men were fighting inside the club before the shooting.', 'Police said five men were at the club when the fight broke out.']],
  ];
  for (const [name, texts] of junk) {
    it(`no conflict: ${name}`, () => {
      const { comparison } = compareSources(texts.map((t, i) => report(`r${i}`, t)), []);
      assert.deepEqual(comparison.conflicts.filter((c) => c.kind === 'value').map((c) => c.values.map((v) => v.value)), []);
    });
  }
  it('"one dead and two others hurt" is a total that can dispute', () => {
    const texts = ['One man died and two others were injured in the shooting on Saturday.', 'One man died and four others were injured in the shooting on Saturday.'];
    const { comparison } = compareSources(texts.map((t, i) => report(`r${i}`, t)), []);
    assert.equal(comparison.conflicts.filter((c) => c.kind === 'value').length, 1);
  });
  it('a real dispute keeps its numbers and drops the descriptions', () => {
    const texts = ['Three people were killed in the attack on Saturday.', 'Five people were killed in the attack on Saturday.', 'A man was killed in the attack on Saturday.'];
    const { comparison } = compareSources(texts.map((t, i) => report(`r${i}`, t)), []);
    const values = comparison.conflicts.filter((c) => c.kind === 'value').map((c) => c.values.map((v) => v.value).sort());
    assert.deepEqual(values, [['Five', 'Three']]);
  });
});

// A speaker conflict needs two people each credited with saying the quote, not one who is described in it.
describe('speaker conflicts credit speakers, not the people a quote describes', () => {
  it('a quote about a wounded deputy is not credited to the deputy', async () => {
    const { quote, person } = await import('./fixtures.ts');
    const q = 'He was hit twice but he kept firing until backup arrived';
    const a = draft('a', 'Daily A', `Deputy Mark Ellis was wounded in the exchange. "${q}," Sheriff Dana Ruiz said on Monday.`);
    person(a, 'Mark Ellis', 'Mark Ellis');
    person(a, 'Dana Ruiz', 'Dana Ruiz');
    quote(a, q, 'Dana Ruiz', 'Dana Ruiz');
    const b = draft('b', 'Daily B', `"${q}," the sheriff said of Deputy Mark Ellis, who is recovering in hospital.`);
    person(b, 'Mark Ellis', 'Mark Ellis');
    quote(b, q, 'Mark Ellis', 'Mark Ellis');
    const { comparison } = compareSources([a, b], []);
    assert.deepEqual(comparison.conflicts.filter((c) => c.kind === 'speaker').map((c) => c.values.map((v) => v.value)), []);
  });
  it('two different people credited with one quote is still a conflict', async () => {
    const { quote, person } = await import('./fixtures.ts');
    const q = 'We will rebuild every home that the river took from us';
    const a = draft('a', 'Daily A', `"${q}," Mayor Lena Ortiz said at the shelter.`);
    person(a, 'Lena Ortiz', 'Lena Ortiz');
    quote(a, q, 'Lena Ortiz', 'Lena Ortiz');
    const b = draft('b', 'Daily B', `"${q}," Governor Paul Fenn told reporters at the shelter.`);
    person(b, 'Paul Fenn', 'Paul Fenn');
    quote(b, q, 'Paul Fenn', 'Paul Fenn');
    const { comparison } = compareSources([a, b], []);
    assert.equal(comparison.conflicts.filter((c) => c.kind === 'speaker').length, 1);
  });
});

describe('spelling variants are one name word written two ways', () => {
  it('a first name and a surname of one person are two words of the name, not two spellings', async () => {
    const { person } = await import('./fixtures.ts');
    const { linkEntities } = await import('../3-analyze/entities/link.ts');
    const a = person(draft('a', 'Daily A', 'Police said William Pulliam shot the man twice.'), 'William Pulliam', 'William Pulliam');
    const b = person(draft('b', 'Daily B', 'Pulliam exchanged words with the man before the shooting.'), 'Pulliam', 'William Pulliam');
    const ds = [a, b];
    const { comparison } = compareSources(ds, linkEntities(ds.map((d) => ({ id: d.article.id, mentions: d.mentions }))));
    assert.deepEqual(comparison.conflicts.map((c) => c.values.map((v) => v.value)), []);
  });
});

describe('a count that includes or is part of another is no total', () => {
  const cases: [string, string[]][] = [
    ['"six wounded, two mortally" includes the dead', ['Six people were wounded, two mortally, when a shootout erupted outside the church on Monday.', 'Two people died and four others were injured when a shootout erupted outside the church on Monday.']],
    ['"five dead, including the gunman" counts the gunman', ['Four people were shot dead at a rural home on Friday, police said.', 'The standoff at a rural home on Friday left five people dead, including the gunman.']],
    ['"he and six others were shot" is seven', ['A shooting at the club on Sunday sent seven people to the hospital.', 'Kendall and six others were shot at the club early on Sunday.']],
    ['"six children and two adults" is a part of a list', ['Police said eight people were killed in the house on Sunday.', 'He is accused of killing six children and two adults in the house on Sunday.']],
  ];
  for (const [name, texts] of cases) {
    it(name, () => {
      const { comparison } = compareSources(texts.map((t, i) => report(`r${i}`, t)), []);
      assert.deepEqual(comparison.conflicts.filter((c) => c.kind === 'value').map((c) => c.values.map((v) => v.value)), []);
    });
  }
});

describe('a speaker conflict needs two full names', () => {
  it('a surname alone on one side is too little', async () => {
    const { quote, person } = await import('./fixtures.ts');
    const q = 'This one hurt a lot, the girl was not even three years old';
    const a = person(draft('a', 'Daily A', `"${q}," Chief Steve Dolan said.`), 'Steve Dolan', 'Steve Dolan');
    quote(a, q, 'Steve Dolan', 'Steve Dolan');
    const b = person(draft('b', 'Daily B', `"${q}," Oldham said.`), 'Oldham', 'Marcell Oldham');
    quote(b, q, 'Marcell Oldham', 'Oldham');
    const { comparison } = compareSources([a, b], []);
    assert.deepEqual(comparison.conflicts.filter((c) => c.kind === 'speaker').length, 0);
  });
});

// Two quotes are one only when they share their words of substance: "we are using all of our
// resources" is not the governor's statement that says "we are all grateful … all resources".
describe('a speaker conflict is about one quote, not two that share common words', () => {
  const different: [string, string, string][] = [
    ['a spokeswoman\'s line against a governor\'s statement', 'we are using all of our resources', 'We hold the Riverside community in our thoughts and prayers. We are all grateful to the officers, and we are in contact with the mayor. All of our resources are at the ready'],
    ['a mother\'s grief against a neighbour\'s question', 'I don\'t know what I would do without him', 'I don\'t know why he would do this, and I want to know what happened to him'],
    ['a son remembered against a father remembered', 'He was a good kid who did not deserve this', 'He was a good father, and he did not deserve any of this'],
  ];
  for (const [name, qa, qb] of different)
    it(`no conflict: ${name}`, async () => {
      const { quote, person } = await import('./fixtures.ts');
      const a = person(draft('a', 'Daily A', `"${qa}," said Lt. Carla Benton.`), 'Carla Benton', 'Carla Benton');
      quote(a, qa, 'Carla Benton', 'Carla Benton');
      const b = person(draft('b', 'Daily B', `Gov. Peter Hale released a statement: "${qb}."`), 'Peter Hale', 'Peter Hale');
      quote(b, qb, 'Peter Hale', 'Peter Hale');
      const { comparison } = compareSources([a, b], []);
      assert.deepEqual(comparison.conflicts.filter((c) => c.kind === 'speaker').map((c) => c.values.map((v) => v.value)), []);
    });
  const same: [string, string, string][] = [
    ['one trimmed', 'Millions of passengers should not be held hostage to a pay dispute', 'Millions of passengers should not be held hostage'],
    ['one re-punctuated, a word changed', 'We will rebuild every home the river took from us, every single one', 'We will rebuild every house the river took from us — every single one'],
  ];
  for (const [name, qa, qb] of same)
    it(`still one quote, two speakers: ${name}`, async () => {
      const { quote, person } = await import('./fixtures.ts');
      const a = person(draft('a', 'Daily A', `"${qa}," said Lt. Carla Benton.`), 'Carla Benton', 'Carla Benton');
      quote(a, qa, 'Carla Benton', 'Carla Benton');
      const b = person(draft('b', 'Daily B', `"${qb}," Gov. Peter Hale said.`), 'Peter Hale', 'Peter Hale');
      quote(b, qb, 'Peter Hale', 'Peter Hale');
      const { comparison } = compareSources([a, b], []);
      assert.equal(comparison.conflicts.filter((c) => c.kind === 'speaker').length, 1);
    });
});

describe('a joint statement credits each of its speakers', () => {
  it('"said Ann Vale and Tom Reyes" against "Reyes said" is no dispute', async () => {
    const { quote, person } = await import('./fixtures.ts');
    const q = 'She is a consummate performer and a star the whole world knows';
    const a = draft('a', 'Daily A', `"${q}," said Ann Vale and Tom Reyes, the producers of the show.`);
    person(a, 'Ann Vale', 'Ann Vale');
    person(a, 'Tom Reyes', 'Tom Reyes');
    quote(a, q, 'Ann Vale', 'Ann Vale');
    const b = draft('b', 'Daily B', `Producers Ann Vale and Tom Reyes called her "${q}."`);
    person(b, 'Ann Vale', 'Ann Vale');
    person(b, 'Tom Reyes', 'Tom Reyes');
    quote(b, q, 'Tom Reyes', 'Tom Reyes');
    const { comparison } = compareSources([a, b], []);
    assert.deepEqual(comparison.conflicts.filter((c) => c.kind === 'speaker').map((c) => c.values.map((v) => v.value)), []);
  });
});
