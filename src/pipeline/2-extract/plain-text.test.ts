import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExtractError } from './errors.ts';
import { parsePlainText, splitFrontMatter } from './plain-text.ts';

describe('parsePlainText', () => {
  it('takes title, subtitle, date line and byline from the head, and drops leftovers', () => {
    const text = [
      'Border emergency declared',
      'Thousands cross before the vote',
      'By Marta Ruiz | March 14, 2026',
      'Tags: politics, migration',
      'IMG_2041.jpg',
      '',
      'The government declared a state of emergency on Friday.',
      'Share this article',
      'Officials said 3,400 people crossed.',
    ].join('\n');
    const p = parsePlainText(text, { hasTitle: false });
    assert.equal(p.title, 'Border emergency declared');
    assert.equal(p.subtitle, 'Thousands cross before the vote');
    assert.equal(p.author, 'Marta Ruiz');
    assert.equal(p.dateLine?.date, '2026-03-14');
    assert.deepEqual(p.paragraphs, ['The government declared a state of emergency on Friday.', 'Officials said 3,400 people crossed.']);
    assert.equal(p.dropped.length, 4);
  });

  it('reads bylines with an outlet, a role or a staff credit as the author, not a subtitle', () => {
    const cases: [string, string][] = [
      ["By Liam O'Rourke | Eastbridge Times", "Liam O'Rourke"],
      ['By Elena Vidal, special correspondent | The Plainsman', 'Elena Vidal'],
      ['By Valley Courier staff', 'Valley Courier staff'],
    ];
    for (const [line, author] of cases) {
      const p = parsePlainText(`Fire at the mill\n${line}\n\nA fire broke out on Monday.`, { hasTitle: false });
      assert.deepEqual([p.author, p.subtitle, p.paragraphs], [author, null, ['A fire broke out on Monday.']], line);
    }
    assert.equal(parsePlainText("Fire\nBy Liam O'Rourke | Eastbridge Times\n\nBody.", { hasTitle: false }).outlet, 'Eastbridge Times');
    assert.equal(parsePlainText('Fire\nBy Valley Courier staff\n\nBody.', { hasTitle: false }).outlet, null);
  });

  it('does not take a punctuated second line as a subtitle', () => {
    const p = parsePlainText('Title here\nThe first sentence of the body ends here.\nMore.', { hasTitle: false });
    assert.equal(p.subtitle, null);
    assert.equal(p.paragraphs[0], 'The first sentence of the body ends here.');
  });

  it('joins hard-wrapped lines into one paragraph', () => {
    const p = parsePlainText('T\n\nThe river rose during\nthe night and flooded\nthe old town.\n\nNext paragraph.', { hasTitle: false });
    assert.deepEqual(p.paragraphs, ['The river rose during the night and flooded the old town.', 'Next paragraph.']);
  });

  it('keeps a date line only once and leaves prose with dates alone', () => {
    const p = parsePlainText('T\n2026-03-14\n\nOn March 14, 2026 the river rose.\n2026-03-15', { hasTitle: false });
    assert.equal(p.dateLine?.date, '2026-03-14');
    assert.ok(p.paragraphs.join(' ').includes('On March 14, 2026 the river rose.'));
  });
});

describe('splitFrontMatter', () => {
  it('parses YAML front matter', () => {
    const { data, body } = splitFrontMatter('---\ntitle: Hello\nid: x-1\npublished: 2026-03-14\n---\nBody');
    assert.equal(data.title, 'Hello');
    assert.equal(data.id, 'x-1');
    assert.equal(body, 'Body');
  });
  it('rejects malformed front matter with a clear error', () => {
    assert.throws(() => splitFrontMatter('---\ntitle: [unclosed\n---\nBody'), (e: unknown) => e instanceof ExtractError && /malformed YAML front matter/.test((e as Error).message));
  });
  it('leaves text without front matter alone', () => {
    assert.deepEqual(splitFrontMatter('Just text\n---\nmore'), { data: {}, body: 'Just text\n---\nmore' });
  });
});
