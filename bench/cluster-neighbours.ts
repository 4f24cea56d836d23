// Where the candidates of ECB+ reports come from, alone and in the mixed stream (issue #23): per
// ECB+ topic, how many of the articles its reports' queries retrieve (the `rescore` best by rough
// overlap) are gva-dev shooting reports, and for chosen topics the IDF of the words most of the
// topic's reports share, alone and mixed. A document frequency counted "within the article's
// neighbourhood" would count exactly these candidates: when gva-dev reports are among them, such a
// count moves with gva-dev as the whole store's does.
//   node --import tsx bench/cluster-neighbours.ts   (CLUSTER_CACHE=file as bench/cluster.ts; CLUSTER_TOPICS=18,30)
import { OnlineStoryAssigner } from '../src/pipeline/4-cluster/story-assigner.ts';
import type { Entry, Query } from '../src/pipeline/4-cluster/story-index.ts';
import { interleaved, loaded } from './cluster.ts';
import type { LabelledDoc } from './cluster/docs.ts';

// A diagnostic reads the assigner's index and its candidate lookup, both private to the grouping.
interface Index {
  entries: Entry[];
  query(e: Entry): Query;
  candidates(q: Query): number[];
  termsOf(e: Entry): Int32Array;
  vocab: { id(term: string): number; idf(id: number): number; name(id: number): string };
}
type Inside = { index: Index };

function run(docs: LabelledDoc[], ecbIds: Set<string>) {
  const assigner = new OnlineStoryAssigner({});
  for (const d of docs) assigner.assign({ article: d.article, mentions: d.mentions });
  assigner.repair();
  const index = (assigner as unknown as Inside).index;
  const topics = new Map<string, { gva: number; ecb: number; words: Map<number, number> }>();
  for (const [idx, e] of index.entries.entries()) {
    if (!e.alive || !ecbIds.has(e.id)) continue;
    const topic = e.id.split('_')[0];
    const t = topics.get(topic) ?? topics.set(topic, { gva: 0, ecb: 0, words: new Map() }).get(topic)!;
    for (const c of index.candidates(index.query(e))) {
      if (c === idx) continue;
      if (ecbIds.has(index.entries[c].id)) t.ecb++;
      else t.gva++;
    }
    for (const term of index.termsOf(e)) if (index.vocab.name(term).startsWith('w:')) t.words.set(term, (t.words.get(term) ?? 0) + 1);
  }
  // ECB+ reports whose story holds a gva-dev report: how often the two corpora actually meet.
  const stories = assigner.assignments();
  const gvaStories = new Set([...stories].filter(([id]) => !ecbIds.has(id)).map(([, s]) => s));
  const meeting = [...ecbIds].filter((id) => gvaStories.has(stories.get(id)!));
  return { index, topics, meeting };
}

function main(): void {
  const docs = loaded(new Set(['mixed']));
  const [ecb, gva] = [docs.ecb!, docs.gva!];
  const ecbIds = new Set(ecb.map((d) => d.article.id));
  const alone = run(ecb, ecbIds);
  const mixed = run(interleaved(gva, ecb), ecbIds);
  const rows = [...mixed.topics].map(([topic, m]) => ({ topic, share: m.gva / (m.gva + m.ecb), m }));
  rows.sort((a, b) => b.share - a.share || Number(a.topic) - Number(b.topic));
  const total = rows.reduce((s, r) => [s[0] + r.m.gva, s[1] + r.m.gva + r.m.ecb], [0, 0]);
  console.log(`mixed stream: ${total[0]} of ${total[1]} candidates of ECB+ reports are gva-dev reports (${((100 * total[0]) / total[1]).toFixed(1)} %)`);
  console.log(`ECB+ reports in a story holding a gva-dev report: ${mixed.meeting.length}${mixed.meeting.length ? ` (${mixed.meeting.slice(0, 10).join(' ')})` : ''}`);
  console.log('topics by share of gva-dev candidates (gva / all):');
  console.log('  ' + rows.map((r) => `${r.topic} ${r.m.gva}/${r.m.gva + r.m.ecb}`).join(', '));
  for (const topic of (process.env.CLUSTER_TOPICS ?? '18,30').split(',')) {
    const a = alone.topics.get(topic);
    if (!a) continue;
    const top = [...a.words].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, 12);
    const idf = (r: ReturnType<typeof run>, name: string) => r.index.vocab.idf(r.index.vocab.id(name)).toFixed(2);
    console.log(`topic ${topic}: words most of its reports have (reports, IDF alone → mixed):`);
    const words = top.map(([t, n]) => [alone.index.vocab.name(t), n] as const);
    console.log('  ' + words.map(([name, n]) => `${name.slice(2)} ${n} ${idf(alone, name)} → ${idf(mixed, name)}`).join(', '));
  }
}

main();
