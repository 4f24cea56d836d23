// Month and weekday names, and "yesterday"/"today", in the other languages Parallax ingests
// (Spanish, Portuguese, French, Italian, German). Used only for articles not in English.

export const FOREIGN_MONTHS: Record<string, number> = {
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
  janeiro: 1, fevereiro: 2, março: 3, maio: 5, junho: 6, julho: 7, setembro: 9, outubro: 10, novembro: 11, dezembro: 12,
  janvier: 1, février: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, août: 8, septembre: 9, octobre: 10, novembre: 11, décembre: 12,
  gennaio: 1, febbraio: 2, aprile: 4, maggio: 5, giugno: 6, luglio: 7, settembre: 9, ottobre: 10, dicembre: 12,
  januar: 1, februar: 2, märz: 3, juni: 6, juli: 7, oktober: 10, dezember: 12,
};

export const FOREIGN_WEEKDAYS: Record<string, number> = {
  domingo: 0, lunes: 1, martes: 2, miércoles: 3, jueves: 4, viernes: 5, sábado: 6,
  segunda: 1, terça: 2, quarta: 3, quinta: 4, sexta: 5,
  dimanche: 0, lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6,
  domenica: 0, lunedì: 1, martedì: 2, mercoledì: 3, giovedì: 4, venerdì: 5, sabato: 6,
  sonntag: 0, montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6,
};

/** Days relative to publication: -1 yesterday, 0 today. */
export const FOREIGN_RELATIVE: Record<string, number> = {
  ayer: -1, hoy: 0, anteayer: -2, ontem: -1, hoje: 0, hier: -1, "aujourd'hui": 0, ieri: -1, oggi: 0, gestern: -1, heute: 0, vorgestern: -2,
};

const alternation = (words: string[]) => words.sort((a, b) => b.length - a.length).join('|');
export const FOREIGN_MONTH_RE = alternation(Object.keys(FOREIGN_MONTHS));
export const FOREIGN_WEEKDAY_RE = alternation(Object.keys(FOREIGN_WEEKDAYS));
export const FOREIGN_RELATIVE_RE = alternation(Object.keys(FOREIGN_RELATIVE));
