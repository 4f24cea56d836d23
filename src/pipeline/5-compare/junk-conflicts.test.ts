import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFigures } from '../3-analyze/figures/figures.ts';
import { compareSources } from './compare.ts';
import { draft } from './fixtures.ts';

/** A report with its figures read by the real extractor. */
function report(id: string, text: string) {
  const d = draft(id, `${id}.example`, text);
  d.mentions.figures = extractFigures({ text, language: 'en' });
  return d;
}

// A count conflict's values are numbers as written, never a victim described or a noun phrase.
describe('count conflicts are between stated totals', () => {
  const junk: [string, string[]][] = [
    ['"three" vs "fatally shot" vs "fatal shooting"', ['Three people were killed in the attack on Saturday, police said.', 'A man was fatally shot at the scene of Saturday\'s attack.', 'Police are investigating a fatal shooting on Saturday.']],
    ['"A 16-year-old boy" vs "A man" vs "Two"', ['A 16-year-old boy was shot on Maple Avenue on Monday evening.', 'A man was shot on Maple Avenue on Monday evening, police said.', 'Two people were shot on Maple Avenue on Monday evening.']],
  ];
  for (const [name, texts] of junk) {
    it(`no conflict: ${name}`, () => {
      const { comparison } = compareSources(texts.map((t, i) => report(`r${i}`, t)), []);
      assert.deepEqual(comparison.conflicts.filter((c) => c.kind === 'value').map((c) => c.values.map((v) => v.value)), []);
    });
  }
  it('a real dispute keeps its numbers and drops the descriptions', () => {
    const texts = ['Three people were killed in the attack on Saturday.', 'Five people were killed in the attack on Saturday.', 'A man was killed in the attack on Saturday.'];
    const { comparison } = compareSources(texts.map((t, i) => report(`r${i}`, t)), []);
    const values = comparison.conflicts.filter((c) => c.kind === 'value').map((c) => c.values.map((v) => v.value).sort());
    assert.deepEqual(values, [['Five', 'Three']]);
  });
});
