import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeContainer, encodeContainer } from './container.ts';
import { packText, unpackText } from './index-codec.ts';

/** Through a container and back, as a snapshot's text columns go. */
function roundTrip(s: string): string {
  const { tree } = decodeContainer(Buffer.concat(encodeContainer({}, { text: packText(s) })));
  return unpackText((tree as { text: Parameters<typeof unpackText>[0] }).text);
}

describe('snapshot text columns', () => {
  it('keeps every character, one byte each when all fit in one', () => {
    const latin = ['Alcaldía de València', 'año', 'w:incendio', 'p:josé-núñez'].join('\u0000');
    assert.ok('latin1' in packText(latin));
    assert.equal(roundTrip(latin), latin);
    assert.equal(roundTrip(''), '');
  });

  it('keeps characters beyond one byte, and unpaired surrogates, as they are', () => {
    for (const s of ['“Fire on the ridge” — day two', 'Kyiv: Київ', 'emoji 🔥 ok', 'broken \ud800 half', '\udfff']) {
      assert.ok('utf16' in packText(s), s);
      assert.equal(roundTrip(s), s);
    }
  });
});
