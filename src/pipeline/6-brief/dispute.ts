// One brief sentence telling a dispute: the two best-supported sides, each in its own words,
// joined with the outlets that report it, so neither side reads as settled.
import type { BriefSentence, Span } from '../../model/index.ts';
import type { Fact, SourceArticle } from '../5-compare/fact.ts';

/** The words added around the joined passages; the faithfulness check allows only these. */
export const DISPUTE_WORDS = ['sources', 'differ', 'reports', 'changed', 'over', 'time', 'reported', 'earlier', 'later'];

const MAX_PASSAGE = 600;

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

function sentenceAt(a: SourceArticle, start: number): Span | null {
  return a.article.sentences.find((s) => s.start <= start && start < s.end) ?? null;
}

export function disputeSentence(fact: Fact, articles: SourceArticle[], lang: string): BriefSentence | null {
  const byId = new Map(articles.map((a) => [a.article.id, a]));
  const sides: { article: SourceArticle; span: Span }[] = [];
  const outlets = new Set<string>();
  // One passage per side (claims that agree share a group), from different outlets, in the brief's language if possible.
  const groups = [...new Set(fact.claims.filter((c) => c.group >= 0).map((c) => c.group))].sort((x, y) => x - y);
  const sourceOf = (id: string) => byId.get(id)?.article.source;
  for (const g of groups) {
    if (sides.length >= 2) break;
    // An outlet only this side has first: one on the other side too may be all that side has.
    const elsewhere = (source: string) => fact.claims.some((c) => c.group >= 0 && c.group !== g && sourceOf(c.article) === source);
    const options = fact.claims
      .filter((c) => c.group === g && c.evidence)
      .map((c) => ({ article: byId.get(c.article), start: c.evidence!.start, about: c.about?.start ?? c.evidence!.start }))
      .filter((o): o is { article: SourceArticle; start: number; about: number } => !!o.article && !o.article.copyOf && !outlets.has(o.article.article.source))
      .sort(
        (x, y) =>
          Number(y.article.article.language === lang) - Number(x.article.article.language === lang) ||
          Number(elsewhere(x.article.article.source)) - Number(elsewhere(y.article.article.source)),
      );
    for (const o of options) {
      // The passage from the claim to what it is about: a speaker's name through the quote credited to them.
      const [from, to] = [sentenceAt(o.article, Math.min(o.start, o.about)), sentenceAt(o.article, Math.max(o.start, o.about))];
      if (!from || !to || to.end - from.start > MAX_PASSAGE) continue;
      const span = { start: from.start, end: to.end };
      sides.push({ article: o.article, span });
      outlets.add(o.article.article.source);
      break;
    }
  }
  if (sides.length < 2) return null;
  const said = (s: (typeof sides)[number]) => normalize(s.article.article.text.slice(s.span.start, s.span.end));
  // A count that moved from one day's reports to the next (compare's `over_time`) is told in the
  // order it was published: an update, not two sides of a dispute.
  const day = (s: (typeof sides)[number]) => s.article.article.published?.date ?? '';
  const inTime = !!fact.conflict?.over_time;
  const [a, b] = inTime ? [...sides].sort((x, y) => (day(x) < day(y) ? -1 : 1)) : sides;
  return {
    text: inTime
      ? `Reports changed over time: ${a.article.article.source} reported earlier: ${said(a)} ${b.article.article.source} reported later: ${said(b)}`
      : `Sources differ: ${a.article.article.source} reports: ${said(a)} ${b.article.article.source} reports: ${said(b)}`,
    articles: [a.article.article.id, b.article.article.id],
    parts: sides.map((s) => ({ article: s.article.article.id, start: s.span.start, end: s.span.end })),
  };
}
