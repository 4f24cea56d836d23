// The story index (4-cluster/story-index.ts `StoryIndexState`) as columns for a snapshot: one
// typed array per numeric field of all entries (terms, weights, signatures, days…) and plain
// arrays of strings, so 100k articles load as a few dozen views instead of a million objects.
import type { BandTableState } from '../4-cluster/band-table.ts';
import { EVENT_KINDS } from '../4-cluster/kind.ts';
import type { Entry, Story, StoryIndexState } from '../4-cluster/story-index.ts';
import { TermSums } from '../4-cluster/term-sums.ts';
import { SnapshotUnreadable } from './container.ts';

/** Numbers of all entries one after another, with each entry's count. */
interface Ragged<T> {
  counts: Int32Array;
  values: T;
}

function ragged<T extends Int32Array | Uint32Array | Float32Array | Float64Array>(lists: ArrayLike<number>[], Type: new (n: number) => T): Ragged<T> {
  const counts = new Int32Array(lists.length);
  let total = 0;
  lists.forEach((l, i) => (total += counts[i] = l.length));
  const values = new Type(total);
  let at = 0;
  for (const l of lists) {
    values.set(l, at);
    at += l.length;
  }
  return { counts, values };
}

/** Each entry's slice of a ragged column, as views. */
function slices<T extends Int32Array | Uint32Array | Float32Array | Float64Array>(r: Ragged<T>): T[] {
  const out: T[] = [];
  let at = 0;
  for (let i = 0; i < r.counts.length; i++) {
    out.push(r.values.subarray(at, at + r.counts[i]) as T);
    at += r.counts[i];
  }
  if (at !== r.values.length) throw new SnapshotUnreadable('column lengths disagree');
  return out;
}

const NONE = Number.NaN;
const orNone = (n: number | null) => (n === null ? NONE : n);
const orNull = (n: number) => (Number.isNaN(n) ? null : n);
const TEMPLATE = 1;
const ALIVE = 2;

export function encodeIndex(s: StoryIndexState) {
  const e = s.entries;
  const stories = [...s.stories];
  const sums = stories.map(([, st]) => st.sums?.state() ?? null);
  return {
    entries: {
      ids: e.map((x) => x.id),
      storyIds: e.map((x) => x.storyId),
      copyOf: e.map((x) => x.copyOf),
      headlines: e.map((x) => x.headline),
      persons: e.map((x) => x.persons),
      terms: ragged(e.map((x) => x.terms), Int32Array),
      weights: ragged(e.map((x) => x.weights), Float32Array),
      signatures: ragged(e.map((x) => x.signature), Uint32Array),
      cities: ragged(e.map((x) => x.cities), Float64Array),
      ages: ragged(e.map((x) => x.ages), Float64Array),
      days: Float64Array.from(e, (x) => orNone(x.day)),
      stated: Float64Array.from(e, (x) => orNone(x.stated)),
      kinds: Int32Array.from(e, (x) => x.kind),
      flags: Uint8Array.from(e, (x) => (x.template ? TEMPLATE : 0) | (x.alive ? ALIVE : 0)),
    },
    stories: {
      ids: stories.map(([id]) => id),
      members: ragged(stories.map(([, st]) => [...st.members]), Int32Array),
      sums: ragged(sums.map((t) => t?.slots ?? []), Int32Array),
      sumsUsed: Int32Array.from(sums, (t) => (t ? t.used : -1)),
      persons: stories.map(([, st]) => (st.persons ? [[...st.persons.keys()], [...st.persons.values()]] : null)),
      kinds: ragged(stories.map(([, st]) => st.kinds ?? []), Int32Array),
    },
    vocab: { names: s.vocab.names, df: Int32Array.from(s.vocab.df), docs: s.vocab.docs },
    postings: { pages: ragged(s.postings.pages, Int32Array), free: s.postings.free, head: s.postings.head, count: s.postings.count },
    bands: s.bands.map((b) => ({ slots: b.table.slots, used: b.table.used, lists: ragged(b.lists, Int32Array) })),
  };
}

export type EncodedIndex = ReturnType<typeof encodeIndex>;

/** The index state back from `encodeIndex`'s tree, as a restore of the store would leave it (no cached norms). */
export function decodeIndex(t: EncodedIndex): StoryIndexState {
  const c = t.entries;
  const n = c.ids.length;
  const terms = slices(c.terms);
  const weights = slices(c.weights);
  const signatures = slices(c.signatures);
  const cities = slices(c.cities);
  const ages = slices(c.ages);
  for (const col of [c.storyIds, c.copyOf, c.headlines, c.persons, terms, weights, signatures, cities, ages, c.days, c.stated, c.kinds, c.flags]) {
    if (col.length !== n) throw new SnapshotUnreadable('entry columns disagree');
  }
  const entries: Entry[] = [];
  for (let i = 0; i < n; i++) {
    entries.push({
      id: c.ids[i],
      storyId: c.storyIds[i],
      copyOf: c.copyOf[i],
      terms: terms[i],
      weights: weights[i],
      day: orNull(c.days[i]),
      signature: signatures[i],
      headline: c.headlines[i],
      template: (c.flags[i] & TEMPLATE) !== 0,
      persons: c.persons[i],
      kind: c.kinds[i],
      stated: orNull(c.stated[i]),
      cities: Array.from(cities[i]),
      ages: Array.from(ages[i]),
      alive: (c.flags[i] & ALIVE) !== 0,
      norms: [0, 0],
      normsAt: -1,
    });
  }
  return { entries, stories: decodeStories(t.stories, n), vocab: { names: t.vocab.names, df: Array.from(t.vocab.df), docs: t.vocab.docs }, postings: { ...t.postings, pages: slices(t.postings.pages) }, bands: t.bands.map(decodeBand) };
}

function decodeStories(s: EncodedIndex['stories'], entries: number): Map<string, Story> {
  const members = slices(s.members);
  const sums = slices(s.sums);
  const kinds = slices(s.kinds);
  const stories = new Map<string, Story>();
  s.ids.forEach((id, i) => {
    const persons = s.persons[i];
    if (members[i].some((m) => m < 0 || m >= entries)) throw new SnapshotUnreadable('story member out of range');
    if (kinds[i].length && kinds[i].length !== EVENT_KINDS.length) throw new SnapshotUnreadable('kinds of event changed');
    stories.set(id, {
      members: new Set(members[i]),
      sums: s.sumsUsed[i] < 0 ? null : TermSums.fromState({ slots: sums[i], used: s.sumsUsed[i] }),
      norms: [0, 0],
      normsAt: -1,
      persons: persons ? new Map(persons[0].map((p, k) => [p as string, persons[1][k] as number])) : null,
      kinds: kinds[i].length ? kinds[i] : null,
    });
  });
  return stories;
}

function decodeBand(b: EncodedIndex['bands'][number]): BandTableState {
  return { table: { slots: b.slots, used: b.used }, lists: slices(b.lists).map((l) => Array.from(l)) };
}
