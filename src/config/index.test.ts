// The config is validated once at the edge: the feed interval default obeys the same rule as the
// CLI's --interval and the API's intervalMinutes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultWebConfig, FEED_INTERVAL, loadConfig } from './index.ts';

const withWeb = (over: Partial<typeof defaultWebConfig>) =>
  loadConfig({}, { web: { ...defaultWebConfig, ...over } });

describe('loadConfig', () => {
  it('holds the default feed interval to the interval rule', () => {
    assert.equal(withWeb({ feedIntervalSeconds: FEED_INTERVAL.minSeconds }).web.feedIntervalSeconds, 300);
    assert.throws(
      () => withWeb({ feedIntervalSeconds: 60 }),
      /^Error: config: web\.feedIntervalSeconds: must be between 5 minutes and 7 days, got 60 s$/,
    );
    assert.throws(
      () => withWeb({ feedIntervalSeconds: FEED_INTERVAL.maxSeconds + 1 }),
      /must be between 5 minutes and 7 days/,
    );
  });

  it('wants at least one host polled at a time', () => {
    assert.throws(
      () => withWeb({ pollHostsAtOnce: 0 }),
      /web\.pollHostsAtOnce: must be a positive integer, got 0/,
    );
  });
});
