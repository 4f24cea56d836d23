// Facts as the comparison sees them: one thing the story's articles may state (a person, a
// place, a date, a count, a quote), with each article's claim and the span behind it.
import type { Article, Conflict, Evidence, FactKind, Mentions } from '../../model/index.ts';

/** What comparison needs of a stored article (tests build these by hand). */
export interface SourceArticle {
  article: Pick<Article, 'id' | 'source' | 'text' | 'language' | 'sentences'> & Partial<Pick<Article, 'published'>>;
  mentions: Mentions;
  copyOf: string | null;
}

export interface Claim {
  article: string;
  /** The claim as written in the article. */
  written: string;
  /** The claim normalised for alignment (ISO date, folded name, number...). */
  value: string;
  evidence: Evidence | null;
  /** Claims that agree share a group number; different groups are a conflict. */
  group: number;
  /** Where the claim is about, when that is not its evidence (the quote a speaker is credited with). */
  about?: Evidence;
}

export interface Fact {
  kind: FactKind;
  /** Alignment key: claims with the same key are about the same thing. */
  key: string;
  /** The fact for a reader. */
  label: string;
  claims: Claim[];
  /** Set when the claims disagree (value, date, speaker); spelling variants are their own entries. */
  conflict: Conflict | null;
}

/** An article's outlet, counted once however many of its reports or copies carry a fact. */
export class Sources {
  private root = new Map<string, string>();
  private outlet = new Map<string, string>();
  private lang = new Map<string, string>();

  constructor(articles: SourceArticle[]) {
    for (const a of articles) this.root.set(a.article.id, a.copyOf ?? a.article.id);
    for (const a of articles) this.lang.set(a.article.id, a.article.language);
    // A copy counts as its original's outlet: syndication is not corroboration.
    const byId = new Map(articles.map((a) => [a.article.id, a]));
    for (const a of articles) this.outlet.set(a.article.id, (byId.get(this.rootOf(a.article.id))?.article.source ?? a.article.source).toLowerCase());
  }

  rootOf(id: string): string {
    return this.root.get(id) ?? id;
  }

  languageOf(id: string): string {
    return this.lang.get(id) ?? 'und';
  }

  /** Number of independent outlets among these articles. */
  independent(ids: Iterable<string>): number {
    const outlets = new Set<string>();
    for (const id of ids) outlets.add(this.outlet.get(id) ?? id);
    return outlets.size;
  }
}

export const unique = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

/** Conflict values: one per distinct written form, agreeing groups together, largest group first. */
export function conflictValues(claims: Claim[], sources: Sources): Conflict['values'] {
  const groups = unique(claims.map((c) => c.group));
  const support = (g: number) => sources.independent(claims.filter((c) => c.group === g).map((c) => c.article));
  groups.sort((a, b) => support(b) - support(a) || a - b);
  const out: Conflict['values'] = [];
  for (const [side, g] of groups.entries()) {
    const forms = new Map<string, Claim[]>();
    for (const c of claims.filter((x) => x.group === g)) {
      const k = c.written.replace(/\s+/g, ' ').trim();
      forms.set(k, [...(forms.get(k) ?? []), c]);
    }
    for (const [value, cs] of forms) {
      out.push({ value, articles: unique(cs.map((c) => c.article)), evidence: cs.flatMap((c) => (c.evidence ? [c.evidence] : [])), side });
    }
  }
  return out;
}

/** Groups with support from different outlets' reports (a copy disagreeing with itself is not a dispute). */
export function disagreeing(claims: Claim[], sources: Sources): boolean {
  const roots = new Map<number, Set<string>>();
  for (const c of claims) roots.set(c.group, (roots.get(c.group) ?? new Set()).add(sources.rootOf(c.article)));
  if (roots.size < 2) return false;
  const all = new Set([...roots.values()].flatMap((s) => [...s]));
  return all.size >= 2;
}
