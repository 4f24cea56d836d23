import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { galleryText } from './gallery.ts';

// Made-up slides in the shape a gallery page leaves in scraped text: a counter, the caption, its
// copy (whole, or cut with "..."), the player's "less … more" and a credit.
describe('galleryText', () => {
  it('keeps each caption sentence once, without counter, copies and credits', () => {
    const lines = [
      'Image 1 of 6 Firefighters search the rubble of a warehouse that collapsed Tuesday, May 5, 2026, in Riverton. Firefighters search the rubble of a warehouse that collapsed Tuesday, May 5, 2026, in Riverton. Photo: Dana Ruiz, The Riverton Ledger',
      'Image 2 of 6 Two workers were killed when the roof of the Riverton warehouse gave way during a storm. ( Dana Ruiz / The Riverton Ledger ) less Two workers were killed when the roof of the Riverton warehouse gave way during a storm. ... more Photo: Dana Ruiz, The Riverton Ledger',
      'Image 3 of 6 Two workers were killed when the roof of the Riverton warehouse gave way during a storm.',
    ];
    assert.deepEqual(galleryText(lines, 'Two killed as warehouse roof collapses in Riverton'), [
      'Firefighters search the rubble of a warehouse that collapsed Tuesday, May 5, 2026, in Riverton.',
      'Two workers were killed when the roof of the Riverton warehouse gave way during a storm.',
    ]);
  });

  it('drops a copy a template cut short', () => {
    const lines = [
      'Image 1 of 3 A memorial stands on the porch of the house where three people were killed Sunday in Lakeside.',
      'Image 2 of 3 Neighbors leave flowers outside the house where three people were killed Sunday in Lakeside. Neighbors leave flowers outside the house where...',
    ];
    assert.deepEqual(galleryText(lines, 'Three dead in Lakeside house shooting'), [
      'A memorial stands on the porch of the house where three people were killed Sunday in Lakeside.',
      'Neighbors leave flowers outside the house where three people were killed Sunday in Lakeside.',
    ]);
  });

  it('gives nothing for slides of another story (no word of the headline)', () => {
    const lines = [
      'Image 1 of 4 Dancers perform at the spring festival parade downtown on Saturday afternoon.',
      'Image 2 of 4 Children ride the carousel at the spring festival parade downtown on Saturday.',
    ];
    assert.deepEqual(galleryText(lines, 'Man shot outside gas station on Elm Street'), []);
  });

  it('needs two slides, and ignores lines that are no slide', () => {
    assert.deepEqual(galleryText(['Image 1 of 1 A man was shot outside a gas station on Elm Street late Friday.'], 'Man shot outside gas station'), []);
    assert.deepEqual(galleryText(['Share this article', 'Photo: Dana Ruiz'], 'Man shot outside gas station'), []);
  });

  it('keeps no fragment: a caption sentence has six words and ends like a sentence', () => {
    const lines = [
      'Image 1 of 2 Scene on Elm Street. Police tape surrounds the gas station where a man was shot late Friday.',
      'Image 2 of 2 Police tape surrounds the gas station where a man was shot late Friday. Photo: Sam Kehl/Staff',
    ];
    assert.deepEqual(galleryText(lines, 'Man shot outside gas station on Elm Street'), [
      'Police tape surrounds the gas station where a man was shot late Friday.',
    ]);
  });
});

describe('galleryText sentences', () => {
  it('does not split at an initial or a title, and drops a copy with a date line before it', () => {
    const lines = [
      'Image 1 of 3 Sheriff’s Officer E.A. Lopez pays his respects outside the home where two people were killed Saturday night.',
      'Image 2 of 3 Sgt. Dana Ruiz speaks to neighbors near the home where two people were killed Saturday night.',
      'Image 3 of 3 May 2, 2026 Sheriff’s Officer E.A. Lopez pays his respects outside the home where two people were killed Saturday night.',
    ];
    assert.deepEqual(galleryText(lines, 'Two killed in home shooting'), [
      'Sheriff’s Officer E.A. Lopez pays his respects outside the home where two people were killed Saturday night.',
      'Sgt. Dana Ruiz speaks to neighbors near the home where two people were killed Saturday night.',
    ]);
  });
});
