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
];

for (const [name, sentence, expected] of cases) {
  test(`entities: ${name}`, () => {
    const got = extractEntities(sentence).map((e) => `${e.type}:${e.name}${e.role ? `[${e.role}]` : ''}`);
    assert.deepEqual(got, expected);
  });
}

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
