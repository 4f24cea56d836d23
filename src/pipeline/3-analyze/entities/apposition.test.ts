// A name typed by the noun it stands beside (Spanish and English news style): "el ministro del
// Interior, Jaime Mayor Oreja" is a person, "la empresa americana Lycos" an organisation; a name that
// is the complement of that noun ("el alcalde de Toledo") or a list item is not. Sentences are ours.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractEntities } from './extract.ts';
import { extractPlaces } from '../places/places.ts';

const typeOf = (text: string, name: string) => extractEntities(text).find((e) => e.text === name)?.type ?? 'none';

/** [sentence, name as written, expected type] */
const TYPED: [string, string, string][] = [
  ['El ministro del Interior, Teodoro Garmendia Ulloa, anunció hoy nuevas medidas.', 'Teodoro Garmendia Ulloa', 'person'],
  ['La reunión con el primer ministro israelí, Yoav Shaltiel, terminó sin acuerdo.', 'Yoav Shaltiel', 'person'],
  ['El portavoz del sindicato, Quim Rovellat, explicó ayer los motivos de la huelga.', 'Quim Rovellat', 'person'],
  ['El presidente de la Junta de Castilla, Eladio Fuensanta, recibirá a los alcaldes.', 'Eladio Fuensanta', 'person'],
  ['El secretario de Estado de exteriores, Tarik Benslimane, viajó a Rabat.', 'Tarik Benslimane', 'person'],
  ['El percusionista español Odilo Carrasco batió ayer un récord.', 'Odilo Carrasco', 'person'],
  ['Los jueces escucharon al golpista Vuniani durante dos horas.', 'Vuniani', 'person'],
  ['No fue el ministro sino Chaudrani, quien no tuvo la misma suerte.', 'Chaudrani', 'person'],
  ['" No habrá más retrasos ", dijo Arismendi.', 'Arismendi', 'person'],
  ['Bernabé apuntó que los próximos meses serán decisivos.', 'Bernabé', 'person'],
  ['La empresa americana Lixora tiene 112 millones de acciones.', 'Lixora', 'organization'],
  ['Según el diario Voz del Sur, el acuerdo se firmará mañana.', 'Voz del Sur', 'organization'],
  ['The business spoke through public relations firm Halvorsen Communications on Monday.', 'Halvorsen Communications', 'organization'],
  ['Data compiled by the advocacy group Kinfolk Watch show a rise.', 'Kinfolk Watch', 'organization'],
  ['Israel’s prime minister, Yoav Shaltiel, left early.', 'Yoav Shaltiel', 'person'],
  ['Para Ordóñez Quiroga, estas variaciones mejorarán la competencia.', 'Ordóñez Quiroga', 'person'],
  ['Rulo busca empleo mientras cuida de su madre (Edelmira Toscani) en el pueblo.', 'Edelmira Toscani', 'person'],
  ['La Organización Mundial de Aduanas publicó ayer su informe anual.', 'Organización Mundial de Aduanas', 'organization'],
  ['El Museo de Arte Sacro de Tolosa inaugura hoy una muestra de grabados.', 'Museo de Arte Sacro de Tolosa', 'organization'],
  ['Miles de aficionados llenaron ayer el Estadio de Vallehermoso para la final.', 'Estadio de Vallehermoso', 'place'],
  ['La protesta terminó en la Plaza de Arrieta sin incidentes.', 'Plaza de Arrieta', 'place'],
];

test('the noun a name stands beside gives its type', () => {
  for (const [text, name, type] of TYPED) assert.equal(typeOf(text, name), type, `${name} in: ${text}`);
});

/** [sentence, name as written, a type it must not have] */
const NOT_TYPED: [string, string, string][] = [
  // A complement, not an apposition.
  ['El alcalde de Villarrubia anunció ayer el presupuesto.', 'Villarrubia', 'person'],
  ['Six alleged members of the violent Westgate Crew were indicted.', 'Westgate Crew', 'person'],
  // A list of organisations after a plural noun.
  ['Members of the Reconstruction Unit, Northfield Crime Lab and the coroner were there.', 'Northfield Crime Lab', 'person'],
  // A verb, not an adjective, between the noun and the name.
  ['El presidente visitó Valdecañas el lunes.', 'Valdecañas', 'person'],
  // A preposition right before the name.
  ['Shots were fired at a house party near Yarrow and Gibson early Sunday.', 'Yarrow', 'organization'],
  // Digits break the phrase.
  ['Police say they know who fired the shot in the club 1 / 3 Kellerman Road was closed.', 'Kellerman Road', 'organization'],
  // Plural people and a place's institution take "who" too.
  ['As two St. Anselm Deputies, who were in the same car, arrived, shots rang out.', 'St. Anselm Deputies', 'person'],
  ['We thank our partners at Orlando Health, who did so much to save lives.', 'Orlando Health', 'person'],
];

test('a complement, a list or a verb in between types nothing', () => {
  for (const [text, name, notType] of NOT_TYPED) assert.notEqual(typeOf(text, name), notType, `${name} in: ${text}`);
});

test('a plural speech verb does not make a sentence-initial word a speaker', () => {
  assert.notEqual(typeOf('Fuentes indicaron que el acuerdo está cerca.', 'Fuentes'), 'person');
});

test('a city after a Spanish masculine article is its club', () => {
  const text = 'El Getafe acorraló al Albacete en su área y el partido terminó sin goles en Albacete.';
  const places = extractPlaces({ text, url: null });
  const typed = extractEntities(text, { placeSpans: places }).filter((e) => e.text === 'Albacete').map((e) => e.type);
  assert.deepEqual(typed, ['organization', 'place']);
});

test('"del Cairo" is "de El Cairo": a place whose name starts with El stays a place', () => {
  const text = 'La delegación llegó ayer procedente del Cairo tras la cumbre.';
  const cairo = extractEntities(text, { placeSpans: extractPlaces({ text, url: null }) }).find((e) => e.text === 'Cairo');
  assert.equal(cairo?.type, 'place');
});
