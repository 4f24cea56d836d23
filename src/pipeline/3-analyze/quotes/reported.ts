// Reported speech: "Kovač acknowledged that …", "Police Chief Moore said he …", "…, according to Monahan."
// Only kept when the speaker is a named entity: "police said" alone attributes nothing we can compare.
import type { EntityMention, QuoteMention, Span } from '../../../model/index.ts';

// Verbs of saying that take a clause directly ("said police believe …"), and verbs that only report
// speech with "that"/"que" ("told reporters that …", "declared that …" but not "declared a state of emergency").
const SAYING = String.raw`(?:said|says|acknowledged|admitted|insisted|argued|believes|believed|dijo|afirmó|aseguró|señaló|explicó|indicó|reconoció|sostuvo)`;
const WITH_THAT = String.raw`(?:told\s+[\p{L}\d.'’ ]{1,40}?|warned|added|stated|claimed|denied|confirmed|announced|explained|noted|estimated|reported|revealed|stressed|declared|declaró|advirtió|anunció|confirmó)`;
const WHEN = String.raw`(?:(?:on|last|this|el|este)\s+\p{L}+\s+)?`;
const AFTER_SUBJECT = new RegExp(
  String.raw`^(?:,[^,]{1,80},)?\s+(?:${SAYING}\s+${WHEN}(?:that\s+|que\s+)?|${WITH_THAT}\s+${WHEN}(?:that|que)\s+)`,
  'u',
);
const ACCORDING_TO = /,?\s*(?:according to|según)\s+$/i;

export function reportedSpeech(
  text: string,
  sentences: Span[],
  entities: EntityMention[],
  direct: Span[],
): QuoteMention[] {
  const out: QuoteMention[] = [];
  const speakers = entities.filter((e) => e.type === 'person' || e.type === 'organization');
  let si = 0;
  for (const e of speakers) {
    while (si < sentences.length && sentences[si].end <= e.start) si++;
    const sentence = sentences[si];
    if (!sentence || e.start < sentence.start) continue;
    if (direct.some((d) => d.start < sentence.end && d.end > sentence.start)) continue;
    const rest = text.slice(e.end, sentence.end);
    const m = AFTER_SUBJECT.exec(rest);
    if (m) {
      let start = e.end + m[0].length;
      const end = trimEnd(text, start, sentence.end);
      // "said during a press conference that …", "said in a statement that …": the clause starts after "that".
      const aside = /^(?:during|in|at|on|via|through|after|before|to)\b[^.;"“”]{0,60}?\bthat\s+/.exec(
        text.slice(start, end),
      );
      if (aside) start += aside[0].length;
      if (
        end - start >= 12 &&
        /^\p{Ll}|^\p{Lu}\p{Ll}+ /u.test(text.slice(start, end)) &&
        !/^(?:to|by|in|on|at)\b/.test(text.slice(start, end))
      ) {
        out.push({
          text: text.slice(start, end),
          start,
          end,
          kind: 'reported',
          speaker: e.name,
          speakerSpan: { start: e.start, end: e.end },
        });
      }
      continue;
    }
    const lead = text.slice(sentence.start, e.start);
    const acc = ACCORDING_TO.exec(lead);
    if (acc && acc.index > 12 && /[.!?]?$/.test(text.slice(e.end, sentence.end).trim().slice(0, 1) || '.')) {
      let start = sentence.start;
      while (start < e.start && /\s/.test(text[start])) start++;
      const end = sentence.start + acc.index;
      out.push({
        text: text.slice(start, end),
        start,
        end,
        kind: 'reported',
        speaker: e.name,
        speakerSpan: { start: e.start, end: e.end },
      });
    }
  }
  return out;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s.!?;:]/.test(text[e - 1])) e--;
  return e;
}
