import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noiseKind } from './lines.ts';

describe('noiseKind', () => {
  const cases: [string, string | null][] = [
    ['Tags: politics, migration, elections', 'tags'],
    ['Etiquetas: frontera, migración', 'tags'],
    ['IMG_2041.jpg', 'file-name'],
    ['screenshot-2026-03-12.png', 'file-name'],
    ['Share this article', 'prompt'],
    ['Subscribe to our newsletter', 'prompt'],
    ['Advertisement', 'prompt'],
    ['Advert', 'prompt'],
    ['This slideshow requires JavaScript.', 'prompt'],
    ['Read more: Floods across the region', 'related'],
    ['Translated from Spanish by the desk', 'prompt'],
    ['Facebook | Twitter | Email', 'prompt'],
    // Content that merely mentions these words stays.
    ['The minister said the tags on the crates were forged.', null],
    ['Officials will share the results of the inquiry on Monday.', null],
    ['He sent the file report.pdf to investigators, who later read it in full detail.', null],
    ['', null],
  ];
  for (const [line, kind] of cases)
    it(`${JSON.stringify(line)} → ${kind}`, () => assert.equal(noiseKind(line), kind));
});
