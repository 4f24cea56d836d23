// Scraper leftovers: lines that are page furniture, not part of the report. Each class is told by
// the shape furniture takes on any site (a credit in parentheses at the end of a caption, a
// player's button labels, an attribution line under an embedded post), not by one outlet's words.
// A line that reports something ("…, police said") is never furniture. The classes shared with
// the sentence and span views are defined once in classes.ts.
import {
  HANDLE as HANDLE_ALONE,
  isPlayerControls,
  LABELLED_CREDIT,
  NAME_OUTLET_CREDIT,
  PICTURE_PLACE,
  POST_DATE,
  POST_LINK,
  POST_SIGNATURE,
  re,
  REPORTED,
  REPUBLISH_WARNING,
  RIGHTS_RESERVED,
} from './classes.ts';

const IMAGE_OR_FILE = /^[\w\-. ()[\]]{1,120}\.(jpe?g|png|gif|webp|svg|bmp|tiff?|heic|mp4|mov|pdf|docx?)$/i;
const TAGS = /^(tags?|etiquetas|keywords|palabras clave|topics|filed under|categor(y|ies|ías))\s*:/i;
const PROMPTS: RegExp[] = [
  /^(share|compartir)( this| on| via|:|$)/i,
  /^(subscribe|suscr[ií]bete|sign up)\b.{0,80}$/i,
  /^(advertisement|advertising|advert|publicidad|anuncio|sponsored( content)?)(\s+continue reading( the main story)?)?$/i,
  // A page control's label on a line of its own.
  /^(close|more|save|print|menu|search|back to top|copy link( copy)?|watch this story|a a)$/i,
  /^(follow|find|watch|get)\b[^.!?]{0,50}:\s*([\p{L} ]{2,20}(\s*\|\s*|$)){2,}/iu,
  /\b(submit|send( us)?) (a|your)( news)? tips?\b/i,
  /\bwanted you to see this\b/i,
  /\benter the characters\b/i,
  /\b(free|premium) (articles|stories|clicks)\b.{0,20}\b(used|left|remaining)\b/i,
  /^(this slideshow requires javascript|loading( content)?)\W*$/i,
  /^(click here|haga clic)\b.{0,80}$/i,
  /^(facebook|twitter|x|whatsapp|linkedin|email|print|pinterest|google|reddit)(\s*[|·,/]\s*(facebook|twitter|x|whatsapp|linkedin|email|print|pinterest|google|reddit))*\s*$/i,
  /^(translated|traducido|translation)\s+(from|by|del|por)\b.{0,100}$/i,
  // Account and delivery prompts: the reader is addressed about the site, not told the news.
  /^(already (a subscriber|have an account)|thank you for (registering|signing up|subscribing)|welcome back|forgot (your )?password|create (an|your) account|log ?in|sign ?in)\b.{0,80}$/i,
  /\b(download|get) (the|our) [\p{L}\d .&'-]{0,40}\bapp\b/iu,
  /^\W*(stay up to date|join the conversation|follow|like)\b.{0,60}\b(on|at) (the )?[\p{L}\d .&'-]{0,40}\b(twitter|facebook|instagram|tiktok|youtube)\b.{0,20}$/iu,
  /^text \S+ to \d{4,6}\b/i,
  /\b(email notifications?|posts new content|activate your (profile|account)|verification (message|email)|your notification has been saved)\b/i,
  /\bsign up (for|to) (one of )?our\b|\bsign up (today|now|here)\b|\bsign up for (our|the) [\p{L} ]{0,30}(newsletter|alerts)\b/iu,
];
/**
 * The site talking to its reader about the reader's account, subscription or alerts ("your
 * notification", "our Terms of Service"): both a second-person or first-person-plural word and
 * the site's own vocabulary.
 */
const SITE_PROMPT_WORDS =
  /\b(sign(ed)? ?(in|up)|log ?in|register(ing|ed)?|registration|subscri(be|ber|ption)s?|notifications?|preferences|newsletters?|(email|news|breaking news) alerts|digital access|premium|terms of (service|use)|privacy policy|delivery area|deliverable area)\b/i;
const READER = /\b(you|your|our|us)\b/i;
const SITE_ONLY_WORDS = /\b(digital access|premium (clicks|articles|content)|subscription service)\b/i;
const SITE_ONLY =
  /^(get|activate|renew|manage) (digital access|your (account|subscription))\W*$|^(don'?t|never) miss\b|^get (email|news|breaking news) alerts\b/i;


const EMBEDDED_POST: RegExp[] = [
  re(POST_LINK, 'iu'),
  // The attribution line under an embedded post: "— Name (@handle) March 4, 2026".
  re(String.raw`${POST_SIGNATURE}\s*(${POST_DATE})?\s*$`),
  /^a post shared by .{1,80}\(@[\w.]{1,30}\)/i,
];

const CAPTION: RegExp[] = [
  /^buy photo\b/i,
  /^(photo|image|picture|foto|imagen)s?\s*(credit)?\s*(courtesy( of)?|:).{0,120}$/i,
  /^image \d+ of \d+\b/i,
  /^(image|photo|picture) (via|by|from)\b.{0,60}$/i,
  // A news agency's credit closing a caption: "… REUTERS/Name", "… AP Photo/Name".
  /\b(REUTERS|AP Photo|AFP|Getty Images|EPA)\s*\/\s*\p{Lu}[\p{L}.' -]{1,40}$/u,
  // A credit in parentheses closing the line: "(Photo: Name/Outlet)", "(Credit: …)", "(Name/Staff)".
  re(String.raw`${LABELLED_CREDIT}\s*$`, 'iu'),
  re(String.raw`${NAME_OUTLET_CREDIT}\s*$`),
  /^(getty images|reuters|ap photo|afp)\b.{0,60}$/i,
  /^(photo|image|foto|imagen|picture)\s*(credit)?\s*:.{0,120}$/i,
];

const PLACED = re(PICTURE_PLACE);

const VIDEO: RegExp[] = [
  /\b(enable javascript|javascript (is )?(disabled|required)).{0,40}\b(video|player)\b/i,
  /\btrouble (viewing|playing|loading) (the|this) video\b/i,
  /^(hide|show) transcript\b/i,
  /^(see|watch) (more|all) videos?\b/i,
  /\bflash player\b/i,
  /^\d{1,2}:\d{2}$/,
  // A playlist entry: a running time, then a headline ("3:28 Mayor speaks after the vote").
  /^\d{1,2}:\d{2} (?![ap]\.?m\b)\p{Lu}[^.!?]{0,100}$/iu,
];

const RELATED: RegExp[] = [
  /^(read more|related|see also|lee también|leer más|más información|also read|more)\s*:.{0,160}$/i,
  /^(read more|related|see also|lee también|leer más|also read)\b(?!\s+\p{Ll}+\s+(are|is|was|were|will)\b).{0,120}$/iu,
  /^(trending|top|popular|latest|more) (stories|news|videos|articles)\s*:?\s*$/i,
  /^(you (may|might) (also )?like|recommended for you|most (read|popular))\W*$/i,
  /^(also on|more from|previous stories|more on|elsewhere on)\b[^!?]{0,40}(?<!\.)$/i,
  /^for more\b[^.!?]{0,80}\bhere\s*:?$/i,
];

const COMMENTS: RegExp[] = [
  /^(\d+\s+)?(pending\s+)?(comments?|comentarios)\s*(\(\d+\))?$/i,
  /^(leave|post|add|write|view( all)?( \d+)?|show|hide|load( more)?)\s+(a\s+)?(comments?|replies)\b.{0,20}$/i,
  /^comments (are|have been) (closed|disabled)\W*$/i,
  /\bcomments powered by\b/i,
];

const COOKIES: RegExp[] = [
  /^(cookies?|we use cookies|this (site|website) uses cookies|accept( all)? cookies)\b.{0,200}$/i,
  /\b(use|using) (of )?(this (site|website)).{0,80}\b(our )?use of cookies\b/i,
  /\bagree to (our|the) use of cookies\b/i,
];

const EMAIL = /\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b/;
const HANDLE = re(String.raw`${HANDLE_ALONE}|\b(twitter|x|instagram)\.com\/\w+`, 'iu');
const AUTHOR_BIO: RegExp[] = [
  /^([Cc]ontact|[Rr]each|[Ee]-?mail)\s+\p{Lu}[\p{L}'’.-]+(\s+\p{Lu}[\p{L}'’.-]+)*\s*(at|:)/u,
  /^(follow|find) (him|her|them|\p{Lu}[\p{L}'’.-]+)\b.{0,40}\b(on twitter|on instagram|bio)\b/iu,
  /^\p{Lu}[\p{L}'’.-]+(\s+\p{Lu}[\p{L}'’.-]+){0,3} (is|covers|writes)\b.{0,80}\b(reporter|writer|editor|correspondent|columnist|journalist|anchor|producer)\b/u,
  /(^|[.!?]\s+)(find (his|her|their) bio|follow (him|her|them) on (twitter|instagram|facebook))\b/i,
  /^[Tt]o reach \p{Lu}[\p{L}'’.-]+(\s+\p{Lu}[\p{L}'’.-]+)*,/u,
];

const COPYRIGHT: RegExp[] = [
  /^\(?(all rights reserved|copyright|©|\(c\)).{0,200}$/i,
  /^all content ©/i,
  re(RIGHTS_RESERVED, 'i'),
  re(String.raw`^this material ${REPUBLISH_WARNING}`, 'i'),
];

export type NoiseKind =
  | 'tags'
  | 'file-name'
  | 'prompt'
  | 'embedded-post'
  | 'caption'
  | 'video'
  | 'related'
  | 'comments'
  | 'cookies'
  | 'author-bio'
  | 'copyright'
  | 'rule'
  | 'markup';

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const any = (res: RegExp[], s: string) => res.some((re) => re.test(s));


/** An address line on its own, or a line that asks the reader to write to or follow the writer. */
function isAuthorContact(s: string): boolean {
  if (s.length > 250) return false;
  const bare = s.replace(/[.\s]+$/, '');
  if (
    /^@\w{2,30}$/.test(bare) ||
    /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/.test(bare) ||
    /^(https?:\/\/)?(www\.)?(twitter|x|instagram)\.com\/\w+$/i.test(bare)
  )
    return true;
  return (EMAIL.test(s) || HANDLE.test(s)) && any(AUTHOR_BIO, s) && !REPORTED.test(s.replace(/\bbio\b/i, ''));
}

/** Tokens a template or script leaves behind: `{* name *}` slots, `a_b|c-d|0` data strings. */
const CODE_TOKEN = /\{\*.*?\*\}|^[\w-]*_[\w-]*(\|[\w-]*)+$|^[\w-]+(\|[\w-]+){2,}$/;
function isMarkup(s: string): boolean {
  if (s.length > 2000) return false;
  if (/\{\*[^}]*\*\}/.test(s)) return true;
  const w = words(s);
  return w.length >= 3 && w.filter((t) => CODE_TOKEN.test(t)).length >= 2;
}

/** Why a line is scraper leftover, or null when it is content. */
export function noiseKind(line: string): NoiseKind | null {
  const s = line.trim();
  if (!s) return null;
  if (!/[\p{L}\p{N}]/u.test(s)) return s.length >= 3 ? 'rule' : null;
  if (/^#{2,}[^#]{0,40}#{2,}$/.test(s)) return 'rule';
  if (TAGS.test(s)) return 'tags';
  if (isMarkup(s)) return 'markup';
  if (IMAGE_OR_FILE.test(s) && !/\s{2,}/.test(s) && s.split(/\s+/).length <= 4) return 'file-name';
  if (s.length <= 400 && any(EMBEDDED_POST, s)) return 'embedded-post';
  if (s.length <= 400 && any(CAPTION, s)) return 'caption';
  // A gallery's slide: its counter opens the caption, however long the caption and its repeat run.
  if (s.length <= 3000 && /^image \d+ of \d+\b/i.test(s)) return 'caption';
  // A person placed in the picture ("Dana Ruiz, left, and …"); a line that says who said it is prose.
  if (s.length <= 400 && PLACED.test(s) && !REPORTED.test(s)) return 'caption';
  // A caption a template cut at a fixed length: three dots straight after a word, mid-sentence
  // ("…placed on the door step of..."). A writer's own trailing "…" stays.
  if (/[\p{L}\d,]\.\.\.$/u.test(s) && words(s).length >= 8 && s.length <= 200) return 'caption';
  // An excerpt a template cut and marked "[…]": a teaser for another page (a station's promo, a
  // related story), whatever its length.
  if (s.length <= 1500 && /\[\s*(…|\.\.\.)\s*\]$/.test(s)) return 'related';
  if (s.length <= 200 && (any(VIDEO, s) || isPlayerControls(s))) return 'video';
  // A video's caption closed by the player's own link ("… talks to reporters on Monday. See more videos").
  if (s.length <= 500 && /[.!?]\s+(see|watch) (more|all) videos?\W*$/i.test(s)) return 'video';
  if (s.length <= 200 && any(COOKIES, s)) return 'cookies';
  if (s.length <= 300 && any(COPYRIGHT, s)) return 'copyright';
  if (isAuthorContact(s)) return 'author-bio';
  if (any(COMMENTS, s)) return 'comments';
  if (any(RELATED, s) && !REPORTED.test(s)) return 'related';
  if (s.length <= 200 && any(PROMPTS, s) && !REPORTED.test(s)) return 'prompt';
  if (
    s.length <= 220 &&
    !REPORTED.test(s) &&
    !/["“”]/.test(s) &&
    SITE_PROMPT_WORDS.test(s) &&
    (READER.test(s) || SITE_ONLY.test(s) || SITE_ONLY_WORDS.test(s))
  )
    return 'prompt';
  return null;
}

const FUNCTION_WORDS = new Set('with from that this after over into were have been will about their they them when what while'.split(' '));
/** Whether a paragraph shares a content word with the headline (the title without the site's name after " - " or " | "). */
export const sharesWord = (p: string, title: string) => {
  const head = compact(title.split(/\s+[|–—-]\s+/)[0]);
  const titleWords = new Set(head.split(' ').filter((w) => w.length >= 4 && !FUNCTION_WORDS.has(w)));
  return compact(p).split(' ').some((w) => titleWords.has(w));
};
const SENTENCE_END = /[.!?:;"”»'’)\]…]$/;
const compact = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Headlines of other stories (a "related" rail, a ticker) left in a scraped `content` field: a
 * paragraph of three to sixteen words that does not end like a sentence or a label. The report's
 * own headline (part of the title) stays. Only for scraped record text, where the page's markup
 * is gone: a writer's own plain-text file keeps its subheadings.
 */
export function strayHeadlines(
  paragraphs: string[],
  title: string | null,
): { kept: string[]; dropped: string[] } {
  const own = title ? compact(title) : '';
  const n = paragraphs.map((p) => words(p).length);
  // "Label: value" lines, names in capitals and date lines are the report's data, not headlines.
  const data = paragraphs.map((p, i) => /:\s/.test(p) || p === p.toUpperCase() || (/\b\d{4}\b/.test(p) && n[i] <= 6));
  const shaped = paragraphs.map((p) => !SENTENCE_END.test(p.trim()) && !(own && own.includes(compact(p))));
  const stray = paragraphs.map((_, i) => n[i] >= 3 && n[i] <= 16 && !data[i] && shaped[i]);
  // Without a title of its own, the report's first line is its headline.
  if (!own && paragraphs.length) stray[0] = false;
  for (let i = 0; i < paragraphs.length; i++) {
    if (!own && i === 0) continue;
    // In a list of other stories' headlines, one with a colon or a quotation is a headline too
    // ("Dispatcher: 'She was alone'"): a short line that ends no sentence, beside a stray one.
    const inList = (stray[i - 1] ?? false) || (stray[i + 1] ?? false);
    const p = paragraphs[i].trim();
    if (!stray[i] && inList && n[i] >= 3 && n[i] <= 16 && !/[.!?:;]$/.test(p) && !/^[•*·-]/.test(p) && !REPORTED.test(p) && p !== p.toUpperCase() && !(own && own.includes(compact(p))))
      stray[i] = true;
  }
  // A heading with nothing under it (the last paragraph, one to sixteen words, no sentence end):
  // the label of a box whose text was dropped as furniture ("Total Access" over a sign-up prompt).
  const last = paragraphs.length - 1;
  if ((last > 0 || (last === 0 && own)) && n[last] <= 16 && shaped[last] && !data[last]) stray[last] = true;
  const kept = paragraphs.filter((_, i) => !stray[i]);
  const dropped = paragraphs.filter((_, i) => stray[i]);
  // With no sentence left, two or more short lines were the report itself (its key points) — when
  // they speak of its headline; lines that share no word with it are a list of other stories.
  const aboutTitle = !title || dropped.some((p) => sharesWord(p, title));
  if (dropped.length >= 2 && aboutTitle && !kept.some((p) => SENTENCE_END.test(p.trim()) && words(p).length >= 6))
    return { kept: paragraphs, dropped: [] };
  return { kept, dropped };
}

/**
 * A caption shown twice, as a gallery or player repeats it: the same paragraph twice in a row, or a
 * paragraph followed by its own opening cut short ("Ryan Ames, 4, was hurt at his home by a gun
 * in his parents'..."). Both copies go, unless the paragraph speaks of the report's headline: then
 * it is the report's own lede printed twice, and its first copy stays.
 */
export function repeatedCaptions(paragraphs: string[], title: string | null = null): { kept: string[]; dropped: string[] } {
  const drop = new Set<number>();
  for (let i = 1; i < paragraphs.length; i++) {
    const a = compact(paragraphs[i - 1]);
    const b = paragraphs[i].trim();
    const cut = /(\.\.\.|…)$/.test(b) ? compact(b.replace(/(\.\.\.|…)$/, '')) : null;
    if (words(a).length < 6) continue;
    if (compact(b) === a || (cut && words(cut).length >= 6 && a.startsWith(cut))) {
      if (!title || !sharesWord(a, title)) drop.add(i - 1);
      drop.add(i);
    }
  }
  return {
    kept: paragraphs.filter((_, i) => !drop.has(i)),
    dropped: paragraphs.filter((_, i) => drop.has(i)),
  };
}

/** Paragraph-level furniture of scraped record text: captions shown twice, then stray headlines. */
export function scrapedFurniture(paragraphs: string[], title: string | null): { kept: string[]; dropped: string[] } {
  const captions = repeatedCaptions(paragraphs, title);
  const stray = strayHeadlines(captions.kept, title);
  return { kept: stray.kept, dropped: [...captions.dropped, ...stray.dropped] };
}
