// The classes of page furniture, each defined once. Three views read them: a scraped line
// (`lines.ts`, extraction drops it), a brief sentence (`sentences.ts`, the brief skips it) and a
// span of running text (`spans.ts`, no entity is read from it). A view only anchors a class to
// its unit (a whole line, anywhere in a sentence, every match in a text).

/** Embedded post: a tweet's picture link. */
export const POST_LINK = String.raw`\bpic\.twitter\.com\/\w+`;
/** Embedded post: the attribution line under it, "— Name (@handle)", then its date. */
export const POST_SIGNATURE = String.raw`[—–-]\s*[^—–\n()]{1,80}\(@\w{1,30}\)`;
export const POST_DATE = String.raw`\p{L}{3,9}\.? \d{1,2}, \d{4}`;

/** A social handle standing alone: a byline's or a post's, never running prose (not inside an address). */
export const HANDLE = String.raw`(?<![\w.@])@\w{2,30}\b`;

/** Credit: a labelled credit in brackets, "(Photo: Name/Outlet)", "(Credit: …)". */
export const LABELLED_CREDIT = String.raw`\((?:photo|photos|image|credit|photo credit|file photo|foto)\s*:[^()]{1,120}\)`;
/** Credit: a name over an outlet in brackets, "(Dana Ruiz / The Ledger)", "(Sam Kehl/Staff)". */
export const NAME_OUTLET_CREDIT = String.raw`\(\s*\p{Lu}[\p{L}.'’ -]{1,40}\/\s*(?:staff|file|\p{Lu}[\p{L}.'’& -]{1,40})\)`;

/** Caption: a person placed in the picture, "Dana Ruiz, left, and …", "… embraces Tracy Amos, center." */
export const PICTURE_PLACE = String.raw`\p{Lu}[\p{L}.'’-]+,\s(?:left|right|center|centre|second from (?:left|right)|top|bottom)[,.)]|\((?:left|right|center|centre|[Ff]rom (?:left|right)|[Ll]-[Rr])\)`;

/** Copyright notice: the rights line and the syndication warning. */
export const RIGHTS_RESERVED = String.raw`\ball rights reserved\b`;
export const REPUBLISH_WARNING = String.raw`\bmay not be (?:published|broadcast|rewritten|redistributed)\b`;

/** Video player: its button labels. */
export const PLAYER_WORDS = new Set(
  'close skip in x embed share replay pause play mute unmute autoplay fullscreen next up video'.split(' '),
);

/** A player's button labels run together ("CLOSE Skip in Skip x Embed x Share"). */
export function isPlayerControls(s: string): boolean {
  const w = s.toLowerCase().split(/\s+/).filter(Boolean);
  return w.length >= 4 && w.length <= 20 && w.filter((x) => PLAYER_WORDS.has(x)).length >= w.length * 0.8;
}

/** Reported speech: text that says who said it is the report's, whatever words it uses. */
export const REPORTED = /\b(said|says|told|asks|asked|according to|reported|announced|wrote)\b/i;

export const re = (source: string, flags = 'u') => new RegExp(source, flags);
