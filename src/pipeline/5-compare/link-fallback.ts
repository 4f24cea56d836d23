// Story-level entity linking used until the analysis stage's linker is wired in: mentions meet
// under their folded name; person names that are one person spelled differently
// ("Ana Kovač"/"Kovac", "Oleksandr"/"Aleksandr Bondar") are merged.
import type { EntityMention, Mentions, ReportEntity } from '../../model/index.ts';
import { shortHash } from '../../util/hash.ts';
import { foldName, nameTokens, samePerson } from './names.ts';

interface Group {
  type: EntityMention['type'];
  names: Map<string, Set<string>>; // name → articles
  variants: Map<string, Set<string>>; // form as written → articles
}

const marks = (s: string) => (s.normalize('NFD').match(/\p{M}/gu) ?? []).length;

function canonical(g: Group): string {
  return [...g.names].sort(
    (a, b) => b[1].size - a[1].size || nameTokens(b[0]).length - nameTokens(a[0]).length || marks(b[0]) - marks(a[0]) || a[0].localeCompare(b[0]),
  )[0][0];
}

export function linkEntities(articles: { id: string; mentions: Mentions }[]): ReportEntity[] {
  const groups = new Map<string, Group>();
  for (const { id, mentions } of articles) {
    for (const e of mentions.entities) {
      const key = `${e.type}:${foldName(e.name)}`;
      const g = groups.get(key) ?? { type: e.type, names: new Map(), variants: new Map() };
      groups.set(key, g);
      g.names.set(e.name, (g.names.get(e.name) ?? new Set()).add(id));
      g.variants.set(e.text, (g.variants.get(e.text) ?? new Set()).add(id));
    }
  }
  // Merge person groups that name one person; multi-word names first so "Kovac" joins "Ana Kovač".
  const people = [...groups.values()].filter((g) => g.type === 'person');
  people.sort((a, b) => nameTokens(canonical(b)).length - nameTokens(canonical(a)).length);
  const merged: Group[] = [];
  for (const g of people) {
    const into = merged.find((m) => samePerson(canonical(m), canonical(g)));
    if (!into) {
      merged.push(g);
      continue;
    }
    for (const [n, ids] of g.names) into.names.set(n, new Set([...(into.names.get(n) ?? []), ...ids]));
    for (const [f, ids] of g.variants) into.variants.set(f, new Set([...(into.variants.get(f) ?? []), ...ids]));
  }
  const all = [...merged, ...[...groups.values()].filter((g) => g.type !== 'person')];
  return all.map((g) => {
    const name = canonical(g);
    return {
      id: `e-${shortHash(`${g.type}:${foldName(name)}`, 10)}`,
      name,
      type: g.type,
      variants: [...g.variants].map(([form, ids]) => ({ form, articles: [...ids] })),
    };
  });
}
