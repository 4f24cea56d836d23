import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFigures } from './figures.ts';
import { isStatedTotal } from './stated.ts';

// A count a report states is a total; one victim described is a victim, never a disputable count.
describe('isStatedTotal', () => {
  const cases: [sentence: string, language: string, stated: boolean][] = [
    ['Three officers were killed in the ambush.', 'en', true],
    ['The gunman opened fire, killing two and wounding four.', 'en', true],
    ['At least 12 people died in the flooding.', 'en', true],
    ['No one else was injured, police said.', 'en', true],
    ['Dos personas murieron en el choque.', 'es', true],
    ['A 16-year-old boy was shot near the park.', 'en', false],
    ['A man was killed outside the bar on Friday.', 'en', false],
    ['Police are investigating a fatal shooting on Elm Street.', 'en', false],
    ['Two children and a woman were shot at the bus stop.', 'en', false],
    ['Deputies said he shot his brother in the leg.', 'en', false],
  ];
  for (const [text, language, stated] of cases) {
    it(text, () => {
      const casualty = extractFigures({ text, language }).filter((f) => ['killed', 'injured', 'shot'].includes(f.counts ?? ''));
      assert.ok(casualty.length, 'a casualty figure is found');
      assert.equal(isStatedTotal(casualty[0]), stated);
    });
  }
});
