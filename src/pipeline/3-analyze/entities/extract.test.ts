import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractEntities } from './extract.ts';

/** [sentence, expected entities as "type:name" or "type:name[role]", in text order, for the listed names only] */
const cases: [string, string, string[]][] = [
  [
    'title stripped into a role',
    'Interior Minister Ana Kovač said the border stays open.',
    ['person:Ana Kovač[Interior Minister]'],
  ],
  [
    'an investigator or a ranger is a title too',
    'Investigator Milo Brandt said the car was found empty. Park Ranger Tessa Quell saw it first.',
    ['person:Milo Brandt[Investigator]', 'person:Tessa Quell[Park Ranger]'],
  ],
  [
    'short form joined to the full name',
    'Interior Minister Ana Kovač spoke in Zagreb. Kovač said the border stays open.',
    ['person:Ana Kovač[Interior Minister]', 'place:Zagreb', 'person:Ana Kovač'],
  ],
  [
    'honorific + surname',
    'Terry Hyland leads the project. "It is a start," said Mr Hyland.',
    ['person:Terry Hyland', 'person:Terry Hyland'],
  ],
  [
    'an office named after a title is an organisation, not a titled person',
    'Two shots struck the driver, according to the Harris County Office of the Chief Medical Examiner.',
    ['organization:Harris County Office of the Chief Medical Examiner'],
  ],
  [
    'Paris Hilton is a person, Paris a place',
    'Paris Hilton arrived in Paris on Monday.',
    ['person:Paris Hilton', 'place:Paris'],
  ],
  [
    'Georgia alone is a place (which one is the places extractor’s call)',
    'Storms hit Georgia overnight.',
    ['place:Georgia'],
  ],
  ['Georgia as a first name', 'Georgia Harrison told reporters she was safe.', ['person:Georgia Harrison']],
  [
    'demonym before a title means the country',
    'Russian President Vladimir Putin met Brazilian officials.',
    ['place:Russia', 'person:Vladimir Putin[President]', 'place:Brazil'],
  ],
  ['demonym that is not the country', 'He ordered French fries.', []],
  [
    'acronym introduced in parentheses',
    'The Ministry of Defence (MoD) named the soldier. An MoD spokesman confirmed it.',
    [
      'organization:Ministry of Defence',
      'organization:Ministry of Defence',
      'organization:Ministry of Defence',
    ],
  ],
  [
    'acronym from initials',
    'The Gainesville Police Department is investigating. GPD said the home was targeted.',
    ['organization:Gainesville Police Department', 'organization:Gainesville Police Department'],
  ],
  [
    'role with a place before it',
    'said Rio Rancho Police Lieutenant Paul Rogers.',
    ['place:Rio Rancho', 'person:Paul Rogers[Police Lieutenant]'],
  ],
  [
    'role with an organisation before it',
    'said NYPD Chief of Department Terence Monahan.',
    ['organization:NYPD', 'person:Terence Monahan[Chief of Department]'],
  ],
  ['a title without a name is no one', "The dead soldier's Commanding Officer said he was brave.", []],
  ['dateline in capitals', 'SAN ANTONIO - Police arrested a teen.', ['place:San Antonio']],
  [
    'surname that is also a town',
    'Police Chief William Moore said no one was hurt. Moore said the gun was found.',
    ['person:William Moore[Police Chief]', 'person:William Moore'],
  ],
  [
    'unknown first name, surname used alone later',
    'Police said Kaemon Robinson fled. Robinson later surrendered.',
    ['person:Kaemon Robinson', 'person:Kaemon Robinson'],
  ],
  [
    'company shortened to its first word',
    'Kestrel Energy agreed to buy the firm. Kestrel said the deal closes in May.',
    ['organization:Kestrel Energy', 'organization:Kestrel Energy'],
  ],
  [
    'two names joined by "and" stay two',
    'Crossings at Slavonski Brod and Gunja were busy.',
    ['place:Slavonski Brod', 'other:Gunja'],
  ],
  [
    'a country with "and" in its name stays one',
    'He left Bosnia and Herzegovina in March.',
    ['place:Bosnia and Herzegovina'],
  ],
  [
    'Spanish role after the verb',
    'dijo el presidente de la federación, Rodrigo Saavedra, en Valparaíso.',
    ['person:Rodrigo Saavedra', 'place:Valparaíso'],
  ],
  [
    'a town as a first name, named through a relation',
    "Pietrewicz's daughter, Sandy Blampied, recalls the day.",
    ['person:Sandy Blampied'],
  ],
  [
    'a place that ends a role is not part of the name',
    'said General Secretary of the Communist Party of Vietnam Nguyen Phu Trong.',
    ['person:Nguyen Phu Trong[General Secretary of the Communist Party of Vietnam]'],
  ],
  [
    'a weekday inside an organisation name',
    'Last weekend the Sunday Times claimed otherwise.',
    ['organization:Sunday Times'],
  ],
  ['a group noun with a speech verb is no one', 'Analysts said the price was generous.', []],
  [
    'a person of an organisation',
    'said Col. Michael Edmonson of the Louisiana State Police.',
    ['person:Michael Edmonson[Col.]', 'organization:Louisiana State Police'],
  ],
  [
    'a named person of a town: the town is not part of the name',
    'Deputies found Gordon Quist of Pellingham Ridge and Nina Lee Vance of Astwick near the road.',
    ['person:Gordon Quist', 'other:Pellingham Ridge', 'person:Nina Lee Vance', 'other:Astwick'],
  ],
  [
    'an organisation named "X of Y" stays whole',
    'They met at Greenfield Church of Hope on Sunday.',
    ['organization:Greenfield Church of Hope'],
  ],
  ['generational suffix kept', 'said James Glass Sr. on Tuesday.', ['person:James Glass Sr.']],
  // A sentence-initial noun for a person before a name describes them ("Neighbor Ken Yates"); it is
  // no office, so no role either.
  [
    'a neighbour or a witness before a name is no part of it',
    'The shots woke the street.\n\nNeighbor Dale Ferrick said he heard four shots. Witness Marta Oyelaran told police the car sped off.',
    ['person:Dale Ferrick', 'person:Marta Oyelaran'],
  ],
  [
    'a kin or a gunman before a name is no part of it',
    'Police named the man.\n\nGunman Tariq Bellweather opened fire. Nephew Zeke Ambrose saw it.',
    ['person:Tariq Bellweather', 'person:Zeke Ambrose'],
  ],
  ['a person noun before a headline’s words is no role', 'Witness IDs at issue in bar shooting case', ['other:Witness IDs']],
  [
    'a person noun before an organisation stays with it',
    'Victim Services Unit staff met the family.',
    ['organization:Victim Services Unit'],
  ],
  // "Our" is capitalised inside a sentence only as part of a name; a role never ends in "of".
  [
    'Our Lady of … keeps its first word',
    'The boy was taken to Our Lady of the Lake Hospital, where he died.',
    ['organization:Our Lady of the Lake Hospital'],
  ],
  [
    'Our Lady of … at a sentence start is one name too',
    'Our Lady of Sorrows Church held a vigil for the girl.',
    ['organization:Our Lady of Sorrows Church'],
  ],
  [
    'a person for an organisation',
    'and Special Agent Mark Oxendine for the Bureau of Alcohol, Tobacco and Firearms are assisting.',
    ['person:Mark Oxendine[Special Agent]', 'organization:Bureau of Alcohol', 'other:Tobacco', 'other:Firearms'],
  ],
  [
    'a slogan with a first name is no person',
    'Supporters held “Justice for Nadim” signs. “We are here to support Nadim,” said Rula Haddad. Nadim Saleh, 45, was charged.',
    ['other:Justice for Nadim', 'person:Nadim Saleh', 'person:Rula Haddad', 'person:Nadim Saleh'],
  ],
  ['a holiday named after a person is no person', 'They met on Martin Luther King Jr. Day in Hallandale.', ['other:Martin Luther King Jr. Day', 'other:Hallandale']],
  [
    'a place word leads an address, not a name',
    'He dropped the girl off on 13th Street Ensley, the 8-year-old nephew said. On the Lower East Side, a shooter wounded two men.',
    ['other:Street Ensley', 'other:Lower East Side'],
  ],
  [
    'a city word before a title stays with the person',
    'City Councilor Brian LaPierre said the street is dark. LaPierre asked for lights.',
    ['person:City Councilor Brian LaPierre', 'person:City Councilor Brian LaPierre'],
  ],
  ['a title followed by "of" names no holder', 'A vigil was held at Our Lady of Lourdes on Sunday.', ['other:Our Lady of Lourdes']],
];

for (const [name, sentence, expected] of cases) {
  test(`entities: ${name}`, () => {
    const got = extractEntities(sentence).map((e) => `${e.type}:${e.name}${e.role ? `[${e.role}]` : ''}`);
    assert.deepEqual(got, expected);
  });
}

/** The type given to each mention written `name` (several when it recurs). */
const typesOf = (text: string, name: string) => extractEntities(text).filter((e) => e.text === name).map((e) => e.type);

// A plural noun before a comma starts a list, not an apposition: "agents, Crime Scene technicians".
test('entities: a plural person noun before a comma types no one', () => {
  const text = 'State agents, Crime Scene technicians and a dive team searched the lake.';
  assert.deepEqual(typesOf(text, 'Crime Scene'), ['other']);
  assert.deepEqual(typesOf('The company’s chief executive, Dana Whitfield, resigned.', 'Dana Whitfield'), ['person']);
  assert.deepEqual(typesOf('Her two neighbours, Bryn Talley and Osric Vane, called police.', 'Bryn Talley'), ['person']);
});

// A word the article writes in lower case more often than capitalised is a common noun: alone ("Crime"
// heading a caption) it is no surname that makes a person of "Marlow Crime"; "Young" is.
test('entities: a lone word the article writes in lower case makes no surname', () => {
  const text =
    'Crime\n\n12. Marlow Crime incidents per 1,000 residents: 31\n\nProperty crime incidents: 25 Violent crime incidents: 6' +
    '\n\n13. Tilbury Crime incidents per 1,000 residents: 44\n\nProperty crime incidents: 40 Violent crime incidents: 4';
  assert.deepEqual(typesOf(text, 'Marlow Crime'), ['other']);
  assert.deepEqual(typesOf(text, 'Tilbury Crime'), ['other']);
  assert.deepEqual(typesOf('Police said Kaemon Robinson fled. Robinson later surrendered.', 'Kaemon Robinson'), ['person']);
  assert.deepEqual(typesOf('Davonte Young, a young father, was shot. Young died at the scene.', 'Davonte Young'), ['person']);
});

// Title Case made of words the article writes in lower case is a heading, a charge list or a
// description, not a name; the language's vocabulary alone is not ("Misty Holly", "Raven Hill").
test('entities: ordinary words in Title Case name no one', () => {
  const charges = 'Oster was charged with Carrying a Loaded Firearm, Possession of a Firearm and Firearm Used in a Felony. The loaded firearm was recovered.';
  assert.deepEqual(typesOf(charges, 'Loaded Firearm'), ['other']);
  const heading = 'Ward 4 Marshal’s Office Officer Involved Shooting\n\nLast night, deputies were involved in a shooting.';
  assert.ok(!extractEntities(heading).some((e) => e.type === 'person'), heading);
  const label = 'A frightened neighbor spoke to us. “It is all crack and violence,” said Frightened Neighbor.';
  assert.ok(!extractEntities(label).some((e) => e.type === 'person'), label);
  assert.deepEqual(typesOf('“We never heard a thing,” said Kahleal Black.', 'Kahleal Black'), ['person']);
  assert.deepEqual(typesOf('Raven Hill, a spokeswoman for the schools, said classes resume.', 'Raven Hill'), ['person']);
  assert.deepEqual(typesOf('The boy shot himself, according to Detective Misty Holly.', 'Misty Holly'), ['person']);
  assert.deepEqual(typesOf('Call Detective Heidi Brandvold at 503-555-0100, heidi.brandvold@police.example.gov.', 'Heidi Brandvold'), ['person']);
});

test('entities: spans point at the name as written, role excluded', () => {
  const text = 'Interior Minister Ana Kovač said so.';
  const [e] = extractEntities(text);
  assert.equal(text.slice(e.start, e.end), 'Ana Kovač');
  assert.equal(e.text, 'Ana Kovač');
});

test('entities: a place span from the places extractor types the name', () => {
  const text = 'Flooding hit Creswick overnight.';
  const start = text.indexOf('Creswick');
  const [e] = extractEntities(text, { placeSpans: [{ start, end: start + 8 }] });
  assert.equal(e.type, 'place');
});

test('entities: hostile input is bounded', () => {
  const text = 'Ana Kovač '.repeat(50_000);
  const t0 = performance.now();
  const got = extractEntities(text, { maxChars: 10_000 });
  assert.ok(got.every((e) => e.end <= 10_000));
  assert.ok(performance.now() - t0 < 2000);
});
