import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { paragraphSpans, sentenceSpans, tokenize } from './segment.ts';

const sentences = (text: string, lang = 'en') =>
  sentenceSpans(text, paragraphSpans(text), lang).map((s) => text.slice(s.start, s.end));

describe('sentenceSpans', () => {
  it('finds in a paragraph of many thousand characters the sentences of its parts (the segmenter sees it in windows)', () => {
    const parts = Array.from({ length: 400 }, (_, i) => `Crews fought fire number ${i} near the river. Residents of block ${i} went home on Monday!`);
    const got = sentences(parts.join(' '));
    assert.equal(got.length, 800);
    assert.deepEqual(got.slice(398, 402), [...parts[199].split(/(?<=\.) /), ...parts[200].split(/(?<=\.) /)]);
    // One run-on "sentence" longer than a window is still all there, in order.
    const long = `Start ${'word '.repeat(3000)}end.`;
    assert.equal(sentences(long).join(' ').replace(/\s+/g, ' '), long.replace(/\s+/g, ' '));
  });

  const cases: [string, string[]][] = [
    ['Rain fell. Rivers rose.', ['Rain fell.', 'Rivers rose.']],
    ['Dr. Ana Kovač spoke at 9 a.m. on Friday. She left.', ['Dr. Ana Kovač spoke at 9 a.m. on Friday.', 'She left.']],
    ['The U.S. Army arrived. Gen. Ruiz said so.', ['The U.S. Army arrived.', 'Gen. Ruiz said so.']],
    ['John F. Kennedy Airport closed. Flights resumed.', ['John F. Kennedy Airport closed.', 'Flights resumed.']],
    ['“We are ready,” he said. “Stay home.”', ['“We are ready,” he said.', '“Stay home.”']],
    ['First paragraph.\n\nSecond one. Two sentences.', ['First paragraph.', 'Second one.', 'Two sentences.']],
    ['El Sr. Pérez llegó el lunes. Luego habló.', ['El Sr. Pérez llegó el lunes.', 'Luego habló.']],
  ];
  for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(sentences(text), expected));

  it('gives spans that point into the text', () => {
    const text = '  Leading space.\n\n  Indented para. Next.';
    for (const s of sentenceSpans(text, paragraphSpans(text))) assert.equal(text.slice(s.start, s.end).trim(), text.slice(s.start, s.end));
  });
});

describe('tokenize', () => {
  it('keeps inner hyphens and apostrophes', () => {
    assert.deepEqual(tokenize("O'Neill's 17-year-old son, São João.").map((t) => t.text), ["O'Neill's", '17-year-old', 'son', 'São', 'João']);
  });
});
