// Page furniture a scraper leaves in an article's text — embedded tweets, photo credits, video
// player labels, share and sign-up prompts, copyright lines — told by general signals, not by any
// one site's words. Extraction drops most of it; the brief filters again, since a brief sentence
// is what a reader sees first.
const SIGNALS: RegExp[] = [
  /\bpic\.twitter\.com\/|\bt\.co\/|https?:\/\/|www\.\w/i, // links and embedded tweets
  /—\s*[^()]{1,60}\(@\w+\)\s+\p{L}+\s+\d{1,2},\s+\d{4}/u, // a tweet's signature line
  /(?:^|\s)#\p{L}[\p{L}\d_]+/u, // hashtags
  /\bBuy Photo\b|\(Photo:|\bPhoto(?:s|graph)? (?:by|courtesy|credit)\b|\/\s*(?:Getty Images|AP|Reuters|AFP)\b|\bGetty Images\b/i,
  /\bSkip in Skip\b|\bEmbed x Share\b|^CLOSE\b|\bAutoplay\b|\bReplay video\b/i,
  /\b(?:click here|sign up for|sign in (?:using|with|to)|log in (?:using|with|to)|create an account|subscribe (?:to|now)|follow (?:us|\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?) on (?:twitter|facebook|instagram)|share (?:this|on) (?:story|article|facebook|twitter)|email this)\b/iu,
  /\bcopyright\b|©|\ball rights reserved\b|\bmay not be (?:published|broadcast|rewritten|redistributed)\b/i,
  /^(?:read more|related|watch|listen|more|advertisement|sponsored)\s*:/i,
  /(?:^|\s)@\w{3,}\b/, // a handle: a byline's or a tweet's, not running prose
  // A page's own timestamps: "Posted: Monday, March 2, 2013 7:39 AM", "(Published Friday, …)", "… - 03/25/17".
  /\b(?:Posted|Updated|Published|Last updated)\s*:?\s*(?:on\s+)?(?:\p{L}+day,?\s+)?(?:\p{L}+\.?\s+\d{1,2}\b|\d{1,2}\/\d{1,2}\/\d{2,4})/iu,
  /\s[-–]\s\d{1,2}\/\d{1,2}\/\d{2,4}\s*$/,
  /\bPublished (?:in|on) \p{Lu}/u, // an obituary's or a syndicated page's notice
];

/** Whether a sentence is page furniture rather than reporting. */
export const isPageFurniture = (sentence: string): boolean => SIGNALS.some((re) => re.test(sentence));
