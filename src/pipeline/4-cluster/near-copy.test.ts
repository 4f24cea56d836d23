// Near-copy detection, scored like the issue asks: lightly edited copies (new headline, paragraphs
// re-ordered, a sentence added, a few words changed) must be found; different reports that share
// an outlet's boilerplate must not. Precision and recall ≥ 0.95 over every pair.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureDoc } from './fixtures.test-data.ts';
import { minhashSignature, signatureSimilarity } from './near-copy.ts';
import { OnlineStoryAssigner } from './story-assigner.ts';

const BOILERPLATE =
  'Sign up for the Morning Ledger newsletter to get the top stories of the day delivered to your inbox every morning. ' +
  'Copyright 2024 Harbor Ledger Media Group. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.';

const ORIGINALS: { id: string; title: string; paragraphs: string[] }[] = [
  { id: 'bridge', title: 'Old Mill bridge to close for six months of repairs', paragraphs: [
    'The Old Mill bridge over the Tamsen river will close to traffic from the first of June for six months of repairs, the county roads department said on Wednesday.',
    'Engineers found corrosion in two of the steel girders during a routine inspection in March. Buses will be diverted through Carver Street and the Northgate roundabout.',
    'Shop owners on Mill Lane said they feared losing passing trade. The county will pay for extra signs pointing drivers to the car park behind the library.',
    'The bridge was built in 1931 and was last repaired in 1998, when its deck was replaced.',
  ] },
  { id: 'library', title: 'City library extends opening hours after petition', paragraphs: [
    'The central library in Brackwater will stay open until nine in the evening on weekdays from next month, after more than four thousand residents signed a petition.',
    'Students had complained that the reading rooms closed at six, before many of them finished their shifts. The council found the money by sharing staff with the town archive.',
    'Head librarian Orla Denning said Sunday opening would be tried over the summer if the evening hours prove popular.',
  ] },
  { id: 'orchard', title: 'Frost wipes out half of Vell valley apple blossom', paragraphs: [
    'Two nights of hard frost destroyed about half of the apple blossom in the Vell valley, growers said on Monday, weeks after an unusually warm March brought the trees into flower early.',
    'Temperatures fell to minus five degrees in low-lying orchards near Stanmere. Some growers lit candles between the rows and ran sprinklers to coat the buds in protective ice.',
    'The growers association said it was too early to tell how many apples would be lost but warned that prices for local cider could rise next year.',
    'Insurers said few small orchards carry frost cover because premiums have tripled in a decade.',
  ] },
  { id: 'ferry', title: 'Island ferry strike called off after late pay offer', paragraphs: [
    'Crews on the ferries to Marrow Island called off a three-day strike on Thursday night after the operator improved its pay offer to six per cent this year.',
    'The union had said sailings would stop from Friday morning. Islanders had stocked up on fuel and groceries and the island school had planned to close.',
    'The operator, Skerry Lines, said all sailings would run to timetable and apologised for the uncertainty.',
  ] },
];

const body = (paragraphs: string[]) => [...paragraphs, BOILERPLATE].join('\n\n');

/** The edits a syndicating outlet or a re-publishing aggregator makes. */
const EDITS: [string, (p: string[]) => string[], (t: string) => string][] = [
  ['new headline', (p) => p, (t) => `${t.split(' ').slice(0, 4).join(' ')}: what we know`],
  ['paragraphs re-ordered', (p) => [p[1], p[0], ...p.slice(2)].reverse(), (t) => t],
  ['sentence added', (p) => [p[0], 'A spokesperson confirmed the details to this newspaper on Thursday.', ...p.slice(1)], (t) => t],
  ['words changed', (p) => p.map((x) => x.replace(/ said /g, ' stated ').replace(/ on /, ' late on ')), (t) => t.toUpperCase()],
  ['last paragraph cut, new headline', (p) => p.slice(0, -1), (t) => `Update: ${t}`],
];

describe('near-copies', () => {
  const docs = [
    ...ORIGINALS.map((o) => ({ id: o.id, original: null as string | null, title: o.title, text: body(o.paragraphs) })),
    ...ORIGINALS.flatMap((o) =>
      EDITS.map(([name, edit, retitle]) => ({ id: `${o.id} (${name})`, original: o.id, title: retitle(o.title), text: body(edit(o.paragraphs)) })),
    ),
  ];

  it('finds lightly edited copies and not reports that merely share boilerplate (P, R ≥ 0.95)', () => {
    const assigner = new OnlineStoryAssigner();
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const d of docs) {
      const { copyOf } = assigner.assign(fixtureDoc({ id: d.id, title: d.title, published: '2024-05-02', text: d.text }));
      if (copyOf && copyOf === d.original) tp++;
      else if (copyOf) fp++;
      if (d.original && copyOf !== d.original) fn++;
    }
    const precision = tp / (tp + fp || 1);
    const recall = tp / (tp + fn || 1);
    assert.ok(precision >= 0.95 && recall >= 0.95, `precision ${precision}, recall ${recall} (tp ${tp}, fp ${fp}, fn ${fn})`);
  });

  it('puts a copy in its original story and points at the original, not at another copy', () => {
    const assigner = new OnlineStoryAssigner();
    const first = assigner.assign(fixtureDoc({ id: 'o', title: ORIGINALS[0].title, published: null, text: body(ORIGINALS[0].paragraphs) }));
    const a = assigner.assign(fixtureDoc({ id: 'c1', title: 'Bridge closing', published: null, text: body(EDITS[2][1](ORIGINALS[0].paragraphs)) }));
    const b = assigner.assign(fixtureDoc({ id: 'c2', title: 'Bridge shut', published: null, text: body(EDITS[1][1](EDITS[2][1](ORIGINALS[0].paragraphs))) }));
    assert.deepEqual([a.copyOf, b.copyOf], ['o', 'o']);
    assert.deepEqual([a.storyId, b.storyId], [first.storyId, first.storyId]);
  });

  it('gives no signature to bodies too short to judge', () => {
    assert.deepEqual(minhashSignature('Storm hits coast.'), []);
    assert.equal(signatureSimilarity([], []), 0);
  });
});
