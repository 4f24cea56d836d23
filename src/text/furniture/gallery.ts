// A page that is only a photo gallery: the slides' captions are the newsroom's only words on the
// event in the scraped text. Every slide line is furniture to `noiseKind`, so extraction would
// refuse the report as empty; when nothing else is left, the captions' sentences are its text —
// each once, without the slide counter, the copy the player prints, the credit or "less … more".
import { LABELLED_CREDIT, NAME_OUTLET_CREDIT, re } from './classes.ts';
import { sharesWord } from './lines.ts';

const SLIDE = /^image \d+ of \d+\s+/i;
const CREDITS = [re(LABELLED_CREDIT, 'giu'), re(NAME_OUTLET_CREDIT, 'gu'), /\(\s*[^()]{2,60}\/[^()]{2,60}\)/g];
// A credit closing the caption: "Photo: Name, Outlet" (nothing that ends a sentence after it).
const TRAILING_CREDIT = /\s*\b(?:photo|photos|image|credit)\s*:\s*[^.!?]{0,120}$/i;
// The player's toggles between a caption and its copy.
const TOGGLES = /\s(?:less|\.\.\.\s*more|…\s*more)(?=\s|$)/g;
// A sentence ends after a lower-case word or a figure, not after an initial ("E.A. Lopez") or a title ("Sgt.").
const SENTENCE = /(?<=[\p{Ll}\d)][.!?]["”]?)(?<!\b(?:Mr|Mrs|Ms|Dr|St|Sgt|Lt|Capt|Gov|Sen|Rep|Jr|Sr|Gen|Col|Det|Ofc)\.)\s+(?=["“]?\p{Lu})/u;
const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The caption sentences of a gallery's slides that speak of the headline; [] for fewer than two slides. */
export function galleryText(lines: string[], title: string | null): string[] {
  const slides = lines.map((l) => l.trim()).filter((l) => SLIDE.test(l));
  if (slides.length < 2) return [];
  const kept: string[] = [];
  const seen: string[] = [];
  for (const slide of slides) {
    let text = slide.replace(SLIDE, '');
    for (const c of CREDITS) text = text.replace(c, ' ');
    text = text.replace(TOGGLES, ' ').replace(TRAILING_CREDIT, '').replace(/\s+/g, ' ').trim();
    for (const s of text.split(SENTENCE)) {
      const sentence = s.trim();
      // A copy the template cut short ("… the house where...") is never a sentence of its own.
      if (/(\.\.\.|…)$/.test(sentence) || !/[.!?]["”]?$/.test(sentence)) continue;
      if (sentence.split(/\s+/).length < 6) continue;
      const k = key(sentence);
      // The same caption again, cut short or with a date line before it.
      if (seen.some((x) => x.includes(k) || k.includes(x))) continue;
      seen.push(k);
      kept.push(sentence);
    }
  }
  // The report's own gallery speaks of its headline; a rail of other galleries does not.
  if (title && !kept.some((s) => sharesWord(s, title))) return [];
  return kept;
}
