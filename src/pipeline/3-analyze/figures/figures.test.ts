import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFigures } from './figures.ts';
import { parseNumber } from './numbers.ts';

type Row = [text: string, value: number | null, counts: string | null, extra?: Partial<{ approx: boolean; vague: boolean; unit: string; low: number; high: number }>];

const figures = (text: string, opts: { headline?: boolean } = {}) => extractFigures({ text }, [], opts);

describe('parseNumber', () => {
  const cases: [string, number][] = [
    ['120,000', 120000], ['2.5 million', 2500000], ['twenty-five', 25], ['two dozen', 24], ['a dozen', 12],
    ['one hundred and twenty', 120], ['half a dozen', 6], ['three hundred thousand', 300000], ['12k', 12000],
  ];
  for (const [s, n] of cases) it(s, () => assert.equal(parseNumber(s), n));
});

describe('extractFigures', () => {
  // [sentence, then each figure found: [as written, value, counts, other fields]]
  const cases: [string, Row[]][] = [
    ['Four teens, the 12-year-old was the youngest, were shot on the court.', [['Four', 4, 'shot']]],
    ['Two men were shot and killed outside the store.', [['Two', 2, 'killed']]],
    ['A 17-year-old was wounded in the leg.', [['A 17-year-old', 1, 'injured']]],
    ['No one was injured in the blaze.', [['No one was injured', 0, 'injured']]],
    ['Roughly 120,000 residents lost power.', [['Roughly 120,000', 120000, 'residents', { approx: true }]]],
    ['Two dozen soldiers were deployed.', [['Two dozen', 24, 'soldiers']]],
    // A hyphenated unit describes the noun after it: the curfew lasts 90 days, it counts no curfews.
    ['The council imposed a 90-day curfew.', [['90', 90, null, { unit: 'day' }]]],
    ['Dozens of families were evacuated.', [['Dozens of', null, 'families', { vague: true, approx: true }]]],
    ['Between 10 and 15 people were treated for smoke.', [['Between 10 and 15', 12.5, 'injured', { low: 10, high: 15 }]]],
    ['The gunman killed three people and wounded two others.', [['three', 3, 'killed'], ['two', 2, 'injured']]],
    ['Four people were shot, one fatally.', [['Four', 4, 'shot'], ['one', 1, 'killed']]],
    ['Turnout rose 5 percent to $3.5 million in donations.', [['5', 5, null, { unit: '%' }], ['$3.5 million', 3500000, null, { unit: 'USD' }]]],
    ['The measure passed with 2020 votes.', [['2020', 2020, 'votes']]],
    ['The mayor took office in 2020.', []],
    ['Call 252-972-1411 or text 76765 with tips.', []],
    ['It happened at about 6 p.m. in the 2100 block of Bridlewood Dr.', []],
    ['The victims, ages 13, 17 and 19, were released.', []],
    ['Some 12,000 people had crossed from Bosnia since the start of the month.', [['Some 12,000', 12000, 'people', { approx: true }]]],
    // One victim, however it is said; the shooter is not a victim.
    ['A 3-year-old boy shot his mother in the leg as she slept.', [['his mother', 1, 'shot']]],
    ['John Doe, 23, of Dayton, was shot and killed Friday.', [['John Doe, 23, of Dayton,', 1, 'killed']]],
    ['The victim was taken to a local hospital.', [['The victim', 1, 'injured']]],
    ['A man shot and killed his neighbor.', [['his neighbor', 1, 'killed']]],
    ['Two 4-year-old girls were injured Thursday.', [['Two', 2, 'injured']]],
    ['The officer fired one shot.', [['one', 1, 'shots fired']]],
    ['Police said 0810 GMT was the time of the crash.', []],
    // An age before the noun does not hide the victim; family words are victims too.
    ['An 8-year-old boy was hospitalized after the gun went off.', [['An 8-year-old boy', 1, 'injured']]],
    ['A grandmother was shot in the arm on Maple Avenue.', [['A grandmother', 1, 'shot']]],
    ['A mother was shot in the arm by her toddler.', [['A mother', 1, 'shot']]],
    // One victim with no counted noun: self-inflicted, a pronoun, a wound.
    ['The 14-year-old accidentally shot himself in the foot.', [['shot himself', 1, 'shot']]],
    ['Relatives said she was shot while sitting on the porch.', [['she was shot', 1, 'shot']]],
    ['A customer arrived at the clinic with a gunshot wound to the hand.', [['with a gunshot wound', 1, 'shot']]],
    ['He died of a gunshot wound to the chest.', [['of a gunshot wound', 1, 'killed']]],
    // Victims listed by kind add up; ages are not counts; a total and its breakdown is not a sum.
    ['Three children and a woman were shot near the playground.', [['Three children and a woman', 4, 'shot']]],
    ['A 30-year-old man and a 19-year-old woman were killed, police said.', [['A 30-year-old man and a 19-year-old woman', 2, 'killed']]],
    ['Two men, ages 24 and 27, and a girl, 15, were wounded.', [['Two men, ages 24 and 27, and a girl, 15,', 3, 'injured']]],
    ['Police said a man and a woman were arrested.', []],
    // Later items may drop the determiner; a bare age is a victim; objects of the verb add up too.
    ['A man and child were injured Friday during an exchange of gunfire.', [['A man and child', 2, 'injured']]],
    ['A 10-year-old and a 14-year-old were shot Monday night.', [['A 10-year-old and a 14-year-old', 2, 'shot']]],
    ['Police said he wounded her brother and 4-year-old daughter.', [['her brother and 4-year-old daughter', 2, 'injured']]],
    ['The boy accidentally shot himself and a friend on Monday.', [['himself and a friend', 2, 'shot']]],
    // Trap: an apposition is the same victim, not a list.
    ['A 21-year-old man accidentally shot a 9-year-old girl, his relative, in the chest.', [['a 9-year-old girl', 1, 'shot']]],
    // Whether the one hit lived: "and died", "where they later died" / "but survived".
    ['A 20-year-old man was shot twice and died at a hospital.', [['A 20-year-old man', 1, 'killed']]],
    ['A man and woman were taken to a hospital, where they later died.', [['A man and woman', 2, 'killed']]],
    ['Her mother was also shot, but survived.', [['Her mother', 1, 'injured']]],
    // Trap: a death later in the sentence is someone else's.
    ['Three women were shot during the home invasion and a baby boy was killed.', [['Three', 3, 'shot'], ['a baby boy', 1, 'killed']]],
    // One killed and one more hit in the same sentence: the second lived.
    ['A juvenile was killed and a pizza delivery driver was shot on the job.', [['A juvenile', 1, 'killed'], ['a pizza delivery driver', 1, 'injured']]],
    ['A man was killed Sunday. A woman was shot in the arm.', [['A man', 1, 'killed'], ['A woman', 1, 'shot']]],
    ['The gunman killed a 2-year-old boy and critically injured an adult man.', [['a 2-year-old boy', 1, 'killed'], ['an adult man', 1, 'injured']]],
    ['Three people were killed and another critically injured at the farm.', [['Three', 3, 'killed'], ['another', 1, 'injured']]],
    ['Police said a 20-year-old woman suffered a fatal gunshot wound.', [['a 20-year-old woman', 1, 'killed']]],
    ['A man suffered a non-fatal gunshot wound to the leg.', [['A man', 1, 'injured']]],
    // "hit" in a shooting is by a bullet; trap: hit by a car.
    ['An 18-year-old woman was also hit during the shooting.', [['An 18-year-old woman', 1, 'shot']]],
    ['The man was hit by a car on Main Street.', []],
  ];
  for (const [text, rows] of cases) {
    it(text, () => {
      const got = figures(text);
      assert.deepEqual(
        got.map((f) => [f.text, f.value, f.counts]),
        rows.map(([t, v, c]) => [t, v, c]),
      );
      rows.forEach(([, , , extra], i) => {
        for (const [k, v] of Object.entries(extra ?? {})) assert.equal(got[i][k as keyof typeof got[number]], v, `${k} of ${got[i].text}`);
        assert.equal(text.slice(got[i].start, got[i].end), got[i].text);
      });
    });
  }

  it('numbers inside a date are not figures', () => {
    const text = 'The vote was held on March 29, 2026, with 600 soldiers on duty.';
    const dateSpan = { start: text.indexOf('March'), end: text.indexOf('2026') + 4 };
    assert.deepEqual(extractFigures({ text }, [dateSpan]).map((f) => f.text), ['600']);
  });

  it('reads headline-style singulars only when asked', () => {
    assert.deepEqual(figures('Teen dies after shooting in Bartow', { headline: true }).map((f) => [f.value, f.counts]), [[1, 'killed']]);
    assert.deepEqual(figures('Teen dies after shooting in Bartow'), []);
  });

  it('reads headline lists joined by commas alone, but not a clause after a comma', () => {
    const head = (t: string) => figures(t, { headline: true }).map((f) => [f.text, f.value, f.counts]);
    assert.deepEqual(head('4-year-old boy, woman shot in Woodlawn'), [['4-year-old boy, woman', 2, 'shot']]);
    assert.deepEqual(head('Mother and child shot in domestic shooting'), [['Mother and child', 2, 'shot']]);
    assert.deepEqual(head('4-year-old accidentally shoots himself, father charged'), [['shoots himself', 1, 'shot']]);
    assert.deepEqual(head('2 teens die after triple shooting in Mosby Court'), [['2', 2, 'killed']]);
  });
});

describe('extractFigures in other languages', () => {
  it('reads 6.000 as six thousand and keeps the counted word', () => {
    const [f] = extractFigures({ text: 'Unos 6.000 trabajadores siguen en huelga.', language: 'es' });
    assert.equal(f.value, 6000);
    assert.equal(f.counts, 'trabajadores');
  });
});

describe('figures a reader must not misread (issue 18)', () => {
  // [sentence, language, each figure: [as written, value, counts, unit, vague]]
  const cases: [string, string, [string, number | null, string | null, string | null, boolean][]][] = [
    ['The cabinet declared a 60-day state of emergency along the border.', 'en', [['60', 60, null, 'day', false]]],
    ['Officials announced a two-week lockdown of the old town.', 'en', [['two', 2, null, 'week', false]]],
    ['A 12-mile stretch of the highway was closed.', 'en', [['12', 12, null, 'mile', false]]],
    ['El gobierno decretó un estado de emergencia de 60 días.', 'es', [['60', 60, null, 'day', false]]],
    // Decimal commas: "1,3 millones" is 1.3 million, not the figures 1 and 3.
    ['La región tiene 1,3 millones de habitantes.', 'es', [['1,3 millones', 1300000, 'habitantes', null, false]]],
    ['Las pérdidas superan los 2,5 millones de euros.', 'es', [['2,5 millones', 2500000, 'euros', null, false]]],
    ['Unas 4.500 personas cruzaron la frontera el viernes.', 'es', [['Unas 4.500', 4500, 'people', null, false]]],
    // "sent" counts the hurt only when they were sent to a hospital.
    ['The army sent 300 soldiers with boats to the flooded towns.', 'en', [['300', 300, 'soldiers', null, false]]],
    ['The crash sent five people to the hospital on Sunday.', 'en', [['five', 5, 'injured', null, false]]],
    // "one of the most …" picks one out of many: not a figure.
    ['Chile has long been one of the most stable nations in the region.', 'en', []],
    ['It was one of the deadliest storms on record.', 'en', []],
    ['The port is one of the busiest in the world.', 'en', []],
    ['Es uno de los países más estables de la región.', 'es', []],
    // Vague amounts stay vague.
    ['Hundreds of migrants waited at the crossing.', 'en', [['Hundreds of', null, 'migrants', null, true]]],
    ['Several homes were destroyed by the fire.', 'en', [['Several', null, 'homes', null, true]]],
  ];
  for (const [text, language, expected] of cases) {
    it(text, () => {
      const got = extractFigures({ text, language });
      assert.deepEqual(got.map((f) => [f.text, f.value, f.counts, f.unit, f.vague]), expected);
    });
  }
});

describe('extractFigures in Spanish', () => {
  const cases: [string, [string, number, string | null, string | null, boolean][]][] = [
    ['El apagón de seis horas dejó sin luz a unas 12.000 viviendas.', [['seis', 6, null, 'hour', false], ['unas 12.000', 12000, 'viviendas', null, true]]],
    ['Dos personas murieron y 14 resultaron heridas.', [['Dos', 2, 'killed', null, false], ['14', 14, 'injured', null, false]]],
    ['Treinta y dos pasajeros y más de 300.000 usuarios.', [['Treinta y dos', 32, 'pasajeros', null, false], ['más de 300.000', 300000, 'usuarios', null, true]]],
    ['Un millón de personas; media docena de barrios.', [['Un millón', 1000000, 'people', null, false], ['media docena', 6, 'barrios', null, false]]],
    // Clock times and articles are not figures.
    ['La reunión empezó a las 14 horas con una declaración.', []],
  ];
  for (const [text, expected] of cases) {
    it(text, () => {
      const got = extractFigures({ text, language: 'es' });
      assert.deepEqual(
        got.map((f) => [f.text, f.value, f.counts, f.unit, f.approx]),
        expected,
      );
    });
  }

  it('does not read Spanish number words in English text ("once" is not eleven)', () => {
    assert.deepEqual(extractFigures({ text: 'Once the river rose, dos and donts were posted.', language: 'en' }), []);
  });
});

describe('a scale joined by a hyphen is one amount', () => {
  const rows: [string, number][] = [
    ['The firm paid $1.5-billion for the mine.', 1.5e9],
    ['Thieves took a $2.6-million haul of jewels.', 2.6e6],
    ['Thieves took $2.6 million of jewels.', 2.6e6],
  ];
  for (const [text, value] of rows)
    it(text, () => assert.deepEqual(extractFigures({ text, language: 'en' }).map((f) => f.value), [value]));
});
