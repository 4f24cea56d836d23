// Near-copies (syndicated or lightly edited reports): MinHash over word 4-shingles of the body,
// with an LSH band index so candidates are found without comparing against every article.
// Headlines are left out on purpose: syndicated copies often get a new headline.
import { foldMarks } from '../../text/fold.ts';
import { BandTable } from './band-table.ts';

export const SIGNATURE_SIZE = 64;
const BANDS = 16;
const ROWS = SIGNATURE_SIZE / BANDS;
const SHINGLE = 4;
/** Bodies shorter than this many shingles get no signature: too little text to call a copy. */
const MIN_SHINGLES = 12;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// Murmur3's finaliser: a fixed, seedable permutation of 32-bit values (deterministic by design).
function mix(h: number, seed: number): number {
  h = (h ^ seed) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const EMPTY = 0xffffffff;
/** Articles kept per LSH bucket (the newest). */
const MAX_BUCKET = 64;

/**
 * One-permutation MinHash: each shingle is hashed once; the top 6 bits pick one of 64 bins and
 * the bin keeps its smallest value. An empty signature when the body is too short.
 */
export function minhashSignature(text: string): number[] {
  return minhashOfWords(foldMarks(text).match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** The same from the body's folded words (when the caller has them already). */
export function minhashOfWords(words: string[]): number[] {
  if (words.length < MIN_SHINGLES + SHINGLE - 1) return [];
  const sig = new Array<number>(SIGNATURE_SIZE).fill(EMPTY);
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    const h = mix(fnv1a(`${words[i]} ${words[i + 1]} ${words[i + 2]} ${words[i + 3]}`), 0x9e3779b9);
    const bin = h >>> 26;
    const v = h & 0x3ffffff;
    if (v < sig[bin]) sig[bin] = v;
  }
  return sig;
}

/** Estimated Jaccard similarity of the two shingle sets (bins empty on both sides do not count). */
export function signatureSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== SIGNATURE_SIZE || b.length !== SIGNATURE_SIZE) return 0;
  let same = 0;
  let used = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) {
    if (a[k] === EMPTY && b[k] === EMPTY) continue;
    used++;
    if (a[k] === b[k]) same++;
  }
  return used ? same / used : 0;
}

/** LSH over MinHash bands: articles sharing any band are near-copy candidates. */
export class NearCopyIndex {
  private bands = Array.from({ length: BANDS }, () => new BandTable(MAX_BUCKET));

  /** Each band's 30-bit hash (small integers: no heap numbers); none for an empty signature. */
  private keys(sig: ArrayLike<number>): number[] {
    if (sig.length !== SIGNATURE_SIZE) return [];
    const keys: number[] = [];
    for (let b = 0; b < BANDS; b++) {
      let h = b + 1;
      for (let r = b * ROWS; r < (b + 1) * ROWS; r++) h = mix(sig[r], h);
      keys.push(h & 0x3fffffff);
    }
    return keys;
  }

  add(id: number, sig: ArrayLike<number>): void {
    this.keys(sig).forEach((key, b) => this.bands[b].add(key, id));
  }

  /** Ids that share at least one band with the signature (may include removed ones: callers check). A rare hash collision only adds a candidate. */
  candidates(sig: ArrayLike<number>): Set<number> {
    const out = new Set<number>();
    this.keys(sig).forEach((key, b) => this.bands[b].collect(key, out));
    return out;
  }
}
