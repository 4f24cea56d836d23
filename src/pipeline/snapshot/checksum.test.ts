import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crc32 } from 'node:zlib';
import { checksum } from './checksum.ts';

/** Made-up bytes in shared memory, as a snapshot is read (grouping-snapshot.ts). */
function shared(text: string): Buffer {
  const plain = Buffer.from(text.repeat(2_000), 'utf8');
  const bytes = Buffer.from(new SharedArrayBuffer(plain.length));
  plain.copy(bytes);
  return bytes;
}

describe('snapshot checksum', () => {
  it('sums shared bytes on a worker thread as zlib sums them here', async () => {
    const bytes = shared('Flooding closed the river road north of Dayton on Tuesday. ');
    assert.equal(await checksum(bytes, 0), crc32(bytes));
    // A part of the buffer (the container's body starts after its head).
    assert.equal(await checksum(bytes.subarray(24), 0), crc32(bytes.subarray(24)));
  });

  it('gives another sum for one changed byte, aside or here', async () => {
    const bytes = shared('Council votes on the harbour budget after a long night. ');
    const before = await checksum(bytes, 0);
    bytes[bytes.length >> 1] ^= 0x20;
    assert.notEqual(await checksum(bytes, 0), before);
    assert.equal(await checksum(bytes, 0), await checksum(Buffer.from(bytes), 0));
  });
});
