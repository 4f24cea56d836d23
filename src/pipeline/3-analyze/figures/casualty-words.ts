// What a count of people is about in casualty reports: killed, injured or shot (either).
// Reads the words after the number ("two men were shot and killed") or before it ("killed two").

/** Nouns for people: a count of these can be a casualty count. */
export const PERSON_NOUNS = new Set(
  (
    'people persons person men man women woman boys boy girls girl teens teen teenagers teenager children child kids kid ' +
    'victims victim adults adult students student officers officer residents bystanders others individuals civilians ' +
    'soldiers migrants passengers workers firefighters patients juveniles youths brothers sisters relatives members ' +
    'deputies troopers suspects males females customers employees guests friends adults toddlers infants babies ' +
    // Spanish
    'personas hombres mujeres niños niñas menores jóvenes pasajeros vecinos agentes trabajadores migrantes heridos'
  ).split(' '),
);

export type CasualtyLabel = 'killed' | 'injured' | 'shot';

const KILLED =
  /\b(fatally|killed|kill(?:ing|s)?|dead|died|dies|die|slain|murdered|lost (?:their|his|her) lives?|deaths?|fatalities|homicides?|pronounced dead|dead)\b/i;
const INJURED =
  /\b(wounded|injured|injuries|injuring|wounding|hurt|hospitali[sz]ed|hospital|treated|critical condition|serious condition|stable condition|non-life-threatening|grazed|suffered|suffering|sustained|recovering)\b/i;
// "was hit" in a shooting is hit by a bullet, unless something else hit: "hit by a car".
const HIT = 'hit(?!\\s+(?:by|with)\\s+(?!gunfire|(?:a\\s+|one\\s+)?(?:stray\\s+)?(?:bullets?|rounds?|gunshots?|shots?|pellets?)\\b))';
const SHOT = new RegExp(`\\b(shot|gunshot|${HIT}|struck by (?:gunfire|bullets?))\\b`, 'i');
const NOUN_LABEL: Record<string, CasualtyLabel> = {
  dead: 'killed',
  deaths: 'killed',
  fatalities: 'killed',
  killed: 'killed',
  homicides: 'killed',
  bodies: 'killed',
  // Spanish, Portuguese, French, Italian, German.
  muertos: 'killed',
  muertas: 'killed',
  fallecidos: 'killed',
  mortos: 'killed',
  morts: 'killed',
  morti: 'killed',
  tote: 'killed',
  heridos: 'injured',
  heridas: 'injured',
  feridos: 'injured',
  blessés: 'injured',
  blesses: 'injured',
  feriti: 'injured',
  verletzte: 'injured',
  shot: 'shot',
  injured: 'injured',
  wounded: 'injured',
  injuries: 'injured',
  hurt: 'injured',
  casualties: 'injured',
};

/** The label of the noun right after a number, when the noun is itself a casualty ("two dead"). */
export const nounLabel = (noun: string | null): CasualtyLabel | null =>
  noun ? (NOUN_LABEL[noun.toLowerCase()] ?? null) : null;

function first(window: string): { label: CasualtyLabel; index: number } | null {
  const hits: { label: CasualtyLabel; index: number }[] = [];
  for (const [label, re] of [
    ['killed', KILLED],
    ['injured', INJURED],
    ['shot', SHOT],
  ] as const) {
    const m = re.exec(window);
    if (m) hits.push({ label, index: m.index });
  }
  hits.sort((a, b) => a.index - b.index);
  const h = hits[0];
  if (!h) return null;
  if (h.label === 'shot') {
    // "shot and killed", "shot dead", "shot to death" / "shot and wounded".
    const tail = window.slice(h.index, h.index + 30);
    if (/^shot(?: and killed| dead| to death|,? fatally)/i.test(tail))
      return { label: 'killed', index: h.index };
    if (/^shot and (?:wounded|injured)/i.test(tail)) return { label: 'injured', index: h.index };
    if (/\bfatally\s*$/i.test(window.slice(Math.max(0, h.index - 10), h.index)))
      return { label: 'killed', index: h.index };
  }
  return h;
}

// What may stand between a subject and its casualty verb: an apposition, "with him", auxiliaries, adverbs.
const AUX =
  /^(?:\s*,[^,]{0,60},)?(?:\s+(?:with|beside|behind|next to)\s+(?:him|her|them)\b)?\s*(?:(?:who|that)\s+(?=was|were|had|have|has|is|are))?((?:(?:were|was|have|has|had|been|are|is|got|being|remain|remains|remained|reportedly|later|also|allegedly|apparently|both|all|each|then|\w+ly)\s+){0,4})/i;
// The casualty verb itself, right after: passive "were shot", "was found dead", "is in critical condition".
const CASUALTY_VERB = new RegExp(
  String.raw`^(?:(?:found|pronounced|declared|listed|reported|left|taken|rushed|transported|airlifted|flown)\s+)?(fatally shot|shot(?: and (?:killed|wounded|injured)| dead| to death)?|killed|dead|died|dies|die|slain|murdered|wounded|injured|hurt|hospitali[sz]ed|treated|(?:in|into|to) (?:a |the )?(?:local |area )?hospital|in (?:critical|serious|stable|fair|good|grave) condition|suffered|suffering|sustained|recovering|grazed|struck|${HIT})\b`,
  'i',
);
// Adjectival casualties need no auxiliary: "left two dead", "with three injured".
// and intransitive verbs whose subject is the victim: "six people died", "three suffered wounds".
const ADJECTIVAL =
  /^(?:(?:also|later|all|both)\s+)?(dead|injured|wounded|hurt|died|dies|die|suffered|sustained)\b/i;

const SHOT_SURVIVED = /^(?:\s+(?!and\b|but\b)[\w-]+){0,6}?(?:,?\s+(?:and|but)\s+|,\s*)(?:(?:is|was)\s+)?(?:survived|expected to (?:survive|recover)|(?:is|was)\s+(?:listed\s+)?in (?:stable|good|fair|serious|critical) condition|treated and released)\b/i;
const SHOT_THEN_DIED = /^(?:\s+(?!and\b|but\b)[\w-]+){0,6}?(?:,?\s+(?:and|but)\s+|,\s*(?:where\s+(?:he|she|they)\s+)?|,?\s+where\s+(?:he|she|they)\s+)(?:later\s+|then\s+|subsequently\s+|both\s+)?(?:died|dies|was (?:later )?pronounced dead|were (?:later )?pronounced dead)\b/i;

/**
 * Label from the clause after the counted noun: "… were shot and killed", "… was found dead",
 * "… were treated for minor injuries". In running text the verb must be passive (an auxiliary
 * before it), since "a man shot and killed his wife" makes the man the shooter; headlines drop
 * the auxiliary ("Man shot and killed in Dayton"), so `headline` accepts the bare participle.
 */
const SPANISH_LABEL =
  /^\s*(?:(murieron|fallecieron|perdieron la vida|resultaron muert[oa]s|han muerto|han fallecido)|(resultaron herid[oa]s|quedaron herid[oa]s|fueron hospitalizad[oa]s|sufrieron heridas|resultaron lesionad[oa]s))\b/iu;

export function labelAfter(after: string, headline = false): CasualtyLabel | null {
  const clause = after
    .slice(0, 90)
    .split(
      /[.;!?]|\b(?:and|but)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|another|others?)\b/i,
    )[0];
  // Spanish verbs after the counted noun: "dos personas murieron", "14 resultaron heridas".
  const es = SPANISH_LABEL.exec(clause);
  if (es) return es[1] ? 'killed' : 'injured';
  const aux = AUX.exec(clause)!;
  const rest = clause.slice(aux[0].length);
  const hasAux = /\b(were|was|have|has|had|been|are|is|got|being|remains?|remained)\b/i.test(aux[1] ?? '');
  // Elliptical: "four were shot, one fatally", "two critically".
  if (/^\s*fatally\b/i.test(clause)) return 'killed';
  if (/^\s*(?:critically|seriously)\b/i.test(clause)) return 'injured';
  const verb = CASUALTY_VERB.exec(rest);
  if (!verb || !(hasAux || headline || ADJECTIVAL.test(rest))) return null;
  const label = first(rest.slice(0, verb[0].length + 25))?.label ?? null;
  // "was fatally wounded", "mortally injured": a death.
  if ((label === 'injured' || label === 'shot') && /\b(?:fatally|mortally)\b/i.test(aux[1] ?? '')) return 'killed';
  // "was shot several times and died at a hospital", "were taken to a hospital, where they
  // later died": the victim hit is the one who died.
  if ((label === 'shot' || label === 'injured') && SHOT_THEN_DIED.test(rest.slice(verb[0].length))) return 'killed';
  // "suffered a fatal gunshot wound".
  if (label !== 'killed' && /(?<!non-?)\bfatal\b/i.test(rest.slice(0, verb[0].length + 25))) return 'killed';
  // "was also shot, but survived": hit and alive.
  if (label === 'shot' && SHOT_SURVIVED.test(rest.slice(verb[0].length))) return 'injured';
  return label;
}

/** Label from the words just before the number ("killed two", "wounding three", "shot four"). */
const TO_HOSPITAL = /^[^.;]{0,40}?\b(?:to|in|into) (?:the |a |an |area |local |nearby )?(?:hospitals?|trauma cent(?:er|re)s?|emergency rooms?|ER)\b/i;

export function labelBefore(before: string, after?: string): CasualtyLabel | null {
  const m =
    /\b(kill|killed|killing|kills|left|leaving|leaves|wound|wounded|wounding|wounds|injure|injured|injuring|injures|shoot|shoots|sent|sending|put|putting|hospitali[sz]ing|shot|shooting|shooting of|shot and killed|fatally shot|shot and wounded)\s+(?:at least\s+|about\s+|nearly\s+|more than\s+)?$/i.exec(
      before.slice(-40),
    );
  if (!m) return null;
  const w = m[1].toLowerCase();
  if (/killed|killing|kills|fatally/.test(w)) return 'killed';
  // "sent five to the hospital" counts the hurt; "sent 300 soldiers with boats" does not.
  if (/^(?:sent|sending|put|putting)$/.test(w) && after !== undefined && !TO_HOSPITAL.test(after)) return null;
  if (/wound|injur|sent|sending|put|hospital/.test(w)) return 'injured';
  if (/left|leav/.test(w)) return null; // "left two dead": the noun says which
  return 'shot';
}
