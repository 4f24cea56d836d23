// In Spanish a city takes no article; its football club does: "el Valencia", "al Albacete", "del
// Getafe". Such a name is the club (an organisation), not a place the story happened in. One test
// for both stages: the places extractor drops it, the entities stage types it an organisation.
import { placeKey } from '../../../text/fold.ts';
import { gazetteer } from './gazetteer.ts';

// The masculine article (or its contractions) right before the name, as a word of its own.
const ARTICLE_BEFORE = /(?:^|[\s(“"«])(?:el|El|del|al)\s+$/;

/** True when the city named at text[start, end) follows a Spanish masculine article. */
export function clubByArticle(text: string, start: number, end: number): boolean {
  if (!ARTICLE_BEFORE.test(text.slice(Math.max(0, start - 5), start))) return false;
  const name = text.slice(start, end);
  const g = gazetteer();
  // "del Cairo" is "de El Cairo", "El Paso" one name: a place whose own name starts with El stays a place.
  if (g.byName.has(placeKey(`el ${name}`))) return false;
  // A country or region may take the article ("el Perú", "el País Vasco"): only a city is a club.
  const readings = g.byName.get(placeKey(name));
  return !!readings?.length && readings.every((p) => p.kind === 'city');
}
