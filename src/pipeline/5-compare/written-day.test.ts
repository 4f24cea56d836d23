import assert from 'node:assert/strict';
import { test } from 'node:test';
import { namesDay } from './written-day.ts';

test('a date written without its year fits every day its words name', () => {
  // Saturday 1 and Saturday 8 March 2025; 22 January in 2015 and 2016.
  for (const [written, day] of [['late Saturday night', '2025-03-01'], ['Saturday night', '2025-03-08'], ['el sábado', '2025-03-08'], ['Jan. 22', '2016-01-22'], ['Jan. 22', '2015-01-22'], ['the evening of March 9', '2026-03-09'], ['9 de marzo', '2026-03-09']]) {
    assert.ok(namesDay(written, day), `${written} fits ${day}`);
  }
  for (const [written, day] of [['Sunday', '2025-03-01'], ['Tuesday, March 10', '2026-03-09'], ['March 9, 2025', '2026-03-09'], ['yesterday', '2025-03-01'], ['the 17th', '2026-01-17'], ['March', '2026-03-01']]) {
    assert.ok(!namesDay(written, day), `${written} does not fit ${day}`);
  }
});
