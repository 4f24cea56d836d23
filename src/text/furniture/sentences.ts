// Page furniture a scraper leaves in an article's text — embedded tweets, photo credits, video
// player labels, share and sign-up prompts, copyright lines — told by general signals, not by any
// one site's words. Extraction drops most of it; the brief filters again, since a brief sentence
// is what a reader sees first. The classes shared with the line and span views are in classes.ts.
import {
  HANDLE,
  REPORTED,
  isPlayerControls,
  LABELLED_CREDIT,
  NAME_OUTLET_CREDIT,
  PICTURE_PLACE,
  POST_DATE,
  POST_LINK,
  POST_SIGNATURE,
  re,
  REPUBLISH_WARNING,
  RIGHTS_RESERVED,
} from './classes.ts';

const SIGNALS: RegExp[] = [
  re(POST_LINK, 'iu'),
  /\bt\.co\/|https?:\/\/|www\.\w/i, // links
  re(String.raw`${POST_SIGNATURE}\s+${POST_DATE}`), // a post's attribution line
  /(?:^|\s)#\p{L}[\p{L}\d_]+/u, // hashtags
  re(LABELLED_CREDIT, 'iu'),
  /\bBuy Photo\b|\bPhoto(?:s|graph)? (?:by|courtesy|credit)\b|\/\s*(?:Getty Images|AP|Reuters|AFP)\b|\bGetty Images\b/i,
  /\bSkip in Skip\b|\bEmbed x Share\b|^CLOSE\b|\bAutoplay\b|\bReplay video\b/i,
  /\b(?:click here|sign up for|sign in (?:using|with|to)|log in (?:using|with|to)|create an account|subscribe (?:to|now)|follow (?:us|\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?) on (?:twitter|facebook|instagram)|share (?:this|on) (?:story|article|facebook|twitter)|email this)\b/iu,
  re(String.raw`\bcopyright\b|©|${RIGHTS_RESERVED}|${REPUBLISH_WARNING}`, 'iu'),
  /^(?:read more|related|watch|listen|more|advertisement|sponsored)\s*:/i,
  re(HANDLE), // a handle: a byline's or a tweet's, not running prose
  // A page's own timestamps: "Posted: Monday, March 2, 2013 7:39 AM", "(Published Friday, …)", "… - 03/25/17".
  /\b(?:Posted|Updated|Published|Last updated)\s*:?\s*(?:on\s+)?(?:\p{L}+day,?\s+)?(?:\p{L}+\.?\s+\d{1,2}\b|\d{1,2}\/\d{1,2}\/\d{2,4})/iu,
  /\s[-–]\s\d{1,2}\/\d{1,2}\/\d{2,4}\s*$/,
  /\bPublished (?:in|on) \p{Lu}/u, // an obituary's or a syndicated page's notice
  /\bCaption\b/, // a gallery's or a player's caption label
  re(NAME_OUTLET_CREDIT), // a credit: "(Name / Outlet)"
  /\bshown in (?:a|an|this|the) (?:[\p{L}-]+ ){0,2}(?:photo|photograph|picture|image|video)\b/iu, // a photo's caption
  /\bchance of (?:\p{L}+ )?(?:rain|showers|snow|storms|thunderstorms)\b|\b(?:partly|mostly) (?:cloudy|sunny)\b/iu, // a weather widget
];

// A photo caption: a scene dated to the day with its year, told in the present or with no verb
// ("Deputies at the scene … on April 23, 2016"); reporting tells a dated event in the past.
const FULL_DATE = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, (?:19|20)\d{2}\b/;
// The same for a scene on a named day ("prays Monday night in the 5600 block"): a state still
// holding ("remains", "should call") or a past ("knew") is reporting.
const WEEKDAY = /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/;
const TENSED = /\b(?:was|were|is|are|has|have|had|will|would|did|does|said|says|told|died|shot|killed|hit|ran|left|found|took|made|came|went|got|saw|fled|struck|began|held|knew|thought|heard|became|gave|kept|brought|caught|sent|lost|stood|fell|drove|wrote|spoke|broke|led|met|paid|spent|woke|sat|lay|rose|felt|won|sold|bought|fought|drew|threw|grew|flew|chose|stole|hid|shook|\p{L}+n't|remains?|continues?|can|could|may|might|should|must|shows?)\b/iu;
const PAST_ED = /\b\p{Ll}{2,}ed\b/u; // in lower case: a name ("Reed") is no past
// The date itself is no verb: "May 23, 2014" is no "may".
const isCaption = (s: string) => (FULL_DATE.test(s) || WEEKDAY.test(s)) && !TENSED.test(s.replace(new RegExp(FULL_DATE.source, 'g'), '')) && !PAST_ED.test(s);

// The outlet speaking ("we are big fans of free speech"), or a prompt to the reader ("you get free
// access to our edition"): first or second person outside any quotation and with no one saying it.
const outletVoice = (s: string) => !/["“”]/.test(s) && /\b(?:[Ww]e|[Oo]ur|us|[Yy]ou|[Yy]our)\b/.test(s) && !/\b(?:said|says|told|tells|according to)\b/i.test(s);

// A video's caption: people who talk with the station's reporter (or with reporters), told in the
// present. Reporting tells it in the past ("spoke to"), or says what someone will or wants to do.
const INTERVIEWED = /(?<!(?:\b(?:to|will|would|can|could|may|might|should|must|did|do|does|not|never|and|or)|n't)\s)\b(?:talks?|speaks?|sits? down) (?:with|to)\b/i;
const videoCaption = (s: string) => INTERVIEWED.test(s) && !REPORTED.test(s);
// A person placed in the picture ("Tracy Amos, center,"), unless the sentence says who said it.
const PLACED = re(PICTURE_PLACE);
const placedInPicture = (s: string) => PLACED.test(s) && !REPORTED.test(s);

/** A headline run into its own lede: the same run of six or more words twice in one sentence. */
function repeatsItself(s: string): boolean {
  const w = s.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  const seen = new Set<string>();
  for (let i = 0; i + 6 <= w.length; i++) {
    const run = w.slice(i, i + 6).join(' ');
    if (seen.has(run)) return true;
    seen.add(run);
  }
  return false;
}

/** Whether a sentence is page furniture rather than reporting. */
export const isPageFurniture = (sentence: string): boolean =>
  SIGNALS.some((signal) => signal.test(sentence)) ||
  isPlayerControls(sentence) ||
  isCaption(sentence) || videoCaption(sentence) || placedInPicture(sentence) || outletVoice(sentence) || repeatsItself(sentence);
