// A word that is a person or a city in one report and part of an organisation's or a place's
// name in the other ("Fargo" / "Wells Fargo") is no name the two share (issue #23). Reports
// written for these tests (samples, not real events), analysed as the pipeline does. The sense is
// the recogniser's: a sentence that opens on "Wells Fargo" may have it typed as a person, and
// then its words stay names (docs/CLUSTERING.md).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../3-analyze/analyze.ts';
import { fixtureArticle } from './fixtures.test-data.ts';
import { articleFeatures } from './features.ts';
import { defaultStoryAssignerOptions } from './story-assigner.ts';

/** The name, organisation, place and figure terms of a report (`n:`, `o:`, `p:`, `f:`), with name senses on. */
function nameTerms(title: string, text: string): Set<string> {
  const article = fixtureArticle({ id: title, title, text, published: '2024-02-06' });
  const f = articleFeatures(article, analyzeArticle(article), { ...defaultStoryAssignerOptions, nameSenses: true });
  return new Set(f.t.map(([t]) => t).filter((t) => !t.startsWith('w:')));
}

const shared = (a: Set<string>, b: Set<string>) => [...a].filter((t) => b.has(t)).sort();

const REPORTS = {
  bank: ['Shake-up at Wells Fargo fails to calm investors', 'Wells Fargo replaced two senior executives on Tuesday. Investors said the shake-up did little to restore trust in the bank, and Wells Fargo shares fell 2 percent.'],
  bank2: ['Wells Fargo to pay fine over fake accounts', 'Federal regulators on Friday ordered Wells Fargo to pay a fine over accounts its staff opened without customers knowing.'],
  fargo: ['Man flown to Fargo after shooting', 'A 34-year-old man was shot on Saturday night near Moorhead and flown to a hospital in Fargo, police said. The shooter fled on foot.'],
  fargo2: ['Fargo man wounded in Moorhead shooting', 'A man from Fargo was wounded in a shooting in Moorhead on Saturday night. He is in stable condition at a Fargo hospital.'],
  restaurants: ['Flynn Restaurant Group buys 90 outlets', "The Flynn Restaurant Group said on Tuesday it would buy 90 Applebee's restaurants in three states. The San Francisco company already runs more than 1,000 franchised outlets."],
  chief: ['Chief Flynn on shooting of 5-year-old', 'Police Chief Edward Flynn said on Monday that the 5-year-old girl shot on North 35th Street in Milwaukee was in stable condition. Flynn called the shooting senseless.'],
  hospital: ['Surgeons at Jackson Memorial Hospital separate twins', 'Doctors at Jackson Memorial Hospital in Miami separated conjoined twins in a 20-hour operation, the hospital said on Wednesday.'],
  suspect: ['Man charged in Mobile shooting', 'Tyrone Jackson, 24, was charged with attempted murder on Friday after a man was shot outside a gas station in Mobile, police said. Jackson was held without bail.'],
} as const;

const terms = (k: keyof typeof REPORTS) => nameTerms(REPORTS[k][0], REPORTS[k][1]);

describe('name senses', () => {
  // [report, other report, the word, whether they share it as a name]
  const cases: [keyof typeof REPORTS, keyof typeof REPORTS, string, boolean][] = [
    ['bank', 'fargo', 'fargo', false],
    ['restaurants', 'chief', 'flynn', false],
    ['hospital', 'suspect', 'jackson', false],
    // The same sense in both: still one name.
    ['bank', 'bank2', 'fargo', true],
    ['fargo', 'fargo2', 'fargo', true],
  ];
  for (const [a, b, word, same] of cases) {
    it(`${a} and ${b} ${same ? 'share' : 'do not share'} "${word}"`, () => {
      const both = shared(terms(a), terms(b));
      const withWord = both.filter((t) => t.slice(2) === word);
      assert.equal(withWord.length > 0, same, `shared: ${both.join(' ')}`);
    });
  }

  it('makes the words of an organisation\'s name organisation terms, not names', () => {
    const bank = terms('bank');
    assert.ok(bank.has('o:wells') && bank.has('o:fargo'), [...bank].join(' '));
    assert.ok(!bank.has('n:fargo') && !bank.has('n:wells'));
  });

  it('leaves names alone when off (the default)', () => {
    const article = fixtureArticle({ id: 'b', title: REPORTS.bank[0], text: REPORTS.bank[1], published: '2024-02-06' });
    const t = articleFeatures(article, analyzeArticle(article), defaultStoryAssignerOptions).t.map(([x]) => x);
    assert.ok(t.includes('n:fargo') && !t.some((x) => x.startsWith('o:')));
  });

  it('keeps a word that the report also uses on its own', () => {
    const t = nameTerms('Wells Fargo branch in Fargo robbed', 'A man robbed the Wells Fargo branch on Main Avenue in Fargo on Monday, police in Fargo said.');
    assert.ok(t.has('n:fargo'), [...t].join(' '));
  });
});
