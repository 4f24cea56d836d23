// Hand-made story fixtures for the comparison and brief tests: real-looking sentences, mentions
// placed by searching the text, so spans are right by construction.
import type { DateMention, EntityMention, FigureMention, Mentions, QuoteMention } from '../../model/index.ts';
import { noMentions } from '../../model/index.ts';
import { paragraphSpans, sentenceSpans } from '../2-extract/segment.ts';
import type { SourceArticle } from './fact.ts';

export interface Draft extends SourceArticle {
  /** Adds a mention at the n-th occurrence (default first) of `written`. */
  at(written: string, nth?: number): { start: number; end: number; text: string };
}

export function draft(id: string, source: string, text: string, opts: { language?: string; copyOf?: string } = {}): Draft {
  const paragraphs = paragraphSpans(text);
  const mentions: Mentions = noMentions();
  return {
    article: { id, source, text, language: opts.language ?? 'en', sentences: sentenceSpans(text, paragraphs, opts.language ?? 'en') },
    mentions,
    copyOf: opts.copyOf ?? null,
    at(written, nth = 0) {
      let start = -1;
      for (let i = 0; i <= nth; i++) start = text.indexOf(written, start + 1);
      if (start < 0) throw new Error(`fixture: "${written}" not in ${id}`);
      return { start, end: start + written.length, text: written };
    },
  };
}

/** Sets the day the draft was published (the order counts came in, over-time.ts). */
export function published(d: Draft, day: string): Draft {
  d.article.published = { date: day, iso: null, method: 'json-field', confidence: 1, text: day };
  return d;
}

export function person(d: Draft, written: string, name: string, nth = 0): Draft {
  const e: EntityMention = { ...d.at(written, nth), type: 'person', name };
  d.mentions.entities.push(e);
  return d;
}

export function figure(d: Draft, written: string, f: Partial<FigureMention> & { value: number | null; counts: string }): Draft {
  d.mentions.figures.push({ ...d.at(written), approx: false, vague: false, unit: null, ...f });
  return d;
}

/** A date mention; `day` null for one left unresolved (no publication date to read "March 9" against). */
export function date(d: Draft, written: string, day: string | null, opts: Partial<DateMention> & { event?: boolean } = {}): Draft {
  const { event, ...rest } = opts;
  const m: DateMention = { ...d.at(written), date: day, granularity: 'day', confidence: day ? 0.9 : 0, relative: false, ...rest };
  d.mentions.dates.push(m);
  if (event && day) d.mentions.eventDate = { date: day, confidence: 0.9, span: { start: m.start, end: m.end } };
  return d;
}

export function quote(d: Draft, written: string, speaker: string | null, speakerWritten?: string): Draft {
  const q: QuoteMention = { ...d.at(written), kind: 'direct', speaker, speakerSpan: speakerWritten ? d.at(speakerWritten) : null };
  d.mentions.quotes.push(q);
  return d;
}
