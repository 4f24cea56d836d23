import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDateString, parseDateValue } from './published-date.ts';

describe('parseDateString', () => {
  const cases: [string, string | null, string | null][] = [
    ['2026-03-14', '2026-03-14', null],
    ['2026-03-14T09:30:00Z', '2026-03-14', '2026-03-14T09:30:00.000Z'],
    ['March 14, 2026', '2026-03-14', null],
    ['Saturday, March 14, 2026', '2026-03-14', null],
    ['Mar. 14, 2026 10:32 AM', '2026-03-14', '2026-03-14T10:32:00'],
    ['14 March 2026', '2026-03-14', null],
    ['14 de marzo de 2026', '2026-03-14', null],
    ['sábado, 14 de marzo de 2026', '2026-03-14', null],
    ['14/03/2026', '2026-03-14', null],
    ['Published: 2026-03-14', '2026-03-14', null],
    // Not dates, or not only dates: prose must never pass for a date line.
    ['March 14, 2026 was a day of heavy rain in the city', null, null],
    ['February 30, 2026', null, null],
    ['2026', null, null],
    ['The 14th', null, null],
    ['Flood hits Valencia', null, null],
  ];
  for (const [input, date, iso] of cases) {
    it(`${JSON.stringify(input)} → ${date}`, () => {
      const got = parseDateString(input);
      assert.equal(got?.date ?? null, date);
      if (iso) assert.equal(got?.iso, iso);
    });
  }
});

describe('parseDateValue', () => {
  it('reads RFC 2822 (feeds), epoch seconds and Date objects', () => {
    assert.equal(parseDateValue('Sat, 14 Mar 2026 09:30:00 GMT')?.date, '2026-03-14');
    assert.equal(parseDateValue(1773480600)?.date, '2026-03-14');
    assert.equal(parseDateValue(new Date('2026-03-14T00:00:00Z'))?.date, '2026-03-14');
    assert.equal(parseDateValue(''), null);
    assert.equal(parseDateValue({}), null);
  });

  it('refuses dates no publication has (a wrong unit or field)', () => {
    assert.equal(parseDateValue(99999999999999), null, 'epoch milliseconds of the year 5138');
    assert.equal(parseDateValue('0001-01-01'), null);
    assert.equal(parseDateValue('1999-12-31')?.date, '1999-12-31');
  });
});
