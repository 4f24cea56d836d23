// A snapshot file's container: a fixed header (magic, format, checksum, length of the JSON part),
// a JSON part (metadata and the tree's plain values) and the tree's typed arrays, each at an
// 8-byte boundary so they are read back as views of the file's bytes, not copies.
//   0  8 bytes  magic "PLXSNAP\n"
//   8  u32      container format
//  12  u32      CRC-32 of every byte from 24 on
//  16  u32      bytes of the JSON part
//  20  u32      0
//  24  JSON     { meta, arrays: [[kind, byteOffset, length]…], tree }, padded to 8
//  …   arrays
import { crc32 } from 'node:zlib';

const MAGIC = Buffer.from('PLXSNAP\n', 'latin1');
const CONTAINER_FORMAT = 1;
const HEAD = 24;

/** The typed arrays a tree may hold; anything else in it must be plain JSON. */
type Column = Int32Array | Uint32Array | Float32Array | Float64Array | Uint8Array | Uint16Array;
const KINDS = { i32: Int32Array, u32: Uint32Array, f32: Float32Array, f64: Float64Array, u8: Uint8Array, u16: Uint16Array } as const;
type Kind = keyof typeof KINDS;

function kindOf(a: Column): Kind {
  if (a instanceof Int32Array) return 'i32';
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Float32Array) return 'f32';
  if (a instanceof Float64Array) return 'f64';
  if (a instanceof Uint16Array) return 'u16';
  return 'u8';
}

/** A snapshot that cannot be read: the caller warns and restores from the store instead. */
export class SnapshotUnreadable extends Error {
  override name = 'SnapshotUnreadable';
}

const ARRAY = '$array';
const align = (n: number) => (n + 7) & ~7;

/** The container's bytes, in pieces to write one after another (the arrays are not copied). */
export function encodeContainer(meta: unknown, tree: unknown): Buffer[] {
  const arrays: Column[] = [];
  const skeleton = JSON.stringify(tree, (_key, value: unknown) => {
    if (ArrayBuffer.isView(value)) return { [ARRAY]: arrays.push(value as Column) - 1 };
    return value;
  });
  const table: [Kind, number, number][] = [];
  let offset = 0;
  for (const a of arrays) {
    table.push([kindOf(a), offset, a.length]);
    offset = align(offset + a.byteLength);
  }
  const json = Buffer.from(`{"meta":${JSON.stringify(meta)},"arrays":${JSON.stringify(table)},"tree":${skeleton}}`, 'utf8');
  const jsonPart = Buffer.alloc(align(json.length));
  json.copy(jsonPart);
  const parts: Buffer[] = [jsonPart];
  for (const a of arrays) {
    // Empty ones add no bytes (and zlib's crc32 of a view over an empty buffer gives 0 on Node 20).
    if (!a.byteLength) continue;
    parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    const pad = align(a.byteLength) - a.byteLength;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  let crc = 0;
  for (const p of parts) crc = crc32(p, crc);
  const head = Buffer.alloc(HEAD);
  MAGIC.copy(head, 0);
  head.writeUInt32LE(CONTAINER_FORMAT, 8);
  head.writeUInt32LE(crc, 12);
  head.writeUInt32LE(json.length, 16);
  return [head, ...parts];
}

/** The checksummed part of a container's bytes and the CRC-32 it must have; throws SnapshotUnreadable when they are not a container. */
export function containerSum(bytes: Buffer): { body: Buffer; crc: number } {
  if (bytes.length < HEAD || !bytes.subarray(0, 8).equals(MAGIC)) throw new SnapshotUnreadable('not a Parallax snapshot');
  const format = bytes.readUInt32LE(8);
  if (format !== CONTAINER_FORMAT) throw new SnapshotUnreadable(`container format ${format}, this Parallax reads ${CONTAINER_FORMAT}`);
  return { body: bytes.subarray(HEAD), crc: bytes.readUInt32LE(12) };
}

export const CHECKSUM_MISMATCH = 'checksum mismatch (a damaged or partly written file)';

/**
 * Meta and tree back from a container's bytes; throws SnapshotUnreadable when they are not one.
 * `checked`: the caller has the checksum taken (and must not use the result before it matches).
 */
export function decodeContainer(bytes: Buffer, checked = false): { meta: unknown; tree: unknown } {
  const { body, crc } = containerSum(bytes);
  if (!checked && crc32(body) !== crc) throw new SnapshotUnreadable(CHECKSUM_MISMATCH);
  const jsonLength = bytes.readUInt32LE(16);
  if (HEAD + jsonLength > bytes.length) throw new SnapshotUnreadable('truncated');
  let parsed: { meta: unknown; arrays: [Kind, number, number][]; tree: unknown };
  try {
    parsed = JSON.parse(bytes.toString('utf8', HEAD, HEAD + jsonLength));
  } catch {
    throw new SnapshotUnreadable('unreadable metadata');
  }
  const base = HEAD + align(jsonLength);
  // Views need the file's bytes at an 8-byte boundary in memory; a rare unaligned read is copied once.
  const aligned = (bytes.byteOffset + base) % 8 === 0 ? bytes : Buffer.from(bytes);
  const arrays = parsed.arrays.map(([kind, offset, length]) => {
    const Type = KINDS[kind];
    if (!Type) throw new SnapshotUnreadable(`unknown array kind ${String(kind)}`);
    const start = aligned.byteOffset + base + offset;
    if (base + offset + length * Type.BYTES_PER_ELEMENT > aligned.length) throw new SnapshotUnreadable('truncated');
    // (A shared buffer when the file was read into one for its checksum: checksum.ts.)
    return new Type(aligned.buffer as ArrayBuffer, start, length);
  });
  return { meta: parsed.meta, tree: revive(parsed.tree, arrays) };
}

function revive(value: unknown, arrays: Column[]): unknown {
  if (Array.isArray(value)) {
    // Arrays of strings or numbers (ids, headlines, names) hold no array: left as parsed.
    if (value.length && typeof value[0] !== 'object') return value;
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i], arrays);
    return value;
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o[ARRAY] === 'number') {
      const a = arrays[o[ARRAY]];
      if (!a) throw new SnapshotUnreadable('array out of range');
      return a;
    }
    for (const k of Object.keys(o)) o[k] = revive(o[k], arrays);
  }
  return value;
}
