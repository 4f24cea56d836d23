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
  mañana: 1, ayer: -1, hoy: 0, anteayer: -2, ontem: -1, hoje: 0, hier: -1, "aujourd'hui": 0, ieri: -1, oggi: 0, gestern: -1, heute: 0, vorgestern: -2,
};

const alternation = (words: string[]) => words.sort((a, b) => b.length - a.length).join('|');
export const FOREIGN_MONTH_RE = alternation(Object.keys(FOREIGN_MONTHS));
export const FOREIGN_WEEKDAY_RE = alternation(Object.keys(FOREIGN_WEEKDAYS));
export const FOREIGN_RELATIVE_RE = alternation(Object.keys(FOREIGN_RELATIVE));

/** Portuguese weekdays that are ordinals in Spanish and Italian ("la segunda parte", "es quinta"): Portuguese text only, or with "-feira". */
export const ORDINAL_WEEKDAYS = new Set(['segunda', 'terça', 'quarta', 'quinta', 'sexta']);

// Tense and pointers of the other languages: the future ("jugará", "próximo lunes", "la semaine
// prochaine") and the past ("declaró", "el pasado jueves", "dernier").
export const FOREIGN_FUTURE = /(?<![\p{L}])(?:próxim[oa]s?|que viene|hasta|prochaine?s?|prossim[oa]|que vem|nächste[nmrs]?|\p{L}{2,}(?:rá|rán|remos)|va a|van a|vamos a)(?![\p{L}])/iu;
export const FOREIGN_PAST = /(?<![\p{L}])(?:pasad[oa]s?|dernière?|scors[oa]|passad[oa]|letzte[nmrs]?|\p{L}{2,}(?:ó|aron|ieron|ió))(?![\p{L}])/iu;
/** "Today" in these languages, which is also "nowadays" ("la hoy extinta Yugoslavia", "hoy hay 300"). */
export const FOREIGN_TODAY = new Set(['hoy', 'hoje', "aujourd'hui", 'oggi', 'heute']);
/** A weekday in apposition to a relative day: "mañana, viernes", "ayer, jueves". */
export const FOREIGN_APPOSITION = new RegExp(`(?<![\\p{L}])(${Object.keys(FOREIGN_RELATIVE).join('|')})\\s*,\\s*$`, 'iu');
/** Right before a weekday: "el pasado jueves", "el próximo lunes" (a week's step, never today). */
export const FOREIGN_POINTER = /(?<![\p{L}])(próxim[oa]|pasad[oa]|prochain|dernier|prossimo|scorso|passad[oa]|nächsten|letzten)\s+$/iu;
