import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPageFurniture } from './furniture.ts';

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
  ];
  const prose = [
    'Three officers were killed and two were wounded when a gunman opened fire on Sunday morning.',
    'The sheriff said on Twitter that the suspect had been taken into custody.',
    'A photographer who witnessed the shooting said he heard at least six shots.',
    'Police shared a photo of the suspect and asked the public for help.',
    'The governor declared a 60-day state of emergency in the border region on Friday.',
  ];
  for (const s of furniture) it(`furniture: ${s}`, () => assert.equal(isPageFurniture(s), true));
  for (const s of prose) it(`prose: ${s}`, () => assert.equal(isPageFurniture(s), false));
});
