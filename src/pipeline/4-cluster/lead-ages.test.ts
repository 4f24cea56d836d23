import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { agesApart, leadAges } from './lead-ages.ts';

describe('leadAges', () => {
  const table: [string, string, number[]][] = [
    ['Boy, 16, wounded on West Side', 'A 16-year-old boy was shot in the leg on Friday night.', [16]],
    ['Girl, 3, dies after Easter shooting', 'The girl was shot while riding in a car, police said.', [3]],
    ['Police seek suspect in shooting of 6-month-old', 'A 6-month-old girl was struck in the back during a drive-by.', [1006]],
    ['Two hurt in shooting', 'Marcus Hill, 23, and a 19-year-old woman were shot outside a bar.', [23, 19]],
    ['Man shot on Elm Street', 'A man was shot on Elm Street on Friday, police said.', []],
  ];
  for (const [headline, text, ages] of table) it(`${headline} → ${ages.join(' ')}`, () => assert.deepEqual(leadAges(headline, text), ages));

  it('tells two victims apart only when both give ages and share none', () => {
    assert.equal(agesApart([3], [1006]), true);
    assert.equal(agesApart([16, 19], [19]), false);
    assert.equal(agesApart([], [4]), false);
  });
});
