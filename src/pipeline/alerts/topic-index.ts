// Which topic watches a report may match, found from the report's own words, entities, places,
// source and language: each watch is filed under its most selective part (a word, an entity, a
// place's name or map cells, a source, a language), so a report meets only the few watches filed
// under something it has, and matchTopic checks those fully. No loop over every watch, no search.
import type { Article, Evidence, Mentions, Watch } from '../../model/index.ts';
import { compileTopic, matchTopic, MAX_RADIUS_KM, topicDocFor, WordFilter, type CompiledTopic, type DocNeeds, type TopicDoc } from './topic.ts';

export interface TopicWatch {
  watch: Watch;
  topic: CompiledTopic;
}

/** Map cells of one degree: a report's place falls in one, a watch's circle covers a few. */
const cellOf = (lat: number, lon: number) => `${Math.floor(lat)}:${Math.floor(((lon % 360) + 540) % 360) - 180}`;

function push<K>(map: Map<K, TopicWatch[]>, key: K, w: TopicWatch): void {
  const list = map.get(key);
  if (list) list.push(w);
  else map.set(key, [w]);
}

export class TopicIndex {
  private byWord = new Map<string, TopicWatch[]>();
  /** Prefix watches by their first three letters, met by every report word starting so. */
  private byPrefix = new Map<string, TopicWatch[]>();
  private byEntity = new Map<string, TopicWatch[]>();
  private byPlace = new Map<string, TopicWatch[]>();
  private byCell = new Map<string, TopicWatch[]>();
  private bySource = new Map<string, TopicWatch[]>();
  private byLanguage = new Map<string, TopicWatch[]>();
  readonly size: number;
  /** Whether any watch has words (else reports' words are never folded). */
  readonly needsWords: boolean;
  /** What of a report the watches read: only their own words are kept, keys made only when some watch has one. */
  private needs: DocNeeds;

  constructor(watches: Watch[]) {
    const topics: TopicWatch[] = [];
    for (const watch of watches) {
      if (!watch.topic || watch.storyId) continue;
      try {
        topics.push({ watch, topic: compileTopic(watch.topic) });
      } catch {
        // Topics are checked when a watch is made; one stored before a rule tightened is skipped, not fatal.
      }
    }
    for (const w of topics) this.file(w);
    this.size = topics.length;
    this.needsWords = topics.some((w) => w.topic.words);
    // Every word of every watch (not only the one it is filed under: matchTopic checks them all),
    // and the first three letters of every prefix (a prefix has at least three).
    const vocabulary = new Set(topics.flatMap((w) => w.topic.words?.whole ?? []));
    const heads = new Set(topics.flatMap((w) => (w.topic.words?.prefixes ?? []).map((p) => p.slice(0, 3))));
    this.needs = {
      words: this.needsWords,
      filter: new WordFilter(vocabulary, heads),
      entities: topics.some((w) => w.topic.entity),
      places: topics.some((w) => w.topic.place),
    };
  }

  /**
   * A report as these watches read it: of its words only the watches' own, so matching gives what
   * it gives on the whole report (topic-index.test.ts) without keeping hundreds of words per report.
   */
  docOf(article: Article, mentions: Mentions): TopicDoc {
    return topicDocFor(article, mentions, this.needs);
  }

  private file(w: TopicWatch): void {
    const t = w.topic;
    if (t.words?.whole.length) {
      // The longest word is most often the rarest: the fewest reports meet the watch.
      const key = [...t.words.whole].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0];
      return push(this.byWord, key, w);
    }
    if (t.words?.prefixes.length) return push(this.byPrefix, t.words.prefixes[0].slice(0, 3), w);
    if (t.entity) return push(this.byEntity, t.entity, w);
    if (t.source) return push(this.bySource, t.source, w);
    if (t.place?.radiusKm == null && t.place) return push(this.byPlace, t.place.key, w);
    if (t.place) {
      const r = Math.min(t.place.radiusKm!, MAX_RADIUS_KM);
      const dLat = r / 111;
      // A degree of longitude shrinks towards the poles; near them the circle spans every longitude.
      const cos = Math.cos((Math.min(Math.abs(t.place.lat) + dLat, 89.9) * Math.PI) / 180);
      const dLon = Math.min(180, r / (111 * cos));
      const cells = new Set<string>();
      for (let lat = Math.floor(t.place.lat - dLat); lat <= Math.floor(t.place.lat + dLat); lat++)
        for (let lon = Math.floor(t.place.lon - dLon); lon <= Math.floor(t.place.lon + dLon); lon++) cells.add(cellOf(lat, lon));
      for (const c of cells) push(this.byCell, c, w);
      return;
    }
    if (t.language) push(this.byLanguage, t.language, w);
  }

  /** The watches whose topic the report matches, with where it does. */
  matching(d: TopicDoc): { watch: TopicWatch; evidence: Evidence[] }[] {
    const seen = new Set<TopicWatch>();
    const add = (list: TopicWatch[] | undefined) => {
      if (list) for (const w of list) seen.add(w);
    };
    if (d.words && (this.byWord.size || this.byPrefix.size))
      for (const word of d.words) {
        add(this.byWord.get(word));
        if (word.length >= 3) add(this.byPrefix.get(word.slice(0, 3)));
      }
    for (const key of d.entities.keys()) add(this.byEntity.get(key));
    for (const p of d.places) {
      add(this.byPlace.get(p.key));
      add(this.byCell.get(cellOf(p.lat, p.lon)));
    }
    add(this.bySource.get(d.source));
    add(this.byLanguage.get(d.language));
    const out: { watch: TopicWatch; evidence: Evidence[] }[] = [];
    for (const w of seen) {
      const evidence = matchTopic(w.topic, d);
      if (evidence) out.push({ watch: w, evidence });
    }
    return out;
  }
}
