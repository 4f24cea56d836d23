// Queries: an article's or a story's terms as unit-length TF-IDF vectors per channel, and the
// contrast that weighs down what every candidate shares.
import type { Vocabulary } from './vocabulary.ts';

/**
 * A query: its terms by id, strongest first, with unit-per-channel TF-IDF weights in arrays of the
 * same order (no map per query: queries are made several times per article, and scoring looks
 * terms up in StoryIndex's dense scratch instead).
 */
export interface Query {
  terms: Int32Array;
  /** Unit length per channel. */
  unit: Float64Array;
  /** `unit` times the term's IDF (for dot products with raw centroid sums). */
  timesIdf: Float64Array;
  has: [boolean, boolean];
  day: number | null;
  persons: string[];
  /** Kind of event (index in kind.ts `EVENT_KINDS`), -1 when none stands out. */
  kind: number;
  /** The event day the report (or most of a story's reports) states, or null. */
  stated: number | null;
  /** The cities its lead names (event-place.ts `leadCities`); empty: none. */
  cities: ArrayLike<number>;
  /** The ages its lead gives (lead-ages.ts); empty: none. */
  ages: ArrayLike<number>;
  /** The years it states (features' `f:year…` terms); empty: none. */
  years?: ArrayLike<number>;
}

/** What a query says besides its terms: its kind of event, stated day and cities. */
export interface QueryEvent {
  kind: number;
  stated: number | null;
  cities: ArrayLike<number>;
  ages: ArrayLike<number>;
  years?: ArrayLike<number>;
}

export const NO_EVENT: QueryEvent = { kind: -1, stated: null, cities: [], ages: [] };

/** Raw term weights (distinct ids) → a query: unit length per channel under the vocabulary's current IDF. */
export function queryOf(vocab: Vocabulary, ids: ArrayLike<number>, raw: ArrayLike<number>, day: number | null, persons: string[], event: QueryEvent = NO_EVENT): Query {
  const n = ids.length;
  const idf = new Float64Array(n);
  const scaled = new Float64Array(n);
  const norm2 = [0, 0];
  for (let i = 0; i < n; i++) {
    idf[i] = vocab.idf(ids[i]);
    scaled[i] = raw[i] * idf[i];
    norm2[vocab.channels[ids[i]]] += scaled[i] ** 2;
  }
  const norms = [Math.sqrt(norm2[0]), Math.sqrt(norm2[1])];
  // Strongest first (ties: lower id): the index lookup takes the first `queryTerms`.
  const unitOf = new Float64Array(n);
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    const norm = norms[vocab.channels[ids[i]]];
    if (!norm) continue;
    unitOf[i] = scaled[i] / norm;
    order.push(i);
  }
  order.sort((a, b) => unitOf[b] - unitOf[a] || ids[a] - ids[b]);
  const m = order.length;
  const terms = new Int32Array(m);
  const unit = new Float64Array(m);
  const timesIdf = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const i = order[k];
    terms[k] = ids[i];
    unit[k] = unitOf[i];
    timesIdf[k] = unitOf[i] * idf[i];
  }
  return { terms, unit, timesIdf, has: [norms[0] > 0, norms[1] > 0], day, persons, kind: event.kind, stated: event.stated, cities: event.cities, ages: event.ages, years: event.years };
}

/**
 * Weighs down a query's terms by the share of candidates that have them, by up to `contrast` for
 * a term all of them have, with each channel normalised again. Among reports of one kind of event
 * in one place ("shooting", the city), what tells them apart (a street, a name, a count) then
 * counts more. Only the query side is reweighed.
 */
export class Contrast {
  /** Scratch counts by term id (kept zeroed between calls). */
  private shared = new Int32Array(0);

  constructor(private vocab: Vocabulary) {}

  /** `candidates`: each one's terms as a run (`size` from `at`) of a block of `blocks` (story-index.ts's term column). */
  apply(q: Query, candidates: readonly { block: number; at: number; size: number }[], blocks: readonly Int32Array[], contrast: number): Query {
    const { vocab } = this;
    // How many candidates have each query term, in a scratch array by term id: 1 marks a query
    // term, each candidate having it adds 1 (a typed array, not the query's map: this runs
    // for 20 candidates × 60 terms at every scoring).
    if (this.shared.length < vocab.size) this.shared = new Int32Array(vocab.size * 2);
    const shared = this.shared;
    const n = q.terms.length;
    for (let i = 0; i < n; i++) shared[q.terms[i]] = 1;
    for (const c of candidates) {
      const terms = blocks[c.block];
      for (let j = c.at, end = c.at + c.size; j < end; j++) if (shared[terms[j]]) shared[terms[j]]++;
    }
    const scaled = new Float64Array(n);
    const norm2 = [0, 0];
    for (let i = 0; i < n; i++) {
      const t = q.terms[i];
      scaled[i] = q.unit[i] * (1 - (contrast * (shared[t] - 1)) / candidates.length);
      norm2[vocab.channels[t]] += scaled[i] ** 2;
      shared[t] = 0;
    }
    const norms = [Math.sqrt(norm2[0]), Math.sqrt(norm2[1])];
    const unit = new Float64Array(n);
    const timesIdf = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const norm = norms[vocab.channels[q.terms[i]]];
      unit[i] = norm ? scaled[i] / norm : 0;
      timesIdf[i] = unit[i] * vocab.idf(q.terms[i]);
    }
    return { ...q, unit, timesIdf };
  }
}
