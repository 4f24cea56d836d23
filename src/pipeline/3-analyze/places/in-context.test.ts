// Issue 18: a name is a place only when the text uses it as one and the reading fits the story.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articlePlaces, mainPlace, storyPlace } from './places.ts';

const read = (text: string, title = '', url: string | null = null) => {
  const r = articlePlaces({ text, title, url });
  // "*": a landmark or other non-settlement place, never a story's main place.
  const shown = (p: { text: string; name: string; country: string | null; kind: string }) => `${p.text}→${p.name}/${p.country}${p.kind === 'other' ? '*' : ''}`;
  return [...r.title.map((p) => `T:${shown(p)}`), ...r.text.map(shown)];
};

describe('places in the story context', () => {
  // [text, title, outlet URL, places as written→name/country]
  const cases: [string, string, string | null, string[]][] = [
    // Spanish "Un" at a sentence start or in a title is the article "un" the text also writes in lowercase.
    ['Un hombre murió en un tiroteo en Monterrey, informaron las autoridades. Un testigo dijo que oyó disparos.', '', null, ['Monterrey→Monterrey/MX']],
    ['Un grupo armado atacó una comisaría en Culiacán durante la noche.', 'Un policía muerto en un ataque', null, ['Culiacán→Culiacán/MX']],
    // A verb in a headline ("Hit") is not the Iraqi town when the text writes it as a word.
    ['The boy was hit in the leg while walking home in Memphis.', 'Boy Hit, Hurt By Stray Bullet', null, ['Memphis→Memphis/US']],
    // "Cook County" is no town called Cook on another continent.
    ['Cook County prosecutors charged the man on Monday after the shooting in Chicago.', '', 'https://chicago.suntimes.com/news/a1', ['Chicago→Chicago/US']],
    ['Two deputies were hurt, the Cook County sheriff said.', '', null, []],
    // A county is read as its namesake town only in a state the story names.
    ['HOUSTON, Texas — Harris County deputies said three people were killed at an apartment.', '', null, ['HOUSTON→Houston/US', 'Texas→Texas/US']],
    // In a local station's report, a neighbourhood sharing a small French town's name is not in France.
    ['Three people were killed in Gentilly, New Orleans police said.', '', 'https://www.wwltv.com/article/news/crime/a1', ['New Orleans→New Orleans/US']],
    // A hospital or university named after a place is an institution, not that town.
    ['The victim was taken to Mount Sinai Hospital in Chicago, where he died.', '', null, ['Chicago→Chicago/US']],
    ['Two students were shot near University Hospital in Newark.', '', null, ['Newark→Newark/US']],
    ['She studied at University of Florida before moving to Tampa.', '', null, ['Florida→Florida/US', 'Tampa→Tampa/US']],
    // Institutions named after their buildings or bodies are not small towns of the same name.
    ['Republicans in Congress said they would block the bill in Washington.', '', null, ['Washington→Washington, D.C./US']],
    ['A White House spokesman said the president would visit Ohio.', '', null, ['White House→White House/US*', 'Ohio→Ohio/US']],
    // A small town far from the story's other places is a local namesake ("taken to Mount Sinai" in Chicago).
    ['CHICAGO — The boy was taken to Mount Sinai, where he was listed in critical condition.', '', null, ['CHICAGO→Chicago/US']],
    // A city in a country the story never names is read only when it is what its name means: "Santa
    // Rosa" (California, Argentina, …) beside Peru and Chile is no city abroad; "London" still is.
    ['Migrants camped near the Santa Rosa checkpoint between Tacna in Peru and Arica in Chile.', '', null, ['Tacna→Tacna/PE', 'Peru→Peru/PE', 'Arica→Arica/CL', 'Chile→Chile/CL']],
    ['The minister flew from Lima to London for talks on Peru\'s debt.', '', null, ['Lima→Lima/PE', 'London→London/GB', 'Peru→Peru/PE']],
    // A town of the name is still read when the text qualifies it.
    ['WHITE HOUSE, Tenn. — A man was shot outside a store.', '', null, ['WHITE HOUSE→White House/US', 'Tenn.→Tennessee/US']],
  ];
  for (const [text, title, url, expected] of cases) it(`${title ? `[${title}] ` : ''}${text.slice(0, 70)}`, () => assert.deepEqual(read(text, title, url), expected));

  it('a landmark mention is never the main place', () => {
    const r = articlePlaces({ text: 'The White House said the talks in Geneva would go on.', url: null });
    assert.equal(mainPlace(r.text, r.title, 60)?.name, 'Geneva');
  });
});

describe("the story's where is where the event happened", () => {
  it('Tacna, Peru: a state of emergency declared in Tacna, with Chile named more often as the neighbour', () => {
    const a = {
      text:
        'Peruvian President José Jerí announced on the 28th a 60-day state of emergency in the southern region of Tacna, on the border with Chile. ' +
        'Chile has sent soldiers to its northern border. Chilean officials said Chile would keep the crossing open, and Chile expects more migrants.',
      title: 'Peru declares emergency on border with Chile',
      url: 'https://example.com/news/peru-border',
    };
    const b = {
      text:
        'LIMA — Peruvian President José Jarí has announced a state of emergency in Tacna, where hundreds of migrants are stranded. ' +
        'Chile, which borders the region, said it would not let them cross. Authorities in Chile and Peru are talking.',
      title: 'Emergency in Tacna as migrants wait at the Chile border',
      url: 'https://example.org/world/tacna',
    };
    const arts = [a, b].map((x) => ({ ...articlePlaces(x), textLength: x.text.length }));
    const where = storyPlace(arts);
    assert.equal(`${where?.name}/${where?.country}`, 'Tacna/PE');
  });
});
