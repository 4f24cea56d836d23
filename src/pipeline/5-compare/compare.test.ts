import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Comparison } from '../../model/index.ts';
import { linkEntities } from '../3-analyze/entities/link.ts';
import { compareSources } from './compare.ts';
import { date, draft, figure, person, published, quote, type Draft } from './fixtures.ts';

const compare = (ds: Draft[]) => {
  const entities = linkEntities(ds.map((d) => ({ id: d.article.id, mentions: d.mentions })));
  return compareSources(ds, entities).comparison;
};
const kinds = (c: Comparison) => c.conflicts.map((k) => k.kind).sort();
const values = (c: Comparison, kind: string) => c.conflicts.filter((k) => k.kind === kind).flatMap((k) => k.values.map((v) => v.value));

test('value conflict: "more than 15,000" vs "about 12,000"; hedged twins agree', () => {
  const hl = figure(draft('hl', 'Harbor Ledger', 'More than 15,000 people have crossed from Bosnia since March 1.'), '15,000', { value: 15000, counts: 'crossed' });
  const mw = figure(draft('mw', 'Meridian Wire', 'About 12,000 people have crossed from Bosnia since March 1, Kovac said.'), 'About 12,000', { value: 12000, approx: true, counts: 'crossed' });
  const et = figure(draft('et', 'Eastbridge Times', 'Ana Kovač said some 12,000 people had crossed from Bosnia.'), '12,000', { value: 12000, counts: 'crossed' });
  const c = compare([hl, mw, et]);
  assert.deepEqual(kinds(c), ['value']);
  assert.deepEqual(values(c, 'value').sort(), ['About 12,000', 'More than 15,000', 'some 12,000']);
  const ev = c.conflicts[0].values.find((v) => v.value === 'More than 15,000')!.evidence[0];
  assert.equal(hl.article.text.slice(ev.start, ev.end), 'More than 15,000');
});

test('no value conflict for rounded, hedged, spelled-out or vague forms of one figure', () => {
  const pairs: [string, Parameters<typeof figure>[2], string, Parameters<typeof figure>[2]][] = [
    ['120,000', { value: 120000, counts: 'without power' }, 'some 120,000', { value: 120000, approx: true, counts: 'without power' }],
    ['two dozen', { value: 24, counts: 'crossing points' }, '24', { value: 24, counts: 'crossing points' }],
    ['dozens', { value: null, vague: true, counts: 'arrested' }, 'about 50', { value: 50, approx: true, counts: 'arrested' }],
    ['12,400', { value: 12400, counts: 'hectares burned' }, 'more than 12,000', { value: 12000, counts: 'hectares burned' }],
  ];
  for (const [wa, fa, wb, fb] of pairs) {
    const a = figure(draft('a', 'Harbor Ledger', `Officials counted ${wa} on Tuesday.`), wa, fa);
    const b = figure(draft('b', 'Eastbridge Times', `Officials counted ${wb} on Tuesday.`), wb, fb);
    const c = compare([a, b]);
    assert.deepEqual(c.conflicts, [], `${wa} vs ${wb}`);
    assert.equal(c.agreed.filter((f) => f.kind === 'how-many').length, 1, `${wa} vs ${wb} agreed`);
  }
});

// "at least 12" vs "14" on one day is no dispute (a bound allows the larger value; how-many.test.ts);
// a toll that rose from "at least 12" one day to "14" the next is shown as the count over time.
test('"3 killed" vs "4 killed" and "at least 12" vs "10" are value conflicts', () => {
  for (const [wa, va, wb, vb] of [['3', 3, '4', 4], ['at least 12', 12, '10', 10]] as const) {
    const a = figure(draft('a', 'Harbor Ledger', `Police said ${wa} people were killed.`), wa, { value: va, counts: 'killed' });
    const b = figure(draft('b', 'Eastbridge Times', `Police said ${wb} people were killed.`), wb, { value: vb, counts: 'killed' });
    assert.deepEqual(kinds(compare([a, b])), ['value'], `${wa} vs ${wb}`);
  }
});

test('a count that rose from one day\'s reports to the next is marked as changed over time, not on one day', () => {
  const toll = (days: [string, string, string]) => {
    const a = published(figure(draft('a', 'Harbor Ledger', 'Police said 2 people were killed.'), '2', { value: 2, counts: 'killed' }), days[0]);
    const b = published(figure(draft('b', 'Eastbridge Times', 'Police said 2 people were killed.'), '2', { value: 2, counts: 'killed' }), days[1]);
    const c = published(figure(draft('c', 'Valley Courier', 'Police said 3 people were killed.'), '3', { value: 3, counts: 'killed' }), days[2]);
    return compare([c, a, b]).conflicts[0];
  };
  const rose = toll(['2025-03-03', '2025-03-03', '2025-03-04']);
  assert.equal(rose.over_time, 'rose');
  assert.match(rose.note ?? '', /"2" \(2025-03-03\), then "3" \(2025-03-04\)/);
  const sameDay = toll(['2025-03-03', '2025-03-04', '2025-03-04']);
  assert.equal(sameDay.kind, 'value');
  assert.equal(sameDay.over_time, undefined);
  assert.equal(sameDay.note, undefined);
});

test('copies do not count as independent sources', () => {
  const text = 'Police said 3 people were killed on Elm Street.';
  const a = figure(draft('a', 'Meridian Wire', text), '3', { value: 3, counts: 'killed' });
  const b = figure(draft('b', 'Valley Courier', text, { copyOf: 'a' }), '3', { value: 3, counts: 'killed' });
  const c = compare([a, b]);
  assert.equal(c.agreed.length, 0);
  assert.deepEqual(c.single_source.map((f) => f.articles), [['a', 'b']]);
  assert.deepEqual(c.coverage?.map((x) => x.adds.length), [1, 0]);
});

test('date conflict only when the event is put on different days', () => {
  const mw = date(draft('mw', 'Meridian Wire', 'A large fire that broke out late on Monday at a chemical storage warehouse was still burning.'), 'late on Monday', '2026-03-09', { event: true });
  const np = date(draft('np', 'Northgate Post', 'The fire broke out at the chemical warehouse on the evening of March 9.'), 'the evening of March 9', '2026-03-09', { event: true });
  const vc = date(draft('vc', 'Valley Courier', 'The fire broke out on Tuesday, March 10, in a warehouse run by Scheldt Logistics.'), 'Tuesday, March 10', '2026-03-10', { event: true });
  assert.deepEqual(kinds(compare([mw, np])), []);
  const c = compare([mw, np, vc]);
  assert.deepEqual(kinds(c), ['date']);
  assert.deepEqual(values(c, 'date'), ['2026-03-09', '2026-03-10']);
});

test('speaker conflict: one quote, two people', () => {
  const said = 'Millions of passengers should not be held hostage to a pay dispute';
  const mw = quote(person(draft('mw', 'Meridian Wire', `Transport Minister Heike Brandt urged both sides to talk. "${said}," she said.`), 'Heike Brandt', 'Heike Brandt'), said, 'Heike Brandt');
  const tp = quote(person(draft('tp', 'The Plainsman', `"${said}," said Maren Voss, a spokeswoman.`), 'Maren Voss', 'Maren Voss'), said, 'Maren Voss', 'Maren Voss');
  const c = compare([mw, tp]);
  assert.deepEqual(kinds(c), ['speaker']);
  assert.deepEqual(values(c, 'speaker').sort(), ['Heike Brandt', 'Maren Voss']);
  for (const v of c.conflicts[0].values) {
    const d = v.articles[0] === 'mw' ? mw : tp;
    assert.ok(d.article.text.slice(v.evidence[0].start, v.evidence[0].end).includes(v.value));
  }
});

test('the same speaker written two ways is not a speaker conflict', () => {
  const said = 'We are not closing the border, we are registering everyone';
  const a = quote(person(draft('a', 'Harbor Ledger', `"${said}," Ana Kovač said.`), 'Ana Kovač', 'Ana Kovač'), said, 'Ana Kovač', 'Ana Kovač');
  const b = quote(person(draft('b', 'Eastbridge Times', `"${said}," Kovač told reporters.`), 'Kovač', 'Ana Kovač'), said, 'Ana Kovač', 'Kovač');
  const c = compare([a, b]);
  assert.deepEqual(kinds(c), []);
  assert.ok(c.agreed.some((f) => f.kind === 'said'));
});

test('spelling variants: háček and umlaut dropped, transliteration; accents are folded', () => {
  const cases: [string, string, string, string, string[] | null][] = [
    ['Ana Kovač', 'Ana Kovač', 'Ana Kovac', 'Ana Kovac', ['Kovač', 'Kovac']],
    ['Klaus Grünewald', 'Klaus Grünewald', 'Klaus Grunewald', 'Klaus Grunewald', ['Grünewald', 'Grunewald']],
    ['Oleksandr Bondar', 'Oleksandr Bondar', 'Aleksandr Bondar', 'Aleksandr Bondar', ['Oleksandr', 'Aleksandr']],
    ['José Luis Martínez', 'José Luis Martínez', 'Jose Luis Martinez', 'Jose Luis Martinez', null],
  ];
  for (const [wa, na, wb, nb, want] of cases) {
    const a = person(draft('a', 'Harbor Ledger', `${wa} spoke to reporters.`), wa, na);
    const b = person(draft('b', 'Meridian Wire', `${wb} spoke to reporters.`), wb, nb);
    const c = compare([a, b]);
    if (!want) {
      assert.deepEqual(c.conflicts, [], wa);
      assert.equal(c.agreed.filter((f) => f.kind === 'who').length, 1, `${wa} is one agreed person`);
      continue;
    }
    assert.deepEqual(kinds(c), ['spelling-variant'], wa);
    assert.deepEqual(values(c, 'spelling-variant').sort(), [...want].sort());
    assert.equal(c.conflicts[0].likely !== undefined, true);
    assert.match(c.conflicts[0].note ?? '', /spelling or transliteration/);
    assert.equal(c.agreed.filter((f) => f.kind === 'who').length, 1, `${wa}: still one agreed person`);
  }
});

test('a name written differently only across languages is a translation, not a variant', () => {
  const a = person(draft('a', 'Meridian Wire', 'Aleksandr Bondar spoke.'), 'Aleksandr Bondar', 'Aleksandr Bondar');
  const b = person(draft('b', 'Sol Diario', 'Alexandr Bondar habló.', { language: 'es' }), 'Alexandr Bondar', 'Alexandr Bondar');
  assert.deepEqual(compare([a, b]).conflicts, []);
});

test('different days for different moments of a story are not a date conflict', () => {
  const tp = date(draft('tp', 'The Plainsman', 'The strike, which began at 2 a.m. yesterday, has cancelled around 70 percent of regional trains.'), 'yesterday', '2026-02-11', { event: true });
  const np = date(draft('np', 'Northgate Post', 'Trains began running again across Germany on Friday after a 48-hour walkout by drivers ended.'), 'Friday', '2026-02-13', { event: true });
  assert.deepEqual(kinds(compare([tp, np])), []);
});

test('a report that also dates the majority day does not dispute it', () => {
  const a = date(draft('a', 'Harbor Ledger', 'The emergency was declared on Friday in two counties.'), 'Friday', '2026-03-13', { event: true });
  const b = date(draft('b', 'Meridian Wire', 'Croatia declared the emergency on March 13 in two counties.'), 'March 13', '2026-03-13', { event: true });
  const c = date(
    date(draft('c', 'Northgate Post', 'The emergency, in force since Friday in two counties, brought troops who arrived on Sunday in two counties.'), 'Friday', '2026-03-13'),
    'Sunday', '2026-03-15', { event: true },
  );
  const r = compare([a, b, c]);
  assert.deepEqual(kinds(r), []);
  assert.ok(r.agreed.some((f) => f.fact === 'happened on 2026-03-13' && f.articles.length === 3));
});

test('capitals are the same spelling; a typo is a variant whose every value is in its spans', () => {
  const a = person(draft('a', 'Herald', 'HERKIMER — Kurt Herkimer spoke.'), 'Kurt Herkimer', 'Kurt Herkimer');
  person(a, 'HERKIMER', 'Herkimer');
  const b = person(draft('b', 'Times', 'Kurt Herkimer spoke again.'), 'Kurt Herkimer', 'Kurt Herkimer');
  assert.deepEqual(compare([a, b]).conflicts, []);
  const c = person(draft('c', 'Courier', 'Kurt Herkmimer spoke too.'), 'Kurt Herkmimer', 'Kurt Herkmimer');
  const r = compare([a, b, c]);
  assert.deepEqual(kinds(r), ['spelling-variant']);
  const texts = new Map([a, b, c].map((d) => [d.article.id, d.article.text]));
  for (const v of r.conflicts[0].values) for (const e of v.evidence) assert.equal(texts.get(e.article)!.slice(e.start, e.end), v.value);
  assert.equal(r.conflicts[0].likely, 'Herkimer');
});

test('"no other injuries" and counts dated to another time dispute nothing', () => {
  const a = figure(draft('a', 'Meridian Wire', 'Twenty-four firefighters were treated for smoke inhalation.'), 'Twenty-four', { value: 24, counts: 'injured' });
  const b = figure(
    figure(draft('b', 'Eastbridge Times', 'Twenty-four firefighters were treated for smoke inhalation. No other injuries were reported.'), 'Twenty-four', { value: 24, counts: 'injured' }),
    'No other injuries', { value: 0, counts: 'injured' },
  );
  const c = figure(draft('c', 'Valley Courier', 'No other injuries were reported after the fire.'), 'No other injuries', { value: 0, counts: 'injured' });
  assert.deepEqual(kinds(compare([a, b, c])), []);
  const d = date(figure(draft('d', 'Sun-Times', 'Two people were killed on Elm Street.'), 'Two', { value: 2, counts: 'killed' }), 'Elm Street', '2026-06-01', { event: true });
  const e = figure(date(draft('e', 'Tribune', 'Two people were killed. The city passed 500 homicides last year.'), 'last year', '2025-01-01', { granularity: 'year' }), '500', { value: 500, counts: 'killed' });
  figure(e, 'Two', { value: 2, counts: 'killed' });
  e.mentions.eventDate = { date: '2026-06-01', confidence: 0.9, span: null };
  assert.deepEqual(kinds(compare([d, e])), []);
});

test('"four people were shot", no one killed, is an injured count to compare', () => {
  const a = figure(draft('a', 'WRAL', 'Four people were shot behind a church on Monday.'), 'Four', { value: 4, counts: 'shot' });
  const b = figure(draft('b', 'News & Observer', 'Three people were injured behind a church on Monday.'), 'Three', { value: 3, counts: 'injured' });
  const c = compare([a, b]);
  assert.deepEqual(kinds(c), ['value']);
  assert.deepEqual(c.conflicts[0].values.map((v) => v.value).sort(), ['Four', 'Three']);
});

test('one weekday read against publication days a week apart is one day, not a date conflict', () => {
  const a = date(draft('a', 'Harbor Ledger', 'Two workers were killed in an explosion at the fertiliser plant late on Saturday night, police said.'), 'late on Saturday night', '2025-03-01', { event: true });
  const b = date(draft('b', 'Meridian Wire', 'Police are investigating the explosion that killed two workers at the fertiliser plant on Saturday night.'), 'Saturday night', '2025-03-08', { event: true });
  const c = compare([a, b]);
  assert.deepEqual(kinds(c), []);
  assert.ok(c.agreed.some((f) => f.fact === 'happened on 2025-03-01' && f.articles.length === 2));
  // Named days of different weekdays still dispute it.
  const d = date(draft('d', 'Valley Courier', 'Two workers were killed in an explosion at the fertiliser plant on Sunday, police said.'), 'Sunday', '2025-03-02', { event: true });
  assert.deepEqual(kinds(compare([a, d])), ['date']);
});

test('a report dating the event weeks away (a plea hearing) takes no side', () => {
  const a = date(draft('a', 'Herald', 'James Gustafson, 13, was shot and killed in a Mt. Pleasant home on March 20 by a classmate.'), 'March 20', '2016-03-20', { event: true });
  const b = date(draft('b', 'Tribune', 'The classmate entered a plea on Friday in the shooting death of James Gustafson, killed in a Mt. Pleasant home.'), 'Friday', '2016-12-02', { event: true });
  const c = date(draft('c', 'Courier', 'James Gustafson, 13, was shot and killed in a Mt. Pleasant home on March 21, police said.'), 'March 21', '2016-03-21', { event: true });
  assert.deepEqual(kinds(compare([a, b])), []);
  const r = compare([a, b, c]);
  assert.deepEqual(kinds(r), ['date']);
  assert.deepEqual(values(r, 'date'), ['2016-03-20', '2016-03-21']);
});

test('a report dating the event weeks away does not agree on the event day either', () => {
  const a = date(draft('a', 'Herald', 'James Gustafson, 13, was shot and killed in a Mt. Pleasant home on March 20 by a classmate.'), 'March 20', '2016-03-20', { event: true });
  const b = date(draft('b', 'Tribune', 'The classmate entered a plea on Friday in the shooting death of James Gustafson, killed in a Mt. Pleasant home.'), 'Friday', '2016-12-02', { event: true });
  const c = compare([a, b]);
  const day = [...c.agreed, ...c.single_source].find((f) => f.fact === 'happened on 2016-03-20');
  // The Tribune's "Friday" (the plea hearing) is no evidence for the shooting's day.
  assert.deepEqual([day?.articles, day?.evidence?.map((e) => e.article)], [['a'], ['a']]);
  assert.ok(c.single_source.includes(day!));
});

test('typographic apostrophes and two words of one name are no spelling variant', () => {
  const a = person(draft('a', 'Harbor Ledger', 'Tavion O’Dunleavy spoke.'), 'Tavion O’Dunleavy', 'Tavion O’Dunleavy');
  const b = person(draft('b', 'Meridian Wire', "Tavion O'Dunleavy spoke."), "Tavion O'Dunleavy", "Tavion O'Dunleavy");
  assert.deepEqual(compare([a, b]).conflicts, []);
  // "Bellam" and "Kellam" are near spellings, but one name holds both: they are two of its words.
  const c = person(draft('c', 'Harbor Ledger', 'Bellam Ross Kellam spoke.'), 'Bellam Ross Kellam', 'Bellam Ross Kellam');
  const d = person(draft('d', 'Meridian Wire', 'Bellam Kellam spoke.'), 'Bellam Kellam', 'Bellam Kellam');
  assert.deepEqual(compare([c, d]).conflicts, []);
});
