// Word tokens and runs of capitalised words: the raw candidates for names.
import { NAME_CONNECTORS, NAME_SUFFIXES, TITLE_HEADS } from './lexicon.ts';

export interface NameToken {
  /** The word without a sentence-final period or possessive ending. */
  text: string;
  start: number;
  end: number;
  capitalised: boolean;
  /** "Kovač's", "Glass'": the name ends here, the next word is what it owns. */
  possessive: boolean;
  /** First word of a sentence, a quote or a paragraph: capitalised for grammar, not as a name. */
  sentenceStart: boolean;
  endsSentence: boolean;
}

// Inner periods only in abbreviations such as U.S. or N.J.; "said.Mohamed" (a missing space) is two words.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’\-&][\p{L}\p{M}\p{N}]+|\.(?=\p{L}{1,2}\.)\p{L}{1,2})*\.?/gu;
const ABBREVIATIONS = new Set([
  'St',
  'Mt',
  'Ft',
  'Inc',
  'Co',
  'Corp',
  'Ltd',
  'No',
  'Bros',
  'Jr',
  'Sr',
  'Dept',
  'Univ',
  'Ave',
  'Blvd',
  'Rd',
]);
const keepsPeriod = (base: string) =>
  /^\p{Lu}$/u.test(base) ||
  base.includes('.') ||
  TITLE_HEADS.has(base) ||
  NAME_SUFFIXES.has(base) ||
  ABBREVIATIONS.has(base);

export function nameTokens(text: string): NameToken[] {
  const out: NameToken[] = [];
  let prevEnd = 0;
  let prevEndsSentence = true;
  for (const m of text.matchAll(WORD)) {
    let word = m[0];
    const start = m.index!;
    let end = start + word.length;
    let endsSentence = false;
    if (word.charCodeAt(word.length - 1) === 46 /* . */) {
      const base = word.slice(0, -1);
      if (!keepsPeriod(base)) {
        word = base;
        end--;
        endsSentence = true;
      }
    }
    const first = word[0];
    const capitalised =
      first !== first.toLowerCase() || (word.length > 3 && word[2] === '-' && /^(al|el)-\p{Lu}/u.test(word));
    let possessive = false;
    if (capitalised) {
      const tail = word.slice(-2);
      if (tail === "'s" || tail === '’s') {
        word = word.slice(0, -2);
        possessive = true;
      } else if (
        word.endsWith('s') &&
        (text[end] === "'" || text[end] === '’') &&
        !/\p{L}/u.test(text[end + 1] ?? '')
      )
        possessive = true;
    }
    // Only capitalised words need to know whether grammar, not naming, capitalised them.
    const sentenceStart = capitalised && (prevEndsSentence || SENTENCE_GAP.test(text.slice(prevEnd, start)));
    out.push({ text: word, start, end, capitalised, possessive, sentenceStart, endsSentence });
    prevEnd = end;
    prevEndsSentence = endsSentence;
  }
  return out;
}

const SENTENCE_GAP = /[\n.!?:;“"«(—–]|\s-\s/;

/** A connector continues a name when a capitalised word follows, directly or after one more ("of the"). */
function leadsToName(
  tokens: NameToken[],
  i: number,
  joined: (a: NameToken, b: NameToken) => boolean,
): boolean {
  const next = tokens[i + 1];
  if (!next || !joined(tokens[i], next)) return false;
  if (next.capitalised) return true;
  const after = tokens[i + 2];
  return NAME_CONNECTORS.has(next.text) && !!after && after.capitalised && joined(next, after);
}

/** Runs of capitalised tokens joined by single spaces, allowing lower-case connectors inside ("Ministry of Defence"). */
export function capitalisedRuns(text: string, tokens: NameToken[]): NameToken[][] {
  const runs: NameToken[][] = [];
  let run: NameToken[] = [];
  const flush = () => {
    while (run.length && !run[run.length - 1].capitalised) run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  const joined = (a: NameToken, b: NameToken) =>
    !a.endsSentence && !a.possessive && text.slice(a.end, b.start) === ' ';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.capitalised && !/^\p{N}/u.test(t.text)) {
      if (run.length && !joined(run[run.length - 1], t)) flush();
      run.push(t);
    } else if (
      run.length &&
      NAME_CONNECTORS.has(t.text) &&
      joined(run[run.length - 1], t) &&
      leadsToName(tokens, i, joined)
    ) {
      run.push(t);
    } else flush();
  }
  flush();
  return runs;
}
