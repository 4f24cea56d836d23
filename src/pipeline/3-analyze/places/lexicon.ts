// Word lists the toponym recogniser needs to reject look-alikes: common words and person names
// (from compromise's lexicon) and hand-written lists of titles, organisation words and features.
import { createRequire } from 'node:module';

export interface NameLexicon {
  /** Lowercase words that are ordinary English (not place names). */
  common: Set<string>;
  /** Lowercase first and last names. */
  personal: Set<string>;
}

// GeoNames has towns with these names; in news they are almost always ordinary words.
const EXTRA_COMMON = (
  'union bath sale liberty independence police justice hope victory progress unity harmony reading mobile orange commerce ' +
  'industry enterprise opportunity paradise eden golden mission temple plain page republic nation center centre media ' +
  'university college school church hospital court state government department office city county street president ' +
  'officer officers authorities deputies detectives investigators sheriff chief captain mayor governor senator judge ' +
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september ' +
  'october november december today tonight yesterday home man woman boy girl god christ jesus lord bishop pope king queen ' +
  'prince princess president trump obama clinton bush biden news post times star herald sun mirror guardian globe ' +
  'police metro transit energy power water gas oil market bank trade labour labor army navy marines guard royal national ' +
  'federal central north south east west northern southern eastern western upper lower greater little new old big ' +
  'beach lake river bay island valley mountain hill park creek springs falls heights village town township borough ' +
  'friendship welcome ideal congress parliament senate assembly legislature'
).split(/\s+/);

/** Words right before a name that make it a person ("Mayor Jackson", "Sen. Georgia"...). */
export const TITLES = new Set(
  (
    'mr mrs ms miss dr prof sen senator rep gov governor president mayor officer sgt sergeant lt lieutenant capt captain chief ' +
    'detective det judge justice pastor rev reverend coach deputy trooper agent attorney councilman councilwoman commissioner ' +
    'st saint pope king queen prince princess lord lady sir dame general gen col colonel maj major cpl private pvt'
  ).split(' '),
);

/** Words after a place name that keep it as a place embedded in an organisation ("Rocky Mount Police"). */
export const EMBEDDING_WORDS = new Set(
  ('police department sheriff sheriff\'s fire council university college school schools high middle elementary hospital medical ' +
    'airport post times herald tribune journal gazette news star daily public metro area regional municipal district court ' +
    'bureau office mall center centre zoo library museum church station transit international memorial general community ' +
    'housing city state township borough health emergency county\'s police\'s dispatch correctional jail prison detention ' +
    'historical society chamber board democrats republicans party')
    .split(' '),
);

/** Last words of a feature name that make the whole run a toponym ("Frenchmen Street", "Mississippi River"). */
export const FEATURE_WORDS = new Set(
  ('street st avenue ave road rd boulevard blvd drive dr lane highway hwy freeway expressway parkway pkwy square plaza bridge ' +
    'tunnel river lake creek bay gulf sea ocean island islands mountain mountains valley canyon desert forest ' +
    'park beach coast peninsula strait channel harbor harbour port falls county parish province district region state territory ' +
    'heights hills hill village neighborhood neighbourhood quarter')
    .split(' '),
);

/** Words before a name that make it a feature ("Lake Michigan", "Mount Everest", "Gulf of Mexico"). */
export const FEATURE_PREFIXES = new Set('lake mount mt gulf bay isle port cape'.split(' '));

/** Prepositions that announce a location ("in Dayton", "near Paris"). */
export const LOCATIVE = new Set(
  (
    'in at near from to outside across throughout around toward towards into between of via ' +
    // Spanish, Portuguese, French, Italian, German
    'en desde hacia hasta entre de del em para dans à vers près depuis da di nel nella nach bei aus von im'
  ).split(' '),
);

const PERSON_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person']);
const PLACE_TAGS = new Set(['City', 'Country', 'Region', 'Place', 'Demonym', 'Address']);

let cached: NameLexicon | null = null;

export function nameLexicon(): NameLexicon {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const nlp = require('compromise') as { world: () => { model: { one: { lexicon: Record<string, string | string[]> } } } };
  const lex = nlp.world().model.one.lexicon;
  const common = new Set<string>(EXTRA_COMMON);
  const personal = new Set<string>();
  for (const [word, t] of Object.entries(lex)) {
    const tags = Array.isArray(t) ? t : [t];
    if (tags.some((x) => PLACE_TAGS.has(x))) continue;
    if (tags.some((x) => PERSON_TAGS.has(x))) personal.add(word);
    else if (!word.includes(' ')) common.add(word);
  }
  cached = { common, personal };
  return cached;
}
