// Where facts: gazetteer places, aligned by canonical name and country (so "Valparaíso" and
// "Valparaiso" meet, being one gazetteer entry).
import type { Fact, SourceArticle } from './fact.ts';
import { foldLetters } from '../../text/fold.ts';

export function whereFacts(articles: SourceArticle[]): Fact[] {
  const byPlace = new Map<string, Fact>();
  for (const a of articles) {
    for (const p of a.mentions.places) {
      const key = `where:${foldLetters(p.name)}|${p.country ?? ''}`;
      const fact = byPlace.get(key) ?? { kind: 'where' as const, key, label: p.country ? `${p.name}, ${p.country}` : p.name, claims: [], conflict: null };
      byPlace.set(key, fact);
      if (fact.claims.some((c) => c.article === a.article.id)) continue;
      fact.claims.push({ article: a.article.id, written: p.text, value: key, evidence: { article: a.article.id, start: p.start, end: p.end }, group: 0 });
    }
  }
  return [...byPlace.values()];
}
