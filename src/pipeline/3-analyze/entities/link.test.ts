import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EntityMention, EntityType } from '../../../model/index.ts';
import { extractEntities } from './extract.ts';
import { canonicalNames, linkEntities } from './link.ts';

const mention = (name: string, type: EntityType = 'person'): EntityMention => ({
  text: name,
  start: 0,
  end: name.length,
  type,
  name,
});
const article = (id: string, names: (string | [string, EntityType])[], copyOf: string | null = null) => ({
  id,
  copyOf,
  mentions: { entities: names.map((n) => (typeof n === 'string' ? mention(n) : mention(n[0], n[1]))) },
});

/** [case, articles, expected entities as "canonical ← form(articles) | …"] */
const cases: [string, ReturnType<typeof article>[], string[]][] = [
  [
    'diacritic variant, tie goes to the form with diacritics',
    [article('a', ['Ana Kovač']), article('b', ['Ana Kovac'])],
    ['Ana Kovač ← Ana Kovač(a) | Ana Kovac(b)'],
  ],
  [
    'at a tie, the form whose first name is a known given name wins over a typo',
    [article('a', ['Partick McFarlane']), article('b', ['Patrick McFarlane'])],
    ['Patrick McFarlane ← Patrick McFarlane(b) | Partick McFarlane(a)'],
  ],
  [
    'the form most sources use wins',
    [article('a', ['Ana Kovac']), article('b', ['Ana Kovac']), article('c', ['Ana Kovač'])],
    ['Ana Kovac ← Ana Kovac(a,b) | Ana Kovač(c)'],
  ],
  [
    'copies do not vote',
    [article('a', ['Ana Kovac']), article('b', ['Ana Kovac'], 'a'), article('c', ['Ana Kovač'])],
    ['Ana Kovač ← Ana Kovač(c) | Ana Kovac(a,b)'],
  ],
  [
    'umlaut, transliteration and a dropped letter',
    [article('a', ['Lena Grünewald']), article('b', ['Lena Grunewald']), article('c', ['Lena Grunwald'])],
    ['Lena Grünewald ← Lena Grünewald(a) | Lena Grunewald(b) | Lena Grunwald(c)'],
  ],
  [
    'transliterated first name',
    [article('a', ['Oleksandr Bondar']), article('b', ['Aleksandr Bondar'])],
    ['Aleksandr Bondar ← Aleksandr Bondar(b) | Oleksandr Bondar(a)'],
  ],
  [
    'transliterations of one surname',
    [article('a', ['Volodymyr Zelenskyy']), article('b', ['Volodymyr Zelensky'])],
    ['Volodymyr Zelenskyy ← Volodymyr Zelenskyy(a) | Volodymyr Zelensky(b)'],
  ],
  [
    'different first names are different people',
    [article('a', ['Ana Kovač']), article('b', ['Marko Kovač'])],
    ['Ana Kovač ← Ana Kovač(a)', 'Marko Kovač ← Marko Kovač(b)'],
  ],
  [
    'Jr. and Sr. are different people',
    [article('a', ['James Glass Jr.', 'James Glass Sr.'])],
    ['James Glass Jr. ← James Glass Jr.(a)', 'James Glass Sr. ← James Glass Sr.(a)'],
  ],
  [
    'an initial matches the first name',
    [article('a', ['Ana Kovač']), article('b', ['A. Kovač'])],
    ['Ana Kovač ← Ana Kovač(a) | A. Kovač(b)'],
  ],
  [
    'a lone surname joins the one full name that fits',
    [article('a', ['Ana Kovač']), article('b', ['Kovac'])],
    ['Ana Kovač ← Ana Kovač(a) | Kovac(b)'],
  ],
  [
    'different types stay apart',
    [article('a', [['Jordan', 'place']]), article('b', [['Jordan', 'person']])],
    ['Jordan ← Jordan(a)', 'Jordan ← Jordan(b)'],
  ],
  [
    'organisation spelling variant and its acronym',
    [
      article('a', [['Ministry of Defence', 'organization']]),
      article('b', [['Ministry of Defense', 'organization']]),
      article('c', [['MoD', 'organization']]),
    ],
    ['Ministry of Defence ← Ministry of Defence(a) | Ministry of Defense(b) | MoD(c)'],
  ],
  [
    'a suffix is not the surname: different surnames with Jr. stay apart',
    [article('a', ['Tobias Wrenfield Jr.']), article('b', ['Tobias Marlowe Jr.'])],
    ['Tobias Marlowe Jr. ← Tobias Marlowe Jr.(b)', 'Tobias Wrenfield Jr. ← Tobias Wrenfield Jr.(a)'],
  ],
  [
    'the name without its suffix joins the name with it',
    [article('a', ['Corwin Daltry III']), article('b', ['Corwin Daltry'])],
    ['Corwin Daltry III ← Corwin Daltry III(a) | Corwin Daltry(b)'],
  ],
  [
    'father and son stay apart even when a source drops the suffix',
    [article('a', ['Corwin Daltry Jr.']), article('b', ['Corwin Daltry']), article('c', ['Corwin Daltry Sr.'])],
    ['Corwin Daltry Jr. ← Corwin Daltry Jr.(a)', 'Corwin Daltry ← Corwin Daltry(b)', 'Corwin Daltry Sr. ← Corwin Daltry Sr.(c)'],
  ],
  [
    'two different middle names are two people',
    [article('a', ['Dorian Felix Ashcombe']), article('b', ['Dorian Felix Ashcombe', 'Dorian Mateo Ashcombe'])],
    ['Dorian Felix Ashcombe ← Dorian Felix Ashcombe(a,b)', 'Dorian Mateo Ashcombe ← Dorian Mateo Ashcombe(b)'],
  ],
  [
    'a four-word name joins the same name with one middle name left out',
    [article('a', ['Tariq Amin Hollis Varga']), article('b', ['Tariq Hollis Varga'])],
    ['Tariq Amin Hollis Varga ← Tariq Amin Hollis Varga(a) | Tariq Hollis Varga(b)'],
  ],
  [
    'a short form of the first name is the same person',
    [article('a', ['Gregory Hollis']), article('b', ['Greg Hollis']), article('c', ['Danny Okafor']), article('d', ['Daniel Okafor'])],
    ['Daniel Okafor ← Daniel Okafor(d) | Danny Okafor(c)', 'Gregory Hollis ← Gregory Hollis(a) | Greg Hollis(b)'],
  ],
  [
    'a short form of two names, or of another name, stays apart',
    [article('a', ['Samuel Brask', 'Danielle Okafor']), article('b', ['Sam Brask', 'Dan Okafor'])],
    ['Dan Okafor ← Dan Okafor(b)', 'Danielle Okafor ← Danielle Okafor(a)', 'Sam Brask ← Sam Brask(b)', 'Samuel Brask ← Samuel Brask(a)'],
  ],
  [
    'a compass word is no typo in a person-typed name either',
    [article('a', [['Northeast Harbourton', 'person']]), article('b', [['Northwest Harbourton', 'other']])],
    ['Northeast Harbourton ← Northeast Harbourton(a)', 'Northwest Harbourton ← Northwest Harbourton(b)'],
  ],
  [
    'compass parts of a city are different places',
    [
      article('a', [['Northeast Harbourton', 'place'], ['East Dunmere', 'place']]),
      article('b', [['Northwest Harbourton', 'place'], ['West Dunmere', 'place']]),
    ],
    [
      'East Dunmere ← East Dunmere(a)',
      'West Dunmere ← West Dunmere(b)',
      'Northeast Harbourton ← Northeast Harbourton(a)',
      'Northwest Harbourton ← Northwest Harbourton(b)',
    ],
  ],
  [
    'two swapped letters in a first name',
    [article('a', ['Brain Ostrander']), article('b', ['Brian Ostrander'])],
    ['Brian Ostrander ← Brian Ostrander(b) | Brain Ostrander(a)'],
  ],
  [
    'distinct short names stay apart',
    [article('a', [['Vienna', 'place']]), article('b', [['Venice', 'place']])],
    ['Venice ← Venice(b)', 'Vienna ← Vienna(a)'],
  ],
];

const show = (e: ReturnType<typeof linkEntities>[number]) =>
  `${e.name} ← ${e.variants.map((v) => `${v.form}(${v.articles.join(',')})`).join(' | ')}`;

for (const [name, articles, expected] of cases) {
  test(`link: ${name}`, () => {
    assert.deepEqual(linkEntities(articles).map(show).sort(), [...expected].sort());
  });
}

test('link: canonicalNames maps every form, as written and folded, to the canonical name', () => {
  const names = canonicalNames(linkEntities([article('a', ['Ana Kovač']), article('b', ['Ana Kovac'])]));
  assert.equal(names.get('Ana Kovac'), 'Ana Kovač');
  assert.equal(names.get('Ana Kovač'), 'Ana Kovač');
  assert.equal(names.get('ana kovac'), 'Ana Kovač');
});

test('link: from text to a story entity with variants per article', () => {
  const a = {
    id: 'a',
    mentions: {
      entities: extractEntities(
        'Interior Minister Ana Kovač said the border stays open. Kovač spoke in Zagreb.',
      ),
    },
  };
  const b = {
    id: 'b',
    mentions: {
      entities: extractEntities(
        '"We are not closing the border," Interior Minister Ana Kovac told reporters.',
      ),
    },
  };
  const kovac = linkEntities([a, b]).find((e) => e.type === 'person');
  assert.ok(kovac);
  assert.equal(kovac.name, 'Ana Kovač');
  assert.deepEqual(kovac.variants, [
    { form: 'Ana Kovač', articles: ['a'] },
    { form: 'Ana Kovac', articles: ['b'] },
  ]);
});
