// Page furniture, one module: the classes (classes.ts) and three views of them — a scraped line
// (extraction drops it and lists it in `dropped`), a brief sentence (the brief skips it), and the
// spans of running text no entity is read from.
export { noiseKind, repeatedCaptions, scrapedFurniture, strayHeadlines, type NoiseKind } from './lines.ts';
export { isPageFurniture } from './sentences.ts';
export { galleryText } from './gallery.ts';
export { furnitureSpans, isHeading } from './spans.ts';
