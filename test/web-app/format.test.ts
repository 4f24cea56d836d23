// The web app's formatting helpers, in node: they touch no DOM.
import assert from 'node:assert/strict';
import { it } from 'node:test';
// @ts-expect-error -- a plain JS module of the web app, without types
import { fmtDay } from '../../src/web/js/dom.js';

it('shows a date no more precise than it is', () => {
  assert.equal(fmtDay('2026-03-09'), '9 Mar 2026');
  assert.equal(fmtDay('2025-12-01', 'month'), 'Dec 2025');
  assert.equal(fmtDay('2025-01-01', 'year'), '2025');
  assert.equal(fmtDay(null), 'undated');
});
