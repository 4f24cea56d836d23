// Places as Spanish-language reports name them: cities by their Spanish exonym, Spain's regions,
// continents, and countries in the other languages we ingest; a country's foreign name never takes
// a big city's ("Granada" is the Spanish city, not Grenada). Sentences are ours.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractEntities } from '../entities/extract.ts';
import { extractPlaces } from './places.ts';

const placed = (text: string) => extractPlaces({ text, url: null }).map((p) => `${p.text} → ${p.name}, ${p.country ?? '-'}`);

/** [sentence, expected "text → name, country"] */
const CASES: [string, string][] = [
  ['Los observadores llegaron ayer a Damasco para reunirse con el Gobierno.', 'Damasco → Damascus, SY'],
  ['Un coche bomba estalló esta mañana en el centro de Bagdad.', 'Bagdad → Baghdad, IQ'],
  ['El Parlamento Europeo votó el martes en Estrasburgo la nueva directiva.', 'Estrasburgo → Strasbourg, FR'],
  ['La delegación viajó a Nueva Delhi para firmar el acuerdo.', 'Nueva Delhi → New Delhi, IN'],
  ['Miles de personas se manifestaron en El Cairo contra la subida de precios.', 'El Cairo → Cairo, EG'],
  ['Las lluvias causaron graves inundaciones en Galicia durante el fin de semana.', 'Galicia → Galicia, ES'],
  ['El lehendakari presentó en Bilbao el plan de empleo para el País Vasco.', 'País Vasco → Basque Country, ES'],
  ['La ola de calor afecta a buena parte de Europa desde el lunes.', 'Europa → Europe, -'],
  ['El brote de ébola en Sierra Leona obligó a cerrar las escuelas.', 'Sierra Leona → Sierra Leone, SL'],
  ['Los bomberos apagaron un incendio en un hotel de Granada, informó el alcalde.', 'Granada → Granada, ES'],
];

test('Spanish names of cities, regions, continents and countries are placed', () => {
  for (const [text, want] of CASES) assert.ok(placed(text).includes(want), `${want} from: ${text} → ${placed(text).join('; ')}`);
});

test('an entity typed a place keeps the article its name starts with', () => {
  const text = 'El presidente boliviano regresó ayer a La Paz tras la cumbre.';
  const places = extractPlaces({ text, url: null });
  const paz = extractEntities(text, { placeSpans: places }).find((e) => e.text.endsWith('Paz'));
  assert.equal(paz?.text, 'La Paz');
  assert.equal(paz?.type, 'place');
});

test('a country named in Spanish is the same entity as in English', () => {
  const text = 'Muchos pretenden quedarse con familiares en Austria o Alemania hasta después de los comicios.';
  const germany = extractEntities(text, { placeSpans: extractPlaces({ text, url: null }) }).find((e) => e.text === 'Alemania');
  assert.equal(germany?.name, 'Germany');
  assert.equal(germany?.type, 'place');
});

// In Spanish a city takes no article; "el Valencia", "al Albacete" is its football club (the
// entities stage types it an organisation), so it is no place the story happened in.
/** [sentence, the place texts listed, in order] */
const CLUBS: [string, string[]][] = [
  ['El Getafe acorraló al Albacete en su área y el partido terminó sin goles en Albacete.', ['Albacete']],
  ['Los aficionados del Valencia viajaron a Sevilla para la final.', ['Sevilla']],
  ['El Zaragoza ganó al Oviedo en el último minuto.', []],
  // "del Cairo" is "de El Cairo"; a country may take the article ("el Perú").
  ['La delegación llegó ayer procedente del Cairo tras la cumbre.', ['Cairo']],
  ['Las exportaciones hacia el Perú crecieron un diez por ciento.', ['Perú']],
];

test('a city after a Spanish masculine article is its club, not a place', () => {
  for (const [text, want] of CLUBS)
    assert.deepEqual(extractPlaces({ text, url: null }).map((p) => p.text), want, text);
});

test('the club keeps its organisation type without a place span', () => {
  const text = 'Los aficionados del Valencia viajaron a Sevilla para la final.';
  const valencia = extractEntities(text, { placeSpans: extractPlaces({ text, url: null }) }).find((e) => e.text === 'Valencia');
  assert.equal(valencia?.type, 'organization');
});
