// Scraper leftovers: lines that are page furniture, not part of the report.

const IMAGE_OR_FILE = /^[\w\-. ()[\]]{1,120}\.(jpe?g|png|gif|webp|svg|bmp|tiff?|heic|mp4|mov|pdf|docx?)$/i;
const TAGS = /^(tags?|etiquetas|keywords|palabras clave|topics|filed under|categor(y|ies|ías))\s*:/i;
const PROMPTS: RegExp[] = [
  /^(share|compartir)( this| on| via|:|$)/i,
  /^(subscribe|suscr[ií]bete|sign up)\b.{0,80}$/i,
  /^(advertisement|advertising|advert|publicidad|anuncio|sponsored( content)?)$/i,
  /^(this slideshow requires javascript|loading( content)?)\W*$/i,
  /^(read more|related|see also|lee también|leer más|más información|also read)\b.{0,120}$/i,
  /^(follow us|síguenos)\b.{0,80}$/i,
  /^(click here|haga clic)\b.{0,80}$/i,
  /^(photo|image|foto|imagen|picture)\s*(credit)?\s*:.{0,120}$/i,
  /^(getty images|reuters|ap photo|afp)\b.{0,60}$/i,
  /^(facebook|twitter|x|whatsapp|linkedin|email|print)(\s*[|·,/]\s*(facebook|twitter|x|whatsapp|linkedin|email|print))+\s*$/i,
  /^(comments?|comentarios)\s*(\(\d+\))?$/i,
  /^(cookies?|we use cookies)\b.{0,160}$/i,
  /^(all rights reserved|copyright|©).{0,120}$/i,
  /^(translated|traducido|translation)\s+(from|by|del|por)\b.{0,100}$/i,
];

export type NoiseKind = 'tags' | 'file-name' | 'prompt';

/** Why a line is scraper leftover, or null when it is content. */
export function noiseKind(line: string): NoiseKind | null {
  const s = line.trim();
  if (!s) return null;
  if (TAGS.test(s)) return 'tags';
  if (IMAGE_OR_FILE.test(s) && !/\s{2,}/.test(s) && s.split(/\s+/).length <= 4) return 'file-name';
  if (PROMPTS.some((re) => re.test(s))) return 'prompt';
  return null;
}
