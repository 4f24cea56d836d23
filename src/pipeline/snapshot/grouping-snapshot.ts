// The grouping's snapshot file: the story index exactly as a restore of the store builds it, with
// each article's place in the store order (`seq`) and version, written beside the store. Loading
// it takes well under a second at 100k articles where a restore (every article's features read
// and parsed) takes 5–9 s. It is trusted only as far as the store proves it: see restore-grouping.ts.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { FEATURES_VERSION } from '../4-cluster/features.ts';
import type { StoryIndexState } from '../4-cluster/story-index.ts';
import { checksum } from './checksum.ts';
import { CHECKSUM_MISMATCH, containerSum, decodeContainer, encodeContainer, SnapshotUnreadable } from './container.ts';
import { decodeIndex, encodeIndex, type EncodedIndex } from './index-codec.ts';

/**
 * Raised whenever the index's layout or the way a restore builds it changes (then every older
 * snapshot is ignored and the store restored once). The snapshot test compares a loaded
 * snapshot with a fresh restore field by field, so a change that forgets this fails there.
 */
export const SNAPSHOT_FORMAT = 4;

export interface SnapshotMeta {
  kind: 'parallax-grouping';
  format: number;
  featuresVersion: number;
  /** The assigner's options as JSON: another configuration's index is not this one's. */
  options: string;
  /** The store it was made of (store.storeId), its write revision and its last article (`seq`) then. */
  storeId: string;
  revision: number;
  maxSeq: number;
  articles: number;
  writtenAt: string;
}

/** A restored grouping's index with, per entry, the stored row it came from. */
export interface GroupingImage {
  index: StoryIndexState;
  seqs: Float64Array;
  versions: Int32Array;
}

/** Writes the snapshot to a temporary file beside `file`, flushes it, then renames it over `file`. */
export async function writeSnapshot(file: string, meta: SnapshotMeta, image: GroupingImage): Promise<void> {
  // Encoded at once (the index may change as soon as the caller goes on), written afterwards.
  const parts = encodeContainer(meta, { index: encodeIndex(image.index), seqs: image.seqs, versions: image.versions });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    for (const p of parts) await handle.write(p);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await rm(temp, { force: true });
    throw err;
  }
  await handle.close();
  await rename(temp, file);
}

/** The snapshot at `file`, or null when there is none; throws SnapshotUnreadable when it cannot be used. */
export async function readSnapshot(file: string, expected: Pick<SnapshotMeta, 'options'>): Promise<{ meta: SnapshotMeta; image: GroupingImage } | null> {
  let bytes: Buffer;
  try {
    bytes = await readShared(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new SnapshotUnreadable(`cannot read: ${(err as Error).message}`);
  }
  const { body, crc } = containerSum(bytes);
  // Summed on another thread while this one decodes; nothing decoded is returned before it matches.
  const sum = checksum(body);
  let loaded: { meta: SnapshotMeta; image: GroupingImage };
  try {
    loaded = decodeSnapshot(bytes, expected);
  } catch (err) {
    // A damaged file is reported as one, whatever its damage made the decoding fail on.
    if ((await sum) !== crc) throw new SnapshotUnreadable(CHECKSUM_MISMATCH);
    throw err;
  }
  if ((await sum) !== crc) throw new SnapshotUnreadable(CHECKSUM_MISMATCH);
  return loaded;
}

/** The file's bytes, in memory another thread can read too (its checksum: checksum.ts). */
async function readShared(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.from(new SharedArrayBuffer(size));
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(bytes, at, size - at, at);
      if (!bytesRead) break;
      at += bytesRead;
    }
    return bytes.subarray(0, at);
  } finally {
    await handle.close();
  }
}

function decodeSnapshot(bytes: Buffer, expected: Pick<SnapshotMeta, 'options'>): { meta: SnapshotMeta; image: GroupingImage } {
  const { meta, tree } = decodeContainer(bytes, true);
  const m = meta as SnapshotMeta;
  if (m?.kind !== 'parallax-grouping') throw new SnapshotUnreadable('not a grouping snapshot');
  if (m.format !== SNAPSHOT_FORMAT) throw new SnapshotUnreadable(`snapshot format ${m.format}, this Parallax writes ${SNAPSHOT_FORMAT}`);
  if (m.featuresVersion !== FEATURES_VERSION) throw new SnapshotUnreadable(`features version ${m.featuresVersion}, this Parallax uses ${FEATURES_VERSION}`);
  if (m.options !== expected.options) throw new SnapshotUnreadable('made with other grouping options');
  const t = tree as { index: EncodedIndex; seqs: Float64Array; versions: Int32Array };
  try {
    const index = decodeIndex(t.index);
    if (t.seqs.length !== index.entries.length || t.versions.length !== index.entries.length || index.entries.length !== m.articles) throw new SnapshotUnreadable('row columns disagree');
    return { meta: m, image: { index, seqs: t.seqs, versions: t.versions } };
  } catch (err) {
    if (err instanceof SnapshotUnreadable) throw err;
    throw new SnapshotUnreadable(`malformed: ${(err as Error).message}`);
  }
}
