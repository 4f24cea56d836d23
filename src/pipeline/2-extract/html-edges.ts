// The first and last lines of an extracted body often carry page furniture that sits in the same
// container as the text: section labels, datelines, bylines, "Updated 10:01 pm" stamps, image
// credits, an author box, "You may also like" and its headlines. These are short and not
// sentences, so they are looked for near the edges only: the same line in the middle of the text
// (a subheading) is left alone. Slideshow counters ("Image 3 of 12") go wherever they are.

const MONTHS =
  /\b(jan(uary|vier|uar|eiro)?|feb(ruary|ruar)?|f[ée]v(rier|ereiro)?|mar(ch|s|zo|ço)?|apr(il)?|avr(il)?|abr(il)?|may|mai|mayo|maio|jun(e|i|io|ho)?|juin|jul(y|i|io|ho)?|juil(let)?|aug(ust)?|ao[uû]t|ago(sto)?|sep(t|tember|tembre|tiembre|tembro)?|set(embro)?|oct(ober|obre|ubre)?|okt(ober)?|out(ubro)?|nov(ember|embre|embro)?|dec(ember)?|d[ée]c(embre)?|dez(ember|embro)?|dic(iembre)?)\.?\b/i;
const NUMERIC_DATE = /\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b\d{1,2}:\d{2}\b/;
const STAMP_WORDS =
  /^(updated|published|posted|last (updated|modified)|first published|created|date|publicado|actualizado|atualizado|mis à jour|publié|aktualisiert|veröffentlicht|pubblicato|aggiornato|опубликовано|обновлено)\b/i;
const BYLINE = /^(by|von|por|par|di|от)\s+\p{Lu}/u;
const CREDIT =
  /(\(|^)(image|photo|picture|credit|foto|source)s?\s*:|getty images|shutterstock|istock|associated press|\bap photo\b|reuters$|^image \d+ of\b|\bfile photo\b|©/i;
const LABEL_END =
  /^(tags?|topics?|filed under|categor(y|ies)|related|recent|popular|more from|you may also like|also read|read more|loading)\b/i;

const RELATED_LABEL =
  /^(you (may|might) (also )?like|more\b.{0,30}\b(stories|articles|news|reads)|related( (stories|articles|posts|news|content|coverage))?|more (stories|from|on this|news)|recommended|popular|most read|trending|read (more|next|also)|see also|also read|lee también|leia também|ver también|weitere artikel|à lire aussi|lire aussi|leggi anche)\b.{0,40}$/i;
const AUTHOR_LABEL =
  /^(about the (author|writer)|über den autor|sobre el autor|sobre o autor|à propos de l'auteur|l'autore)\W*$/i;
/** "Image 3 of 12", "1 of 6": a slideshow's counter, wherever it sits. */
const GALLERY_COUNTER =
  /^((image|photo|picture|slide|foto|bild)\s*)?\d+\s*(of|\/|de|di|von|из)\s*\/?\s*\d*$/i;
/** Word count; in scripts written without spaces (Chinese, Japanese) two characters count as a word. */
const words = (s: string) =>
  Math.max(
    s.split(/\s+/).filter(Boolean).length,
    Math.floor(
      (s.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu)?.length ?? 0) / 2,
    ),
  );
const isSentence = (s: string) => /[.!?…"”»)。！？]$/.test(s) && words(s) > 6;

/**
 * Whether a line at the top of the body is furniture: 'stamp' for datelines, bylines, credits and
 * the repeated headline (dropped anywhere near the top), 'label' for a lone word or two (dropped
 * only before the text starts: further down it is a subheading).
 */
function topFurniture(
  line: string,
  title: string | null,
  description: string | null,
): 'stamp' | 'label' | null {
  const s = line.trim();
  if (title && normalize(s) === normalize(title)) return 'stamp';
  // A standfirst repeats the page description; a first paragraph used as the description is a sentence.
  if (description && normalize(s) === normalize(description) && !/[.!?。]$/.test(s)) return 'stamp';
  if (CREDIT.test(s) && s.length <= 300) return 'stamp';
  if (s.length > 160) return null;
  if (STAMP_WORDS.test(s)) return 'stamp';
  if (BYLINE.test(s) && words(s) <= 12) return 'stamp';
  if ((MONTHS.test(s) && /\d/.test(s)) || NUMERIC_DATE.test(s))
    return words(s) <= 12 && !isSentence(s) ? 'stamp' : null;
  // A lone label ("Review", "TRENDING:"); a dateline ("BAAR, SWITZERLAND") has a comma and stays.
  return words(s) <= 3 && !/[.!?。,]/.test(s) ? 'label' : null;
}

/** A line that is page furniture when found at the end of the body. */
function isEndFurniture(line: string): boolean {
  const s = line.trim();
  if (s.length > 200) return false;
  if (LABEL_END.test(s) && !isSentence(s)) return true;
  if (STAMP_WORDS.test(s) && words(s) <= 12) return true;
  return words(s) <= 3 && !/[.!?"”。,]/.test(s);
}

const normalize = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** How many lines at each end are looked at. */
const TOP_ZONE = 5;
const END_ZONE = 4;

/**
 * Drops furniture lines among the first TOP_ZONE and last END_ZONE lines of the body, and cuts a
 * closing author box or related-links list.
 */
export function trimEdges(
  paragraphs: string[],
  title: string | null,
  description: string | null = null,
): { kept: string[]; dropped: string[] } {
  const drop = new Set<number>();
  const n = paragraphs.length;
  let inText = false;
  for (let i = 0; i < Math.min(TOP_ZONE, n); i++) {
    const kind = topFurniture(paragraphs[i], title, description);
    if (kind === 'stamp' || (kind === 'label' && !inText)) drop.add(i);
    else inText = true;
  }
  for (let i = n - 1; i >= Math.max(1, n - END_ZONE) && isEndFurniture(paragraphs[i]); i--) drop.add(i);
  let end = n;
  // An author box closes the page: everything from its label on is about the writer.
  for (let i = Math.max(1, n - 5); i < n; i++) {
    if (AUTHOR_LABEL.test(paragraphs[i])) {
      end = i;
      break;
    }
  }
  // "You may also like" followed mostly by headlines: the rest of the body is a link list.
  const from = Math.max(1, end - 12);
  for (let i = from; i < end; i++) {
    if (!RELATED_LABEL.test(paragraphs[i])) continue;
    const after = paragraphs.slice(i + 1, end);
    const headlines = after.filter((p) => !isSentence(p) && words(p) <= 15).length;
    if (headlines >= after.length * 0.6) {
      end = i;
      break;
    }
  }
  const kept: string[] = [];
  const dropped: string[] = [];
  paragraphs.forEach((p, i) => (drop.has(i) || i >= end || GALLERY_COUNTER.test(p) ? dropped : kept).push(p));
  return { kept, dropped };
}
