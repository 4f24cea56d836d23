import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { risingInTime } from './over-time.ts';

const side = (days: (string | null)[], low: number, high = low) => ({ days, range: { low, high } });

describe('risingInTime', () => {
  it('calls a count that grew from one day to the next a rise', () => {
    const [late, early] = [side(['2025-03-04'], 3), side(['2025-03-03', '2025-03-03'], 2)];
    assert.deepEqual(risingInTime([late, early]), [early, late]);
    const three = [side(['2025-03-03'], 2), side(['2025-03-04'], 3), side(['2025-03-06'], 5, 6)];
    assert.deepEqual(risingInTime(three), three);
  });

  it('says nothing when the count fell, or the reports overlap in time, share a day, lack a date, or move both ways', () => {
    assert.equal(risingInTime([side(['2025-03-03'], 10), side(['2025-03-05'], 8)]), null);
    assert.equal(risingInTime([side(['2025-03-03', '2025-03-05'], 2), side(['2025-03-04'], 3)]), null);
    assert.equal(risingInTime([side(['2025-03-03'], 2), side(['2025-03-03'], 3)]), null);
    assert.equal(risingInTime([side(['2025-03-03'], 2), side([null], 3)]), null);
    assert.equal(risingInTime([side(['2025-03-03'], 2), side(['2025-03-04'], 4), side(['2025-03-05'], 3)]), null);
    assert.equal(risingInTime([side(['2025-03-03'], 2)]), null);
  });
});
