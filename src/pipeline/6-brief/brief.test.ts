import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoryReport } from '../../model/index.ts';
import { compareSources } from '../5-compare/compare.ts';
import { date, draft, figure, person, published, quote, type Draft } from '../5-compare/fixtures.ts';
import { linkEntities } from '../3-analyze/entities/link.ts';
import { writeBrief } from './brief.ts';
import { checkBrief, checkEvidence } from './faithfulness.ts';
import { buildTimeline } from './timeline.ts';

function story(): Draft[] {
  const hl = draft(
    'hl',
    'Harbor Ledger',
    'The Croatian government declared a state of emergency on Friday in two counties bordering Bosnia and Herzegovina.\n\n' +
      'More than 15,000 people have crossed from Bosnia since March 1, according to figures presented to the cabinet.\n\n' +
      'Interior Minister Ana Kovač said the measures would allow 600 troops to support border police.\n\n' +
      'Bosnia holds a general election on March 29 after months of economic turmoil.',
  );
  date(hl, 'on Friday', '2026-03-13', { event: true });
  date(hl, 'March 29', '2026-03-29', { what: 'general election in Bosnia' });
  figure(hl, '15,000', { value: 15000, counts: 'crossed' });
  figure(hl, '600', { value: 600, counts: 'troops' });
  person(hl, 'Ana Kovač', 'Ana Kovač');
  const et = draft(
    'et',
    'Eastbridge Times',
    'Croatia has placed two eastern counties along its border with Bosnia under a 30-day state of emergency, adopted on March 13.\n\n' +
      'Interior Minister Ana Kovač said some 12,000 people had crossed from Bosnia since the start of the month.\n\n' +
      'The decision allows the government to deploy 600 soldiers in support of border police.\n\n' +
      'Bosnia holds a general election on March 29 after months of economic turmoil.',
  );
  date(et, 'March 13', '2026-03-13', { event: true });
  date(et, 'March 29', '2026-03-29', { what: 'general election in Bosnia' });
  figure(et, '12,000', { value: 12000, counts: 'crossed' });
  figure(et, '600', { value: 600, counts: 'troops' });
  person(et, 'Ana Kovač', 'Ana Kovač');
  const copy = draft('vc', 'Valley Courier', et.article.text, { copyOf: 'et' });
  return [hl, et, copy];
}

function report(ds: Draft[]): StoryReport {
  const entities = linkEntities(ds.map((d) => ({ id: d.article.id, mentions: d.mentions })));
  const { comparison, facts } = compareSources(ds, entities);
  const dates = ds.flatMap((d) => d.mentions.dates.map((m) => ({ date: m.date!, text: m.text, what: m.what ?? '', articles: [d.article.id] })));
  return {
    id: 's1', title: 't', when: null, where: null, entities, places: [], dates, figures: [], quotes: [], comparison,
    articles: ds.map((d) => ({ id: d.article.id, source: d.article.source, title: '', published: null, event_date: null, language: 'en', path: null, url: null, copy_of: d.copyOf })),
    brief: writeBrief(ds, facts, comparison),
    timeline: buildTimeline(ds, facts),
  };
}

test('brief: 3–7 verbatim sentences, each citing every article that carries it', () => {
  const ds = story();
  const r = report(ds);
  assert.ok(r.brief.length >= 3 && r.brief.length <= 7, `${r.brief.length} sentences`);
  const text = (id: string) => ds.find((d) => d.article.id === id)?.article.text;
  assert.deepEqual(checkBrief(r, text).failures, []);
  assert.deepEqual(checkEvidence(r, text).failures, []);
  const election = r.brief.find((b) => b.text.includes('general election'));
  assert.ok(election, 'the agreed election date is in the brief');
  assert.ok(r.brief.filter((b) => b.text.includes('general election')).length === 1, 'said once');
  const troops = r.brief.find((b) => b.text.includes('600 soldiers'));
  if (troops) assert.deepEqual(troops.articles, ['et', 'vc']);
});

test('brief: a disputed figure is never stated alone, and the dispute is told with both sources', () => {
  const r = report(story());
  const alone = r.brief.filter((b) => (b.parts?.length ?? 1) === 1 && /15,000|12,000/.test(b.text));
  assert.deepEqual(alone, []);
  const dispute = r.brief.find((b) => b.text.startsWith('Sources differ'));
  assert.ok(dispute);
  assert.match(dispute.text, /Harbor Ledger reports: More than 15,000/);
  assert.match(dispute.text, /Eastbridge Times reports: .*some 12,000/);
  assert.deepEqual(dispute.articles, ['hl', 'et']);
});

test('faithfulness check catches a sentence that is not in the cited article', () => {
  const ds = story();
  const r = report(ds);
  r.brief.push({ text: 'More than 15,000 people have crossed from Bosnia since March 1.', articles: ['et'] });
  const text = (id: string) => ds.find((d) => d.article.id === id)?.article.text;
  assert.equal(checkBrief(r, text).failures.length, 1);
  r.comparison.conflicts[0].values[0].evidence[0].start += 3;
  assert.ok(checkEvidence(r, text).failures.length >= 1);
});

test('timeline: dated events in order, the event day first on its date, each told by its statement', () => {
  const r = report(story());
  assert.deepEqual(r.timeline?.map((t) => [t.date, t.what]), [
    ['2026-03-13', 'The Croatian government declared a state of emergency on Friday in two counties bordering Bosnia and Herzegovina.'],
    ['2026-03-29', 'Bosnia holds a general election on March 29 after months of economic turmoil.'],
  ]);
});

test('brief: a speaker dispute joins each attribution with the quote it credits', () => {
  const said = 'Millions of passengers should not be held hostage to a pay dispute';
  const mw = quote(
    person(draft('mw', 'Meridian Wire', `Train drivers walked off the job on Wednesday.\n\nTransport Minister Heike Brandt urged both sides to return to the table. "${said}," she said.`), 'Heike Brandt', 'Heike Brandt'),
    said, 'Heike Brandt',
  );
  const tp = quote(
    person(draft('tp', 'The Plainsman', `Commuters faced a second day of empty platforms.\n\n"${said}," said Maren Voss, a spokeswoman for the operator.`), 'Maren Voss', 'Maren Voss'),
    said, 'Maren Voss', 'Maren Voss',
  );
  const r = report([mw, tp]);
  const dispute = r.brief.find((b) => b.text.startsWith('Sources differ'));
  assert.ok(dispute, 'the dispute is told');
  assert.match(dispute.text, /Meridian Wire reports: Transport Minister Heike Brandt urged .* "Millions of passengers .*," she said\./);
  assert.match(dispute.text, /The Plainsman reports: "Millions of passengers .*," said Maren Voss/);
  assert.equal(r.brief.filter((b) => b.text.includes('held hostage')).length, 1, 'the quote is never credited to one speaker alone');
  const text = (id: string) => [mw, tp].find((d) => d.article.id === id)?.article.text;
  assert.deepEqual(checkBrief(r, text).failures, []);
});

/** A fire both reports date, one on Monday 9 March, the other on Tuesday 10 March, and two disputed counts. */
function disputedDay(): Draft[] {
  const mw = draft(
    'mw',
    'Meridian Wire',
    'A large fire broke out late on Monday at a chemical storage warehouse in the Port of Antwerp.\n\n' +
      'More than 150 firefighters fought the blaze through the night.\n\n' +
      'About 40 residents were evacuated from nearby streets.\n\n' +
      'Schools in Zwijndrecht and Kallo stayed closed as a precaution, officials said.',
  );
  date(mw, 'late on Monday', '2026-03-09', { event: true });
  figure(mw, '150', { value: 150, counts: 'firefighters' });
  figure(mw, '40', { value: 40, counts: 'evacuated' });
  const vc = draft(
    'vc',
    'Valley Courier',
    'Investigators began sifting through the remains of the warehouse on Wednesday, a day after a fire that kept residents indoors.\n\n' +
      'The fire broke out on Tuesday, March 10, at a chemical storage warehouse in the Port of Antwerp.\n\n' +
      'About 90 firefighters fought the blaze through the night.\n\n' +
      'Some 70 residents were evacuated from nearby streets.\n\n' +
      'Schools in Zwijndrecht and Kallo stayed closed as a precaution, officials said.',
  );
  date(vc, 'Wednesday', '2026-03-11');
  date(vc, 'Tuesday, March 10', '2026-03-10', { event: true });
  figure(vc, '90', { value: 90, counts: 'firefighters' });
  figure(vc, '70', { value: 70, counts: 'evacuated' });
  return [mw, vc];
}

test('brief: a disputed event day is told with both days, whatever else is disputed', () => {
  const ds = disputedDay();
  const r = report(ds);
  assert.deepEqual(r.comparison.conflicts.map((c) => c.kind).sort(), ['date', 'value', 'value']);
  const day = r.brief.find((b) => b.text.startsWith('Sources differ') && /late on Monday/.test(b.text));
  assert.ok(day, 'the day dispute is told');
  assert.match(day.text, /Meridian Wire reports: .*late on Monday.* Valley Courier reports: .*Tuesday, March 10/);
  assert.deepEqual(day.articles, ['mw', 'vc']);
  const text = (id: string) => ds.find((d) => d.article.id === id)?.article.text;
  assert.deepEqual(checkBrief(r, text).failures, []);
});

test('brief: "on Wednesday, a day after the fire" states a disputed Tuesday and is left out', () => {
  const r = report(disputedDay());
  assert.deepEqual(r.brief.filter((b) => b.text.includes('a day after')), []);
});

test('brief: an undated report\'s "evening of March 9" takes a side of a disputed day and is left out', () => {
  const np = draft(
    'np',
    'Northgate Post',
    'Investigators examined the remains of a warehouse destroyed in a fire which broke out on the evening of March 9 in the Port of Antwerp.\n\n' +
      'Schools in Zwijndrecht and Kallo stayed closed as a precaution, officials said.',
  );
  date(np, 'March 9', null);
  const r = report([...disputedDay(), np]);
  assert.deepEqual(r.brief.filter((b) => !b.text.startsWith('Sources differ') && b.text.includes('March 9')), []);
});

test('brief: a dispute is told from an outlet only one side has, leaving the other side its own', () => {
  const early = date(draft('hl1', 'Harbor Ledger', 'The fire broke out late on Monday at a chemical warehouse in the Port of Antwerp, officials said.'), 'late on Monday', '2026-03-09', { event: true });
  const wire = date(draft('mw', 'Meridian Wire', 'The fire broke out on Monday evening at a chemical warehouse in the Port of Antwerp, police said.'), 'Monday evening', '2026-03-09', { event: true });
  const late = date(draft('hl2', 'Harbor Ledger', 'The fire broke out on Tuesday at a chemical warehouse in the Port of Antwerp, officials said.'), 'Tuesday', '2026-03-10', { event: true });
  const r = report([early, wire, late]);
  const dispute = r.brief.find((b) => b.text.startsWith('Sources differ'));
  assert.ok(dispute, 'the dispute is told');
  assert.deepEqual(dispute.articles, ['mw', 'hl2']);
});

test('brief: a count that rose from one day to the next is told in the order it was published', () => {
  const later = published(figure(draft('vh', 'Valley Herald', 'Three workers were killed in the blast at the Halden plant, police said on Tuesday.'), 'Three', { value: 3, counts: 'killed' }), '2025-03-04');
  const earlier = published(figure(draft('rd', 'Riverton Daily', 'Two workers were killed in a blast at the Halden plant on Monday, police said.'), 'Two', { value: 2, counts: 'killed' }), '2025-03-03');
  const r = report([later, earlier]);
  const told = r.brief.find((b) => b.text.startsWith('Reports changed over time'));
  assert.ok(told, r.brief.map((b) => b.text).join(' | '));
  assert.match(told.text, /^Reports changed over time: Riverton Daily reported earlier: Two workers .* Valley Herald reported later: Three workers/);
  assert.deepEqual(told.articles, ['rd', 'vh']);
  const text = (id: string) => [later, earlier].find((d) => d.article.id === id)?.article.text;
  assert.deepEqual(checkBrief(r, text).failures, []);
  assert.equal(r.brief.filter((b) => b.text.startsWith('Sources differ')).length, 0);
});

test('brief: opens with the lede of the most central report, then the key figure; no page furniture', async () => {
  const { extractFigures } = await import('../3-analyze/figures/figures.ts');
  const { storyHowMany } = await import('../5-compare/story-counts.ts');
  const texts: [string, string, string][] = [
    ['side', 'Side Gazette', 'Neighbours on Elm Street said the block had been quiet for years before the weekend.\n\nTwo officers were killed when a gunman opened fire on a patrol car on Elm Street on Saturday night, police said.\n\nThe gunman was arrested after a chase.'],
    ['main', 'Metro Daily', 'A gunman ambushed a patrol car on Elm Street on Saturday night and fled across the river, police said.\n\nCLOSE Skip in Skip x Embed x Share Video of the scene on Elm Street.\n\nThe chief said two officers were killed and a third was treated for minor injuries.\n\nThe suspect was arrested after a chase across the river, police said on Sunday.'],
    ['other', 'River Post', 'Two officers were killed on Elm Street on Saturday night in an ambush, the police chief said.\n\nPolice support us all #Respect pic.twitter.com/Xy12Ab34Cd\n\nThe suspect was arrested after a chase across the river.'],
  ];
  const drafts = texts.map(([id, source, text]) => {
    const d = published(draft(id, source, text), '2026-05-03');
    d.mentions.figures = extractFigures({ text, language: 'en' });
    return d;
  });
  const { comparison, facts } = compareSources(drafts, []);
  const brief = writeBrief(drafts, facts, comparison, undefined, storyHowMany(drafts));
  // A report most others agree with opens the brief with its lede, not the side detail another opens with.
  assert.match(brief[0].text, /^(?:A gunman ambushed a patrol car|Two officers were killed on Elm Street)/);
  assert.ok(brief.slice(0, 2).some((s) => /two officers were killed|Two officers were killed/i.test(s.text)), 'the killed count comes right after the lede');
  assert.ok(brief.every((s) => !/pic\.twitter|Skip in Skip/.test(s.text)));
});

test('brief: no sentence that opens or closes inside a quotation', () => {
  const d = published(
    draft('q', 'Metro Daily', 'The president declared a state of emergency in the border region on Friday, officials said.\n\n"We will not close the border to anyone. The country will protect its territory and treat every person with respect," the president said in a televised address.\n\nAbout 300 people were waiting at the main crossing on Saturday morning, officials said.'),
    '2026-05-03',
  );
  const { comparison, facts } = compareSources([d], []);
  const brief = writeBrief([d], facts, comparison);
  assert.ok(brief.length >= 2);
  for (const s of brief) assert.equal((s.text.match(/"/g) ?? []).length % 2, 0, s.text);
});

test('brief: the lede is a sentence naming its subject, not a headline, a side remark or a sign-in prompt', () => {
  const d = published(
    draft('l', 'Metro Daily', 'Sign in using your Metro Daily profile\n\nTeen shot in head during drive-by dies\n\nThey said the car drove off toward the river.\n\nA 16-year-old boy died on Sunday after he was shot in the head during a drive-by on Elm Street, police said.\n\nThe boy was taken to a hospital, where he died hours later.'),
    '2026-05-03',
  );
  d.mentions.figures = [];
  const { comparison, facts } = compareSources([d], []);
  const brief = writeBrief([d], facts, comparison);
  assert.match(brief[0].text, /^A 16-year-old boy died on Sunday/);
});

test('brief: a lede that states a disputed value opens the brief through the dispute, not a side detail', () => {
  // Both reports open on the disputed day of the fire: the day's dispute, which quotes them, comes first.
  const r = report(disputedDay());
  assert.match(r.brief[0].text, /^Sources differ: .*(late on Monday|Tuesday, March 10)/);
});

test('brief: no sentence of a report whose scraped text is another page, even one that meets the headline by a word', () => {
  const titled = (d: Draft, title: string) => Object.assign(d, { article: Object.assign(d.article, { title }) });
  const report = titled(
    published(draft('own', 'Metro Daily', 'A man was killed and three others were wounded in a shooting on Elm Street in Dayton early Sunday, police said.\n\nThe victim was identified as Carl Moss, 31, by the county coroner.\n\nDetectives have not named a suspect.'), '2026-05-03'),
    'Man killed, 3 wounded in Dayton shooting - Metro Daily',
  );
  // A page whose scraped text is a business story and a travel teaser under the same headline; a
  // line far down it meets the headline by a word or two, as another story's line can.
  const wrong = titled(
    published(draft('biz', 'River Post', 'Since the sale of the grain company was announced last summer, executives have brushed off concerns about the loss of local jobs.\n\nThis is far too many sights for the average tourist to visit during a short stay in the city.\n\nA list of the five most famous sights is in order.\n\nThe first is a cathedral on an island in the river.\n\nThe second is a tower built for a fair.\n\nThe three wounded men were taken to Miami Valley Hospital in Dayton.'), '2026-05-03'),
    'Dayton shooting leaves one dead, three wounded | River Post',
  );
  for (const d of [report, wrong]) d.mentions.figures = [];
  const { comparison, facts } = compareSources([report, wrong], []);
  const brief = writeBrief([report, wrong], facts, comparison);
  assert.match(brief[0]?.text ?? '', /^A man was killed and three others were wounded/);
  assert.ok(brief.some((s) => /Carl Moss/.test(s.text)), brief.map((s) => s.text).join(' | '));
  for (const s of brief) assert.doesNotMatch(s.text, /grain company|tourist|famous sights|cathedral|tower|Miami Valley/, s.text);
});

test('brief: a report\'s own sentences stay when they share a word with its headline or lede only', () => {
  const d = Object.assign(
    published(draft('own', 'Metro Daily', 'Two teenagers were shot outside a high school in Lakeview on Friday afternoon, police said.\n\nBoth teenagers were taken to Mercy Hospital in stable condition.\n\nDetectives have not identified a suspect in the shooting.'), '2026-05-03'),
    {},
  );
  Object.assign(d.article, { title: '2 teens shot outside Lakeview school' });
  d.mentions.figures = [];
  const { comparison, facts } = compareSources([d], []);
  const brief = writeBrief([d], facts, comparison);
  assert.equal(brief.length, 3, brief.map((s) => s.text).join(' | '));
});

test('brief: no line in capitals (a heading, a broadcast transcript), however sentence-like', () => {
  const d = published(
    draft('caps', 'Metro Daily', 'WHERE THE INVESTIGATION STANDS TONIGHT.\n\nA 6-year-old boy was killed by a stray bullet inside his home on Elm Street on Sunday, police said.\n\nTHE MOTHER OF THE BOY IS OVERCOME WITH GRIEF AFTER HE WAS SHOT ON 18th STREET.\n\nPolice have not made an arrest in the shooting.'),
    '2026-05-03',
  );
  d.mentions.figures = [];
  const { comparison, facts } = compareSources([d], []);
  const brief = writeBrief([d], facts, comparison);
  assert.match(brief[0]?.text ?? '', /^A 6-year-old boy was killed/);
  for (const s of brief) assert.match(s.text, /\p{Ll}/u, s.text);
});
