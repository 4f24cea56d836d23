// HTML bytes → text, finding the character set the way browsers do (WHATWG "encoding sniffing",
// simplified): byte-order mark, then the HTTP Content-Type header, then a <meta> charset (or an XML
// declaration) near the top of the page, then a guess from the bytes themselves.
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** How far into the page a <meta charset> is looked for (browsers look at 1024 bytes; pages are sloppier). */
const PRESCAN_BYTES = 8192;

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

function bomCharset(bytes: Uint8Array): string | null {
  for (const [bom, name] of BOMS) if (bom.every((b, i) => bytes[i] === b)) return name;
  return null;
}

/** The charset parameter of a Content-Type value, e.g. `text/html; charset="windows-1251"`. */
export function charsetParam(contentType: string | undefined | null): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return m ? m[1] : null;
}

/** The charset a <meta> tag or XML declaration in the first bytes declares, if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  // Latin-1 maps bytes one to one, so the ASCII markup reads the same whatever the real charset.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString(
    'latin1',
  );
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1];
  for (const tag of head.replace(/<!--[\s\S]*?-->/g, '').match(/<meta\b[^<>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(tag);
    if (direct) return direct[1];
  }
  return null;
}

/**
 * windows-1252 is Latin-1 but for 0x80–0x9F, which hold curly quotes, dashes, € and the like (the
 * WHATWG index; its five unassigned bytes stay as themselves). Node 20.18.3+ decodes that range as
 * C1 controls (nodejs/node#56542), so it is mapped here.
 */
const CP1252_80_9F =
  '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f' +
  '\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178';

const windows1252 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80]);

/** A TextDecoder for a label, or null when neither the WHATWG table nor iconv-lite knows it. */
function decoderFor(label: string): { name: string; decode: (b: Uint8Array) => string } | null {
  try {
    const d = new TextDecoder(label.trim().toLowerCase());
    // WHATWG: a page that says UTF-16 in ASCII markup is not really UTF-16.
    if (d.encoding.startsWith('utf-16')) return decoderFor('utf-8');
    // Labels such as iso-8859-1, latin1 and us-ascii mean windows-1252 too.
    if (d.encoding === 'windows-1252') return { name: d.encoding, decode: windows1252 };
    return { name: d.encoding, decode: (b) => d.decode(b) };
  } catch {
    if (!iconv.encodingExists(label)) return null;
    return { name: label.toLowerCase(), decode: (b) => iconv.decode(Buffer.from(b), label) };
  }
}

/**
 * With no declaration and bytes that are not UTF-8: a legacy single-byte page. Cyrillic text in
 * windows-1251 is mostly letters in 0xC0–0xFF; Western text in windows-1252 has a few accented
 * letters among ASCII words. The share of high bytes among letters tells them apart.
 */
function guessLegacy(bytes: Uint8Array): string {
  let high = 0;
  let letters = 0;
  const n = Math.min(bytes.length, 65536);
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b >= 0xc0) high++;
    if (b >= 0xc0 || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) letters++;
  }
  return letters > 0 && high / letters > 0.3 ? 'windows-1251' : 'windows-1252';
}

/** Share of U+FFFD among the non-ASCII characters: high when a declared charset is wrong. */
function replacementShare(text: string): number {
  let nonAscii = 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) nonAscii++;
    if (c === 0xfffd) bad++;
  }
  return nonAscii ? bad / nonAscii : 0;
}

const utf8 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');

/** Decodes an HTML page's bytes; `charset` is the canonical name of the charset used. */
export function decodeHtml(bytes: Uint8Array, contentTypeHeader?: string): { html: string; charset: string } {
  const bom = bomCharset(bytes);
  if (bom) {
    const d = new TextDecoder(bom, { ignoreBOM: false });
    return { html: d.decode(bytes), charset: d.encoding };
  }
  for (const label of [charsetParam(contentTypeHeader), declaredCharset(bytes)]) {
    const decoder = label ? decoderFor(label) : null;
    if (!decoder) continue;
    if (decoder.name === 'utf-8') {
      if (isUtf8(bytes)) return { html: utf8(bytes), charset: 'utf-8' };
      // A page labelled UTF-8 that is mostly invalid UTF-8 was saved in a legacy charset.
      const html = decoder.decode(bytes);
      if (replacementShare(html) > 0.2) continue;
      return { html, charset: 'utf-8' };
    }
    return { html: decoder.decode(bytes), charset: decoder.name };
  }
  if (isUtf8(bytes)) return { html: utf8(bytes), charset: 'utf-8' };
  const legacy = decoderFor(guessLegacy(bytes))!;
  return { html: legacy.decode(bytes), charset: legacy.name };
}
