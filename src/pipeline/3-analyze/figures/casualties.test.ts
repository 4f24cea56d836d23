import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleCasualties, majority, storyCasualties } from './casualties.ts';
import { extractFigures } from './figures.ts';

const casualties = (text: string) => articleCasualties(extractFigures({ text }));

describe('articleCasualties', () => {
  const cases: [string, { killed: number | null; injured: number | null }][] = [
    ['Four people were shot, one fatally, outside a nightclub.', { killed: 1, injured: 3 }],
    ['Two men were shot and killed. A 17-year-old was wounded.', { killed: 2, injured: 1 }],
    ['A man was shot in the leg Monday; no one else was hurt.', { killed: 0, injured: 1 }],
    ['Three people were killed, and another injured in a shooting at the motel.', { killed: 3, injured: 1 }],
    ['The gunman killed three people and wounded two others before he was arrested.', { killed: 3, injured: 2 }],
    ['The city council approved 12 new buses.', { killed: null, injured: null }],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(casualties(text), expected));
});

describe('storyCasualties', () => {
  it('takes the majority, the larger on a tie, and 0 when nothing is known', () => {
    assert.deepEqual(
      storyCasualties([
        { killed: 1, injured: 3 },
        { killed: 1, injured: 2 },
        { killed: 2, injured: 3 },
        { killed: null, injured: null },
      ]),
      { killed: 1, injured: 3 },
    );
    assert.deepEqual(storyCasualties([{ killed: null, injured: null }]), { killed: 0, injured: 0 });
    assert.equal(majority([2, 3]), 3);
  });
});
