// Conflicts a reader would call false, from the hand-labelled gva-dev sample: two forms written
// by one report, a part counted as a total, and a day that dates a saying or another incident.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EntityMention, ReportEntity } from '../../model/index.ts';
import { extractFigures } from '../3-analyze/figures/figures.ts';
import { compareSources } from './compare.ts';
import { date, draft, type Draft } from './fixtures.ts';

/** Mentions of one story entity, each written form at its first place in its report. */
function entity(type: ReportEntity['type'], name: string, forms: [Draft, string][]): ReportEntity {
  for (const [d, form] of forms) d.mentions.entities.push({ ...d.at(form), type: type as EntityMention['type'], name: form });
  const variants = [...new Set(forms.map(([, f]) => f))].map((form) => ({ form, articles: forms.filter(([, f]) => f === form).map(([d]) => d.article.id) }));
  return { id: `e:${name}`, name, type, variants } as ReportEntity;
}

const spellings = (ds: Draft[], e: ReportEntity) => compareSources(ds, [e]).comparison.conflicts.filter((c) => c.kind === 'spelling-variant').map((c) => c.values.map((v) => v.value).sort());

describe('a spelling variant is two sources writing one name differently', () => {
  const oneReport: [string, string, ReportEntity['type'], string, string][] = [
    ['two streets near each other', 'Glass was broken at the store on Pike Street. The precinct sits at 12th Avenue and Pine Street.', 'place', 'Pike Street', 'Pine Street'],
    ['a neighbourhood and a city in a related-news line', 'Shots were fired in the Parkland neighborhood. Man shot dead in Portland Saturday, police said.', 'place', 'Parkland', 'Portland'],
    ['an alias', 'Deonte Rasul-Chiono was arrested. Rasul-Chiono, also known as Deote Rasul-Chiona, was convicted in 2012.', 'person', 'Deonte Rasul-Chiono', 'Deote Rasul-Chiona'],
    ['a scanned page misread', 'The church in Ellendale holds worship at ten. Call the lumber yard in EUendale today.', 'place', 'Ellendale', 'EUendale'],
  ];
  for (const [name, text, type, x, y] of oneReport)
    it(`no variant when one report writes both: ${name}`, () => {
      const a = draft('a', 'Daily A', text);
      const e = entity(type, x, [[a, x], [a, y]]);
      assert.deepEqual(spellings([a], e), []);
    });
  it('an alias or a scanned page\'s misreading in another report is no variant either', () => {
    const a = draft('a', 'Daily A', 'Deonte Rasul-Chiono was arrested on Friday.');
    const b = draft('b', 'Daily B', 'Rasul-Chiono, also known as Deote Rasul-Chiona, was convicted in 2012.');
    assert.deepEqual(spellings([a, b], entity('person', 'Deonte Rasul-Chiono', [[a, 'Deonte Rasul-Chiono'], [b, 'Deote Rasul-Chiona']])), []);
    const c = draft('c', 'Daily C', 'The church in Ellendale holds worship at ten.');
    const d = draft('d', 'Daily D', 'Call the lumber yard in EUendale today.');
    assert.deepEqual(spellings([c, d], entity('place', 'Ellendale', [[c, 'Ellendale'], [d, 'EUendale']])), []);
  });
  it('a person\'s name after a house number is a street, not a spelling', () => {
    const a = draft('a', 'Daily A', 'Officers found Denarious Martin bleeding on the floor.');
    const b = draft('b', 'Daily B', 'Officers arrived at 1106 Marlin and found a man lying outside.');
    assert.deepEqual(spellings([a, b], entity('person', 'Denarious Martin', [[a, 'Denarious Martin'], [b, 'Marlin']])), []);
  });
  it('a slip among a form the report repeats is still a variant', () => {
    const a = draft('a', 'Daily A', 'Judith Huntley was shot. Neighbours said Huntely was kind. Huntley had moved in a year ago.');
    const e = entity('person', 'Judith Huntley', [[a, 'Judith Huntley'], [a, 'Huntely']]);
    a.mentions.entities.push({ ...a.at('Huntley', 1), type: 'person', name: 'Huntley' });
    e.variants.push({ form: 'Huntley', articles: ['a'] });
    assert.deepEqual(spellings([a], e), [['Huntely', 'Huntley']]);
  });
  it('a form two letters off in a report that repeats the other is another name', () => {
    const a = draft('a', 'Daily A', 'Shots were fired in the Parkland neighborhood. Police closed Parkland Avenue. Man shot dead in Portland Saturday.');
    const e = entity('place', 'Parkland', [[a, 'Parkland'], [a, 'Portland']]);
    a.mentions.entities.push({ ...a.at('Parkland', 1), type: 'place', name: 'Parkland' });
    assert.deepEqual(spellings([a], e), []);
  });
  it('two streets a letter apart in two reports are two streets', () => {
    const a = draft('a', 'Daily A', 'A window was blown out at the grocery store on Pike Street on Monday.');
    const b = draft('b', 'Daily B', 'The site is near the East Precinct, at 12th Avenue and Pine Street.');
    assert.deepEqual(spellings([a, b], entity('place', 'Pike Street', [[a, 'Pike Street'], [b, 'Pine Street']])), []);
    const c = draft('c', 'Diario C', 'El tiroteo ocurrió en la Calle Núñez de Balboa.');
    const d = draft('d', 'Diario D', 'Los vecinos de la Calle Nunez de Balboa oyeron los disparos.');
    assert.deepEqual(spellings([c, d], entity('place', 'Calle Núñez de Balboa', [[c, 'Calle Núñez de Balboa'], [d, 'Calle Nunez de Balboa']])), [['Nunez', 'Núñez']]);
  });
  it('a street written with a sound-alike letter, a vowel slip or a letter more is still a variant', () => {
    for (const [x, y] of [['Chace Street', 'Chase Street'], ['Smilax Road', 'Smilex Road'], ['Moregate Lane', 'Morgate Lane']]) {
      const a = draft('a', 'Daily A', `Officers were called to ${x} late on Friday.`);
      const b = draft('b', 'Daily B', `Neighbours on ${y} heard several shots on Friday.`);
      assert.equal(spellings([a, b], entity('place', x, [[a, x], [b, y]])).length, 1, x);
    }
  });
  it('two reports, one form each, are still a variant', () => {
    const a = draft('a', 'Daily A', 'Officer Garrett Swasey was killed on duty.');
    const b = draft('b', 'Daily B', 'Officer Garrett Swansey was killed on duty.');
    const e = entity('person', 'Garrett Swasey', [[a, 'Garrett Swasey'], [b, 'Garrett Swansey']]);
    assert.deepEqual(spellings([a, b], e), [['Swansey', 'Swasey']]);
  });
});

function report(id: string, text: string) {
  const d = draft(id, `${id}.example`, text);
  d.mentions.figures = extractFigures({ text, language: 'en' });
  return d;
}
const counts = (texts: string[]) =>
  compareSources(texts.map((t, i) => report(`r${i}`, t)), []).comparison.conflicts.filter((c) => c.kind === 'value').map((c) => c.values.map((v) => v.value).sort());

describe('"N others" after a count of the same kind is a part', () => {
  it('"one is critical and two others were treated" does not dispute "four injured"', () => {
    assert.deepEqual(counts([
      'The gunfight early Saturday left one dead and four injured, police said.',
      'Three victims were taken to the trauma center on Saturday, where one is in critical condition and two others were treated for minor wounds.',
    ]), []);
  });
  it('"a student in critical condition and three other bystanders hurt" does not dispute "four wounded"', () => {
    assert.deepEqual(counts([
      'The shooting on Tuesday left four students wounded outside the school.',
      'The shooting on Tuesday left a student in critical condition, and three other bystanders also suffered injuries.',
    ]), []);
  });
  it('"one killed and three others wounded" is still a total that disputes "five wounded"', () => {
    assert.equal(counts([
      'One man was killed and three others were wounded in the shooting at the club on Sunday.',
      'One man was killed and five others were wounded in the shooting at the club on Sunday.',
    ]).length, 1);
  });
});

describe('wounded counts that differ by the dead count everyone hit', () => {
  it('"one killed and three others wounded" does not dispute "four wounded"', () => {
    assert.deepEqual(counts([
      'One man was killed and three others were wounded in the shooting at the club on Sunday.',
      'Four people were wounded in the shooting at the club on Sunday, police said. One of them later died.',
    ]), []);
  });
  it('"two killed, three wounded" still disputes "six wounded"', () => {
    assert.equal(counts([
      'Two men were killed and three people were wounded in the shooting at the club on Sunday.',
      'Two men were killed and six people were wounded in the shooting at the club on Sunday.',
    ]).length, 1);
  });
});

describe('bounds and parts that fit the other count dispute nothing', () => {
  it('"more than a dozen wounded" fits "18 injured" (a dozen is 12 to 23)', () => {
    assert.deepEqual(counts([
      'Two teens are dead and 18 people are injured after gunfire broke out in the parking lot of a club.',
      'A shooting outside a nightclub just after midnight left two teenagers dead and more than a dozen people wounded.',
    ]), []);
  });
  it('"more than a dozen" still disputes "30 injured"', () => {
    assert.equal(counts([
      'Two teens are dead and 30 people are injured after gunfire broke out in the parking lot of a club.',
      'A shooting outside a nightclub just after midnight left two teenagers dead and more than a dozen people wounded.',
    ]).length, 1);
  });
  it('"at least two men were shot" is a part of "four people wounded"', () => {
    assert.deepEqual(counts([
      'Houston police are investigating a shooting that left four people wounded outside a bar.',
      'A bar fight ended in a shooting overnight. Police say at least two men were wounded at the sports bar.',
    ]), []);
  });
  it('"fatally shot three men" is a part of "five dead"', () => {
    assert.deepEqual(counts([
      'The gunman first killed his girlfriend and then fatally shot three men at an apartment complex.',
      'A trail of domestic violence has emerged after a shooting that left five dead at an apartment complex.',
    ]), []);
  });
  it('three men against five men is still a dispute', () => {
    assert.equal(counts([
      'A gunman killed three men at an apartment complex on Sunday.',
      'A gunman killed five men at an apartment complex on Sunday.',
    ]).length, 1);
  });
  it('a larger count of men than of people is still a dispute', () => {
    assert.equal(counts([
      'A gunman killed two people at an apartment complex on Sunday.',
      'A gunman killed four men at an apartment complex on Sunday.',
    ]).length, 1);
  });
});

describe('a roundup report\'s counts are its incidents\', not the story\'s', () => {
  it('a report that opens on a city\'s weekend tally disputes no count', () => {
    assert.deepEqual(counts([
      'Two people were killed and two were wounded in a shooting on Oak Street on Saturday, police said.',
      'At least 20 people have been shot, six of them fatally, across the city since Friday afternoon. Four people were killed in a house on Elm Street on Saturday afternoon.',
    ]), []);
  });
});

const days = (ds: Draft[]) => compareSources(ds, []).comparison.conflicts.filter((c) => c.kind === 'date').map((c) => c.values.map((v) => v.value).sort());

describe('a date dispute needs both days to date the event', () => {
  it('the day of an email or a statement is not the day of the shooting', () => {
    const a = date(draft('a', 'Daily A', 'Police are investigating the Sunday afternoon shooting death of a child in the north of the city.'), 'Sunday', '2016-09-18', { event: true });
    const b = date(draft('b', 'Daily B', 'The child died of a gunshot wound at a hospital, a Monday morning email from police said of the shooting death in the north of the city.'), 'Monday', '2016-09-19', { event: true });
    assert.deepEqual(days([a, b]), []);
  });
  it('a day in a roundup of a city\'s shootings is not this incident\'s day', () => {
    const a = date(draft('a', 'Daily A', 'A man was shot Monday night near his home in the Back of the Yards, police said.'), 'Monday', '2017-03-27', { event: true });
    const b = date(draft('b', 'Daily B', 'Six people, including two teens, were shot in Chicago shootings Sunday, police said.'), 'Sunday', '2017-03-26', { event: true });
    assert.deepEqual(days([a, b]), []);
  });
  it('two reports dating the same shooting differently still dispute it', () => {
    const a = date(draft('a', 'Daily A', 'A man was shot Monday night near his home on Oak Street, police said.'), 'Monday', '2017-03-27', { event: true });
    const b = date(draft('b', 'Daily B', 'A man was shot Sunday night near his home on Oak Street, police said.'), 'Sunday', '2017-03-26', { event: true });
    assert.deepEqual(days([a, b]), [['2017-03-26', '2017-03-27']]);
  });
});
