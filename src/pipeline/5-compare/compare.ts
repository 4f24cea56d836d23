// Claim-by-claim comparison of a story's sources: build the facts (who, what, when, where, how
// many, who said what), then mark each agreed (two or more independent outlets; copies don't
// count), single-source, or conflicting, and say what each source carries and alone adds.
import type { ComparedFact, Comparison, Conflict, ReportEntity, SourceCoverage } from '../../model/index.ts';
import { Sources, unique, type Fact, type SourceArticle } from './fact.ts';
import { howManyFacts } from './how-many.ts';
import { saidFacts } from './said.ts';
import { datedFacts, defaultWhenOptions, EVENT_KEY, eventDateFact, type WhenOptions } from './when.ts';
import { whereFacts } from './where.ts';
import { whoFacts } from './who.ts';

export interface StoryComparison {
  comparison: Comparison;
  /** Every fact with its claims and spans, for the brief and the timeline. */
  facts: Fact[];
}

// Conflicts a reader must see first: disputes about the event before spelling notes.
const CONFLICT_ORDER: Conflict['kind'][] = ['value', 'date', 'speaker', 'spelling-variant'];

export function compareSources(articles: SourceArticle[], entities: ReportEntity[], opts: WhenOptions = defaultWhenOptions): StoryComparison {
  const sources = new Sources(articles);
  const event = eventDateFact(articles, sources, opts);
  const who = whoFacts(articles, entities, sources);
  const facts: Fact[] = [
    ...who.facts,
    ...(event ? [event] : []),
    ...datedFacts(articles, event),
    ...whereFacts(articles),
    ...howManyFacts(articles, sources),
    ...saidFacts(articles, entities, sources),
  ];
  const agreed: ComparedFact[] = [];
  const single: ComparedFact[] = [];
  const conflicts: Conflict[] = [...who.variants];
  for (const f of facts) {
    if (f.conflict) {
      conflicts.push(f.conflict);
      continue;
    }
    const claims = supporting(f);
    const ids = unique(claims.map((c) => c.article));
    const entry: ComparedFact = { fact: f.label, articles: ids, kind: f.kind, evidence: claims.flatMap((c) => (c.evidence ? [c.evidence] : [])) };
    (sources.independent(ids) >= 2 ? agreed : single).push(entry);
  }
  conflicts.sort((a, b) => CONFLICT_ORDER.indexOf(a.kind) - CONFLICT_ORDER.indexOf(b.kind));
  const byCount = (a: ComparedFact, b: ComparedFact) => b.articles.length - a.articles.length;
  return { comparison: { agreed: agreed.sort(byCount), single_source: single, conflicts, coverage: coverage(articles, facts, sources) }, facts };
}

/** The claims that state a fact: an event day weeks away takes no side (when.ts), so it does not state the main day either. */
const supporting = (f: Fact) => (f.key === EVENT_KEY ? f.claims.filter((c) => c.group >= 0) : f.claims);

/** What each article carries, and the facts no other outlet has. */
function coverage(articles: SourceArticle[], facts: Fact[], sources: Sources): SourceCoverage[] {
  return articles.map(({ article, copyOf }) => {
    const carried = facts.filter((f) => supporting(f).some((c) => c.article === article.id));
    const adds = carried.filter((f) => !f.conflict && sources.independent(supporting(f).map((c) => c.article)) === 1 && !copyOf);
    return { article: article.id, source: article.source, copy_of: copyOf, facts: carried.length, adds: adds.map((f) => f.label) };
  });
}
