// Entities only from running text, typed right (issue 18): sub-headings, bylines, credits, tweet
// attributions and the outlet's own name are no story actors; words that merely precede a name are
// not part of it; streets, jails and gulfs are never people; short forms join the full name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractEntities } from './extract.ts';

const names = (text: string, outlet?: string) => extractEntities(text, { outlet }).map((e) => `${e.name} (${e.type})`);
const has = (text: string, name: string) => extractEntities(text).some((e) => e.name === name);

/** [text, a name that must not be listed] */
const FURNITURE: [string, string][] = [
  ['Peru declared an emergency on Friday, officials said.\n\nCampaign Promises Set Off a Rush to the Border\n\nMany migrants have left Chile.', 'Campaign Promises Set'],
  ['The vote passed late on Monday.\n\nA Test for Regional Calm\n\nInvestors were not worried, analysts said.', 'Test for Regional Calm'],
  ['Markets fell sharply.\n\nWhat Comes Next for Harbor Workers\n\nThe union will meet on Tuesday.', 'Harbor Workers'],
  ['By Robert Mills rmills@lowellsun.com LOWELL - At least four people were shot on Friday.', 'Robert Mills'],
  ['By Dana Whitcombe and Leo Marsh\nTwo people were hurt when a car hit a bus stop, police said.', 'Dana Whitcombe'],
  ['Police are still investigating. Contact Rick Hurd at 925-945-4789 and follow him on social media.', 'Rick Hurd'],
  ['Police are still investigating. Contact Rick Hurd at 925-945-4789 and follow him on social media.', 'Contact Rick Hurd'],
  ['The charges were sealed. Staff writers Neal Goswami and Gina Conn contributed to this story.', 'Neal Goswami'],
  ['The charges were sealed. Staff writers Neal Goswami and Gina Conn contributed to this story.', 'Gina Conn'],
  ['Two men were hurt. (Additional reporting by Letitia Stein in Tampa; Editing by Frank McGurty)', 'Letitia Stein'],
  ['Two men were hurt. (Additional reporting by Letitia Stein in Tampa; Editing by Frank McGurty)', 'Frank McGurty'],
  ['Kurt Myers was killed in a shootout. (Photo: Mike Groll AP) The suspect was 64.', 'Mike Groll AP'],
  ['Kurt Myers was killed in a shootout. Photo by Mike Groll. The suspect was 64.', 'Mike Groll'],
  ['Residents gathered at the scene. pic.twitter.com/CPxKLagGnV — Audrey Washington (@AudreyWSBTV) March 21, 2016 The shooting took place at a motel.', 'Audrey Washington'],
  ['Residents gathered at the scene. pic.twitter.com/CPxKLagGnV — Audrey Washington (@AudreyWSBTV) March 21, 2016 The shooting took place at a motel.', 'CPxKLagGnV'],
  ['Three people were hurt in the crash, the Valley Courier has learned. Police closed the road.', 'Valley Courier'],
  ['No other details were released. THAT IS WHERE WE FIND BRIAN HICKEY WITH THE LATEST ON THE VICTIMS.', 'Brian'],
  ['Four people were hurt. BATON ROUGE POLICE SHOOTING Raw: Video of the scene', 'BATON ROUGE POLICE SHOOTING Raw'],
  ['Anyone with information should call police. Omar Quist contributed.', 'Omar Quist'],
  ['Anyone with information should call police. Omar Quist contributed reporting.', 'Omar Quist'],
  ['Several people were shot on the block. (Reina Abbott, Lakeside Tribune) Hector Ruiz was sitting outside.', 'Reina Abbott'],
  ['A woman was grazed by a bullet. (Source: Tom Ellery/KXYZ News 12) Police arrived at 9 p.m.', 'Tom Ellery'],
  ['Assistant U.S. Attorney Dale Whitcomb asked the judge to keep all four in custody.', 'Assistant U.S.'],
  ['"We need more," she said. Nora Pike, Hamil T. Grant and Ed Wu contributed to this report.', 'Nora Pike'],
  ['The festival runs through May. Contributing: Lena Ortiz, Valley Courier.', 'Lena Ortiz'],
];

test('page furniture is no story actor', () => {
  for (const [text, name] of FURNITURE) {
    const outlet = name === 'Valley Courier' ? 'Valley Courier' : undefined;
    assert.ok(!names(text, outlet).some((n) => n.startsWith(`${name} (`)), `${name} listed from: ${text.slice(0, 60)} → ${names(text, outlet).join(', ')}`);
  }
});

test('a shouted transcript or headline lists no one', () => {
  assert.deepEqual(names('No other details were released. THAT IS WHERE WE FIND BRIAN HICKEY WITH THE LATEST ON THE VICTIMS.'), []);
  assert.deepEqual(names('REPORTER: POLICE TELL US THE SUSPECT IN THIS CASE IS ALSO 15.'), []);
});

test('a real name in running text next to furniture is still listed', () => {
  assert.ok(has('By Robert Mills\nLOWELL - Mayor Ana Ruiz said four people were shot on Friday.', 'Ana Ruiz'));
  assert.ok(has('Two men were hurt, Sheriff Colan Harrell said. (Additional reporting by Letitia Stein)', 'Colan Harrell'));
  assert.ok(has('By Friday, Governor Tim Walz had signed the order.', 'Tim Walz'));
});

/** [text, the name as it must be listed] */
const LEADING: [string, string][] = [
  ["Following Trump's remarks, the senator left the room.", 'Trump'],
  ['Whether Trump will attend the summit is unclear.', 'Trump'],
  ['Besides Smith, two other officers testified on Monday.', 'Smith'],
  ['Six-month-old Aria Lopez was hit in the leg, police said.', 'Aria Lopez'],
  ['Two-year-old Mateo Reyes was taken to a hospital, police said.', 'Mateo Reyes'],
  ['Knowing Eric Dunn, he would not go out there for no reason, a friend said.', 'Eric Dunn'],
  ['Including Harris, five candidates have filed papers.', 'Harris'],
  ['Unfortunately Martinez was not home when the fire started, neighbors said.', 'Martinez'],
  ['Ex-wife Carla Boone described him as violent, police said.', 'Carla Boone'],
];

test('words that merely precede a name are not part of it', () => {
  for (const [text, name] of LEADING) {
    const got = extractEntities(text).map((e) => e.name);
    assert.ok(got.includes(name), `${name} from: ${text} → ${got.join(', ')}`);
    assert.ok(!got.some((n) => n !== name && n.endsWith(` ${name}`)), `${text} → ${got.join(', ')}`);
  }
});

/** [text, name, a type it must not have] */
const TYPES: [string, string, string][] = [
  ['He was booked into the Wayne County Jail on Tuesday, deputies said.', 'Wayne County Jail', 'person'],
  ['Pirates seized a tanker in the Gulf of Aden, the navy said.', 'Gulf of Aden', 'person'],
  ['Pirates seized a tanker in the Gulf of Aden, the navy said.', 'Gulf of Aden', 'other'],
  ['The victim was found near Jackson Street. Street said nothing.', 'Street', 'person'],
  ['Douglas County Jail officials said the inmate was released.', 'Douglas County Jail', 'person'],
  ['About 5:30 p.m. Sunday on the West Side, a 20-year-old man was shot in the arm.', 'West Side', 'person'],
  ['Divers searched the Lake Louisville area, a 40-year-old volunteer said.', 'Lake Louisville', 'person'],
  ['The gun was legal, the Charleston Gazette-Mail reports.', 'Charleston Gazette-Mail', 'person'],
  ['He was a member of the Tulalip Tribe, his cousin said.', 'Tulalip Tribe', 'person'],
  ['A spokesperson for the Schenectady City School District sent a statement on Friday.', 'Schenectady City School District', 'place'],
  ['Call the Crime Stoppers of Acadia Parish with any tips, police said.', 'Crime Stoppers of Acadia Parish', 'place'],
  ['Detectives, K9 units and a helicopter searched the area, police said.', 'K9', 'person'],
  ['Investigators from the Lake County Major Crime Task Force joined the search, deputies said.', 'Lake County Major Crime Task Force', 'place'],
  ['The Columbus Dispatch said investigators cleared him.', 'Columbus Dispatch', 'person'],
];

test('jails, streets and gulfs are never people', () => {
  for (const [text, name, notType] of TYPES) {
    const e = extractEntities(text).filter((x) => x.name === name);
    assert.ok(!e.some((x) => x.type === notType), `${name} typed ${notType} in: ${text}`);
  }
});

test('short forms join the full name; a Korean given name is not cut', () => {
  const kim = extractEntities('North Korean leader Kim Jong Un met the envoy. Kim said the talks went well.');
  assert.deepEqual([...new Set(kim.filter((e) => e.type === 'person').map((e) => e.name))], ['Kim Jong Un']);
  const trump = extractEntities('President Donald Trump spoke on Monday. Trump said the economy was strong.');
  assert.deepEqual([...new Set(trump.filter((e) => e.type === 'person').map((e) => e.name))], ['Donald Trump']);
});

test('a name after an honorific is a person; Cruz is a surname, not an organisation word', () => {
  const cases: [string, string][] = [
    ['"We need a new law," said Ms. Acosta, referring to the bankruptcy code.', 'Acosta'],
    ['In a post on Sunday, Mr. Frum, a former speechwriter, wrote that the race was close.', 'Frum'],
    ['"The bill failed," Senator Ted Cruz said. "We voted as a bloc," Cruz added.', 'Ted Cruz'],
  ];
  for (const [text, name] of cases) {
    const e = extractEntities(text).filter((x) => x.name === name);
    assert.ok(e.length && e.every((x) => x.type === 'person'), `${name} in: ${text} → ${extractEntities(text).map((x) => `${x.name}:${x.type}`).join(', ')}`);
  }
});

test('a capitalised institution inside a sentence and a club before its town are organisations', () => {
  const cases: [string, string][] = [
    ['Según fuentes oficiales, el Gobierno aprobó ayer el plan de empleo.', 'Gobierno'],
    ['La ley pasó al Congreso la semana pasada, dijo el portavoz.', 'Congreso'],
    ['The bill now goes to the Senate, where it faces a close vote.', 'Senate'],
    ['El Real Madrid ganó el partido por dos goles a uno.', 'Real Madrid'],
    ['Los ministros de la Unión Europea se reunieron en Bruselas.', 'Unión Europea'],
  ];
  for (const [text, name] of cases) {
    const e = extractEntities(text).filter((x) => x.name === name);
    assert.ok(e.length && e.every((x) => x.type === 'organization'), `${name} in: ${text} → ${extractEntities(text).map((x) => `${x.name}:${x.type}`).join(', ')}`);
  }
});
