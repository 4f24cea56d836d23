import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  entityKey,
  foldLetters,
  foldMarks,
  markVariants,
  matchesSearch,
  nameKey,
  phoneticKey,
  placeKey,
  searchVariants,
  searchWords,
} from './fold.ts';

describe('text folding', () => {
  it('foldMarks strips marks only, keeping letters Unicode does not decompose', () => {
    assert.equal(foldMarks('São João Kovač Grünewald'), 'sao joao kovac grunewald');
    assert.equal(foldMarks('Tromsø Łódź'), 'tromsø łodz');
  });

  it('foldLetters folds the letter table too, and recomposes', () => {
    assert.equal(foldLetters('Tromsø Łódź Straße Æsir Œuvre Þór Ħamrun'), 'tromso lodz strasse aesir oeuvre thor hamrun');
    assert.equal(foldLetters('ØRSTED'), 'orsted');
    assert.equal(foldLetters('  two  spaces '), '  two  spaces ', 'spacing is kept');
  });

  it('nameKey collapses spacing: one key per name', () => {
    assert.equal(nameKey('  São   Paulo\t'), 'sao paulo');
    assert.equal(nameKey('TROMSØ'), nameKey('tromso'));
    assert.equal(nameKey('Łódź'), 'lodz');
  });

  it('entityKey drops punctuation', () => {
    assert.equal(entityKey("O'Neill"), 'oneill');
    assert.equal(entityKey('Kovač,  Ana'), 'kovac ana');
    assert.equal(entityKey('Ana  Kovac'), 'ana kovac', 'the ASCII fast path agrees');
    assert.equal(entityKey('Søren Ærø'), 'soren aero');
  });

  it('placeKey spells out St./Ft./Mt. and drops trailing dots', () => {
    assert.equal(placeKey('St. Louis'), 'saint louis');
    assert.equal(placeKey('Mt Everest'), 'mount everest');
    assert.equal(placeKey('Washington D.C.'), 'washington d.c');
    assert.equal(placeKey('Tromsø'), 'tromso');
    assert.equal(placeKey('Paris'), 'paris');
  });

  it('phoneticKey folds transliteration-level variants', () => {
    assert.equal(phoneticKey('mueller'), phoneticKey('muller'));
    assert.equal(phoneticKey('philipp'), 'filip');
  });

  it('search folding: variants only for words with table letters, words once, prefix match', () => {
    assert.equal(searchVariants('Flood in Tromsø and Łódź'), 'tromso lodz');
    assert.equal(searchVariants('São Paulo'), '', 'marks alone are folded by the index itself');
    assert.equal(searchVariants(null), '');
    assert.deepEqual(searchWords('the THE Tromsø, the'), ['the', 'tromso']);
    assert.equal(searchWords(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' ')).length, 12);
    assert.ok(matchesSearch('tromso', ['flood', 'trom']));
    assert.ok(!matchesSearch('tromso', ['trom', 'flood']), 'only the last word is a prefix');
    assert.equal(markVariants('Snow in Tromsø today', ['tromso']), 'Snow in \u0002Tromsø\u0003 today');
  });
});
