// The story index (4-cluster/story-index.ts `StoryIndexState`) as columns for a snapshot: one
// typed array per numeric field of all entries (terms, weights, signatures, days…) and plain
// arrays of strings, so 100k articles load as a few dozen views instead of a million objects.
import type { BandTableState } from '../4-cluster/band-table.ts';
import { EVENT_KINDS } from '../4-cluster/kind.ts';
import type { Entry, Story, StoryIndexState } from '../4-cluster/story-index.ts';
import { TermNames } from '../4-cluster/term-names.ts';
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

/** Entries' runs of an index column (story-index.ts `Entry`), one after another. */
function runs<T extends Int32Array | Float32Array | Uint32Array>(entries: Entry[], blocks: T[], block: (e: Entry) => number, at: (e: Entry) => number, size: (e: Entry) => number, Type: new (n: number) => T): Ragged<T> {
  const counts = Int32Array.from(entries, size);
  let total = 0;
  for (const n of counts) total += n;
  const values = new Type(total);
  let to = 0;
  for (const e of entries) {
    const from = at(e);
    const n = size(e);
    if (n) values.set(blocks[block(e)].subarray(from, from + n), to);
    to += n;
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

/**
 * A column of strings as one string joined by U+0000 (split back in one call: a JSON array of
 * 630k names took 0.3 s to parse); a column holding U+0000 itself stays a plain array.
 */
type Strings = { joined: Text; n: number } | string[];
const SEP = '\u0000';

/**
 * A long string as a typed array of its characters, outside the snapshot's JSON: one byte each
 * when all fit in one (latin1), else UTF-16 code units as they are. Either is a plain copy into a
 * string when read back, where 27 MB of UTF-8 in JSON took a fifth of a restart to decode and parse.
 */
type Text = { latin1: Uint8Array } | { utf16: Uint16Array };

export function packText(s: string): Text {
  if (!/[\u0100-\uffff]/.test(s)) {
    const latin1 = new Uint8Array(s.length);
    Buffer.from(latin1.buffer).write(s, 'latin1');
    return { latin1 };
  }
  const utf16 = new Uint16Array(s.length);
  Buffer.from(utf16.buffer).write(s, 'utf16le');
  return { utf16 };
}

export function unpackText(t: Text): string {
  const a = 'latin1' in t ? t.latin1 : t.utf16;
  if (!ArrayBuffer.isView(a)) throw new SnapshotUnreadable('text column is not an array');
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('latin1' in t ? 'latin1' : 'utf16le');
}

function packStrings(list: string[]): Strings {
  return list.some((x) => x.includes(SEP)) ? list : { joined: packText(list.join(SEP)), n: list.length };
}

function unpackStrings(p: Strings): string[] {
  if (Array.isArray(p)) return p;
  const list = p.n ? unpackText(p.joined).split(SEP) : [];
  if (list.length !== p.n) throw new SnapshotUnreadable('string column length disagrees');
  return list;
}

/** Lists of strings (each entry's persons) as one column and each list's length. */
function packLists(lists: string[][]) {
  return { counts: Int32Array.from(lists, (l) => l.length), values: packStrings(lists.flat()) };
}

const NO_STRINGS: string[] = [];

function unpackLists(p: ReturnType<typeof packLists>): string[][] {
  const values = unpackStrings(p.values);
  const out: string[][] = [];
  let at = 0;
  for (const n of p.counts) {
    out.push(n ? values.slice(at, at + n) : NO_STRINGS);
    at += n;
  }
  if (at !== values.length) throw new SnapshotUnreadable('list column lengths disagree');
  return out;
}

/**
 * Each entry's plain list of a ragged column (cities, ages, band lists: most entries of the first
 * two have none, and share one empty list, which the index never changes in place). Copied
 * straight from the column: no view per list.
 */
function numberLists(r: Ragged<ArrayLike<number>>, empty: number[] | null = NO_NUMBERS): number[][] {
  const { counts, values } = r;
  const out: number[][] = [];
  let at = 0;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i];
    if (!n && empty) {
      out.push(empty);
      continue;
    }
    // Pushed, not preallocated: packed lists, as the index's own are (no holey elements kind).
    const list: number[] = [];
    for (let k = 0; k < n; k++) list.push(values[at + k]);
    out.push(list);
    at += n;
  }
  if (at !== values.length) throw new SnapshotUnreadable('column lengths disagree');
  return out;
}
const NO_NUMBERS: number[] = [];

/** Norms not computed yet (normsAt -1): shared, as the index replaces norms and never writes into them. */
const NO_NORMS: [number, number] = [0, 0];

const NONE = Number.NaN;
const orNone = (n: number | null) => (n === null ? NONE : n);
const orNull = (n: number) => (Number.isNaN(n) ? null : n);
const TEMPLATE = 1;
const ALIVE = 2;

export function encodeIndex(s: StoryIndexState) {
  const e = s.entries;
  const stories = [...s.stories];
  const storyIndex = new Map(stories.map(([id], i) => [id, i]));
  const sums = stories.map(([, st]) => st.sums?.state() ?? null);
  return {
    entries: {
      ids: packStrings(e.map((x) => x.id)),
      // By the story's place in `stories` (one string per story, not per article); -1: by name in storyIds.
      stories: Int32Array.from(e, (x) => storyIndex.get(x.storyId) ?? -1),
      storyIds: packStrings(e.map((x) => (storyIndex.has(x.storyId) ? '' : x.storyId))),
      // No article id is empty: '' stands for none.
      copyOf: packStrings(e.map((x) => x.copyOf ?? '')),
      headlines: packStrings(e.map((x) => x.headline)),
      persons: packLists(e.map((x) => x.persons)),
      terms: runs(e, s.columns.terms, (x) => x.block, (x) => x.at, (x) => x.size, Int32Array),
      weights: runs(e, s.columns.weights, (x) => x.block, (x) => x.at, (x) => x.size, Float32Array),
      signatures: runs(e, s.columns.signatures, (x) => x.sigBlock, (x) => x.sigAt, (x) => x.sigSize, Uint32Array),
      cities: ragged(e.map((x) => x.cities), Float64Array),
      ages: ragged(e.map((x) => x.ages), Float64Array),
      days: Float64Array.from(e, (x) => orNone(x.day)),
      stated: Float64Array.from(e, (x) => orNone(x.stated)),
      kinds: Int32Array.from(e, (x) => x.kind),
      flags: Uint8Array.from(e, (x) => (x.template ? TEMPLATE : 0) | (x.alive ? ALIVE : 0)),
    },
    stories: {
      ids: packStrings(stories.map(([id]) => id)),
      members: ragged(stories.map(([, st]) => [...st.members]), Int32Array),
      sums: ragged(sums.map((t) => t?.slots ?? []), Int32Array),
      sumsUsed: Int32Array.from(sums, (t) => (t ? t.used : -1)),
      // Each story's persons in the map's order, with their counts; -1 marks a story without a map.
      persons: packLists(stories.map(([, st]) => [...(st.persons?.keys() ?? [])])),
      personCounts: Int32Array.from(stories.flatMap(([, st]) => (st.persons ? [st.persons.size, ...st.persons.values()] : [-1]))),
      kinds: ragged(stories.map(([, st]) => st.kinds ?? []), Int32Array),
    },
    vocab: { names: packNames(s.vocab.names) ?? Array.from({ length: s.vocab.names.length }, (_, id) => s.vocab.names.get(id)), df: s.vocab.df, channels: s.vocab.channels, docs: s.vocab.docs, table: s.vocab.table, fixedDf: s.vocab.fixedDf, fixedAt: s.vocab.fixedAt },
    postings: { pages: ragged(s.postings.pages, Int32Array), free: s.postings.free, head: s.postings.head, count: s.postings.count },
    bands: s.bands.map((b) => ({ slots: b.table.slots, used: b.table.used, lists: ragged(b.lists, Int32Array) })),
  };
}

export type EncodedIndex = ReturnType<typeof encodeIndex>;

/** The index state back from `encodeIndex`'s tree, as a restore of the store would leave it (no cached norms). */
export function decodeIndex(t: EncodedIndex): StoryIndexState {
  const c = t.entries;
  const ids = unpackStrings(c.ids);
  const n = ids.length;
  const stories = decodeStories(t.stories, n);
  const storyNames = [...stories.keys()];
  const named = unpackStrings(c.storyIds);
  const copyOf = unpackStrings(c.copyOf);
  const headlines = unpackStrings(c.headlines);
  const persons = unpackLists(c.persons);
  const cities = numberLists(c.cities);
  const ages = numberLists(c.ages);
  const { terms, weights, signatures } = c;
  for (const col of [c.stories, named, copyOf, headlines, persons, terms.counts, weights.counts, signatures.counts, cities, ages, c.days, c.stated, c.kinds, c.flags]) {
    if (col.length !== n) throw new SnapshotUnreadable('entry columns disagree');
  }
  if (terms.values.length !== weights.values.length) throw new SnapshotUnreadable('column lengths disagree');
  const entries: Entry[] = [];
  // Cursors into the ragged columns: each entry's terms, weights and signature are offsets into
  // the one column of each (block 0 of the index's), no view per entry.
  let term = 0;
  let sig = 0;
  for (let i = 0; i < n; i++) {
    const k = c.stories[i];
    const storyId = k >= 0 ? storyNames[k] : named[i];
    if (storyId === undefined) throw new SnapshotUnreadable('entry story out of range');
    const flags = c.flags[i];
    entries.push({
      id: ids[i],
      storyId,
      copyOf: copyOf[i] || null,
      block: 0,
      at: term,
      size: terms.counts[i],
      day: orNull(c.days[i]),
      sigBlock: 0,
      sigAt: sig,
      sigSize: signatures.counts[i],
      headline: headlines[i],
      template: (flags & TEMPLATE) !== 0,
      persons: persons[i],
      kind: c.kinds[i],
      stated: orNull(c.stated[i]),
      cities: cities[i],
      ages: ages[i],
      alive: (flags & ALIVE) !== 0,
      norms: NO_NORMS,
      normsAt: -1,
    });
    if (weights.counts[i] !== terms.counts[i] || terms.counts[i] < 0 || signatures.counts[i] < 0) throw new SnapshotUnreadable('entry runs disagree');
    term += terms.counts[i];
    sig += signatures.counts[i];
  }
  if (term !== terms.values.length || sig !== signatures.values.length) throw new SnapshotUnreadable('column lengths disagree');
  const columns = { terms: [terms.values], weights: [weights.values], signatures: [signatures.values] };
  return { entries, stories, columns, vocab: { names: decodeNames(t.vocab.names), df: t.vocab.df, channels: t.vocab.channels, docs: t.vocab.docs, table: t.vocab.table, fixedDf: t.vocab.fixedDf, fixedAt: t.vocab.fixedAt }, postings: { ...t.postings, pages: slices(t.postings.pages) }, bands: t.bands.map(decodeBand) };
}

function packNames(names: TermNames): { joined: Text; starts: Int32Array } | null {
  const p = names.pack();
  return p && { joined: packText(p.joined), starts: p.starts };
}

function decodeNames(n: EncodedIndex['vocab']['names']): TermNames {
  if (Array.isArray(n)) return TermNames.fromList(n);
  const joined = unpackText(n.joined);
  if (n.starts.length < 1 || n.starts[n.starts.length - 1] !== joined.length) throw new SnapshotUnreadable('term names disagree');
  return new TermNames(joined, n.starts);
}

function decodeStories(s: EncodedIndex['stories'], entries: number): Map<string, Story> {
  const ids = unpackStrings(s.ids);
  const names = unpackLists(s.persons);
  const members = s.members.counts;
  const sums = s.sums.counts;
  const kinds = s.kinds.counts;
  for (const col of [members, sums, kinds, names, s.sumsUsed]) if (col.length !== ids.length) throw new SnapshotUnreadable('story columns disagree');
  const stories = new Map<string, Story>();
  // Cursors into the ragged columns: views only for the sums and kinds a story has (most have one member and neither).
  let member = 0;
  let sum = 0;
  let kind = 0;
  let at = 0;
  for (let i = 0; i < ids.length; i++) {
    let persons: Map<string, number> | null = null;
    const size = s.personCounts[at++];
    if (size >= 0) {
      if (size !== names[i].length) throw new SnapshotUnreadable('story persons disagree');
      persons = new Map();
      for (let k = 0; k < size; k++) persons.set(names[i][k], s.personCounts[at + k]);
      at += size;
    }
    // Added one by one from the column (a Set made from a view walks it through an iterator).
    const set = new Set<number>();
    for (const end = member + members[i]; member < end; member++) {
      const m = s.members.values[member];
      if (!(m >= 0 && m < entries)) throw new SnapshotUnreadable('story member out of range');
      set.add(m);
    }
    const used = s.sumsUsed[i];
    const slots = used < 0 ? null : s.sums.values.subarray(sum, sum + sums[i]);
    sum += sums[i];
    if (kinds[i] && kinds[i] !== EVENT_KINDS.length) throw new SnapshotUnreadable('kinds of event changed');
    const counts = kinds[i] ? s.kinds.values.subarray(kind, kind + kinds[i]) : null;
    kind += kinds[i];
    stories.set(ids[i], { members: set, sums: slots ? TermSums.fromState({ slots, used }) : null, norms: NO_NORMS, normsAt: -1, persons, kinds: counts });
  }
  if (member !== s.members.values.length || sum !== s.sums.values.length || kind !== s.kinds.values.length) throw new SnapshotUnreadable('column lengths disagree');
  return stories;
}

function decodeBand(b: EncodedIndex['bands'][number]): BandTableState {
  // Each list is grown in place as articles join its bucket: none shares the empty one.
  return { table: { slots: b.slots, used: b.used }, lists: numberLists(b.lists, null) };
}
