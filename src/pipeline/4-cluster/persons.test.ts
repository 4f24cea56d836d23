import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withPersons } from './fixtures.test-data.ts';
import { personNames, personsIn } from './persons.ts';

describe('personNames', () => {
  it('keeps the people an event is about, by first and last name', () => {
    const text = 'SirTerry L. Stevenson, 19, was charged with murder. Paul Kendall Jr. was wounded. Prince was there.';
    assert.deepEqual(personNames(text, withPersons(text, ['SirTerry L. Stevenson', 'Paul Kendall Jr.', 'Prince'])), ['sirterry stevenson', 'paul kendall']);
  });

  it('leaves out officials, journalists and districts, who appear in reports of many events', () => {
    const text =
      'Police spokesman Officer Joe Silva said two men were hurt. "We have no suspect," said Chief Ana Ruiz. ' +
      'Tom Beck, a police spokesman, said more later. Photo by Erin Hale. Lee Moss / The Ledger. ' +
      'The shooting happened in South Toledo. Victim Maria Lopez, 30, was treated at the scene.';
    const names = ['Joe Silva', 'Ana Ruiz', 'Tom Beck', 'Erin Hale', 'Lee Moss', 'South Toledo', 'Maria Lopez'];
    assert.deepEqual(personNames(text, withPersons(text, names)), ['maria lopez']);
  });

  it('leaves out outlets and services the recogniser took for people, not a name written in capitals', () => {
    const text = 'NBC Washington reported that Austin-Travis EMS took JOHN SMITH and Ana Diaz to a hospital.';
    assert.deepEqual(personNames(text, withPersons(text, ['NBC Washington', 'Austin-Travis EMS', 'JOHN SMITH', 'Ana Diaz'])), ['john smith', 'ana diaz']);
  });

  it('finds which names a headline gives in full', () => {
    const inHeadline = new Set(['brothers', 'james', 'poore', 'cedric', 'trial']);
    assert.deepEqual(personsIn(['james poore', 'cedric poore', 'julie jackson'], inHeadline), ['james poore', 'cedric poore']);
  });
});
