// Page furniture left in scraped text, one table per class: each line on its own as a scraper
// leaves it in a `content` field or an HTML paragraph. The lines are made up; the last rows of each
// table are article sentences that share words with the furniture and must stay.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noiseKind, repeatedCaptions, scrapedFurniture, strayHeadlines } from './lines.ts';

const table = (name: string, rows: [string, string | null][]) =>
  describe(name, () => {
    for (const [line, kind] of rows)
      it(`${JSON.stringify(line)} → ${kind}`, () => assert.equal(noiseKind(line), kind));
  });

table('embedded posts', [
  ['Crews are still on scene at Elm and 5th, avoid the area pic.twitter.com/Qx81LmZ0pa', 'embedded-post'],
  ['— Harbor City Police (@HarborCityPD) March 4, 2026', 'embedded-post'],
  ['#traffic — Metro Fire Rescue (@MetroFireRescue) July 9, 2025', 'embedded-post'],
  ['A post shared by Lena Ortiz (@lena.ortiz) on Aug 2, 2025 at 6:14pm PDT', 'embedded-post'],
  ['The department wrote on Twitter that the road would reopen by noon.', null],
  ['Spokesman Dan Reyes (@DanReyesPD) said the road stayed closed until the evening.', null],
]);

table('photo credits and captions', [
  ['Buy Photo', 'caption'],
  [
    'Buy Photo Firefighters work the scene on Main Street on Tuesday. (Photo: Dana Ruiz/The Ledger)',
    'caption',
  ],
  ['Neighbors gathered outside the house on Sunday evening. (Photo: Sam Kehl / Staff)', 'caption'],
  ["Photo Courtesy of the Lakeview Sheriff's Office", 'caption'],
  ['Photo: Courtesy of the family', 'caption'],
  ['Image 4 of 18 Officers stand near the tape on Birch Avenue. Photo: Ana Pike', 'caption'],
  ['Mourners left candles at the corner on Friday. (Jordan Wells/Staff)', 'caption'],
  // A gallery's slide: its counter opens the caption, however long the caption and its repeat run.
  [
    'Image 1 of 12 A neighbour hugs Marta Lind, center, outside the house on Birch Avenue, where deputies investigate a shooting that left two people dead, Monday, May 2, 2016. less A neighbour hugs Marta Lind, center, outside the house on Birch Avenue, where deputies investigate a shooting that left two people dead, Monday, May 2, 2016, as her son waits in the car and officers... more Photo: Ana Pike, Valley Herald',
    'caption',
  ],
  // A person placed in the picture ("Name, left, ..."): a caption's mark, never prose's.
  ['Deputy Carl Moss, left, and Sgt. Lee Park wait outside the courthouse on Tuesday.', 'caption'],
  ['A woman embraces Tracy Amos, center, outside the church on Elm Street.', 'caption'],
  ['The car turned left, struck a pole and caught fire.', null],
  ['Sgt. Lee Park, left, said the deputies waited outside for an hour.', null],
  ['Officers walk along the fence line after the shooting. (Credit: Lee Park/Daily Star)', 'caption'],
  ['Mourners left candles and notes at the corner of Elm Street and...', 'caption'],
  ['And that is where the story gets strange …', null],
  ['Here is what she told us…', null],
  ['The photo, taken by a neighbour, shows two men running from the house.', null],
  ['Police released a photo of the suspect (pictured) on Monday.', null],
  ['Officers searched the house and found two rifles (both loaded) in a closet.', null],
]);

table('video player leftovers', [
  ['CLOSE Skip in Skip x Embed x Share', 'video'],
  ['Please enable Javascript to watch this video', 'video'],
  ['Having trouble viewing the video? Try turning off your ad blocker.', 'video'],
  ['Hide Transcript Show Transcript', 'video'],
  ['1:19', 'video'],
  ['3:28 Mayor speaks after the council vote', 'video'],
  ['See more videos', 'video'],
  ['The video, which runs about two minutes, shows the car stopping.', null],
  ['At 10:15 the first officers arrived at the house.', null],
  ['9:30 p.m. UPDATE', null],
]);

table('share, subscribe and newsletter prompts', [
  ['Sign up for one of our email newsletters.', 'prompt'],
  ['Share this: Facebook', 'prompt'],
  ['Already a subscriber? Log in', 'prompt'],
  ['Already have an account?', 'prompt'],
  ['Thank you for registering!', 'prompt'],
  ['>>Download the Channel 6 News app for iOS and Android', 'prompt'],
  ['Stay Up To Date, Follow WQRT On Twitter', 'prompt'],
  ['Join The Conversation On The WQRT Facebook Page', 'prompt'],
  ['Text NEWS to 55123 to sign up for breaking news alerts', 'prompt'],
  ["Whenever Ann Lowe posts new content, you'll get an email delivered to your inbox with a link.", 'prompt'],
  ['Close Get email notifications on Ann Lowe daily!', 'prompt'],
  ['Please check your email and click on the link to activate your profile.', 'prompt'],
  ['Enjoy home delivery and full digital access. Sign up for our best offer today!', 'prompt'],
  ["Residents can sign up for the city's emergency alerts, the mayor said.", null],
  ['The victim had shared a photo on Facebook hours before the shooting.', null],
  ['Police asked witnesses to follow the department on Twitter for updates.', null],
]);

table('related and read-more lists', [
  ['RELATED: Two hurt in overnight shooting on the east side', 'related'],
  ['MORE: Video shows crash on the interstate', 'related'],
  ['TRENDING STORIES:', 'related'],
  ['Read more top stories on our site:', 'related'],
  ['You may also like', 'related'],
  ['More than 40 people were at the party, police said.', null],
  ['Related charges are expected against the driver, prosecutors said.', null],
]);

table('comment sections', [
  ['Comments', 'comments'],
  ['3 Pending Comments', 'comments'],
  ['Leave a comment', 'comments'],
  ['Comments are closed.', 'comments'],
  ['comments powered by Disqus', 'comments'],
  ['View 12 comments', 'comments'],
  ['The chief declined to comment on the case.', null],
  ['No comment was available from the family on Monday.', null],
]);

table('cookie banners', [
  ['We use cookies to improve your experience on our site.', 'cookies'],
  ['This site uses cookies. By continuing to browse you agree to our use of cookies.', 'cookies'],
  ['By using this website, you agree to our use of cookies and our Privacy Policy.', 'cookies'],
  ['Accept all cookies', 'cookies'],
  ['The bakery sold cookies to raise money for the family.', null],
]);

table('author bios and contact lines', [
  ['Contact Dana Ruiz: druiz@ledger.example or 555-201-3300.', 'author-bio'],
  ['druiz@ledger.example', 'author-bio'],
  ['twitter.com/druiz_news', 'author-bio'],
  [
    'Find her bio here, follow her on Twitter @DanaRuizTV, or send your story idea to druiz@tv.example.',
    'author-bio',
  ],
  ['Dana Ruiz is a crime reporter for the Ledger. Reach her at druiz@ledger.example.', 'author-bio'],
  ['Follow Dana on Twitter: @DanaRuiz', 'author-bio'],
  ['Anyone with information can email tips@harborpd.example, police said.', null],
  ['Dana Ruiz, a neighbour, said she heard three shots.', null],
]);

table('copyright and wire notices', [
  ['(© 2016 KXYZ)', 'copyright'],
  ['(Copyright 2015 The Associated Press. All rights reserved.)', 'copyright'],
  ['This material may not be published, broadcast, rewritten or redistributed.', 'copyright'],
  ['All content © 2017, WQRT; Mobile, AL.', 'copyright'],
  ['The band lost the copyright to its first album in a 1998 lawsuit.', null],
]);

table('rules and separators', [
  ['..............................', 'rule'],
  ['___', 'rule'],
  ['* * *', 'rule'],
]);

table('site and account prompts', [
  ['There was a problem saving your preferences.', 'prompt'],
  ['Click the button below to set up your account or log in if you already have one.', 'prompt'],
  [
    'By submitting your registration details, you agree to our Terms of Service and Privacy Policy.',
    'prompt',
  ],
  ['2 of 5 premium articles used this month', 'prompt'],
  ["Don't miss a thing. Get email alerts from Channel 6 today.", 'prompt'],
  ['Sorry, this postcode is outside our delivery area for this subscription.', 'prompt'],
  ['Get digital access', 'prompt'],
  ['Follow WQRT: Facebook | Twitter', 'prompt'],
  ['Get the latest from Channel 6 anytime: iPhone | iPad | Android | Email Alerts', 'prompt'],
  ['Report an error or submit a tip to Channel 6', 'prompt'],
  ['Message: * A friend wanted you to see this story from wqrt.example', 'prompt'],
  ['You must enter the characters shown in the box above', 'prompt'],
  ['Close', 'prompt'],
  ['Copy Link Copy', 'prompt'],
  ['Advertisement Continue reading', 'prompt'],
  ["The victim's Facebook account showed photos of guns, police said.", null],
  ['Officers asked drivers to sign in at the checkpoint before entering the lot.', null],
  ['The family set up an online account to pay for the funeral.', null],
  ["And you'll have a lot less money in your bank account.", null],
  ['“Who will still pay for a digital subscription then?” the editor asks.', null],
]);

table('more furniture shapes', [
  ['Firefighters carry hoses into the yard on Tuesday. REUTERS/Jon Marsh', 'caption'],
  ['Image via Shutterstock', 'caption'],
  ['You need the latest version of the Adobe Flash Player to view this video.', 'video'],
  ['@AnnLoweNews', 'author-bio'],
  [
    'To reach Ann Lowe, call 555-201-4400, email alowe@paper.example or follow her on Twitter @AnnLowe',
    'author-bio',
  ],
  ['Also on PostSite:', 'related'],
  ['MORE FROM WQRT.COM', 'related'],
  ['PREVIOUS STORIES', 'related'],
  ['For more local news, listen to our radio show here:', 'related'],
  ['###PPB###', 'rule'],
  ['### ORIGINAL MESSAGE BELOW ###', 'rule'],
  ['Also on Tuesday, a second man was arrested near the station.', null],
  ['More officers were sent to the area after the second shooting.', null],
]);

table('template and script leftovers', [
  [
    'Photo: Jo Kim Image 1 of / 9 Caption Close gallery_thumbs_show|story-gallery-55|story-gallery-55|0 gallery_open|story-gallery-55|0',
    'markup',
  ],
  ['Sign in with your account: {* loginWidget *}', 'markup'],
  ['Officers found the car at 5th_and_Main, a lot the city calls "Lot B|C".', null],
]);

table('a writer bio after a first sentence', [
  [
    'Ann Lowe has covered the city desk since 2019. Find her bio here or follow her on Twitter @AnnLowe.',
    'author-bio',
  ],
  ['Re-enter your postcode or sign up for digital access.', 'prompt'],
]);

describe('headlines of other stories left in a scraped content field', () => {
  const body = [
    'Two men were hurt in a shooting outside a bar on Elm Street late Friday, police said.',
    'Man charged after standoff on the west side',
    'Both victims were taken to County General and are expected to survive.',
    'Teen, 16, Shot Near High School Gym',
    'Police have not named a suspect.',
  ];
  it('drops a lone headline-shaped line between paragraphs', () => {
    const { kept, dropped } = strayHeadlines(body, 'Two hurt in Elm Street bar shooting');
    assert.deepEqual(kept, [body[0], body[2], body[4]]);
    assert.deepEqual(dropped, [body[1], body[3]]);
  });
  it('keeps the first line of a report without a title, and date lines', () => {
    const lines = ['Jewel thieves take gems worth millions from city store', '12 March 2026', body[0]];
    assert.deepEqual(strayHeadlines(lines, null).kept, lines);
  });
  it('keeps short lines that are all the report has (its key points)', () => {
    const points = [
      'Boy found the rifle in a shed',
      'Two adults may face neglect charges',
      'Family was visiting from out of state',
    ];
    assert.deepEqual(strayHeadlines(points, 'Boy, 9, hurt by rifle found in shed').kept, points);
  });
  it("keeps the report's own headline, datelines, labels and short facts", () => {
    const own = [
      'Two hurt in Elm Street bar shooting',
      'ELMTOWN, Ore.',
      'UPDATE:',
      'Bond: $50,000',
      'First unit on scene: Sgt. Mara Lind, with the county since 2009',
      'WANTED: JONAH PELL REYES',
      ...body.slice(2, 3),
    ];
    assert.deepEqual(strayHeadlines(own, 'Two hurt in Elm Street bar shooting').kept, own);
  });
});

table('teasers and video captions closed by a player link', [
  ['Morning Drive with Tess and Ray, weekdays from six on the city\u2019s sports station! Tune [\u2026]', 'related'],
  ['Listen live for traffic and weather on the eights, all day long [...]', 'related'],
  ['Sheriff Ana Pruitt talks to reporters about the arrest on Monday. See more videos', 'video'],
  ['Officers said the suspect left in a gray sedan [and] headed north.', null],
  ['The chief said she would see more videos from the body cameras next week.', null],
]);

describe('captions shown twice', () => {
  const story = 'Deputies said the driver fled on foot after the crash and was caught two blocks away.';
  it('drops a caption repeated in a row, both copies', () => {
    const cap = 'Two hawks nest again on the bank tower downtown, the zoo said. Their eggs hatched on Sunday.';
    assert.deepEqual(repeatedCaptions([cap, cap, story]), { kept: [story], dropped: [cap, cap] });
  });
  it('drops a caption and its own opening cut short', () => {
    const cap = 'Mia Lowe, 6, was hurt at her home by a pistol left in a kitchen drawer. Her family moved last year.';
    const cut = "Mia Lowe, 6, was hurt at her home by a pistol left in a kitchen drawer...";
    assert.deepEqual(repeatedCaptions([story, cap, cut]).kept, [story]);
  });
  it("keeps one copy of the report's own lede printed twice", () => {
    const lede = 'Two men were hurt in a bar shooting on Elm Street late Friday, police said.';
    assert.deepEqual(repeatedCaptions([lede, lede, story], 'Two hurt in Elm Street bar shooting - Channel 9 | Elmtown').kept, [lede, story]);
  });
  it('drops a caption of another story though the title names the site and its city', () => {
    const cap = 'Two hawks nest again on the bank tower in Elmtown, the zoo said. Their eggs hatched on Sunday.';
    assert.deepEqual(repeatedCaptions([cap, cap, story], 'Driver caught after crash - Channel 9 | Elmtown').kept, [story]);
  });
  it('keeps a doubled page and a short repeated line', () => {
    const other = 'The victim was taken to County General in stable condition.';
    assert.deepEqual(repeatedCaptions([story, other, story, other]).kept, [story, other, story, other]);
    assert.deepEqual(repeatedCaptions(['Police said', 'Police said']).kept, ['Police said', 'Police said']);
  });
});

describe('headline lists and empty boxes in scraped text', () => {
  const story = 'Two men were hurt in a shooting outside a bar on Elm Street late Friday, police said.';
  it("drops a headline with a quotation inside a list of other stories' headlines", () => {
    const list = ["Mayor on the flood: 'We were not ready'", 'Bridge reopens after three weeks of repairs', 'Zoo welcomes twin otters'];
    const { kept } = scrapedFurniture([story, ...list], 'Two hurt in Elm Street bar shooting');
    assert.deepEqual(kept, [story]);
  });
  it('drops a list with no word of the headline even when nothing else is left', () => {
    const list = ['Bridge reopens after three weeks of repairs', 'Zoo welcomes twin otters at the park', 'Caught on camera: fight at the mall'];
    assert.deepEqual(scrapedFurniture(list, 'Woman shot while hiking with her brother').kept, []);
  });
  it('drops a heading left with nothing under it', () => {
    assert.deepEqual(scrapedFurniture([story, 'Digital Plus'], 'Two hurt in Elm Street bar shooting').kept, [story]);
    assert.deepEqual(scrapedFurniture(['Digital Plus'], 'Two hurt in Elm Street bar shooting').kept, []);
  });
  it('keeps a quotation with its speaker, list items and labels beside a stray headline', () => {
    const own = [
      story,
      'Zoo welcomes twin otters at the park',
      '“Now they are back,” a neighbor said. “It never stops.”',
      'Of the people hurt:',
      '• Lane Ortiz, 19, who was shot in the leg;',
      'Police have not named a suspect.',
    ];
    assert.deepEqual(scrapedFurniture(own, 'Two hurt in Elm Street bar shooting').kept, [story, ...own.slice(2)]);
  });
  it('keeps a label with its value beside ordinary text', () => {
    const own = [story, 'Bond: $50,000', 'Police have not named a suspect.'];
    assert.deepEqual(scrapedFurniture(own, 'Two hurt in Elm Street bar shooting').kept, own);
  });
});
