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
    // A video's caption: people talking with the station's reporter, told in the present.
    "Maria Lopez and her brother talk with Channel 9's Dana Reed about the crash that killed their parents.",
    "The victim's father speaks to News 4's Alan Cho about his son's last day at school.",
    'Neighbors talk with reporters about the gunfire that woke them up early on Sunday.',
    // A person placed in the picture: "Name, center," — a photo caption, whatever its tense.
    'An unidentified woman reaches out to embrace Tracy Amos, center, as deputies investigate the shooting.',
    'Deputy Carl Moss, left, and Sgt. Lee Park, right, were honoured at the ceremony on Friday.',
    // A scene on a named day with no verb in the past: a photo's caption.
    'The Rev. Dana Hill of Grace Church prays Monday night in the 5600 block of South Elm Avenue.',
    'Officers stand near the tape on Birch Avenue on Sunday morning.',
    // A photo's caption that says so.
    'Dana Reed reports for the Channel 9 News at 11 p.m. Friday, May 23, 2014.',
    "Carl Moss, 19, shown in a jail booking photo released by the Lakeview County Sheriff's Office.",
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
    'Investigators will talk with witnesses and neighbors again on Monday.',
    'Police want to talk to anyone who saw a dark sedan leave the parking lot.',
    'Detectives did not speak with the driver before he was taken to the hospital.',
    'The family said they talk to the prosecutor every week about the case.',
    'The car turned left, struck a pole and caught fire near the bridge.',
    'Sgt. Lee Park, left, said the deputies waited outside for an hour.',
    'The boy remains in critical condition at Mercy Hospital on Monday.',
    'Anyone with information should call the sheriff on Monday or Tuesday.',
    'Police believe the two men knew each other before the fight on Sunday.',
    'DENVER (CBS4) One man is dead in a double shooting that happened overnight on Sunday.',
    'The video shows the suspect walking into the store on Friday night.',
    'Police spent hours searching for the gunman after finding a wounded teenager in a car on Friday morning.',
    'The sound of a gunshot woke the couple at about 10:30 p.m. Sunday.',
    "More information about the victim wasn't available on Saturday.",
  ];
  for (const s of furniture) it(`furniture: ${s}`, () => assert.equal(isPageFurniture(s), true));
  for (const s of prose) it(`prose: ${s}`, () => assert.equal(isPageFurniture(s), false));
});
