// The assigner's memory: every live article's terms (ids from vocabulary.ts, in typed arrays: 100k
// articles fit in a few hundred MB), an inverted index over them (candidates come from here, never
// from a scan), per-story term sums (centroids, kept only for stories of two or more), and the
// near-copy LSH index. Scoring of queries (query.ts) against articles and stories lives here;
// decisions live in story-assigner.ts.
import { FEATURES_VERSION, type ArticleFeatures } from './features.ts';
import { Arena } from './arena.ts';
import { Postings, type PostingsState } from './postings.ts';
import { NearCopyIndex, signatureSimilarity } from './near-copy.ts';
import type { BandTableState } from './band-table.ts';
import { CITY, citiesApart, storyValues } from './event-place.ts';
import { agesApart } from './lead-ages.ts';
import { YEAR_PREFIX, yearsApart, yearsOfTerms } from './stated-years.ts';
import { EVENT_KINDS, happensOnOneDay, kindsAgree } from './kind.ts';
import { Contrast, queryOf, type Query, type QueryEvent } from './query.ts';
import type { StoryAssignerOptions } from './story-assigner.ts';
import { TermSums } from './term-sums.ts';
import { Vocabulary, type VocabularyState } from './vocabulary.ts';

export type { Query } from './query.ts';

export interface Entry {
  id: string;
  storyId: string;
  copyOf: string | null;
  /**
   * Its terms and their weights: `size` values from `at` in block `block` of the index's term and
   * weight columns (termsOf/weightsOf give them as views).
   */
  block: number;
  at: number;
  size: number;
  /** Event day (or publication day), or null. */
  day: number | null;
  /** Its MinHash signature, the same way in the signature column (sigSize 0: none). */
  sigBlock: number;
  sigAt: number;
  sigSize: number;
  headline: string;
  /** The body is a template shared by unrelated reports (features.ts `b`). */
  template: boolean;
  /** First-and-last names of the people named (features.ts `r`, persons.ts). */
  persons: string[];
  /** Kind of event (index in `EVENT_KINDS`, -1: none stands out) and the event day the report states (or null). */
  kind: number;
  stated: number | null;
  /** Cities its lead names (features.ts `c`). */
  cities: number[];
  /** Ages its headline and lead give (features.ts `a`). */
  ages: number[];
  /** Years it states (its `f:year…` terms), made at first use (undefined: not yet). */
  years?: number[];
  alive: boolean;
  /** Cached per-channel norms and the vocabulary's norm epoch they were computed in (-1: none). */
  norms: [number, number];
  normsAt: number;
}

export interface Story {
  members: Set<number>;
  /**
   * Sum of the members' raw term weights in thousandths (integers, in a typed array: term-sums.ts);
   * null while the story has one member (its terms are the entry's). Cosines do not depend on the
   * scale.
   */
  sums: TermSums | null;
  norms: [number, number];
  normsAt: number;
  /** How many members name each person (made when the first member naming someone joins). */
  persons: Map<string, number> | null;
  /** The members' known days, sorted, cached (undefined: recompute). */
  days?: number[];
  /** The days members state, sorted, cached (undefined: recompute). */
  statedDays?: number[];
  /** The cities most members name (event-place.ts `storyValues`), cached (undefined: recompute). */
  cities?: number[];
  /** The ages most members give, cached (undefined: recompute). */
  ages?: number[];
  /** The years most members state, cached (undefined: recompute). */
  years?: number[];
  /** How many members are of each kind of event (made when the first member of a known kind joins). */
  kinds: Int32Array | null;
}

export interface NearCopy {
  entry: Entry;
  /** Estimated shingle Jaccard. */
  sim: number;
}

/** Everything the index holds, as live structures (views, not copies): what a snapshot saves (pipeline/snapshot/). */
export interface StoryIndexState {
  entries: Entry[];
  stories: Map<string, Story>;
  /** The blocks entries' terms, weights and signatures are in (parallel blocks for terms and weights). */
  columns: EntryColumns;
  vocab: VocabularyState;
  postings: PostingsState;
  bands: BandTableState[];
}

export interface EntryColumns {
  terms: Int32Array[];
  weights: Float32Array[];
  signatures: Uint32Array[];
}

const MILLI = 1000;

export class StoryIndex {
  readonly entries: Entry[];
  readonly byId = new Map<string, number>();
  readonly stories: Map<string, Story>;
  private vocab = new Vocabulary();
  private contrast = new Contrast(this.vocab);
  private postings = new Postings();
  /** Scratch for one term's postings in a query. */
  private postingScratch = new Int32Array(0);
  private copies = new NearCopyIndex();
  /** Terms and weights are taken together: the same block and offset in both. */
  private termArena: Arena<Int32Array>;
  private weightArena: Arena<Float32Array>;
  private signatureArena: Arena<Uint32Array>;
  /** The arenas' blocks, read by entries' block numbers. */
  private termBlocks: Int32Array[];
  private weightBlocks: Float32Array[];
  private signatureBlocks: Uint32Array[];
  /** Term ids of the features last queried (add() reuses them). */
  private interned: { f: ArticleFeatures; ids: Int32Array } | null = null;
  /** Scratch accumulator of rough scores, indexed by entry (kept zeroed between queries). */
  private rough = new Float64Array(0);
  /** Scratch: the entries a query's postings touched. */
  private touched = new Int32Array(0);
  /** The query last looked up by term id, its weights spread out by term id (zero elsewhere). */
  private dense = new Float64Array(0);
  private denseQuery: Query | null = null;

  constructor(
    readonly opts: StoryAssignerOptions,
    taken: Pick<StoryIndexState, 'entries' | 'stories' | 'columns'> = { entries: [], stories: new Map(), columns: { terms: [], weights: [], signatures: [] } },
  ) {
    this.entries = taken.entries;
    this.stories = taken.stories;
    const c = taken.columns;
    if (c.terms.length !== c.weights.length || c.terms.some((t, i) => t.length !== c.weights[i].length)) throw new Error('story index: term and weight columns disagree');
    this.termArena = new Arena((n) => new Int32Array(n), c.terms);
    this.weightArena = new Arena((n) => new Float32Array(n), c.weights);
    this.signatureArena = new Arena((n) => new Uint32Array(n), c.signatures);
    this.termBlocks = this.termArena.blocks;
    this.weightBlocks = this.weightArena.blocks;
    this.signatureBlocks = this.signatureArena.blocks;
  }

  state(): StoryIndexState {
    const columns = { terms: this.termBlocks, weights: this.weightBlocks, signatures: this.signatureBlocks };
    return { entries: this.entries, stories: this.stories, columns, vocab: this.vocab.state(), postings: this.postings.state(), bands: this.copies.state() };
  }

  /** An entry's term ids, as a view (for the colder paths; hot loops read the block itself). */
  termsOf(e: Entry): Int32Array {
    return this.termBlocks[e.block].subarray(e.at, e.at + e.size);
  }

  weightsOf(e: Entry): Float32Array {
    return this.weightBlocks[e.block].subarray(e.at, e.at + e.size);
  }

  signatureOf(e: Entry): Uint32Array {
    return this.signatureBlocks[e.sigBlock].subarray(e.sigAt, e.sigAt + e.sigSize);
  }

  /**
   * An index back from `state()` (its scratch arrays start afresh, as they are between queries).
   * The state's entries and stories are taken over, not copied (63k stories put into a second map
   * cost a snapshot's load time): the state belongs to the index from then on.
   */
  static fromState(opts: StoryAssignerOptions, s: StoryIndexState): StoryIndex {
    const index = new StoryIndex(opts, s);
    index.vocab = Vocabulary.fromState(s.vocab);
    index.contrast = new Contrast(index.vocab);
    index.postings = Postings.fromState(s.postings);
    index.copies = NearCopyIndex.fromState(s.bands);
    s.entries.forEach((e, idx) => {
      if (e.alive) index.byId.set(e.id, idx);
    });
    return index;
  }

  /**
   * Sets stored articles' stories and copy links as another process left them (its repair moved
   * them): every story touched is rebuilt from its members in index order, as a restore of the
   * store builds it, so the index equals the one a restore would make.
   */
  restoreAssignments(changes: { idx: number; storyId: string; copyOf: string | null }[]): void {
    const touched = new Set<string>();
    for (const c of changes) touched.add(this.entries[c.idx].storyId).add(c.storyId);
    const members = new Set<number>();
    for (const id of touched) for (const m of this.stories.get(id)?.members ?? []) members.add(m);
    for (const c of changes) {
      members.add(c.idx);
      this.entries[c.idx].storyId = c.storyId;
      this.entries[c.idx].copyOf = c.copyOf;
    }
    for (const id of touched) this.stories.delete(id);
    for (const m of [...members].sort((a, b) => a - b)) this.join(this.entries[m].storyId, m);
  }

  add(id: string, storyId: string, copyOf: string | null, f: ArticleFeatures): void {
    this.forget(id);
    const idx = this.entries.length;
    // Runs of a few large columns, not arrays or views of their own (arena.ts).
    const size = f.t.length;
    const at = this.termArena.take(size);
    const block = this.termArena.block;
    if (this.weightArena.take(size) !== at || this.weightArena.block !== block) throw new Error('story index: term and weight columns out of step');
    const terms = this.termBlocks[block];
    const weights = this.weightBlocks[block];
    const ids = this.interned?.f === f ? this.interned.ids : null;
    f.t.forEach(([t, w], i) => {
      terms[at + i] = ids ? ids[i] : this.vocab.id(t);
      weights[at + i] = w;
    });
    this.interned = null;
    const sigAt = this.signatureArena.take(f.m.length);
    const sigBlock = this.signatureArena.block;
    this.signatureBlocks[sigBlock].set(f.m, sigAt);
    this.entries.push({
      id, storyId, copyOf, block, at, size,
      day: f.e ?? f.d,
      sigBlock, sigAt, sigSize: f.m.length,
      headline: f.h,
      template: !!f.b,
      persons: f.r ?? [],
      kind: kindIndex(f.k),
      stated: f.s ? (f.e ?? f.d) : null,
      cities: f.c ?? [],
      ages: f.a ?? [],
      alive: true,
      norms: [0, 0],
      normsAt: -1,
    });
    this.byId.set(id, idx);
    this.vocab.count(terms, 1, at, at + size);
    for (let i = at; i < at + size; i++) this.postings.add(terms[i], idx);
    this.join(storyId, idx);
    this.copies.add(idx, f.m);
  }

  /** An entry's features back in stored form (its day stands for both days). */
  featuresOf(e: Entry): ArticleFeatures {
    const weights = this.weightsOf(e);
    const t = Array.from(this.termsOf(e), (id, i) => [this.vocab.name(id), weights[i]] as [string, number]);
    return { v: FEATURES_VERSION, t, d: e.day, e: e.day, m: Array.from(this.signatureOf(e)), h: e.headline, ...(e.template ? { b: true } : {}), r: e.persons, ...(e.kind >= 0 ? { k: EVENT_KINDS[e.kind] } : {}), ...(e.stated !== null ? { s: true } : {}), ...(e.cities.length ? { c: e.cities } : {}), ...(e.ages.length ? { a: e.ages } : {}) };
  }

  forget(id: string): void {
    const idx = this.byId.get(id);
    if (idx === undefined) return;
    const e = this.entries[idx];
    e.alive = false;
    this.vocab.count(this.termBlocks[e.block], -1, e.at, e.at + e.size);
    this.leave(idx);
    this.byId.delete(id);
  }

  private join(storyId: string, idx: number): void {
    let s = this.stories.get(storyId);
    if (!s) this.stories.set(storyId, (s = { members: new Set(), sums: null, norms: [0, 0], normsAt: -1, persons: null, kinds: null }));
    if (s.members.size === 1) s.sums = this.sumsOf([...s.members]);
    s.members.add(idx);
    for (const p of this.entries[idx].persons) {
      s.persons ??= new Map();
      s.persons.set(p, (s.persons.get(p) ?? 0) + 1);
    }
    const kind = this.entries[idx].kind;
    if (kind >= 0) (s.kinds ??= new Int32Array(EVENT_KINDS.length))[kind]++;
    if (s.sums) this.addTo(s.sums, idx, 1);
    s.normsAt = -1;
    s.days = undefined;
    s.statedDays = undefined;
    s.cities = undefined;
    s.ages = undefined;
    s.years = undefined;
  }

  private leave(idx: number): void {
    const storyId = this.entries[idx].storyId;
    const s = this.stories.get(storyId);
    if (!s) return;
    s.members.delete(idx);
    for (const p of this.entries[idx].persons) {
      const n = (s.persons?.get(p) ?? 0) - 1;
      if (n > 0) s.persons!.set(p, n);
      else s.persons?.delete(p);
    }
    const kind = this.entries[idx].kind;
    if (kind >= 0 && s.kinds) s.kinds[kind]--;
    if (s.sums) this.addTo(s.sums, idx, -1);
    if (s.members.size <= 1) s.sums = null;
    s.normsAt = -1;
    s.days = undefined;
    s.statedDays = undefined;
    s.cities = undefined;
    s.ages = undefined;
    s.years = undefined;
    if (!s.members.size) this.stories.delete(storyId);
  }

  private sumsOf(members: number[]): TermSums {
    // Room for two members' terms (most sums are made when a story gets its second); it grows
    // from there. Not the members' total: large groups share most of their terms.
    const sums = new TermSums(2 * this.opts.maxTerms);
    for (const m of members) this.addTo(sums, m, 1);
    return sums;
  }

  private addTo(sums: TermSums, idx: number, sign: number): void {
    const e = this.entries[idx];
    const terms = this.termBlocks[e.block];
    const weights = this.weightBlocks[e.block];
    for (let i = e.at; i < e.at + e.size; i++) sums.add(terms[i], sign * Math.round(weights[i] * MILLI));
  }

  /** Moves one article to another story (keeping centroids right). */
  move(idx: number, storyId: string): void {
    this.leave(idx);
    this.entries[idx].storyId = storyId;
    this.join(storyId, idx);
  }

  private entryNorms(e: Entry): [number, number] {
    if (e.normsAt !== this.vocab.epoch) {
      e.norms = this.vocab.arrayNorms(this.termBlocks[e.block], this.weightBlocks[e.block], e.at, e.at + e.size);
      e.normsAt = this.vocab.epoch;
    }
    return e.norms;
  }

  /** The query form of an article's terms: unit length per channel under the current IDF. */
  query(f: ArticleFeatures | Entry): Query {
    if (!('t' in f)) {
      this.yearsOf(f);
      return queryOf(this.vocab, this.termsOf(f), this.weightsOf(f), f.day, f.persons, f);
    }
    const ids = new Int32Array(f.t.length);
    const raw = new Float64Array(f.t.length);
    f.t.forEach(([t, w], i) => {
      ids[i] = this.vocab.id(t);
      raw[i] = w;
    });
    // The article is usually added next: its terms need not be looked up twice.
    this.interned = { f, ids };
    return queryOf(this.vocab, ids, raw, f.e ?? f.d, f.r ?? [], { kind: kindIndex(f.k), stated: f.s ? (f.e ?? f.d) : null, cities: f.c ?? [], ages: f.a ?? [], years: yearsOfTerms(f.t) });
  }

  /**
   * Weighted geometric mean of the channels' cosines, so that two reports of the same kind of
   * event (shared words) about different people and places score low; when either side has no
   * names, words alone decide.
   */
  private combine(q: Query, dots: [number, number], norms: [number, number], day: number | null, sharesPerson: boolean, event: QueryEvent): number {
    const both = [q.has[0] && norms[0] > 0, q.has[1] && norms[1] > 0];
    // A person both name (a victim, a suspect) ties a follow-up to its event across any gap.
    const time = (sharesPerson ? Math.max(this.opts.personTime, this.timeFactor(q.day, day)) : this.timeFactor(q.day, day)) * this.against(q, event, sharesPerson);
    if (!both[1]) return both[0] ? (dots[0] / norms[0]) * time : 0;
    const names = dots[1] / norms[1];
    if (!both[0]) return names * time;
    const s = this.opts.nameShare;
    return Math.pow(dots[0] / norms[0], 1 - s) * Math.pow(names, s) * time;
  }

  /**
   * Evidence against one event, whatever the terms share: both are of known kinds that cannot be
   * one event (a shooting and an election), or both are of one kind that happens on one day (two
   * shootings) and state days further apart than a report's own hedges allow ("Monday night"
   * told the next morning). A person both name (a victim, a suspect) ties a follow-up to its
   * event all the same. Of any kind (known or not): both state years and share none
   * (stated-years.ts), two events years apart.
   */
  private against(q: Query, other: QueryEvent, sharesPerson: boolean): number {
    const years = !sharesPerson && yearsApart(q.years, other.years) ? this.opts.yearClash : 1;
    return years * this.againstEvent(q, other, sharesPerson);
  }

  private againstEvent(q: Query, other: QueryEvent, sharesPerson: boolean): number {
    if (q.kind < 0 || other.kind < 0) return 1;
    if (!kindsAgree(EVENT_KINDS[q.kind], EVENT_KINDS[other.kind])) return this.opts.kindClash;
    const oneDay = q.kind === other.kind && happensOnOneDay(EVENT_KINDS[q.kind]);
    if (oneDay && !sharesPerson && q.stated !== null && other.stated !== null && Math.abs(q.stated - other.stated) > this.opts.dayTolerance) return this.opts.dayClash;
    if (oneDay && !sharesPerson && citiesApart(q.cities, other.cities)) return this.opts.placeClash;
    if (oneDay && !sharesPerson && agesApart(q.ages, other.ages)) return this.opts.ageClash;
    return 1;
  }

  /**
   * The query's weights by term id, in a scratch array that holds one query at a time: scoring
   * looks a query's terms up against many articles' and members' terms in a row.
   */
  private weightsById(q: Query): Float64Array {
    if (this.denseQuery === q) return this.dense;
    if (this.dense.length < this.vocab.size) this.dense = new Float64Array(this.vocab.size * 2);
    else if (this.denseQuery) for (const t of this.denseQuery.terms) this.dense[t] = 0;
    for (let i = 0; i < q.terms.length; i++) this.dense[q.terms[i]] = q.unit[i];
    this.denseQuery = q;
    return this.dense;
  }

  articleSimilarity(q: Query, e: Entry): number {
    const dots: [number, number] = [0, 0];
    const weights = this.weightsById(q);
    const terms = this.termBlocks[e.block];
    const raw = this.weightBlocks[e.block];
    for (let i = e.at, end = e.at + e.size; i < end; i++) {
      const qw = weights[terms[i]];
      if (qw) dots[this.vocab.channels[terms[i]]] += qw * raw[i] * this.vocab.idf(terms[i]);
    }
    this.yearsOf(e);
    return this.combine(q, dots, this.entryNorms(e), e.day, q.persons.some((p) => e.persons.includes(p)), e);
  }

  /** Similarity of a query to a story's centroid (optionally leaving one member out), times the time factor. */
  centroidScore(q: Query, storyId: string, leaveOut = -1): number {
    const s = this.stories.get(storyId);
    return s ? this.scoreStory(q, s, leaveOut) : 0;
  }

  /**
   * Each member's score against a would-be story of these members, leaving itself out, as repair
   * would score it (to check that a union holds before making it).
   */
  groupProbe(members: number[]): (member: number) => number {
    const persons = new Map<string, number>();
    for (const m of members) for (const p of this.entries[m].persons) persons.set(p, (persons.get(p) ?? 0) + 1);
    const kinds = new Int32Array(EVENT_KINDS.length);
    for (const m of members) if (this.entries[m].kind >= 0) kinds[this.entries[m].kind]++;
    const s: Story = { members: new Set(members), sums: members.length > 1 ? this.sumsOf(members) : null, norms: [0, 0], normsAt: -1, persons, kinds };
    return (m) => this.scoreStory(this.query(this.entries[m]), s, m);
  }

  private scoreStory(q: Query, s: Story, leaveOut: number): number {
    const leaving = leaveOut >= 0 && s.members.has(leaveOut);
    const size = s.members.size - (leaving ? 1 : 0);
    if (size <= 0) return 0;
    if (size === 1) {
      for (const m of s.members) if (m !== leaveOut) return this.articleSimilarity(q, this.entries[m]);
    }
    const sums = s.sums!;
    if (s.normsAt !== this.vocab.epoch) [s.norms, s.normsAt] = [this.vocab.slotNorms(sums.state().slots), this.vocab.epoch];
    let norms = s.norms;
    const dots: [number, number] = [0, 0];
    for (let i = 0; i < q.terms.length; i++) {
      const v = sums.get(q.terms[i]);
      if (v) dots[this.vocab.channels[q.terms[i]]] += q.timesIdf[i] * v;
    }
    s.days ??= this.sortedDays([...s.members]);
    let day = s.days.length ? s.days[s.days.length >> 1] : null;
    if (leaving) {
      // The centroid without one member, from the full one minus its terms: linear in the
      // member's terms, where summing the other members again would be quadratic in story size.
      const e = this.entries[leaveOut];
      const norm2 = [norms[0] ** 2, norms[1] ** 2];
      const weights = this.weightsById(q);
      const terms = this.termBlocks[e.block];
      const raw = this.weightBlocks[e.block];
      for (let i = e.at, end = e.at + e.size; i < end; i++) {
        const t = terms[i];
        const w = Math.round(raw[i] * MILLI);
        const c = this.vocab.channels[t];
        const normIdf = this.vocab.normIdf(t);
        norm2[c] -= (2 * sums.get(t) * w - w * w) * normIdf * normIdf;
        const qw = weights[t];
        if (qw) dots[c] -= qw * this.vocab.idf(t) * w;
      }
      norms = [Math.sqrt(Math.max(0, norm2[0])), Math.sqrt(Math.max(0, norm2[1]))];
      // The member's own share taken off may leave a rounding error below zero where no other
      // member shares its terms (names no one else gives): a root of it is NaN, which no score
      // compares above, and the article could never move or leave.
      dots[0] = Math.max(0, dots[0]);
      dots[1] = Math.max(0, dots[1]);
      day = medianWithout(s.days, e.day);
    }
    const out = leaving ? this.entries[leaveOut].persons : [];
    const sharesPerson = q.persons.some((p) => (s.persons?.get(p) ?? 0) - (out.includes(p) ? 1 : 0) > 0);
    return this.combine(q, dots, norms, day, sharesPerson, this.storyEvent(s, leaving ? leaveOut : -1, !!q.years?.length));
  }

  /** Similarity of a query to the centroid of any set of articles (used to try splitting a story). */
  groupScore(q: Query, members: number[]): number {
    if (members.length === 1) return this.articleSimilarity(q, this.entries[members[0]]);
    const sums = this.sumsOf(members);
    const dots: [number, number] = [0, 0];
    for (let i = 0; i < q.terms.length; i++) {
      const v = sums.get(q.terms[i]);
      if (v) dots[this.vocab.channels[q.terms[i]]] += q.timesIdf[i] * v;
    }
    const named = new Set(members.flatMap((m) => this.entries[m].persons));
    return this.combine(q, dots, this.vocab.slotNorms(sums.state().slots), this.medianDay(members), q.persons.some((p) => named.has(p)), this.groupEvent(members, !!q.years?.length));
  }

  /** A group's centroid in query form (to compare two groups). */
  groupQuery(members: number[]): Query {
    const sums = this.sumsOf(members);
    const ids = Int32Array.from(sums.terms());
    const raw = Float64Array.from(ids, (t) => sums.get(t) / members.length);
    return queryOf(this.vocab, ids, raw, this.medianDay(members), [...new Set(members.flatMap((m) => this.entries[m].persons))], this.groupEvent(members));
  }

  /** A story's centroid in query form, its `maxTerms` strongest terms: stories compared as cheaply as articles. */
  storyQuery(storyId: string, maxTerms: number): Query | null {
    const s = this.stories.get(storyId);
    if (!s) return null;
    const sums = s.sums;
    if (!sums) return this.query(this.entries[s.members.values().next().value!]);
    const top = this.strongest(sums, maxTerms);
    s.days ??= this.sortedDays([...s.members]);
    const day = s.days.length ? s.days[s.days.length >> 1] : null;
    const persons = [...(s.persons ?? [])].filter(([, n]) => n > 0).map(([p]) => p);
    return queryOf(this.vocab, Int32Array.from(top), Float64Array.from(top, (t) => sums.get(t) / MILLI / s.members.size), day, persons, this.storyEvent(s, -1));
  }

  /**
   * A centroid's `maxTerms` strongest terms, strongest first (sum times IDF; ties: lower id). Each
   * term's weight is computed once and only the strongest are kept in order, not every term
   * sorted with its weight recomputed at each comparison: the order is total, so the terms and
   * their order are those of a full sort.
   */
  private strongest(sums: TermSums, maxTerms: number): number[] {
    const slots = sums.state().slots;
    const top: number[] = [];
    const weight: number[] = [];
    for (let at = 0; at < slots.length; at += 2) {
      const t = slots[at];
      const v = slots[at + 1];
      if (t < 0 || v <= 0) continue;
      const w = v * this.vocab.idf(t);
      if (top.length === maxTerms && !(w > weight[maxTerms - 1] || (w === weight[maxTerms - 1] && t < top[maxTerms - 1]))) continue;
      let i = top.length === maxTerms ? maxTerms - 1 : top.length;
      while (i > 0 && (w > weight[i - 1] || (w === weight[i - 1] && t < top[i - 1]))) {
        top[i] = top[i - 1];
        weight[i] = weight[i - 1];
        i--;
      }
      top[i] = t;
      weight[i] = w;
    }
    return top;
  }

  /**
   * A story's kind (the one most members have, when they have one; ties: none) and the median of
   * the days its members state, optionally without one member.
   */
  /** `years`: whether the story's years are wanted (a query that states none cannot clash on them: not counted). */
  private storyEvent(s: Story, leaveOut: number, years = true): QueryEvent {
    let kind = -1;
    if (s.kinds) {
      const out = leaveOut >= 0 ? this.entries[leaveOut].kind : -1;
      let best = 0;
      for (let k = 0; k < s.kinds.length; k++) {
        const n = s.kinds[k] - (k === out ? 1 : 0);
        if (n > best) [kind, best] = [k, n];
        else if (n === best && n > 0) kind = -1;
      }
    }
    s.statedDays ??= [...s.members].map((m) => this.entries[m].stated).filter((d): d is number => d !== null).sort((a, b) => a - b);
    const days = s.statedDays;
    const stated = leaveOut >= 0 ? medianWithout(days, this.entries[leaveOut].stated) : days.length ? days[days.length >> 1] : null;
    // Counted over all members, cached; recounted without a leaving member only when it gives any
    // (one that gives none changes no count).
    const out = leaveOut >= 0 ? this.entries[leaveOut] : null;
    s.cities ??= storyValues([...s.members].map((m) => this.entries[m].cities), CITY);
    s.ages ??= storyValues([...s.members].map((m) => this.entries[m].ages), 1);
    const cities = out?.cities.length ? storyValues(this.membersBut(s, out).map((e) => e.cities), CITY) : s.cities;
    const ages = out?.ages.length ? storyValues(this.membersBut(s, out).map((e) => e.ages), 1) : s.ages;
    if (!years) return { kind, stated, cities, ages };
    s.years ??= storyValues([...s.members].map((m) => this.yearsOf(this.entries[m])), 1);
    return { kind, stated, cities, ages, years: out && this.yearsOf(out).length ? storyValues(this.membersBut(s, out).map((e) => this.yearsOf(e)), 1) : s.years };
  }

  /**
   * A story's member entries but one, in member order (a method, not a closure made at each
   * scoring: tsx names every closure it makes, which cost more than the scoring around it).
   */
  private membersBut(s: Story, out: Entry | null): Entry[] {
    const others: Entry[] = [];
    for (const m of s.members) if (this.entries[m] !== out) others.push(this.entries[m]);
    return others;
  }

  /** The years an article states (its `f:year…` terms), read once from its term ids. */
  yearsOf(e: Entry): number[] {
    if (e.years) return e.years;
    const terms = this.termsOf(e);
    const years: [string, number][] = [];
    for (let i = 0; i < terms.length; i++) if (this.vocab.startsWith(terms[i], YEAR_PREFIX)) years.push([this.vocab.name(terms[i]), 0]);
    return (e.years = yearsOfTerms(years));
  }

  private groupEvent(members: number[], years = true): QueryEvent {
    const kinds = new Int32Array(EVENT_KINDS.length);
    for (const m of members) if (this.entries[m].kind >= 0) kinds[this.entries[m].kind]++;
    return this.storyEvent({ members: new Set(members), kinds } as Story, -1, years);
  }

  private medianDay(members: number[]): number | null {
    const days = this.sortedDays(members);
    return days.length ? days[days.length >> 1] : null;
  }

  private sortedDays(members: number[]): number[] {
    return members.map((m) => this.entries[m].day).filter((d): d is number => d !== null).sort((a, b) => a - b);
  }

  /** 1 within a few days, shrinking with the gap: one story is about one time. */
  private timeFactor(a: number | null, b: number | null): number {
    if (a === null || b === null) return 1;
    const gap = Math.max(0, Math.abs(a - b) - this.opts.timeGrace);
    return 1 / (1 + gap / this.opts.timeHalf);
  }

  /** Candidate articles: postings of the query's strongest terms, best rough overlap first. */
  private candidates(q: Query): number[] {
    if (this.rough.length < this.entries.length) this.rough = new Float64Array(Math.max(1024, this.entries.length * 2));
    // Each entry once, and at most one per posting read (the budget bounds those).
    const most = Math.min(this.opts.queryPostings, this.entries.length);
    if (this.touched.length < most) this.touched = new Int32Array(Math.max(most, Math.min(this.opts.queryPostings, 2 * most)));
    const touched = this.touched;
    let touchedCount = 0;
    // A budget for the whole query too: strongest (rarest) terms first, so what runs out is the
    // long postings of common words, which grew with the store and found little.
    let left = this.opts.queryPostings;
    if (this.postingScratch.length < this.opts.maxPostings) this.postingScratch = new Int32Array(this.opts.maxPostings);
    const scratch = this.postingScratch;
    const acc = this.rough;
    for (let i = 0; i < Math.min(q.terms.length, this.opts.queryTerms) && left > 0; i++) {
      const t = q.terms[i];
      const qw = q.unit[i];
      // Only the newest `maxPostings` articles of a term: bounded work per article at any store size,
      // and news stories are found among recent reports.
      const n = this.postings.newest(t, Math.min(this.opts.maxPostings, left), scratch);
      left -= n;
      for (let j = 0; j < n; j++) {
        const idx = scratch[j];
        if (acc[idx] === 0) touched[touchedCount++] = idx;
        acc[idx] += qw;
      }
    }
    // Top `rescore` by rough score (ties: earlier article), without sorting every touched article.
    // (The comparison is written out: a closure made per query cost more than the loop.)
    const top: number[] = [];
    const rough = this.rough;
    const keep = this.opts.rescore;
    for (let k = 0; k < touchedCount; k++) {
      const idx = touched[k];
      const r = rough[idx];
      if (top.length === keep && !(r > rough[top[keep - 1]] || (r === rough[top[keep - 1]] && idx < top[keep - 1]))) continue;
      let i = top.length === keep ? keep - 1 : top.length;
      while (i > 0 && (r > rough[top[i - 1]] || (r === rough[top[i - 1]] && idx < top[i - 1]))) {
        top[i] = top[i - 1];
        i--;
      }
      top[i] = idx;
    }
    for (let k = 0; k < touchedCount; k++) rough[touched[k]] = 0;
    return top;
  }

  /** Score of a query against each candidate story: best single link blended with the centroid. */
  storyScores(query: Query, self: number | null): Map<string, number> {
    const links = new Map<string, number>();
    const candidates = this.candidates(query);
    const others: Entry[] = [];
    for (const c of candidates) if (c !== self && this.entries[c].alive) others.push(this.entries[c]);
    // Weighing down what the candidates share needs a few of them to tell what is shared.
    const q = this.opts.contrast && others.length >= 3 ? this.contrast.apply(query, others, this.termBlocks, this.opts.contrast) : query;
    for (const c of candidates) {
      const e = this.entries[c];
      if (!e.alive || c === self) continue;
      const sim = this.opts.linkWeight ? this.articleSimilarity(q, e) : 0;
      if (sim >= (links.get(e.storyId) ?? 0)) links.set(e.storyId, sim);
    }
    const a = this.opts.linkWeight;
    const scores = new Map<string, number>();
    for (const [storyId, link] of links) scores.set(storyId, a * link + (1 - a) * this.centroidScore(q, storyId, self ?? -1));
    return scores;
  }

  /** Live articles whose body this signature nearly copies (estimated Jaccard ≥ copyThreshold), oldest first. */
  nearCopies(id: string, signature: ArrayLike<number>): NearCopy[] {
    const out: NearCopy[] = [];
    for (const idx of [...this.copies.candidates(signature)].sort((a, b) => a - b)) {
      const entry = this.entries[idx];
      if (!entry.alive || entry.id === id) continue;
      const sim = signatureSimilarity(signature, this.signatureOf(entry));
      if (sim >= this.opts.copyThreshold) out.push({ entry, sim });
    }
    return out;
  }

  /** The earliest-stored original among near-copies (within `copyDays`), if any. */
  findOriginal(copies: NearCopy[], day: number | null): Entry | null {
    let best: NearCopy | null = null;
    for (const c of copies) {
      // The same body weeks apart is an outlet's boilerplate around a missing article, not a copy.
      if (day !== null && c.entry.day !== null && Math.abs(day - c.entry.day) > this.opts.copyDays) continue;
      if (!best || c.sim > best.sim) best = c;
    }
    if (!best) return null;
    const original = best.entry.copyOf ? this.entries[this.byId.get(best.entry.copyOf) ?? -1] : undefined;
    return original?.alive ? original : best.entry;
  }
}

/** The median of sorted days once one of them (`day`, if known) is taken out. */
function medianWithout(days: number[], day: number | null): number | null {
  if (day === null) return days.length ? days[days.length >> 1] : null;
  if (days.length <= 1) return null;
  const mid = (days.length - 1) >> 1;
  // First position of `day`: removing it shifts every later day one place down.
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (days[m] < day) lo = m + 1;
    else hi = m;
  }
  return lo <= mid ? days[mid + 1] : days[mid];
}

/** A kind's index in `EVENT_KINDS`, -1 when unknown or none. */
function kindIndex(kind: string | undefined): number {
  return kind ? EVENT_KINDS.indexOf(kind) : -1;
}
