import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPageFurniture } from './sentences.ts';

// Page furniture a scraper leaves in the text: never a brief sentence.
describe('isPageFurniture', () => {
  const furniture = [
    'We stand with our officers tonight #BackTheBlue pic.twitter.com/Ab12Cd34Ef',
    '— County Sheriff (@CountySheriff) June 3, 2016',
    'Buy Photo Firefighters work at the scene of the blaze on Main Street.',
    'Mourners gather outside the church on Sunday. (Photo: Jane Doe/The Daily Courier)',
    'CLOSE Skip in Skip x Embed x Share Officers describe the chase that ended on the bridge.',
    'Share this story on Facebook Share on Twitter Email this article',
    'Click here to sign up for our breaking news alerts.',
    'Follow Jane Doe on Twitter: @janedoe_news',
    'Copyright 2016 The Associated Press. All rights reserved.',
    'Read more: https://example.com/news/2016/06/03/shooting-story',
    'Photo by John Smith / Getty Images',
    'This material may not be published, broadcast, rewritten or redistributed.',
    // Captions and credits: a labelled caption, a "(Name / Outlet)" credit, a dated scene with no past tense.
    'Caption VIDEO: The annual unity game between the school and the police was held on Wednesday evening.',
    '(Anna Berg / Lakeside Sentinel) A man was arrested on Saturday after a break-in on Elm Road.',
    'Deputies at the scene of a shooting in east Lakeview on April 23, 2016.',
    'Officials gather Aug. 24, 2013, in the town square after a former employee shoots four co-workers.',
    // Prompts to the reader, weather widgets, a headline run twice into its lede.
    'As a member of the Valley Herald, you get free access to our digital edition as well.',
    'Partly cloudy with a chance of lingering showers during the afternoon.',
    'Variable clouds with a chance of scattered showers late in the day.',
    'As a publisher of newspapers with strong opinions, we are big fans of free speech in our comments.',
    'Family says the shelter shooting was an accident News Family says the shelter shooting was an accident A family is mourning their son.',
  ];
  const prose = [
    'Three officers were killed and two were wounded when a gunman opened fire on Sunday morning.',
    'The sheriff said on Twitter that the suspect had been taken into custody.',
    'A photographer who witnessed the shooting said he heard at least six shots.',
    'Police shared a photo of the suspect and asked the public for help.',
    'The governor declared a 60-day state of emergency in the border region on Friday.',
    'A shooting that happened on Monday, Nov. 3, 2014 is under investigation by the state police.',
    'The victim, a 30-year-old man, was fatally shot on the evening of March 20, 2016.',
    '"We want you to know that our son was loved," his mother told reporters.',
    'The sheriff said we may never know why the gunman chose the school.',
    'Police said the weather was clear and the road was dry when the truck left the highway.',
  ];
  for (const s of furniture) it(`furniture: ${s}`, () => assert.equal(isPageFurniture(s), true));
  for (const s of prose) it(`prose: ${s}`, () => assert.equal(isPageFurniture(s), false));
});
