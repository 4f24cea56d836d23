// Small invented reports for the grouping tests: five events, three outlets' reports each, two
// pairs of them the same kind of event (two shootings, two storms) told apart by place, people and date.
import type { Article, Mentions } from '../../model/index.ts';
import { noMentions } from '../../model/index.ts';
import { contentHash } from '../../util/hash.ts';
import type { ClusterDoc } from './assigner.ts';

export interface FixtureReport {
  id: string;
  event: string;
  title: string;
  published: string | null;
  text: string;
}

export const REPORTS: FixtureReport[] = [
  { id: 'dayton-1', event: 'dayton', title: 'Two men shot outside Dayton bar on Monday night - WDTV 7', published: '2024-03-12',
    text: 'Two men were shot outside the Blue Heron bar on Wayne Avenue in Dayton on Monday night, police said.\n\nMarcus Tillman, 24, died at Miami Valley Hospital. Devon Ashcroft, 31, was treated for a leg wound.\n\nDayton police are looking for a silver sedan seen leaving the scene.' },
  { id: 'dayton-2', event: 'dayton', title: 'Police name victim of Wayne Avenue shooting', published: '2024-03-13',
    text: 'Dayton police on Tuesday named Marcus Tillman, 24, as the man killed outside the Blue Heron bar on Wayne Avenue.\n\nA second man, Devon Ashcroft, is recovering. Detectives asked anyone who saw a silver sedan to call them.' },
  { id: 'dayton-3', event: 'dayton', title: 'Vigil held for Marcus Tillman after Dayton shooting | Dayton Daily Ledger', published: '2024-03-15',
    text: 'Friends gathered on Wayne Avenue on Thursday to remember Marcus Tillman, who was shot outside the Blue Heron bar in Dayton on Monday.\n\nTillman, 24, worked as a mechanic. No arrest has been made in the shooting, which also wounded Devon Ashcroft.' },
  { id: 'toledo-1', event: 'toledo', title: 'Woman shot in Toledo parking lot, suspect arrested', published: '2024-05-04',
    text: 'A woman was shot in a parking lot on Monroe Street in Toledo on Friday afternoon, police said.\n\nAngela Pruitt, 45, was taken to St. Vincent Medical Center in serious condition. Toledo police arrested Raymond Kess, 52, near the scene.' },
  { id: 'toledo-2', event: 'toledo', title: 'Raymond Kess charged with felonious assault in Monroe Street shooting', published: '2024-05-06',
    text: 'Raymond Kess, 52, was charged on Sunday with felonious assault in the shooting of Angela Pruitt in a Monroe Street parking lot in Toledo.\n\nPruitt, 45, remains at St. Vincent Medical Center. Police said the two knew each other.' },
  { id: 'toledo-3', event: 'toledo', title: 'Toledo shooting victim Angela Pruitt improving, family says', published: '2024-05-08',
    text: 'The family of Angela Pruitt, who was shot on Monroe Street in Toledo on Friday, said on Tuesday that she is improving.\n\nRaymond Kess is being held in the Lucas County jail on a felonious assault charge.' },
  { id: 'storm-1', event: 'storm-galicia', title: 'Storm Irene floods Vigo streets and cuts power to 40,000', published: '2024-10-21',
    text: 'Storm Irene flooded streets in Vigo and cut power to 40,000 homes across Galicia on Sunday.\n\nThe Xunta de Galicia closed schools in Pontevedra province and the port of Vigo suspended ferry services to the Cíes islands.' },
  { id: 'storm-2', event: 'storm-galicia', title: 'Galicia counts damage after Storm Irene', published: '2024-10-22',
    text: 'Galicia began counting the damage on Monday after Storm Irene flooded Vigo and left 40,000 homes without power.\n\nSchools in Pontevedra reopen on Tuesday. Ferries to the Cíes islands remain suspended, the port of Vigo said.' },
  { id: 'storm-3', event: 'storm-galicia', title: 'Ferries to Cíes islands resume after Storm Irene', published: '2024-10-24',
    text: 'Ferries from Vigo to the Cíes islands resumed on Wednesday, three days after Storm Irene flooded the city.\n\nPower has been restored to all but 2,000 of the 40,000 homes in Galicia that lost it.' },
  { id: 'storm-4', event: 'storm-brittany', title: 'Storm Mathis batters Brest, 12,000 homes without power', published: '2025-01-09',
    text: 'Storm Mathis battered Brest and the Finistère coast on Thursday, leaving 12,000 homes without power.\n\nMétéo-France kept its orange alert for Brittany. A fishing boat was towed into Roscoff after losing its engine.' },
  { id: 'storm-5', event: 'storm-brittany', title: 'Brittany clears up after Storm Mathis', published: '2025-01-10',
    text: 'Crews in Finistère cleared fallen trees on Friday after Storm Mathis hit Brest and left 12,000 homes without power.\n\nThe fishing boat towed into Roscoff was undamaged, the harbour master said. Météo-France lifted its alert for Brittany.' },
  { id: 'deal-1', event: 'deal', title: 'Halvorsen Foods to buy Kestrel Dairy for 1.2 billion euros', published: '2024-06-03',
    text: 'Halvorsen Foods agreed to buy Kestrel Dairy for 1.2 billion euros, the Norwegian group said on Monday.\n\nThe deal, which needs approval from the European Commission, would make Halvorsen the largest cheese maker in the Nordics. Kestrel chief executive Ingrid Solberg will join the Halvorsen board.' },
  { id: 'deal-2', event: 'deal', title: 'Kestrel Dairy shareholders back Halvorsen takeover', published: '2024-06-20',
    text: 'Shareholders of Kestrel Dairy approved the 1.2 billion euro takeover by Halvorsen Foods on Thursday.\n\nIngrid Solberg, Kestrel chief executive, said the deal keeps the dairy in Norwegian hands. The European Commission is expected to rule in September.' },
];

export function fixtureArticle(r: Pick<FixtureReport, 'id' | 'title' | 'published' | 'text'>): Article {
  return {
    id: r.id,
    source: 'fixture',
    title: r.title,
    subtitle: null,
    author: null,
    url: null,
    path: null,
    language: 'en',
    published: r.published ? { date: r.published, iso: null, method: 'json-field', confidence: 0.95, text: r.published } : null,
    text: r.text,
    paragraphs: [],
    sentences: [],
    metadata: {},
    contentHash: contentHash(`${r.title}\n${r.text}`),
    dropped: [],
  };
}

export const fixtureDoc = (r: Pick<FixtureReport, 'id' | 'title' | 'published' | 'text'>): ClusterDoc => ({
  article: fixtureArticle(r),
  mentions: noMentions(),
});

/** Groups as sets of sorted ids, sorted: equal partitions compare equal. */
export function partition(assignments: Map<string, string>): string[][] {
  const groups = new Map<string, string[]>();
  for (const [id, story] of assignments) (groups.get(story) ?? groups.set(story, []).get(story)!).push(id);
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** Mentions with each given name found as a person in the text (its first occurrence). */
export function withPersons(text: string, names: string[]): Mentions {
  const entities = names.map((name) => {
    const start = text.indexOf(name);
    if (start < 0) throw new Error(`${name} is not in the text`);
    return { text: name, start, end: start + name.length, type: 'person' as const, name, role: null };
  });
  return { ...noMentions(), entities };
}
