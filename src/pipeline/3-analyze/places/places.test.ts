import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articlePlaces, extractPlaces, mainPlace, storyPlace } from './places.ts';

const places = (text: string, url: string | null = null) => extractPlaces({ text, url });
const named = (text: string) => places(text).map((p) => `${p.text}→${p.name}/${p.country}${p.admin1 && p.kind !== 'country' ? `-${p.admin1}` : ''}`);

describe('extractPlaces', () => {
  // [text, expected "as written→name/country-admin1" list]
  const cases: [string, string[]][] = [
    ['ROCKY MOUNT, N.C. — Four teens were shot on a basketball court.', ['ROCKY MOUNT→Rocky Mount/US-NC', 'N.C.→North Carolina/US-NC']],
    ['A man was shot in Atlanta, and police in Macon are looking for a car from Georgia.', ['Atlanta→Atlanta/US-GA', 'Macon→Macon/US-GA', 'Georgia→Georgia/US-GA']],
    ['Protesters filled the streets of Tbilisi as Georgia braced for talks with Russia.', ['Tbilisi→Tbilisi/GE-51', 'Georgia→Georgia/GE', 'Russia→Russia/RU']],
    ['Paris Hilton arrived at the gala on Saturday.', []],
    ['Mayor Jackson said the budget was approved.', []],
    ['Croatia placed two counties along its border with Bosnia and Herzegovina under emergency rule.', ['Croatia→Croatia/HR', 'Bosnia and Herzegovina→Bosnia and Herzegovina/BA']],
    ['The shooting happened in St. Louis, Missouri, late Friday.', ['St. Louis→St. Louis/US-MO', 'Missouri→Missouri/US-MO']],
    ['Springfield, Ill. police said the victim died.', ['Springfield→Springfield/US-IL', 'Ill.→Illinois/US-IL']],
    ['Police said Austin Hedrick was a fan. Austin loved to dance.', []],
    ['Reading the report, officials said Police had no comment.', []],
    ['Floods hit Valencia in eastern Spain on Tuesday.', ['Valencia→Valencia/ES-60', 'Spain→Spain/ES']],
    ['Firefighters fought the blaze in the port of Antwerp for hours.', ['Antwerp→Antwerpen/BE-VLG']],
    ['Bianca Kock was hurt. Kock was taken to hospital.', []],
    ['View Full Caption Shutterstock CHICAGO — Four people were wounded.', ['CHICAGO→Chicago/US-IL']],
    ['Accomack County, Va. – A man is behind bars.', ['Accomack County→Accomack County/US-VA', 'Va.→Virginia/US-VA']],
    ['Forecasters blamed El Niño for the drought.', []],
    // A state written out after a town is the state, not a city of that name ("Washington, D.C.").
    ['A gunman opened fire at a mall in Burlington, Washington, on Friday.', ['Burlington→Burlington/US-WA', 'Washington→Washington/US-WA']],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(named(text), expected));

  it('counts a repeated ambiguous name once as context, so it cannot outvote the other places', () => {
    const text = 'Colchester police said a hunter was shot in Colchester. Colchester officers and Colchester firefighters responded, and the man was flown to a hospital in Hartford.';
    assert.deepEqual(new Set(named(text)), new Set(['Colchester→Colchester/US-CT', 'Hartford→Hartford/US-CT']));
  });

  it("reads an ambiguous name near the city the outlet's address names", () => {
    const text = 'Four people were hurt in a shooting at a VFW hall in Columbia early Saturday.';
    const read = (url: string | null) => places(text, url).map((p) => `${p.name}/${p.admin1}`);
    assert.deepEqual(read(null), ['Columbia/SC']);
    assert.deepEqual(read('https://www.kansascity.com/news/local/crime/a1.html'), ['Columbia/MO']);
  });

  it('every span points at the name as written', () => {
    const text = 'LAKE STEVENS, Wash. — The family moved from Seattle to Everett, Washington, last year.';
    const found = places(text);
    assert.ok(found.length >= 3);
    for (const p of found) assert.equal(text.slice(p.start, p.end), p.text);
  });

  it('a town too small for the gazetteer is placed at its state', () => {
    const [town] = places('CAMERON, W.Va. (AP) — Cameron police say the shooting was accidental.');
    assert.equal(town.admin1, 'WV');
    assert.ok(Math.abs(town.lat - 38.5) < 1);
  });

  it('coordinates and kinds come from the gazetteer', () => {
    const [fr] = places('The summit opened in Paris on Monday.');
    assert.equal(fr.country, 'FR');
    assert.equal(fr.kind, 'city');
    assert.ok(Math.abs(fr.lat - 48.85) < 0.1 && Math.abs(fr.lon - 2.35) < 0.1);
    const [tx] = places('The storm moved across Texas.');
    assert.equal(tx.kind, 'region');
  });

  it('recognises demonym adjectives and streets only when asked (GeoWebNews scheme)', () => {
    const text = 'Syrian refugees gathered on Edwards Street in Rocky Mount, N.C.';
    assert.deepEqual(places(text).map((p) => p.text), ['Rocky Mount', 'N.C.']);
    const all = extractPlaces({ text, url: null }, { adjectives: true, features: true });
    assert.deepEqual(all.map((p) => `${p.text}:${p.kind}`), ['Syrian:country', 'Edwards Street:other', 'Rocky Mount:city', 'N.C.:region']);
  });

  // The state an outlet's host names reads its namesakes. [text, url, expected]
  const outletStates: [string, string, string][] = [
    ['A teen was hit by a stray round during a hunt in Colchester on Saturday, police said.', 'https://www.nbcconnecticut.com/news/local/teen-hit/', 'Colchester/US-CT'],
    ['LIMA — A teen survived an accidental rifle shot to the mouth, police said.', 'http://www.limaohio.com/news/206779/teen-survives/', 'Lima/US-OH'],
    ['Police are investigating a possible double shooting in Wilmington on Tuesday night.', 'https://www.delawareonline.com/story/news/crime/shooting/', 'Wilmington/US-DE'],
  ];
  for (const [text, url, expected] of outletStates)
    it(`reads names in the state the outlet's host names: ${url}`, () => {
      const p = extractPlaces({ text, url })[0];
      assert.equal(p && `${p.name}/${p.country}-${p.admin1}`, expected);
    });
  it('a US broadcaster (call sign in the URL or dateline) favours the US reading', () => {
    const text = 'A child was shot in Trinidad on Sunday.';
    assert.equal(extractPlaces({ text, url: null })[0].country, 'BO');
    assert.equal(extractPlaces({ text, url: 'https://www.kktv.com/news/child-shot' })[0].country, 'US');
    assert.equal(extractPlaces({ text: `(KKTV) - ${text}`, url: null })[0].country, 'US');
  });

  it('reads country names in other languages', () => {
    assert.deepEqual(named('Croacia declaró el estado de emergencia en la frontera con Bosnia y Herzegovina.'), [
      'Croacia→Croatia/HR',
      'Bosnia y Herzegovina→Bosnia and Herzegovina/BA',
    ]);
  });

  it('the title helps read the text', () => {
    const { text, title } = articlePlaces({ title: 'Shooting in Germantown, Tennessee', text: 'Police in Germantown said two men were hurt.', url: null });
    assert.equal(text[0].admin1, 'TN');
    assert.equal(title[0].admin1, 'TN');
  });
});

describe('mainPlace', () => {
  it('prefers the dateline city over the country', () => {
    const text = 'SLAVONSKI BROD, Croatia — Croatia has placed two counties under emergency rule. Croatia said more help would come.';
    assert.equal(mainPlace(places(text))?.name, 'Slavonski Brod');
  });
  it('falls back to the title when the text names no place', () => {
    const { text, title } = articlePlaces({ title: 'Five people shot in Memphis apartment complex', text: 'Five people were shot Wednesday night.', url: null });
    assert.equal(mainPlace(text, title)?.name, 'Memphis');
  });
  it('is null without places', () => assert.equal(mainPlace([]), null));
});

describe('storyPlace', () => {
  it('adds up the articles: the place most reports name wins', () => {
    const of = (text: string, title = '') => ({ ...articlePlaces({ text, title, url: null }), textLength: text.length });
    const story = [of('DAYTON, Ohio — A man was shot.'), of('Police in Columbus, Ohio said the Dayton victim died.'), of('A Dayton man died.', 'Dayton shooting')];
    assert.equal(storyPlace(story)?.name, 'Dayton');
    assert.equal(storyPlace([]), null);
  });
  const of = (text: string, title = '', url: string | null = null) => ({ ...articlePlaces({ text, title, url }), textLength: text.length });
  it("reads a local outlet's far-away namesake as a neighbourhood of its own city", () => {
    const text = 'A 16-year-old boy was shot Sunday afternoon on a porch in Austin. The shooting happened about 3 p.m. on the West Side, Chicago police said.';
    assert.equal(storyPlace([of(text, 'Boy, 16, shot in Austin', 'https://chicago.examplepaper.com/news/boy-shot/')])?.name, 'Chicago');
    // Without the outlet's city the bigger namesake wins: the outlet is what tells them apart.
    assert.equal(storyPlace([of(text, 'Boy, 16, shot in Austin')])?.admin1, 'TX');
  });
  // A local outlet's far "town" that nothing else in the report places in its state is a namesake
  // of something local; a far place the report qualifies or whose state it names is the story's.
  // [text, title, outlet's address, expected]
  const farFromOutlet: [string, string, string, string][] = [
    ['A 5-year-old boy was fatally shot Sunday in Madisonville, police said. Officers found him on a porch.', 'Boy, 5, fatally shot in Madisonville', 'https://www.cincinnati.com/story/news/crime/boy-shot/', 'Cincinnati/US-OH'],
    ['Two teenagers and a man were shot in Cherry Hill late Friday. All three were taken to Presbyterian hospital.', 'Three shot in Cherry Hill', 'https://pittsburgh.examplenews.com/2016/02/three-shot/', 'Pittsburgh/US-PA'],
    ['ORLANDO, Fla. — A gunman killed two people at a nightclub in Orlando early Sunday, police said.', 'Two killed at Orlando nightclub', 'https://www.chicagotribune.com/news/nation/orlando/', 'Orlando/US-FL'],
    ['A deputy was shot during a traffic stop in Tucson, Arizona, on Monday night.', 'Deputy shot in Tucson', 'https://www.fox10phoenix.com/news/deputy-shot', 'Tucson/US-AZ'],
  ];
  for (const [text, title, url, expected] of farFromOutlet)
    it(`far from the outlet: ${title}`, () => {
      const main = storyPlace([of(text, title, url)]);
      assert.equal(main && `${main.name}/${main.country}-${main.admin1}`, expected);
    });
  it('gives a name one sense across the reports of a story', () => {
    const story = [
      of('FELTON, Minn. — A toddler was shot Monday in a Felton home, the sheriff said.'),
      of('A toddler was shot in Felton on Monday. The sheriff said the gun was being cleaned.', 'Toddler shot in Felton'),
      of('Felton residents gathered Tuesday. The Felton vigil was held at a church.', 'Felton vigil'),
    ];
    assert.equal(storyPlace(story)?.admin1, 'MN');
  });
  // A main place read abroad while everything else the story names is in one other country (and
  // state) is that country's namesake: the state named is the prior for the town. [articles, expected]
  const inStoryCountry: [[string, string][], string][] = [
    [[['Four people were hurt in a shooting at a York nightclub.', 'Four hurt in York shooting'], ['Police in Pennsylvania said the gunman, a man from Allentown, was arrested Sunday.', 'Gunman arrested']], 'York/US-PA'],
    [[['Rome police said a man was found shot dead on Copeland Street.', 'Rome homicide victim identified'], ['The victim was flown to a hospital in Atlanta, where he died.', 'Rome victim identified']], 'Rome/US-GA'],
    [[['Athens police said a man was wounded in a drive-by shooting on Tuesday night.', 'Athens man wounded in drive-by shooting'], ['The victim was taken to a hospital in Atlanta and was in stable condition.', 'Athens drive-by victim stable']], 'Athens/US-GA'],
    // A foreign story stays abroad: its other places are there too.
    [[['Police in Germany said a man opened fire in Berlin. Officers from Munich were sent.', 'Shooting in Berlin']], 'Berlin/DE-16'],
    [[['The attack in Paris left three dead, French police said. A suspect fled toward Lyon.', 'Three dead in Paris attack']], 'Paris/FR-11'],
  ];
  // A name several reports read differently ("Mt. Pleasant": South Carolina's big town in most,
  // Pennsylvania's beside "Pittsburgh" in one) takes the reading the story's other places back.
  // [articles, expected]
  const inStoryContext: [[string, string][], string][] = [
    [[['A Mt. Pleasant teen was charged Monday in the shooting death of his friend.', 'Mt. Pleasant teen charged'], ['The Mt. Pleasant teen will stay in custody, a judge ruled.', 'Mt. Pleasant teen stays in custody'], ['A Mt. Pleasant boy was charged as an adult, prosecutors in Pittsburgh said. The Mt. Pleasant boy is 14.', 'Boy charged as adult']], 'Mount Pleasant/US-PA'],
    // A reading a report vouches for ("LEXINGTON, S.C.") stands against the other places' states.
    [[['LEXINGTON, S.C. — A 13-year-old was shot and killed at a Lexington home, the coroner said.', 'Child shot at Lexington home'], ['A soldier from Wilmington returned to a surprise. WILMINGTON, N.C. — An Army wife was thrilled. Lexington police said a boy died.', 'Eighth grader dead in Lexington']], 'Lexington/US-SC'],
    [[['Four people were shot to death Wednesday in a Holly Hill home, the sheriff said.', 'Four killed in Holly Hill home'], ['A Moncks Corner man said he was not the person who shot four people in Holly Hill. He lives near Summerville.', 'Moncks Corner man denies Holly Hill killings']], 'Holly Hill/US-SC'],
  ];
  for (const [articles, expected] of inStoryContext)
    it(`one sense per story, read in the story's context: ${articles[0][1]}`, () => {
      const main = storyPlace(articles.map(([text, title]) => of(text, title)));
      assert.equal(main && `${main.name}/${main.country}-${main.admin1}`, expected);
    });
  // A main town read in a state nothing else in the story is in, while the story's other places lie
  // in one state the story names, is that state's namesake; without one the story is placed at the state.
  const inStoryState: [[string, string][], string][] = [
    [[['Four people were hurt in a shooting at a Columbia VFW hall on Saturday.', 'Four hurt in Columbia shooting'], ['The wounded were taken to hospitals, a Missouri Highway Patrol spokesman said.', 'Columbia shooting victims named']], 'Columbia/US-MO'],
    [[['An 11-year-old boy was hurt when his father fired a gun in Monroe on Sunday. Connecticut State Police are investigating.', 'Boy, 11, shot in Monroe'], ['MONROE — A father faces charges after his gun went off and struck his son, police in Connecticut said.', 'Monroe dad charged']], 'Connecticut/US-CT'],
    // A city several times bigger than its namesakes, one backed in its own state, or one whose story
    // names no state keeps its reading.
    [[['A two-year-old boy was shot in the head Tuesday at a Madison apartment complex, police in Tennessee said.', '2-year-old shot at Madison apartment'], ['The 2-year-old shot inside a Madison apartment has died.', '2-year-old dies after Madison shooting']], 'Madison/US-WI'],
    [[['A man was shot in Monroe on Tuesday, Louisiana State Police said.', 'Man shot in Monroe'], ['The suspect was arrested in Hartford, Connecticut.', 'Suspect held']], 'Monroe/US-LA'],
    [[['A man was shot in Monroe on Tuesday.', 'Man shot in Monroe'], ['The suspect, from Hartford, was arrested in Bridgeport.', 'Suspect held']], 'Monroe/US-LA'],
  ];
  for (const [articles, expected] of inStoryState)
    it(`reads the main town in the story's state: ${articles[0][1]}`, () => {
      const main = storyPlace(articles.map(([text, title]) => of(text, title)));
      assert.equal(main && `${main.name}/${main.country}-${main.admin1}`, expected);
    });
  for (const [articles, expected] of inStoryCountry)
    it(`reads the main place in the story's country: ${articles[0][1]}`, () => {
      const main = storyPlace(articles.map(([text, title]) => of(text, title)));
      assert.equal(main && `${main.name}/${main.country}-${main.admin1}`, expected);
    });
});
